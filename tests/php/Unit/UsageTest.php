<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\FakeUsageRepository;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;
use WHMCS\Module\Server\Contabo\Usage\MetricsProvider;
use WHMCS\Module\Server\Contabo\Usage\UsageModule;
use WHMCS\Module\Server\Contabo\Usage\UsageService;
use WHMCS\UsageBilling\Contracts\Metrics\MetricInterface;
use WHMCS\UsageBilling\Contracts\Metrics\ProviderInterface;
use WHMCS\UsageBilling\Metrics\Units\FloatingPoint;
use WHMCS\UsageBilling\Metrics\Units\WholeNumber;

/** UsageUpdate and the MetricProvider on recorded backend answers and an in-memory tblhosting. */
final class UsageTest extends FakeBackendTestCase
{
    private const SERVER = 1;

    private FakeUsageRepository $repository;

    protected function setUp(): void
    {
        parent::setUp();
        $this->repository = new FakeUsageRepository([self::SERVER => [
            new UsageService(10, 'storage.example.com'),
            new UsageService(11, 'web1.example.com'),
        ]]);
        UsageModule::$repository = $this->repository;
    }

    protected function tearDown(): void
    {
        parent::tearDown();
        UsageModule::$repository = null;
    }

    private static function storageUsage(float $usedTb, float $sizeTb): array
    {
        return ['items' => [
            ['metric' => 'object_storage_used_tb', 'value' => $usedTb, 'unit' => 'TB', 'day' => '2026-11-22'],
            ['metric' => 'object_storage_size_tb', 'value' => $sizeTb, 'unit' => 'TB', 'day' => '2026-11-22'],
        ]];
    }

    private static function serverUsage(int $ips, int $snapshots): array
    {
        return ['items' => [
            ['metric' => 'additional_ipv4', 'value' => $ips, 'unit' => 'addresses', 'day' => '2026-11-22'],
            ['metric' => 'snapshots', 'value' => $snapshots, 'unit' => 'snapshots', 'day' => '2026-11-22'],
        ]];
    }

    public function testUsageUpdateWritesObjectStorageSpaceAsDiskUsageInMegabytes(): void
    {
        $this->transport->answer(200, self::storageUsage(0.25, 2.0))->answer(200, self::serverUsage(1, 2));

        self::assertSame('success', contabo_UsageUpdate(WhmcsParams::service(['serverid' => self::SERVER])));

        self::assertSame([10 => ['usage' => 262_144, 'limit' => 2_097_152]], $this->repository->disk, 'servers report no disk use: left as they are');
        self::assertStringEndsWith('/Prod/services/10/usage', $this->transport->requests[0]['url']);
        self::assertStringEndsWith('/Prod/services/11/usage', $this->transport->requests[1]['url']);
        self::assertSame('GET', $this->transport->requests[0]['method']);
    }

    public function testUsageUpdateGoesOnPastAServiceItCannotReadAndSaysWhich(): void
    {
        $this->transport->answer(404, ['error' => ['code' => 'not_found', 'message' => 'Service 10 is not known to the backend; was it created?']])
            ->answer(200, ['items' => []]);

        $result = contabo_UsageUpdate(WhmcsParams::service(['serverid' => self::SERVER]));

        self::assertStringStartsWith('Usage of 1 service(s) could not be read: service 10: ', $result);
        self::assertStringContainsString('not known to the backend', $result);
        self::assertSame([], $this->repository->disk);
        self::assertCount(2, $this->transport->requests);
    }

    public function testUsageUpdateWithNoServicesOnTheServerCallsNothing(): void
    {
        self::assertSame('success', contabo_UsageUpdate(WhmcsParams::service(['serverid' => 99])));
        self::assertSame([], $this->transport->requests);
    }

    public function testMetricProviderDeclaresThreeSnapshotMetrics(): void
    {
        $provider = contabo_MetricProvider(WhmcsParams::service(['serverid' => self::SERVER]));

        self::assertInstanceOf(ProviderInterface::class, $provider);
        $metrics = $provider->metrics();
        self::assertSame(['object_storage_used_tb', 'additional_ipv4', 'snapshots'], array_keys($metrics));
        foreach ($metrics as $name => $metric) {
            self::assertSame($name, $metric->systemName());
            self::assertSame(MetricInterface::TYPE_SNAPSHOT, $metric->type());
            self::assertNull($metric->usage());
        }
        self::assertInstanceOf(FloatingPoint::class, $metrics['object_storage_used_tb']->units());
        self::assertSame('0.25 TB', $metrics['object_storage_used_tb']->units()->decorate(0.25));
        self::assertInstanceOf(WholeNumber::class, $metrics['additional_ipv4']->units());
        self::assertSame('addresses', $metrics['additional_ipv4']->units()->perUnitName(2));
        self::assertSame([], $this->transport->requests, 'declaring metrics needs no backend call');
    }

    public function testUsageIsKeyedByTheDomainWhmcsNamesServicesBy(): void
    {
        $this->transport->answer(200, self::storageUsage(1.5, 2.0))->answer(200, self::serverUsage(1, 2));

        $usage = contabo_MetricProvider(WhmcsParams::service(['serverid' => self::SERVER]))->usage();

        self::assertSame(['storage.example.com', 'web1.example.com'], array_keys($usage));
        self::assertSame(['object_storage_used_tb' => 1.5], self::values($usage['storage.example.com']));
        self::assertSame(['additional_ipv4' => 1.0, 'snapshots' => 2.0], self::values($usage['web1.example.com']));
    }

    public function testTenantUsageReadsOnlyThatService(): void
    {
        $this->transport->answer(200, self::serverUsage(0, 3));

        $metrics = contabo_MetricProvider(WhmcsParams::service(['serverid' => self::SERVER]))->tenantUsage(' web1.example.com ');

        self::assertSame(['additional_ipv4' => 0.0, 'snapshots' => 3.0], self::values($metrics));
        self::assertCount(1, $this->transport->requests);
        self::assertStringEndsWith('/services/11/usage', $this->transport->requests[0]['url']);
    }

    public function testServicesWhmcsCannotTellApartAreLeftOut(): void
    {
        $this->repository->servers[self::SERVER] = [
            new UsageService(20, 'twin.example.com'),
            new UsageService(21, 'twin.example.com'),
            new UsageService(22, ''),
            new UsageService(23, 'solo.example.com'),
        ];
        $this->transport->answer(200, self::serverUsage(0, 1));
        $provider = contabo_MetricProvider(WhmcsParams::service(['serverid' => self::SERVER]));

        self::assertSame(['solo.example.com'], array_keys($provider->usage()));
        self::assertSame([], $provider->tenantUsage('twin.example.com'));
        self::assertSame([], $provider->tenantUsage('unknown.example.com'));
        self::assertCount(1, $this->transport->requests);
    }

    public function testABackendFailureLeavesThatTenantOutAndIsLogged(): void
    {
        $this->transport->fail('connection refused')->fail('connection refused')->answer(200, self::serverUsage(2, 0));

        $usage = contabo_MetricProvider(WhmcsParams::service(['serverid' => self::SERVER]))->usage();

        self::assertSame(['web1.example.com'], array_keys($usage));
        self::assertNotEmpty(array_filter(Whmcs::$moduleLog, static fn (array $e): bool => $e['action'] === 'UsageRead'));
    }

    public function testMetricProviderNeedsNoDatabaseOrBackendToBeBuilt(): void
    {
        UsageModule::$repository = null;
        self::assertInstanceOf(MetricsProvider::class, contabo_MetricProvider(WhmcsParams::service()));
    }

    /**
     * @param list<MetricInterface> $metrics
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
