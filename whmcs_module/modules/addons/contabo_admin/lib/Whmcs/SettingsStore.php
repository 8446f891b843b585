<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

/** The addon's settings rows (tbladdonmodules), the same WHMCS's own settings form writes. */
interface SettingsStore
{
    /** @param array<string, string> $values setting => value */
    public function save(array $values): void;
}
