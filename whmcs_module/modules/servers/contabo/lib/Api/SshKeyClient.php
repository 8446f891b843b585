<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** The SSH key vault of one WHMCS client (docs/service-management-api.md). */
final class SshKeyClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /** @return list<array<string, mixed>> {id, name, fingerprint, default, created_at} */
    public function keys(string $clientId): array
    {
        return Items::of($this->api->call('ListSshKeys', 'GET', "/clients/{$clientId}/ssh-keys"));
    }

    /** @return array<string, mixed> the stored key */
    public function add(string $clientId, string $name, string $publicKey): array
    {
        return $this->api->call('AddSshKey', 'POST', "/clients/{$clientId}/ssh-keys", [], ['name' => $name, 'public_key' => $publicKey]);
    }

    public function delete(string $clientId, string $keyId): void
    {
        $key = PathSegment::of($keyId, 'SSH key');
        $this->api->call('DeleteSshKey', 'DELETE', "/clients/{$clientId}/ssh-keys/{$key}");
    }

    /** @return array<string, mixed> the key, now the default */
    public function setDefault(string $clientId, string $keyId): array
    {
        $key = PathSegment::of($keyId, 'SSH key');
        return $this->api->call('SetDefaultSshKey', 'POST', "/clients/{$clientId}/ssh-keys/{$key}/default");
    }
}
