<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo;

use WHMCS\Module\Server\Contabo\Api\CurlTransport;
use WHMCS\Module\Server\Contabo\Api\LifecycleClient;
use WHMCS\Module\Server\Contabo\Api\ServerRecord;
use WHMCS\Module\Server\Contabo\Api\Transport;

/**
 * Builds the lifecycle client for one module call. WHMCS calls plain functions, so the
 * transport can be swapped here (tests) instead of through a constructor.
 */
final class ClientFactory
{
    public static ?Transport $transport = null;

    /** @param array<string, mixed> $params WHMCS module parameters (or a server row shaped like them) */
    public static function fromParams(array $params): LifecycleClient
    {
        $server = ServerRecord::fromParams($params);
        $log = new ModuleLog(array_values(array_filter([
            $server->secret,
            (string) ($params['password'] ?? ''),
        ], 'strlen')));

        return new LifecycleClient($server, self::$transport ?? new CurlTransport(), $log);
    }
}
