<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** A WHMCS client's DNS zones (docs/service-management-api.md, "DNS zones"). */
final class DnsClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /**
     * The zones with the client's DNS guardrails (set per product by the reseller).
     *
     * @return array{zones: list<string>, limit: int, record_limit: int}
     */
    public function overview(string $clientId): array
    {
        $answer = $this->api->call('ListDnsZones', 'GET', "/clients/{$clientId}/dns/zones");
        return [
            'zones' => array_values(array_map('strval', (array) ($answer['zones'] ?? []))),
            'limit' => (int) ($answer['limit'] ?? 0),
            'record_limit' => (int) ($answer['record_limit'] ?? 0),
        ];
    }

    public function createZone(string $clientId, string $zone): void
    {
        $this->api->call('CreateDnsZone', 'POST', "/clients/{$clientId}/dns/zones", [], ['zone_name' => $zone]);
    }

    /** @return list<array<string, mixed>> the zone's records */
    public function records(string $clientId, string $zone): array
    {
        $name = PathSegment::of($zone, 'zone');
        return array_values((array) ($this->api->call('GetDnsZone', 'GET', "/clients/{$clientId}/dns/zones/{$name}")['records'] ?? []));
    }

    public function deleteZone(string $clientId, string $zone): void
    {
        $name = PathSegment::of($zone, 'zone');
        $this->api->call('DeleteDnsZone', 'DELETE', "/clients/{$clientId}/dns/zones/{$name}");
    }

    /** @param array<string, mixed> $record */
    public function addRecord(string $clientId, string $zone, array $record): void
    {
        $name = PathSegment::of($zone, 'zone');
        $this->api->call('CreateDnsRecord', 'POST', "/clients/{$clientId}/dns/zones/{$name}/records", [], $record);
    }

    /** @param list<int> $recordIds */
    public function deleteRecords(string $clientId, string $zone, array $recordIds): void
    {
        $name = PathSegment::of($zone, 'zone');
        $this->api->call('BulkDeleteDnsRecords', 'POST', "/clients/{$clientId}/dns/zones/{$name}/records/bulk-delete", [], ['record_ids' => $recordIds]);
    }

    public function pointAtServer(string $serviceId, string $clientId, string $zone, string $name): void
    {
        $this->api->call('PointDomainAtServer', 'POST', "/services/{$serviceId}/dns/point", [], ['client_id' => $clientId, 'zone_name' => $zone, 'name' => $name]);
    }
}
