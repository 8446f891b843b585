<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Addon\ContaboAdmin\Products\GenerationReport;
use WHMCS\Module\Addon\ContaboAdmin\Products\ProductGenerator;
use WHMCS\Module\Server\Contabo\Api\ApiException;

/**
 * The synced catalog and its last diff, products on or off, margin rules (and the whole
 * pricing configuration), the export a currency gets, and the WHMCS products made from it.
 */
final class CatalogPage extends Page
{
    private const ROUNDING_MODES = ['cents', 'step', 'ending'];
    private const MARGIN_ROWS_EXTRA = 2;

    private ?GenerationReport $report = null;
    private ?string $pricingDraft = null;

    public static function slug(): string
    {
        return 'catalog';
    }

    public function act(string $action): void
    {
        match ($action) {
            'toggle_product' => $this->toggleProduct(),
            'save_margins' => $this->saveMargins(),
            'save_pricing' => $this->savePricingJson(),
            'generate' => $this->generate(),
            default => parent::act($action),
        };
    }

    public function render(): Raw
    {
        return Html::join([
            $this->generation(),
            $this->section($this->t('catalog_products'), fn (): Raw => $this->catalog()),
            $this->section($this->t('catalog_diff'), fn (): Raw => $this->diff()),
            $this->section($this->t('pricing_margins'), fn (): Raw => $this->pricing()),
            $this->section($this->t('pricing_export'), fn (): Raw => $this->exportPreview()),
        ]);
    }

    private function generation(): Raw
    {
        $parts = [
            Html::heading($this->t('generate_title')),
            Html::paragraph($this->t('generate_help', $this->ctx->settings->productGroup), 'text-muted'),
            $this->html()->form('catalog', 'generate', [], $this->t('action_generate'), 'btn btn-primary', $this->t('generate_confirm')),
        ];
        if ($this->report !== null) {
            $report = $this->report;
            $rows = [
                [$this->t('generate_created'), $this->listText($report->created)],
                [$this->t('generate_updated'), $this->listText($report->updated)],
                [$this->t('generate_options'), $this->t('generate_options_count', $report->optionsSaved, $report->subOptionsSaved, $report->hidden)],
                [$this->t('generate_currencies'), $this->listText($report->currencies)],
                [$this->t('generate_skipped'), $this->listText($report->skipped)],
                [$this->t('generate_not_exported'), $this->listText($report->notExported)],
                [$this->t('generate_warnings'), $this->listText($report->warnings)],
            ];
            $parts[] = Html::table([$this->t('column_what'), $this->t('column_result')], $rows, '');
        }
        return Html::join($parts);
    }

    private function generate(): void
    {
        $generator = new ProductGenerator($this->ctx->api(), $this->ctx->products, $this->ctx->settings);
        $this->report = $generator->generate();
        $this->succeed($this->t('generate_done', count($this->report->created), count($this->report->updated)));
    }

    private function catalog(): Raw
    {
        $catalog = $this->ctx->api()->catalog();
        $rows = [];
        foreach ((array) ($catalog['products'] ?? []) as $product) {
            $enabled = (bool) ($product['enabled'] ?? true);
            $rows[] = [
                (string) ($product['product_id'] ?? ''),
                (string) ($product['display_name'] ?? $product['label'] ?? ''),
                (string) ($product['product_type'] ?? ''),
                $enabled,
                (bool) ($product['overridden'] ?? false),
                $this->html()->form('catalog', 'toggle_product', [
                    $this->html()->hidden('product_id', (string) ($product['product_id'] ?? '')),
                    $this->html()->hidden('enabled', $enabled ? '0' : '1'),
                ], $enabled ? $this->t('action_disable') : $this->t('action_enable'), 'btn btn-default btn-xs'),
            ];
        }
        $regions = array_map(static fn (array $r): string => (string) ($r['display_name'] ?? $r['region_id'] ?? ''), array_filter((array) ($catalog['regions'] ?? []), 'is_array'));
        $images = array_filter((array) ($catalog['images'] ?? []), static fn (mixed $i): bool => is_array($i) && !empty($i['available']));
        return Html::join([
            Html::paragraph($this->t('catalog_synced', isset($catalog['synced_at']) ? Format::dateTime($catalog['synced_at']) : $this->t('never'), (string) ($catalog['products_version'] ?? ''))),
            Html::table([$this->t('column_id'), $this->t('column_product'), $this->t('column_type'), $this->t('column_enabled'), $this->t('column_overridden'), ''], $rows, $this->t('none')),
            Html::paragraph($this->t('catalog_regions', $this->listText($regions))),
            Html::paragraph($this->t('catalog_images', count($images))),
        ]);
    }

