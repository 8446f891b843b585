<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo;

use WHMCS\Module\Server\Contabo\Api\ActivityClient;
use WHMCS\Module\Server\Contabo\Api\AdminClient;
use WHMCS\Module\Server\Contabo\Api\BackendApi;
use WHMCS\Module\Server\Contabo\Api\ComputeClient;
use WHMCS\Module\Server\Contabo\Api\CurlTransport;
use WHMCS\Module\Server\Contabo\Api\DnsClient;
use WHMCS\Module\Server\Contabo\Api\LifecycleClient;
use WHMCS\Module\Server\Contabo\Api\NetworkClient;
use WHMCS\Module\Server\Contabo\Api\ObjectStorageClient;
use WHMCS\Module\Server\Contabo\Api\ServerRecord;
use WHMCS\Module\Server\Contabo\Api\SshKeyClient;
use WHMCS\Module\Server\Contabo\Api\Transport;

/**
 * Builds the backend clients for one module call. WHMCS calls plain functions, so the
 * transport can be swapped here (tests) instead of through a constructor.
 */
final class ClientFactory
{
    public static ?Transport $transport = null;

    /** @param array<string, mixed> $params WHMCS module parameters (or a server row shaped like them) */
    public static function fromParams(array $params): LifecycleClient
    {
        $server = ServerRecord::fromParams($params);
        return new LifecycleClient($server, self::$transport ?? new CurlTransport(), self::log($server, $params));
    }

    /**
     * The signed API for the service-management clients.
     *
     * @param array<string, mixed> $params
     * @param string|null $idempotencyKey set for a client-area form so a resubmission is a replay
     */
    public static function api(array $params, ?string $idempotencyKey = null): BackendApi
    {
        $server = ServerRecord::fromParams($params);
        return (new BackendApi($server, self::$transport ?? new CurlTransport(), self::log($server, $params)))
            ->withIdempotencyKey($idempotencyKey);
    }

    /** @param array<string, mixed> $params */
    public static function compute(array $params, ?string $idempotencyKey = null): ComputeClient
    {
        return new ComputeClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    public static function sshKeys(array $params, ?string $idempotencyKey = null): SshKeyClient
    {
        return new SshKeyClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    public static function network(array $params, ?string $idempotencyKey = null): NetworkClient
    {
        return new NetworkClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    public static function activity(array $params, ?string $idempotencyKey = null): ActivityClient
    {
        return new ActivityClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    public static function objectStorage(array $params, ?string $idempotencyKey = null): ObjectStorageClient
    {
        return new ObjectStorageClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    public static function dns(array $params, ?string $idempotencyKey = null): DnsClient
    {
        return new DnsClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    public static function admin(array $params, ?string $idempotencyKey = null): AdminClient
    {
        return new AdminClient(self::api($params, $idempotencyKey));
    }

    /** @param array<string, mixed> $params */
    private static function log(ServerRecord $server, array $params): ModuleLog
    {
        return new ModuleLog(array_values(array_filter([
            $server->secret,
            (string) ($params['password'] ?? ''),
        ], 'strlen')));
    }
}
