<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Addon\ContaboAdmin\Lang;
use WHMCS\Module\Addon\ContaboAdmin\PageContext;
use WHMCS\Module\Server\Contabo\Api\ApiException;

/** The backend connection, the defaults for generated products and guardrails per product. */
final class SettingsPage extends Page
{
    /** DNS hosting limits per product: zones per client, records per zone. */
    public const DNS_LIMITS = ['max_dns_zones', 'max_dns_records_per_zone'];
    public const GUARDRAIL_SWITCHES = ['allow_reinstall', 'allow_rescue', 'allow_snapshot_rollback', 'allow_private_network_create', 'allow_automatic_snapshots', 'allow_custom_images', 'require_ssh_key'];
    private const TAG = '/^[A-Za-z0-9_:-]{1,64}$/';
    private const TEMPLATE_NAME = '/^[a-z0-9][a-z0-9_-]{0,63}$/';
    private const MAX_TAGS = 20;

    /** @var array{ok: bool, checks: array<string, string>}|null */
    private ?array $connection = null;
    /** @var array<string, string> what the defaults form shows (saved values once saved) */
    private array $defaults;

    public function __construct(PageContext $ctx)
    {
        parent::__construct($ctx);
        $settings = $ctx->settings;
        $this->defaults = [
            'default_tags' => implode(', ', $settings->defaultTags),
            'default_template' => $settings->defaultTemplate,
            'ssh_policy' => $settings->sshPolicy,
            'suspend_policy' => $settings->suspendPolicy,
            'product_group' => $settings->productGroup,
            'product_name_template' => $settings->productNameTemplate,
        ];
    }

    public static function slug(): string
    {
        return 'settings';
    }

    public function act(string $action): void
    {
        match ($action) {
            'test_connection' => $this->testConnection(),
            'save_defaults' => $this->saveDefaults(),
            'save_guardrails' => $this->saveGuardrails(),
            default => parent::act($action),
        };
    }

    public function render(): Raw
    {
        return Html::join([
            Html::heading($this->t('settings_backend')),
            Html::paragraph($this->ctx->backend->describe()),
            Html::paragraph($this->t('settings_backend_help'), 'text-muted'),
            $this->html()->form('settings', 'test_connection', [], $this->t('action_test_connection'), 'btn btn-default'),
            $this->connectionResult(),
            $this->defaultsForm(),
            $this->section($this->t('settings_guardrails'), fn (): Raw => $this->guardrails()),
        ]);
    }

    /** The checks of GET /connection as a table (Tools shows the same). */
    public static function connectionTable(array $connection, Lang $lang): Raw
    {
        $rows = [];
        foreach ($connection['checks'] as $name => $detail) {
            $rows[] = [$name, $detail];
        }
        return Html::join([
            Html::alert($connection['ok'] ? 'success' : 'danger', $connection['ok'] ? $lang->get('connection_ok') : $lang->get('connection_failed')),
            Html::table([$lang->get('column_check'), $lang->get('column_result')], $rows, $lang->get('none')),
        ]);
    }

    private function testConnection(): void
    {
        $this->connection = $this->ctx->api()->connection();
    }

    private function connectionResult(): Raw
    {
        return $this->connection === null ? new Raw('') : self::connectionTable($this->connection, $this->ctx->lang);
    }

    private function saveDefaults(): void
    {
        $request = $this->ctx->request;
        $tags = AddonSettings::tags($request->post('default_tags'));
        $template = trim($request->post('default_template'));
        $group = trim($request->post('product_group'));
        $nameTemplate = trim($request->post('product_name_template')) ?: AddonSettings::DEFAULT_NAME_TEMPLATE;
        $ssh = $request->post('ssh_policy');
        $suspend = $request->post('suspend_policy');
        $errors = [];
        foreach ($tags as $tag) {
            if (!preg_match(self::TAG, $tag) || str_starts_with(strtolower($tag), 'whmcs-service-')) {
                $errors[] = $this->t('error_tag', $tag);
            }
        }
        if (count($tags) > self::MAX_TAGS) {
            $errors[] = $this->t('error_too_many_tags', self::MAX_TAGS);
        }
        if ($template !== '' && !preg_match(self::TEMPLATE_NAME, $template)) {
            $errors[] = $this->t('error_template_name');
        }
        if ($group === '' || mb_strlen($group) > 100) {
            $errors[] = $this->t('error_product_group');
        }
        if (mb_strlen($nameTemplate) > 100 || preg_match('/contabo/i', $nameTemplate)) {
            $errors[] = $this->t('error_name_template');
        }
        if (!in_array($ssh, AddonSettings::SSH_POLICIES, true) || !in_array($suspend, AddonSettings::SUSPEND_POLICIES, true)) {
            $errors[] = $this->t('error_policy');
        }
        if ($errors !== []) {
            array_map([$this, 'fail'], $errors);
            return;
        }
        $this->defaults = ['default_tags' => implode(', ', $tags), 'default_template' => $template, 'ssh_policy' => $ssh, 'suspend_policy' => $suspend, 'product_group' => $group, 'product_name_template' => $nameTemplate];
        $this->ctx->settingsStore->save($this->defaults);
        $this->succeed($this->t('settings_saved'));
    }

