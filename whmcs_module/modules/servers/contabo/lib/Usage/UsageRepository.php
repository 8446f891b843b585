<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

/** The WHMCS database as usage needs it; tests stand in an in-memory version. */
interface UsageRepository
{
    /** @return list<UsageService> the module's active and suspended services on a server */
    public function servicesOnServer(int $serverId): array;

    /** One update of tblhosting's disk figures for a service (and its lastupdate). */
    public function saveDiskUsage(int $serviceId, int $usageMb, int $limitMb): void;
}
