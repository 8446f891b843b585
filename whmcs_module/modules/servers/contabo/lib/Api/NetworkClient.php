<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** IPs, reverse DNS, private networks and the firewall of one service. */
final class NetworkClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /** @return list<array<string, mixed>> {ip, version, type, ptr} */
    public function ips(string $serviceId): array
    {
        return Items::of($this->api->call('ListIps', 'GET', "/services/{$serviceId}/ips"));
    }

    /** @return array<string, mixed> {ip, ptr} */
    public function setReverseDns(string $serviceId, string $ip, string $ptr): array
    {
        $address = PathSegment::of($ip, 'IP address');
        return $this->api->call('SetReverseDns', 'PUT', "/services/{$serviceId}/reverse-dns/{$address}", [], ['ptr' => $ptr]);
    }

    /** @return array<string, mixed> {ip, ptr} back to the default name */
    public function resetReverseDns(string $serviceId, string $ip): array
    {
        $address = PathSegment::of($ip, 'IP address');
        return $this->api->call('ResetReverseDns', 'DELETE', "/services/{$serviceId}/reverse-dns/{$address}");
    }

    /** @return list<array<string, mixed>> {service_id, hostname, ipv4}: the client's servers an extra IP can move to */
    public function ipMoveTargets(string $serviceId): array
    {
        return Items::of($this->api->call('ListIpMoveTargets', 'GET', "/services/{$serviceId}/ips/move-targets"));
    }

    /** @return array<string, mixed> {ip, from_service_id, to_service_id} */
    public function moveIp(string $serviceId, string $ip, string $targetServiceId): array
    {
        $address = PathSegment::of($ip, 'IP address');
        return $this->api->call('MoveIp', 'POST', "/services/{$serviceId}/ips/{$address}/move", [], ['target_service_id' => $targetServiceId]);
    }

    /**
     * @param array{client_id: string, region: string, name: string, whmcs_product_id?: string} $order
     * @return array<string, mixed> ServiceView
     */
    public function createPrivateNetworkProduct(string $serviceId, array $order): array
    {
        return $this->api->call('CreatePrivateNetworkProduct', 'POST', "/services/{$serviceId}/private-network", [], $order);
    }

    /** @return array<string, mixed> ServiceView */
    public function terminatePrivateNetworkProduct(string $serviceId): array
    {
        return $this->api->call('TerminatePrivateNetworkProduct', 'POST', "/services/{$serviceId}/private-network/terminate", [], []);
    }

    /** @return array{items: list<array<string, mixed>>, can_create: bool, notice: string, notice_codes: list<string>} */
    public function privateNetworks(string $serviceId): array
    {
        $answer = $this->api->call('ListPrivateNetworks', 'GET', "/services/{$serviceId}/private-networks");
        return [
            'items' => Items::of($answer),
            'can_create' => (bool) ($answer['can_create'] ?? false),
            'notice' => (string) ($answer['notice'] ?? ''),
            'notice_codes' => array_values(array_filter((array) ($answer['notice_codes'] ?? []), 'is_string')),
        ];
    }

    /** @return array<string, mixed> the network */
    public function createPrivateNetwork(string $serviceId, string $name, string $description = ''): array
    {
        $body = ['name' => $name] + ($description !== '' ? ['description' => $description] : []);
        return $this->api->call('CreatePrivateNetwork', 'POST', "/services/{$serviceId}/private-networks", [], $body);
    }

    /** @return array<string, mixed> the network; the server restarts to apply it */
    public function joinPrivateNetwork(string $serviceId, string $networkId): array
    {
        $network = PathSegment::of($networkId, 'private network');
        return $this->api->call('JoinPrivateNetwork', 'POST', "/services/{$serviceId}/private-networks/{$network}/join", [], ['confirm' => true]);
    }

    /** @return array<string, mixed> the network */
    public function leavePrivateNetwork(string $serviceId, string $networkId): array
    {
        $network = PathSegment::of($networkId, 'private network');
        return $this->api->call('LeavePrivateNetwork', 'POST', "/services/{$serviceId}/private-networks/{$network}/leave", [], ['confirm' => true]);
    }

    /** @return array{firewall: ?array<string, mixed>, presets: list<array<string, mixed>>} */
    public function firewall(string $serviceId): array
    {
        $answer = $this->api->call('GetFirewall', 'GET', "/services/{$serviceId}/firewall");
        return [
            'firewall' => is_array($answer['firewall'] ?? null) ? $answer['firewall'] : null,
            'presets' => array_values(array_filter((array) ($answer['presets'] ?? []), 'is_array')),
        ];
    }

    /**
     * Replaces the rules; the backend creates and assigns the firewall on first use.
     *
     * @param list<array{direction: string, protocol: string, ports: string, source: string, action: string}> $rules
     * @return array<string, mixed> the firewall
     */
    public function saveFirewallRules(string $serviceId, array $rules): array
    {
        return $this->api->call('SaveFirewallRules', 'PUT', "/services/{$serviceId}/firewall", [], ['rules' => array_values($rules)]);
    }

    /** @return array<string, mixed> the firewall */
    public function applyFirewallPreset(string $serviceId, string $preset): array
    {
        $name = PathSegment::of($preset, 'firewall preset');
        return $this->api->call('ApplyFirewallPreset', 'POST', "/services/{$serviceId}/firewall/presets/{$name}");
    }

    public function deleteFirewall(string $serviceId): void
    {
        $this->api->call('DeleteFirewall', 'DELETE', "/services/{$serviceId}/firewall");
    }
}
