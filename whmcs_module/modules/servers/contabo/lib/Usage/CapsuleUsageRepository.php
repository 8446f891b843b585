<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

use WHMCS\Database\Capsule;

final class CapsuleUsageRepository implements UsageRepository
{
    private const MODULE = 'contabo';

    /**
     * @param string $tenantField the tblhosting column WHMCS identifies a service by in usage
     *                            billing: the module's ListAccountsUniqueIdentifierField
     */
    public function __construct(private readonly string $tenantField = 'domain')
    {
        if (!in_array($tenantField, ['domain', 'username'], true)) {
            throw new \InvalidArgumentException("Usage billing cannot name services by '{$tenantField}'.");
        }
    }

    public function servicesOnServer(int $serverId): array
    {
        $rows = Capsule::table('tblhosting as h')
            ->join('tblproducts as p', 'p.id', '=', 'h.packageid')
            ->where('p.servertype', self::MODULE)
            ->where('h.server', $serverId)
            ->whereIn('h.domainstatus', ['Active', 'Suspended'])
            ->orderBy('h.id')
            ->get(['h.id', 'h.' . $this->tenantField . ' as tenant']);

        $services = [];
        foreach ($rows as $row) {
            $services[] = new UsageService((int) $row->id, trim((string) $row->tenant));
        }
        return $services;
    }

    public function saveDiskUsage(int $serviceId, int $usageMb, int $limitMb): void
    {
        Capsule::table('tblhosting')->where('id', $serviceId)->update([
            'diskusage' => $usageMb,
            'disklimit' => $limitMb,
            'lastupdate' => gmdate('Y-m-d H:i:s'),
        ]);
    }
}
