<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Products;

/** What a product generation did, for the admin to read. */
final class GenerationReport
{
    /** @var list<string> "V91 -> product #12" */
    public array $created = [];
    /** @var list<string> */
    public array $updated = [];
    /** @var list<string> */
    public array $skipped = [];
    /** @var list<string> */
    public array $warnings = [];
    /** @var list<string> */
    public array $notExported = [];
    public int $optionsSaved = 0;
    public int $subOptionsSaved = 0;
    public int $hidden = 0;
    public int $groupId = 0;
    /** @var list<string> */
    public array $currencies = [];
}
