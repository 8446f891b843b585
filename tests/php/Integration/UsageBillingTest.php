<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\FakeUsageRepository;
use Tests\Php\Support\LocalStackTestCase;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Usage\UsageModule;
use WHMCS\Module\Server\Contabo\Usage\UsageService;

/**
 * The backend's usage sync feeding the MetricProvider and UsageUpdate, over HTTP against the
 * local stack: a server with a snapshot and an object storage (tblhosting stays in memory).
 */
final class UsageBillingTest extends LocalStackTestCase
{
    private const USAGE_JOB = 'UsageSyncFunction';

    protected function tearDown(): void
    {
        UsageModule::$repository = null;
    }

    public function testUsageSyncFeedsTheMetricProviderAndUsageUpdate(): void
    {
        $server = $this->params(['domain' => 'usage-' . bin2hex(random_bytes(4)) . '.example.com']);
        // Another test holds EU for its object storage (one per region per account).
        $storage = $this->params([
            'domain' => 'bucket-' . bin2hex(random_bytes(4)) . '.example.com',
            'configoption9' => 'object_storage',
            'configoptions' => ['Region' => 'US-central', 'Storage Size' => '1|1 TB', 'Auto-Scaling Limit' => '0|Off'],
        ]);
        $this->assertModuleSuccess(contabo_CreateAccount($server), 'POST /services/{id}/create');
        $this->assertModuleSuccess(contabo_CreateAccount($storage), 'POST /services/{id}/object-storage');
        $this->waitUntilActive($server);
        $this->waitUntilActive($storage);
        ClientFactory::compute($server)->createSnapshot((string) $server['serviceid'], 'usage-test');

        $run = $this->stack->runJob(self::USAGE_JOB);
        self::assertSame('ok', $run['status'] ?? null, json_encode($run) ?: '');
        self::assertSame('finished', $run['result']['outcome'] ?? null, json_encode($run) ?: '');

        $repository = new FakeUsageRepository([(int) $server['serverid'] => [
            new UsageService((int) $server['serviceid'], $server['domain']),
            new UsageService((int) $storage['serviceid'], $storage['domain']),
        ]]);
        UsageModule::$repository = $repository;

        $provider = contabo_MetricProvider($server);
        self::assertSame(['additional_ipv4' => 0.0, 'snapshots' => 1.0], self::values($provider->tenantUsage($server['domain'])));
        $usage = $provider->usage();
        self::assertSame([$server['domain'], $storage['domain']], array_keys($usage));
        self::assertSame(['object_storage_used_tb' => 0.0], self::values($usage[$storage['domain']]));

        self::assertSame('success', contabo_UsageUpdate($server));
        self::assertSame([(int) $storage['serviceid'] => ['usage' => 0, 'limit' => 1_048_576]], $repository->disk);

        $this->assertModuleSuccess(contabo_TerminateAccount($server), 'POST /services/{id}/terminate');
        $this->assertModuleSuccess(contabo_TerminateAccount($storage), 'POST /services/{id}/terminate');
    }

    /**
     * @param list<\WHMCS\UsageBilling\Contracts\Metrics\MetricInterface> $metrics
     * @return array<string, float>
     */
    private static function values(array $metrics): array
    {
        $values = [];
        foreach ($metrics as $metric) {
            $values[$metric->systemName()] = (float) $metric->usage()->value();
        }
        return $values;
    }
}
