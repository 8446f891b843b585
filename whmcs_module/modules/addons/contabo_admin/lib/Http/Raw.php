<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Http;

/** Markup built by Html (its values already escaped): inserted as is. */
final class Raw
{
    public function __construct(public readonly string $html)
    {
    }
}
