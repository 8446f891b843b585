<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

use WHMCS\Module\Server\Contabo\Usage\UsageRepository;
use WHMCS\Module\Server\Contabo\Usage\UsageService;

/** tblhosting in memory, for usage: the services per server and the disk figures written. */
final class FakeUsageRepository implements UsageRepository
{
    /** @var array<int, array{usage: int, limit: int}> service id => what UsageUpdate wrote */
    public array $disk = [];

    /** @param array<int, list<UsageService>> $servers server id => its services */
    public function __construct(public array $servers = [])
    {
    }

    public function servicesOnServer(int $serverId): array
    {
        return $this->servers[$serverId] ?? [];
    }

    public function saveDiskUsage(int $serviceId, int $usageMb, int $limitMb): void
    {
        $this->disk[$serviceId] = ['usage' => $usageMb, 'limit' => $limitMb];
    }
}
