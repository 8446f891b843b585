<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * The WHMCS server record (Setup > Servers) read as the backend's address and signing key:
 * Hostname = API host with its stage path, Username = key id, Password = secret; always https
 * except to a loopback host with Secure unticked.
 */
final class ServerRecord
{
    public function __construct(
        public readonly string $baseUrl,
        public readonly string $keyId,
        public readonly string $secret,
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
        );
    }

    public function isComplete(): bool
    {
        return $this->baseUrl !== '' && $this->keyId !== '' && $this->secret !== '';
    }
}
