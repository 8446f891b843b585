<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\UsageBilling\Contracts\Metrics\MetricInterface;
use WHMCS\UsageBilling\Contracts\Metrics\ProviderInterface;
use WHMCS\UsageBilling\Metrics\Metric;
use WHMCS\UsageBilling\Metrics\Units\FloatingPoint;
use WHMCS\UsageBilling\Metrics\Units\WholeNumber;
use WHMCS\UsageBilling\Metrics\Usage;

/**
 * WHMCS usage billing (MetricProvider): object storage TB used, additional IPv4 addresses and
 * snapshots, as the backend's daily usage sync last recorded them. All three are snapshot
 * metrics (a level now, not a sum over the month).
 *
 * WHMCS names a service by its ListAccounts unique identifier (the domain), so usage is keyed
 * by it; a service without one, or sharing it with another service on the server, cannot be
 * told apart and is left out.
 */
final class MetricsProvider implements ProviderInterface
{
    public const OBJECT_STORAGE_TB = 'object_storage_used_tb';
    public const OBJECT_STORAGE_SIZE_TB = 'object_storage_size_tb';
    public const ADDITIONAL_IPV4 = 'additional_ipv4';
    public const SNAPSHOTS = 'snapshots';

    public function __construct(
        private readonly UsageClient $client,
        private readonly UsageRepository $repository,
        private readonly int $serverId,
    ) {
    }

    /** @return array<string, MetricInterface> */
    public function metrics()
    {
        return [
            self::OBJECT_STORAGE_TB => new Metric(self::OBJECT_STORAGE_TB, 'Object Storage', MetricInterface::TYPE_SNAPSHOT, new FloatingPoint('Terabytes', 'TB', 'TB', null, ' TB')),
            self::ADDITIONAL_IPV4 => new Metric(self::ADDITIONAL_IPV4, 'Additional IPv4 Addresses', MetricInterface::TYPE_SNAPSHOT, new WholeNumber('Addresses', 'address', 'addresses')),
            self::SNAPSHOTS => new Metric(self::SNAPSHOTS, 'Snapshots', MetricInterface::TYPE_SNAPSHOT, new WholeNumber('Snapshots', 'snapshot', 'snapshots')),
        ];
    }

    /** @return array<string, list<MetricInterface>> by tenant */
    public function usage()
    {
        $usage = [];
        foreach ($this->identifiable() as $tenant => $service) {
            try {
                $usage[$tenant] = $this->wrap($this->client->latest((string) $service->serviceId));
            } catch (ApiException) {
                continue; // logged by the client; the next cron run tries again
            }
        }
        return $usage;
    }

    /** @return list<MetricInterface> */
    public function tenantUsage($tenant)
    {
        $service = $this->identifiable()[trim((string) $tenant)] ?? null;
        if ($service === null) {
            return [];
        }
        try {
            return $this->wrap($this->client->latest((string) $service->serviceId));
        } catch (ApiException) {
            return [];
        }
    }

    /** @return array<string, UsageService> services WHMCS can name, by tenant */
    private function identifiable(): array
    {
        $byTenant = [];
        $seen = [];
        foreach ($this->repository->servicesOnServer($this->serverId) as $service) {
            if ($service->tenant === '') {
                continue;
            }
            $seen[$service->tenant] = ($seen[$service->tenant] ?? 0) + 1;
            $byTenant[$service->tenant] = $service;
        }
        return array_filter($byTenant, static fn (UsageService $s): bool => $seen[$s->tenant] === 1);
    }

    /**
     * @param array<string, float> $values
     * @return list<MetricInterface> the metrics this service reports, each with its value
     */
    private function wrap(array $values): array
    {
        $wrapped = [];
        foreach ($this->metrics() as $name => $metric) {
            if (isset($values[$name])) {
                $wrapped[] = $metric->withUsage(new Usage($values[$name]));
            }
        }
        return $wrapped;
    }
}