    private function defaultsForm(): Raw
    {
        $html = $this->html();
        $templates = ['' => $this->t('none')];
        $templateField = null;
        try {
            foreach ($this->ctx->api()->templates() as $template) {
                $templates[(string) $template['name']] = (string) $template['name'];
            }
            $templates += [$this->defaults['default_template'] => $this->defaults['default_template']];
            $templateField = $html->select('default_template', $this->t('field_default_template'), $templates, $this->defaults['default_template']);
        } catch (ApiException) {
            // The library is unreadable now: the name can still be typed.
            $templateField = $html->input('default_template', $this->t('field_default_template'), $this->defaults['default_template']);
        }
        return Html::join([
            Html::heading($this->t('settings_defaults')),
            Html::paragraph($this->t('settings_defaults_help'), 'text-muted'),
            $html->form('settings', 'save_defaults', [
                $html->input('default_tags', $this->t('field_default_tags'), $this->defaults['default_tags'], 'text', 'backup:daily, team:web'),
                $templateField,
                $html->select('ssh_policy', $this->t('field_ssh_policy'), [
                    'none' => $this->t('ssh_policy_none'),
                    'optional' => $this->t('ssh_policy_optional'),
                    'required' => $this->t('ssh_policy_required'),
                ], $this->defaults['ssh_policy']),
                $html->select('suspend_policy', $this->t('field_suspend_policy'), [
                    'stop' => $this->t('suspend_policy_stop'),
                    'shutdown' => $this->t('suspend_policy_shutdown'),
                ], $this->defaults['suspend_policy']),
                $html->input('product_group', $this->t('field_product_group'), $this->defaults['product_group']),
                $html->input('product_name_template', $this->t('field_product_name_template'), $this->defaults['product_name_template']),
            ], $this->t('action_save')),
        ]);
    }

    private function guardrails(): Raw
    {
        $products = $this->ctx->whmcs->contaboProducts();
        $rows = [];
        foreach ($products as $product) {
            $rows[] = [$product['id'], $product['name'], $product['group'], $product['contabo_product'], $this->html()->link($this->t('action_edit'), 'settings', ['product' => $product['id']])];
        }
        $parts = [Html::table([$this->t('column_id'), $this->t('column_product'), $this->t('column_group'), $this->t('column_contabo_product'), ''], $rows, $this->t('no_products'))];
        $selected = $this->ctx->request->isPost() ? $this->ctx->request->post('product') : $this->ctx->request->query('product');
        if ($selected !== '' && ctype_digit($selected)) {
            $parts[] = $this->guardrailsForm($selected, $this->ctx->api()->guardrails($selected));
        }
        return Html::join($parts);
    }

    /** @param array<string, mixed> $guardrails */
    private function guardrailsForm(string $productId, array $guardrails): Raw
    {
        $html = $this->html();
        $fields = [$html->hidden('product', $productId)];
        foreach (self::GUARDRAIL_SWITCHES as $switch) {
            $fields[] = $html->checkbox($switch, $this->t('guardrail_' . $switch), (bool) ($guardrails[$switch] ?? false));
        }
        $fields[] = $html->input('cloud_init_max_bytes', $this->t('guardrail_cloud_init_max_bytes'), (string) ($guardrails['cloud_init_max_bytes'] ?? ''), 'number');
        $fields[] = $html->input('max_snapshots', $this->t('guardrail_max_snapshots'), (string) ($guardrails['max_snapshots'] ?? ''), 'number', $this->t('guardrail_max_snapshots_empty'));
        $fields[] = $html->input('max_custom_images', $this->t('guardrail_max_custom_images'), (string) ($guardrails['max_custom_images'] ?? ''), 'number', $this->t('guardrail_max_custom_images_empty'));
        foreach (self::DNS_LIMITS as $limit) {
            $fields[] = $html->input($limit, $this->t('guardrail_' . $limit), (string) ($guardrails[$limit] ?? ''), 'number', $this->t('guardrail_dns_limit_empty'));
        }
        return Html::join([Html::heading($this->t('settings_guardrails_for', $productId), 4), $html->form('settings', 'save_guardrails', $fields, $this->t('action_save'))]);
    }

    private function saveGuardrails(): void
    {
        $request = $this->ctx->request;
        $productId = $request->post('product');
        $guardrails = [];
        foreach (self::GUARDRAIL_SWITCHES as $switch) {
            $guardrails[$switch] = $request->checked($switch);
        }
        $maxBytes = trim($request->post('cloud_init_max_bytes'));
        $maxSnapshots = trim($request->post('max_snapshots'));
        $maxImages = trim($request->post('max_custom_images'));
        if (!ctype_digit($productId) || ($maxBytes !== '' && !ctype_digit($maxBytes)) || ($maxSnapshots !== '' && !ctype_digit($maxSnapshots)) || ($maxImages !== '' && !ctype_digit($maxImages))) {
            $this->fail($this->t('error_whole_numbers'));
            return;
        }
        if ($maxBytes !== '') {
            $guardrails['cloud_init_max_bytes'] = (int) $maxBytes;
        }
        $guardrails['max_snapshots'] = $maxSnapshots === '' ? null : (int) $maxSnapshots;
        $guardrails['max_custom_images'] = $maxImages === '' ? null : (int) $maxImages;
        foreach (self::DNS_LIMITS as $limit) {
            $value = trim($request->post($limit));
            if ($value !== '' && !ctype_digit($value)) {
                $this->fail($this->t('error_whole_numbers'));
                return;
            }
            if ($value !== '') {
                $guardrails[$limit] = (int) $value; // empty: the backend's default
            }
        }
        $this->ctx->api()->saveGuardrails($productId, $guardrails);
        $this->succeed($this->t('guardrails_saved', $productId));
    }
}
