<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

use WHMCS\Database\Capsule;

final class CapsuleSettingsStore implements SettingsStore
{
    public function __construct(private readonly string $module = 'contabo_admin')
    {
    }

    public function save(array $values): void
    {
        foreach ($values as $setting => $value) {
            Capsule::table('tbladdonmodules')->updateOrInsert(
                ['module' => $this->module, 'setting' => $setting],
                ['value' => $value],
            );
        }
    }
}
