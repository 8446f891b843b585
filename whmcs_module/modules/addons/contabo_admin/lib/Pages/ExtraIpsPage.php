<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;

/**
 * Extra IPv4 addresses: the account's spare ones (GET /admin/ips/spare), each given to a
 * service's server (same region); and taking one back from a service (it becomes spare).
 */
final class ExtraIpsPage extends Page
{
    public static function slug(): string
    {
        return 'ips';
    }

    public function act(string $action): void
    {
        if (!in_array($action, ['assign', 'unassign'], true)) {
            parent::act($action);
            return;
        }
        $serviceId = trim($this->ctx->request->post('service_id'));
        $ip = trim($this->ctx->request->post('ip'));
        if (!ctype_digit($serviceId) || filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) === false) {
            $this->fail($this->t('error_extra_ip_input'));
            return;
        }
        if ($action === 'assign') {
            $this->ctx->api()->assignSpareIp($serviceId, $ip);
            $this->succeed($this->t('extra_ip_assigned', $ip, $serviceId));
            return;
        }
        $this->ctx->api()->unassignIp($serviceId, $ip);
        $this->succeed($this->t('extra_ip_unassigned', $ip, $serviceId));
    }

    public function render(): Raw
    {
        return Html::join([
            Html::paragraph($this->t('extra_ips_help'), 'text-muted'),
            $this->section($this->t('extra_ips_spare'), fn (): Raw => $this->spare()),
            $this->section($this->t('extra_ips_take_back'), fn (): Raw => $this->html()->form('ips', 'unassign', [
                $this->html()->input('service_id', $this->t('column_service')),
                $this->html()->input('ip', $this->t('column_ip')),
            ], $this->t('action_extra_ip_unassign'), 'btn btn-default', $this->t('extra_ip_unassign_confirm'))),
        ]);
    }

    private function spare(): Raw
    {
        $rows = [];
        foreach ($this->ctx->api()->spareIps($this->ctx->request->query('region')) as $spare) {
            $ip = (string) ($spare['ip'] ?? '');
            $rows[] = [
                $ip,
                (string) ($spare['region'] ?? ''),
                $this->html()->form('ips', 'assign', [
                    $this->html()->hidden('ip', $ip),
                    new Raw(sprintf('<input type="text" class="form-control input-sm" name="service_id" placeholder="%s" size="8" />', Html::e($this->t('column_service')))),
                ], $this->t('action_extra_ip_assign'), 'btn btn-primary btn-xs'),
            ];
        }
        return Html::table([$this->t('column_ip'), $this->t('column_region'), $this->t('column_assign_to')], $rows, $this->t('extra_ips_none'));
    }
}
