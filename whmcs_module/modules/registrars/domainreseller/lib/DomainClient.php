<?php

declare(strict_types=1);

namespace WHMCS\Module\Registrar\Domainreseller;

use WHMCS\Module\Server\Contabo\Api\BackendApi;

/** The backend's domain and DNS routes (docs/openapi.json: /domains, /clients/{id}/dns). */
final class DomainClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /** @param array<string, mixed> $order @return array<string, mixed> */
    public function register(string $domainId, array $order): array
    {
        return $this->api->call('RegisterDomain', 'POST', "/domains/{$domainId}/register", [], $order);
    }

    /** @param array<string, mixed> $order @return array<string, mixed> */
    public function transfer(string $domainId, array $order): array
    {
        $api = isset($order['auth_code']) ? $this->api->withSecrets((string) $order['auth_code']) : $this->api;
        return $api->call('TransferDomain', 'POST', "/domains/{$domainId}/transfer", [], $order);
    }

    /** @return array<string, mixed> */
    public function details(string $domainId, string $clientId): array
    {
        return $this->api->call('GetDomain', 'GET', "/domains/{$domainId}", ['client_id' => $clientId]);
    }

    /** @param list<string> $nameservers @return array<string, mixed> */
    public function saveNameservers(string $domainId, string $clientId, array $nameservers): array
    {
        return $this->api->call('SaveNameservers', 'PUT', "/domains/{$domainId}/nameservers", [], ['client_id' => $clientId, 'nameservers' => $nameservers]);
    }

    /** @return array<string, mixed> */
    public function contacts(string $domainId, string $clientId): array
    {
        return $this->api->call('GetContactDetails', 'GET', "/domains/{$domainId}/contacts", ['client_id' => $clientId]);
    }

    /** @param array<string, mixed> $contacts @return array<string, mixed> */
    public function saveContacts(string $domainId, string $clientId, array $contacts): array
    {
        return $this->api->call('SaveContactDetails', 'PUT', "/domains/{$domainId}/contacts", [], ['client_id' => $clientId, 'contacts' => $contacts]);
    }

    public function eppCode(string $domainId, string $clientId): string
    {
        $answer = $this->api->call('GetEPPCode', 'POST', "/domains/{$domainId}/epp-code", [], ['client_id' => $clientId]);
        return (string) ($answer['epp_code'] ?? '');
    }

    /** @return array<string, mixed> */
    public function action(string $domainId, string $clientId, string $route, string $logName): array
    {
        return $this->api->call($logName, 'POST', "/domains/{$domainId}/{$route}", [], ['client_id' => $clientId]);
    }

    /** @param list<string> $domains @return array<string, bool> domain => available */
    public function availability(array $domains): array
    {
        $answer = $this->api->call('CheckAvailability', 'POST', '/domains/availability', [], ['domains' => $domains]);
        $result = [];
        foreach ((array) ($answer['items'] ?? []) as $item) {
            $result[(string) $item['domain']] = (bool) $item['available'];
        }
        return $result;
    }

    /** @return array<string, mixed>|null the zone with its records, null when not hosted */
    public function zone(string $clientId, string $zone): ?array
    {
        try {
            return $this->api->call('GetDNS', 'GET', "/clients/{$clientId}/dns/zones/{$zone}");
        } catch (\WHMCS\Module\Server\Contabo\Api\ApiException $error) {
            if ($error->httpStatus === 404) {
                return null;
            }
            throw $error;
        }
    }

    public function createZone(string $clientId, string $zone): void
    {
        $this->api->call('CreateDnsZone', 'POST', "/clients/{$clientId}/dns/zones", [], ['zone_name' => $zone]);
    }

    /** @param array<string, mixed> $record */
    public function createRecord(string $clientId, string $zone, array $record): void
    {
        $this->api->call('CreateDnsRecord', 'POST', "/clients/{$clientId}/dns/zones/{$zone}/records", [], $record);
    }

    /** @param list<int> $recordIds */
    public function deleteRecords(string $clientId, string $zone, array $recordIds): void
    {
        $this->api->call('BulkDeleteDnsRecords', 'POST', "/clients/{$clientId}/dns/zones/{$zone}/records/bulk-delete", [], ['record_ids' => $recordIds]);
    }
}
