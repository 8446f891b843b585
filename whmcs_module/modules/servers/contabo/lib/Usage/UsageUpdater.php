<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

use WHMCS\Module\Server\Contabo\Api\ApiException;

/**
 * WHMCS's daily UsageUpdate for one server: an object storage's used and purchased space
 * become the service's disk usage and limit. The provider reports no disk or traffic use for
 * servers, so their rows are left as they are (extra IPs and snapshots are usage-billing
 * metrics: see MetricsProvider).
 */
final class UsageUpdater
{
    public const MB_PER_TB = 1_048_576;

    public function __construct(private readonly UsageClient $client, private readonly UsageRepository $repository)
    {
    }

    /** @return array{updated: int, unmeasured: int, failed: list<string>} */
    public function run(int $serverId): array
    {
        $result = ['updated' => 0, 'unmeasured' => 0, 'failed' => []];
        foreach ($this->repository->servicesOnServer($serverId) as $service) {
            try {
                $values = $this->client->latest((string) $service->serviceId);
            } catch (ApiException $error) {
                $result['failed'][] = "service {$service->serviceId}: " . $error->getMessage();
                continue;
            }
            if (!isset($values[MetricsProvider::OBJECT_STORAGE_TB])) {
                $result['unmeasured']++;
                continue;
            }
            $this->repository->saveDiskUsage(
                $service->serviceId,
                self::megabytes($values[MetricsProvider::OBJECT_STORAGE_TB]),
                self::megabytes($values[MetricsProvider::OBJECT_STORAGE_SIZE_TB] ?? 0.0),
            );
            $result['updated']++;
        }
        return $result;
    }

    private static function megabytes(float $terabytes): int
    {
        return (int) round($terabytes * self::MB_PER_TB);
    }
}