    private function toggleProduct(): void
    {
        $productId = $this->ctx->request->post('product_id');
        $enabled = $this->ctx->request->post('enabled') === '1';
        $this->ctx->api()->overrideProduct($productId, ['enabled' => $enabled]);
        $this->succeed($enabled ? $this->t('product_enabled', $productId) : $this->t('product_disabled', $productId));
    }

    private function diff(): Raw
    {
        try {
            $diff = $this->ctx->api()->catalogDiff();
        } catch (ApiException $error) {
            if ($error->httpStatus === 404) {
                return Html::paragraph($this->t('catalog_no_diff'), 'text-muted');
            }
            throw $error;
        }
        $rows = [];
        foreach (['products', 'regions', 'images'] as $section) {
            $changes = (array) ($diff[$section] ?? []);
            foreach (['added', 'removed'] as $kind) {
                foreach ((array) ($changes[$kind] ?? []) as $item) {
                    $rows[] = [$section, $this->t('diff_' . $kind), (string) ($item['id'] ?? ''), (string) ($item['name'] ?? '')];
                }
            }
            foreach ((array) ($changes['changed'] ?? []) as $item) {
                $fields = [];
                foreach ((array) ($item['changes'] ?? []) as $field => $change) {
                    $fields[] = sprintf('%s: %s -> %s', $field, self::scalar($change['old'] ?? null), self::scalar($change['new'] ?? null));
                }
                $rows[] = [$section, $this->t('diff_changed'), (string) ($item['id'] ?? ''), implode('; ', $fields)];
            }
        }
        return Html::join([
            Html::paragraph($this->t('catalog_diff_when', Format::dateTime($diff['synced_at'] ?? ''), isset($diff['previous_synced_at']) ? Format::dateTime($diff['previous_synced_at']) : $this->t('never'))),
            Html::table([$this->t('column_section'), $this->t('column_change'), $this->t('column_id'), $this->t('column_detail')], $rows, $this->t('catalog_diff_none')),
        ]);
    }

    private function pricing(): Raw
    {
        $html = $this->html();
        $config = $this->ctx->api()->pricing();
        $margins = array_values(array_filter((array) ($config['margins'] ?? []), 'is_array'));
        $rows = [];
        $count = count($margins) + self::MARGIN_ROWS_EXTRA;
        for ($i = 0; $i < $count; $i++) {
            $rule = $margins[$i] ?? [];
            $rounding = (array) ($rule['rounding'] ?? []);
            $rows[] = [
                self::cell("margins[$i][currency]", (string) ($rule['currency'] ?? ''), 'EUR', 5),
                self::cell("margins[$i][product_id]", (string) ($rule['product_id'] ?? ''), '*', 6),
                self::cell("margins[$i][percent]", (string) ($rule['percent'] ?? ''), '20', 6),
                self::cell("margins[$i][fixed_monthly]", (string) ($rule['fixed_monthly'] ?? ''), '0', 6),
                self::modeCell("margins[$i][rounding_mode]", (string) ($rounding['mode'] ?? 'cents')),
                self::cell("margins[$i][rounding_value]", (string) ($rounding['ending'] ?? $rounding['step'] ?? ''), '0.99', 6),
            ];
        }
        $table = Html::table([$this->t('column_currency'), $this->t('column_contabo_product'), $this->t('column_percent'), $this->t('column_fixed'), $this->t('column_rounding'), $this->t('column_rounding_value')], $rows, '');
        $json = $this->pricingDraft ?? (string) json_encode($config, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES);
        return Html::join([
            Html::paragraph($this->t('pricing_margins_help'), 'text-muted'),
            $html->form('catalog', 'save_margins', [$table], $this->t('action_save_margins')),
            Html::heading($this->t('pricing_all'), 4),
            Html::paragraph($this->t('pricing_all_help'), 'text-muted'),
            $html->form('catalog', 'save_pricing', [$html->textarea('pricing_json', $this->t('field_pricing_json'), $json, 16)], $this->t('action_save')),
        ]);
    }

