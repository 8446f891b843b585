<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\PathSegment;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\ClientArea\PageController;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Mapping\ModuleSettings;

/** IP addresses with reverse DNS, and the client's private networks. */
final class NetworkPage implements Page
{
    /** The provider's default PTR names: vmi<number>.<host>.net or anything under contaboserver.net. */
    public const PROVIDER_DEFAULT_PTR = '/(^vmi\d+\.|contaboserver\.net\.?$)/i';

    public function name(): string
    {
        return 'network';
    }

    public function operations(): array
    {
        return ['ptr_set', 'ptr_reset', 'ip_move', 'network_create', 'network_join', 'network_leave'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['network_join' => 'cloudserver_network_join_warning', 'network_leave' => 'cloudserver_network_leave_warning', 'ip_move' => 'cloudserver_ip_move_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $network = ClientFactory::network($context->params, $context->idempotencyKey($op));
        $request = $context->request;
        switch ($op) {
            case 'ptr_set':
            case 'ptr_reset':
                // Only this service's own addresses: the list the backend gives for it.
                $ip = $context->rules->oneOf($request->post('ip'), array_column(ClientFactory::network($context->params)->ips($context->serviceId), 'ip'), 'cloudserver_invalid_ip');
                if ($op === 'ptr_set') {
                    $network->setReverseDns($context->serviceId, $ip, $context->rules->hostname($request->post('ptr')));
                    return ['message' => $context->text('cloudserver_ptr_saved')];
                }
                $network->resetReverseDns($context->serviceId, $ip);
                return ['message' => $context->text('cloudserver_ptr_reset_done')];
            case 'ip_move':
                // Only this service's extra addresses, only to the client's servers the backend offers.
                $reader = ClientFactory::network($context->params);
                $extra = array_column(array_filter($reader->ips($context->serviceId), static fn (array $ip): bool => ($ip['type'] ?? '') === 'additional'), 'ip');
                $ip = $context->rules->oneOf($request->post('ip'), $extra, 'cloudserver_invalid_ip');
                $target = $context->rules->oneOf($request->post('target_service_id'), array_map('strval', array_column($reader->ipMoveTargets($context->serviceId), 'service_id')), 'cloudserver_ip_move_invalid_target');
                $network->moveIp($context->serviceId, $ip, $target);
                return ['message' => sprintf($context->text('cloudserver_ip_moved'), $ip, '#' . $target)];
            case 'network_create':
                $network->createPrivateNetwork($context->serviceId, $context->rules->privateNetworkName($request->post('name')), $context->rules->description($request->post('description')));
                return ['message' => $context->text('cloudserver_network_created')];
            case 'network_join':
                $joined = $network->joinPrivateNetwork($context->serviceId, PathSegment::of($request->post('network_id'), 'private network'));
                return ['message' => self::withNotice($context->text('cloudserver_network_joined'), $joined, $context)];
            default:
                $left = $network->leavePrivateNetwork($context->serviceId, PathSegment::of($request->post('network_id'), 'private network'));
                return ['message' => self::withNotice($context->text('cloudserver_network_left'), $left, $context)];
        }
    }

    /**
     * The backend says what happens next (the restart, or that the customer must restart);
     * that sentence follows ours.
     *
     * @param array<string, mixed> $network
     */
    private static function withNotice(string $message, array $network, PageContext $context): string
    {
        $notice = trim(Messages::notice($network['notice_code'] ?? null, (string) ($network['notice'] ?? ''), $context->lang));
        return $notice === '' ? $message : $message . ' ' . $notice;
    }

    /**
     * The provider's default reverse DNS names the provider (vmi123.provider-host.net): the
     * customer sees the reseller's own pattern instead, or nothing ("not set").
     */
    public static function shownPtr(string $ptr, string $ip, string $pattern): string
    {
        if (!preg_match(self::PROVIDER_DEFAULT_PTR, $ptr)) {
            return $ptr;
        }
        if ($pattern === '' || $ip === '') {
            return '';
        }
        return strtr($pattern, ['{ip}' => $ip, '{ip-dashed}' => str_replace(['.', ':'], '-', $ip)]);
    }

    /** Each section loads on its own: a failing private-network list still shows the IPs. */
    public function load(PageContext $context): array
    {
        $client = ClientFactory::network($context->params);
        $vars = ['ips' => [], 'ips_error' => '', 'move_targets' => [], 'private_networks' => [], 'private_networks_error' => '', 'can_create_network' => false, 'network_notice' => ''];
        try {
            foreach ($client->ips($context->serviceId) as $ip) {
                $address = (string) ($ip['ip'] ?? '');
                $vars['ips'][] = [
                    'ip' => $address,
                    'version' => (int) ($ip['version'] ?? 4),
                    'type' => (string) ($ip['type'] ?? ''),
                    'ptr' => self::shownPtr((string) ($ip['ptr'] ?? ''), $address, ModuleSettings::fromParams($context->params)->reverseDnsShown),
                ];
            }
        } catch (ApiException $error) {
            $vars['ips_error'] = PageController::customerMessage($error, $context->lang);
        }
        if (in_array('additional', array_column($vars['ips'], 'type'), true)) {
            try {
                foreach ($client->ipMoveTargets($context->serviceId) as $target) {
                    $vars['move_targets'][] = [
                        'service_id' => (string) ($target['service_id'] ?? ''),
                        'label' => '#' . ($target['service_id'] ?? '') . (($target['hostname'] ?? '') !== '' ? ' ' . $target['hostname'] : '') . (($target['ipv4'] ?? '') !== '' ? ' (' . $target['ipv4'] . ')' : ''),
                    ];
                }
            } catch (ApiException) {
                $vars['move_targets'] = [];  // moving is offered only when the list loads
            }
        }
        try {
            $networks = $client->privateNetworks($context->serviceId);
            foreach ($networks['items'] as $network) {
                $vars['private_networks'][] = [
                    'id' => (string) ($network['id'] ?? ''),
                    'name' => (string) ($network['name'] ?? ''),
                    'region' => (string) ($network['region'] ?? ''),
                    'cidr' => (string) ($network['cidr'] ?? ''),
                    'joined' => !empty($network['joined']),
                ];
            }
            $vars['can_create_network'] = $networks['can_create'];
            $vars['network_notice'] = implode(' ', array_map(
                static fn (string $code): string => Messages::notice($code, '', $context->lang),
                $networks['notice_codes'],
            )) ?: $networks['notice'];
        } catch (ApiException $error) {
            $vars['private_networks_error'] = PageController::customerMessage($error, $context->lang);
        }
        return $vars;
    }
}
