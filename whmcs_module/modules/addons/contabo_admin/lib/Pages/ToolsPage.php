<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Addon\ContaboAdmin\Api\AdminApi;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;

/** Test the connection, run a scheduled job now, simulate an order, validate cloud-init. */
final class ToolsPage extends Page
{
    private const ORDER_FIELDS = ['product_id', 'region', 'image_id', 'period', 'default_user', 'hostname', 'ssh_keys', 'user_data', 'additional_ipv4', 'whmcs_product_id', 'service_id', 'client_id', 'client_email'];
    private const ORDER_DEFAULTS = ['product_id' => 'V91', 'region' => 'EU', 'image_id' => 'ubuntu-22.04', 'period' => '1', 'default_user' => 'root', 'client_id' => '1', 'client_email' => 'simulation@example.com', 'additional_ipv4' => '0'];

    /** @var array{ok: bool, checks: array<string, string>}|null */
    private ?array $connection = null;
    /** @var array<string, mixed>|null */
    private ?array $simulation = null;
    /** @var array<string, mixed>|null */
    private ?array $validation = null;
    /** @var array<string, string> the order form as sent */
    private array $order = self::ORDER_DEFAULTS;

    public static function slug(): string
    {
        return 'tools';
    }

    public function act(string $action): void
    {
        match ($action) {
            'test_connection' => $this->connection = $this->ctx->api()->connection(),
            'run_job' => $this->runJob(),
            'simulate' => $this->simulate(),
            'validate' => $this->validate(),
            default => parent::act($action),
        };
    }

    public function render(): Raw
    {
        $html = $this->html();
        $jobs = [];
        foreach (AdminApi::SCHEDULES as $job) {
            $jobs[$job] = $this->t('schedule_' . str_replace('-', '_', $job));
        }
        return Html::join([
            Html::heading($this->t('tools_connection')),
            $html->form('tools', 'test_connection', [], $this->t('action_test_connection'), 'btn btn-default'),
            $this->connection === null ? new Raw('') : SettingsPage::connectionTable($this->connection, $this->ctx->lang),
            Html::heading($this->t('tools_run_job')),
            Html::paragraph($this->t('tools_run_job_help'), 'text-muted'),
            $html->form('tools', 'run_job', [$html->select('job', $this->t('field_job'), $jobs, $this->ctx->request->post('job'))], $this->t('action_run_now')),
            $this->section($this->t('tools_schedules'), fn (): Raw => $this->schedules()),
            $this->simulationForm(),
            $this->simulationResult(),
            $this->validationForm(),
        ]);
    }

    private function runJob(): void
    {
        $answer = $this->ctx->api()->runSchedule($this->ctx->request->post('job'));
        $this->succeed((string) ($answer['message'] ?? $this->t('job_started', (string) ($answer['job'] ?? ''))));
    }

    private function schedules(): Raw
    {
        $rows = [];
        foreach ($this->ctx->api()->schedules() as $schedule) {
            $last = (array) ($schedule['last_run'] ?? []);
            $rows[] = [
                $this->said('schedule_', str_replace('-', '_', (string) ($schedule['job'] ?? ''))),
                (bool) ($schedule['deployed'] ?? false),
                (bool) ($schedule['running'] ?? false),
                isset($last['outcome']) ? $this->said('outcome_', (string) $last['outcome']) : $this->t('never'),
                Format::dateTime($last['finished_at'] ?? $last['at'] ?? ''),
                isset($last['duration_ms']) ? $last['duration_ms'] . ' ms' : '',
                (string) ($last['error'] ?? ''),
            ];
        }
        return Html::table([$this->t('column_job'), $this->t('column_deployed'), $this->t('column_running'), $this->t('column_outcome'), $this->t('column_finished'), $this->t('column_duration'), $this->t('column_error')], $rows, $this->t('none'));
    }

    private function simulationForm(): Raw
    {
        $html = $this->html();
        $order = $this->order;
        $value = static fn (string $name): string => (string) ($order[$name] ?? '');
        return Html::join([
            Html::heading($this->t('tools_simulate')),
            Html::paragraph($this->t('tools_simulate_help'), 'text-muted'),
            $html->form('tools', 'simulate', [
                $html->input('product_id', $this->t('field_product_id'), $value('product_id')),
                $html->input('region', $this->t('field_region'), $value('region')),
                $html->input('image_id', $this->t('field_image'), $value('image_id')),
                $html->select('period', $this->t('field_period'), ['1' => '1', '3' => '3', '6' => '6', '12' => '12'], $value('period')),
                $html->select('default_user', $this->t('field_default_user'), ['root' => 'root', 'admin' => 'admin', 'administrator' => 'administrator'], $value('default_user')),
                $html->input('hostname', $this->t('field_hostname'), $value('hostname')),
                $html->textarea('ssh_keys', $this->t('field_ssh_keys'), $value('ssh_keys'), 3),
                $html->textarea('user_data', $this->t('field_user_data'), $value('user_data'), 6),
                $html->checkbox('private_networking', $this->t('field_private_networking'), ($order['private_networking'] ?? '') === '1'),
                $html->checkbox('backup', $this->t('field_backup'), ($order['backup'] ?? '') === '1'),
                $html->select('additional_ipv4', $this->t('field_additional_ipv4'), ['0' => '0', '1' => '1'], $value('additional_ipv4')),
                $html->input('whmcs_product_id', $this->t('field_whmcs_product'), $value('whmcs_product_id')),
                $html->input('service_id', $this->t('field_service_id'), $value('service_id')),
                $html->input('client_id', $this->t('field_client_id'), $value('client_id')),
                $html->input('client_email', $this->t('field_client_email'), $value('client_email')),
            ], $this->t('action_simulate')),
        ]);
    }

