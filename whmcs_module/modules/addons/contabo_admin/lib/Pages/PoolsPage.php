<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;

/**
 * Object storage pools: per region the space bought, the quotas sold to customers, what they
 * use, the headroom left and the cap up to which the backend may buy more
 * (GET /admin/object-storage/pools and /admin/object-storage/settings). Read only: the cap and
 * margin are set with the backend's settings route or its admin command.
 */
final class PoolsPage extends Page
{
    public static function slug(): string
    {
        return 'pools';
    }

    public function render(): Raw
    {
        return Html::join([
            Html::paragraph($this->t('pools_help'), 'text-muted'),
            $this->section($this->t('pools_heading'), fn (): Raw => $this->pools()),
        ]);
    }

    private function pools(): Raw
    {
        $settings = $this->ctx->api()->objectStorageSettings();
        $cap = (float) ($settings['growth_cap_tb'] ?? 0);
        $rows = [];
        foreach ($this->ctx->api()->objectStoragePools() as $pool) {
            $headroom = (float) ($pool['headroom_tb'] ?? 0);
            $rows[] = [
                (string) ($pool['region'] ?? ''),
                $this->tb($pool['size_tb'] ?? 0),
                $this->tb($pool['allocated_tb'] ?? 0),
                $this->tb($pool['used_tb'] ?? 0),
                $headroom < 0 ? $this->t('pools_oversold', $this->tb(-$headroom)) : $this->tb($headroom),
                $cap > 0 ? $this->tb($cap) : $this->t('pools_cap_off'),
                (string) (int) ($pool['customers'] ?? 0),
                $this->t(!empty($pool['growth_pending']) ? 'pools_growth_pending' : 'pools_growth_idle'),
            ];
        }
        return Html::join([
            Html::table([
                $this->t('column_region'),
                $this->t('column_pool_size'),
                $this->t('column_pool_allocated'),
                $this->t('column_pool_used'),
                $this->t('column_pool_headroom'),
                $this->t('column_pool_cap'),
                $this->t('column_pool_customers'),
                $this->t('column_pool_growth'),
            ], $rows, $this->t('pools_none')),
            Html::paragraph($this->t('pools_margin', $this->tb($settings['growth_margin_tb'] ?? 0)), 'text-muted'),
        ]);
    }

    private function tb(mixed $value): string
    {
        return $this->t('pools_tb', rtrim(rtrim(number_format((float) $value, 2, '.', ''), '0'), '.'));
    }
}
