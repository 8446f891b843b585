<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * Builds UsageUpdate's updater and the MetricProvider for one module call. WHMCS calls plain
 * functions, so the database can be swapped here (tests) instead of through a constructor.
 */
final class UsageModule
{
    public static ?UsageRepository $repository = null;

    /** @param array<string, mixed> $params WHMCS server parameters */
    public static function updater(array $params, string $tenantField): UsageUpdater
    {
        return new UsageUpdater(self::client($params), self::repository($tenantField));
    }

    /** @param array<string, mixed> $params WHMCS server parameters */
    public static function provider(array $params, string $tenantField): MetricsProvider
    {
        return new MetricsProvider(self::client($params), self::repository($tenantField), (int) ($params['serverid'] ?? 0));
    }

    /** @param array<string, mixed> $params */
    private static function client(array $params): UsageClient
    {
        // One call per server reads many clients' services: it names none of them.
        return new UsageClient(ClientFactory::api(array_diff_key($params, ['userid' => true, 'clientsdetails' => true])));
    }

    private static function repository(string $tenantField): UsageRepository
    {
        return self::$repository ?? new CapsuleUsageRepository($tenantField);
    }
}
