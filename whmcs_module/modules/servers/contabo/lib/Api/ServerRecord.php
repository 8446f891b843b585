<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * The WHMCS server record (Setup > Servers) read as the backend's address and signing key:
 * Hostname = API host with its stage path, Username = key id, Password = secret; always https
 * except to a loopback host with Secure unticked.
 * The service's client (WHMCS userid) travels along: the backend refuses a service of another client.
 */
final class ServerRecord
{
    public function __construct(
        public readonly string $baseUrl,
        public readonly string $keyId,
        public readonly string $secret,
        public readonly string $clientId = '',
    ) {
    }

    /** @param array<string, mixed> $params WHMCS module parameters */
    public static function fromParams(array $params): self
    {
        $host = trim((string) ($params['serverhostname'] ?? ''));
        if ($host === '') {
            $host = trim((string) ($params['serverip'] ?? ''));
        }
        // An admin may paste a full URL into Hostname. Secrets travel on this connection, so it is
        // https whatever the Secure tick says, except to this machine (the local stack) unticked.
        $host = rtrim((string) preg_replace('#^https?://#i', '', $host), '/');
        $secure = filter_var($params['serversecure'] ?? false, FILTER_VALIDATE_BOOLEAN)
            || ($params['serversecure'] ?? '') === 'on';
        $scheme = $secure || !CurlTransport::isLoopback('http://' . $host) ? 'https' : 'http';

        return new self(
            $host === '' ? '' : $scheme . '://' . $host,
            trim((string) ($params['serverusername'] ?? '')),
            (string) ($params['serverpassword'] ?? ''),
            self::clientId($params),
        );
    }

    /** @param array<string, mixed> $params */
    private static function clientId(array $params): string
    {
        $id = $params['userid'] ?? ($params['clientsdetails']['userid'] ?? '');
        return is_numeric($id) && (int) $id > 0 ? (string) (int) $id : '';
    }

    public function isComplete(): bool
    {
        return $this->baseUrl !== '' && $this->keyId !== '' && $this->secret !== '';
    }
}