    private function simulate(): void
    {
        $request = $this->ctx->request;
        foreach (self::ORDER_FIELDS as $name) {
            $this->order[$name] = str_replace("\r\n", "\n", trim($request->post($name)));
        }
        $this->order['private_networking'] = $request->checked('private_networking') ? '1' : '';
        $this->order['backup'] = $request->checked('backup') ? '1' : '';
        $order = [
            'client_id' => $this->order['client_id'],
            'client_email' => $this->order['client_email'],
            'product_id' => $this->order['product_id'],
            'region' => $this->order['region'],
            'image_id' => $this->order['image_id'],
            'period' => (int) $this->order['period'],
            'default_user' => $this->order['default_user'],
            'ssh_keys' => array_values(array_filter(array_map('trim', explode("\n", $this->order['ssh_keys'])), 'strlen')),
            'add_ons' => ['private_networking' => $this->order['private_networking'] === '1', 'backup' => $this->order['backup'] === '1', 'additional_ipv4' => (int) $this->order['additional_ipv4']],
        ];
        foreach (['hostname', 'whmcs_product_id', 'service_id'] as $optional) {
            if ($this->order[$optional] !== '') {
                $order[$optional] = $this->order[$optional];
            }
        }
        if ($this->order['user_data'] !== '') {
            $order['user_data'] = $this->order['user_data'] . "\n";
        }
        $this->simulation = $this->ctx->api()->simulateOrder($order);
    }

    private function simulationResult(): Raw
    {
        $result = $this->simulation;
        if ($result === null) {
            return new Raw('');
        }
        $checks = [];
        foreach ((array) ($result['checks'] ?? []) as $check) {
            $checks[] = [(string) ($check['name'] ?? ''), (bool) ($check['ok'] ?? false), (string) ($check['message'] ?? '')];
        }
        $wouldOrder = (bool) ($result['would_order'] ?? false);
        return Html::join([
            Html::alert($wouldOrder ? 'success' : 'danger', $wouldOrder ? $this->t('simulate_would_order') : $this->t('simulate_would_not_order')),
            Html::table([$this->t('column_check'), $this->t('column_ok'), $this->t('column_message')], $checks, $this->t('none')),
            Html::join(array_map(static fn (mixed $w): Raw => Html::alert('warning', (string) $w), (array) ($result['warnings'] ?? []))),
            Html::heading($this->t('simulate_payload'), 4),
            $result['create_instance_request'] === null ? Html::paragraph($this->t('simulate_no_payload')) : Html::code($result['create_instance_request']),
        ]);
    }

    private function validationForm(): Raw
    {
        $html = $this->html();
        $request = $this->ctx->request;
        $parts = [
            Html::heading($this->t('tools_validate')),
            Html::paragraph($this->t('tools_validate_help'), 'text-muted'),
            $html->form('tools', 'validate', [
                $html->textarea('content', $this->t('field_user_data'), $request->isPost() ? $request->post('content') : "#cloud-config\n", 8),
                $html->input('preview_service_id', $this->t('field_preview_service'), $request->post('preview_service_id'), 'text', $this->t('field_preview_service_hint')),
            ], $this->t('action_validate')),
        ];
        if ($this->validation !== null) {
            $parts[] = TemplatesPage::previewResult($this->validation, $this->ctx->lang);
        }
        return Html::join($parts);
    }

    private function validate(): void
    {
        $content = str_replace("\r\n", "\n", $this->ctx->request->post('content'));
        if (trim($content) === '') {
            $this->fail($this->t('error_empty_user_data'));
            return;
        }
        $request = ['content' => $content];
        $serviceId = trim($this->ctx->request->post('preview_service_id'));
        if ($serviceId !== '') {
            $request['service_id'] = $serviceId;
        }
        $this->validation = $this->ctx->api()->previewTemplate($request);
    }
}