    private function saveMargins(): void
    {
        $posted = $this->ctx->request->post['margins'] ?? [];
        $margins = [];
        foreach (is_array($posted) ? $posted : [] as $row) {
            if (!is_array($row) || trim((string) ($row['currency'] ?? '')) === '') {
                continue;  // the empty rows left for adding one
            }
            $rule = [
                'currency' => strtoupper(trim((string) $row['currency'])),
                'product_id' => trim((string) ($row['product_id'] ?? '')) ?: '*',
                'percent' => trim((string) ($row['percent'] ?? '')) ?: '0',
                'fixed_monthly' => trim((string) ($row['fixed_monthly'] ?? '')) ?: '0',
            ];
            $mode = (string) ($row['rounding_mode'] ?? 'cents');
            $value = trim((string) ($row['rounding_value'] ?? ''));
            $rule['rounding'] = match ($mode) {
                'step' => ['mode' => 'step', 'step' => $value],
                'ending' => ['mode' => 'ending', 'ending' => $value],
                default => ['mode' => 'cents'],
            };
            $margins[] = $rule;
        }
        $config = $this->ctx->api()->pricing();
        // Each rule's option rounding is kept when the same rule (currency, product) existed.
        $before = [];
        foreach ((array) ($config['margins'] ?? []) as $old) {
            $before[($old['currency'] ?? '') . '|' . ($old['product_id'] ?? '*')] = $old;
        }
        foreach ($margins as &$rule) {
            $old = $before[$rule['currency'] . '|' . $rule['product_id']] ?? null;
            if (is_array($old) && isset($old['option_rounding'])) {
                $rule['option_rounding'] = $old['option_rounding'];
            }
        }
        unset($rule);
        $config['margins'] = $margins;
        $this->ctx->api()->savePricing($config);
        $this->succeed($this->t('pricing_saved'));
    }

    private function savePricingJson(): void
    {
        $text = $this->ctx->request->post('pricing_json');
        $config = json_decode($text, true);
        if (!is_array($config)) {
            $this->pricingDraft = $text;
            $this->fail($this->t('error_json'));
            return;
        }
        try {
            $this->ctx->api()->savePricing($config);
        } catch (ApiException $error) {
            $this->pricingDraft = $text;  // the admin's text stays for correcting it
            throw $error;
        }
        $this->succeed($this->t('pricing_saved'));
    }

    private function exportPreview(): Raw
    {
        $currencies = array_map(static fn (array $c): string => $c['code'], $this->ctx->products->currencies());
        $currency = strtoupper($this->ctx->request->query('currency'));
        if (!in_array($currency, $currencies, true)) {
            $currency = $currencies[0] ?? 'EUR';
        }
        $links = array_map(fn (string $code): Raw => Html::join([$this->html()->link($code, 'catalog', ['currency' => $code], $code === $currency ? 'btn btn-primary btn-xs' : 'btn btn-default btn-xs'), ' ']), $currencies);
        $export = $this->ctx->api()->pricingExport($currency);
        $rows = [];
        foreach ((array) ($export['products'] ?? []) as $product) {
            $pricing = (array) ($product['pricing'] ?? []);
            $options = array_map(static fn (array $o): string => (string) ($o['name'] ?? ''), array_filter((array) ($product['config_group']['options'] ?? []), 'is_array'));
            $rows[] = [(string) ($product['product_id'] ?? ''), (string) ($product['name'] ?? ''), (string) ($pricing['monthly'] ?? ''), (string) ($pricing['quarterly'] ?? ''), (string) ($pricing['semiannually'] ?? ''), (string) ($pricing['annually'] ?? ''), implode(', ', $options)];
        }
        $skipped = array_map(static fn (array $s): string => sprintf('%s (%s)', $s['product_id'] ?? '', $s['reason'] ?? ''), array_filter((array) ($export['skipped'] ?? []), 'is_array'));
        return Html::join([
            Html::join($links),
            Html::table([$this->t('column_id'), $this->t('column_product'), $this->t('cycle_monthly'), $this->t('cycle_quarterly'), $this->t('cycle_semiannually'), $this->t('cycle_annually'), $this->t('column_options')], $rows, $this->t('export_empty')),
            Html::paragraph($this->t('export_skipped', $this->listText($skipped))),
            Html::paragraph($this->t('export_warnings', $this->listText((array) ($export['warnings'] ?? [])))),
        ]);
    }

    private static function cell(string $name, string $value, string $placeholder, int $size): Raw
    {
        return new Raw(sprintf('<input type="text" class="form-control input-sm" name="%s" value="%s" placeholder="%s" size="%d" />', Html::e($name), Html::e($value), Html::e($placeholder), $size));
    }

    private static function modeCell(string $name, string $selected): Raw
    {
        $html = sprintf('<select class="form-control input-sm" name="%s">', Html::e($name));
        foreach (self::ROUNDING_MODES as $mode) {
            $html .= sprintf('<option value="%1$s"%2$s>%1$s</option>', Html::e($mode), $mode === $selected ? ' selected="selected"' : '');
        }
        return new Raw($html . '</select>');
    }

    private static function scalar(mixed $value): string
    {
        return is_scalar($value) || $value === null ? var_export($value, true) : (string) json_encode($value);
    }
}
