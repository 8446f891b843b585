<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

use WHMCS\Database\Capsule;

final class CapsuleWhmcsDirectory implements WhmcsDirectory
{
    private const MODULE = 'contabo';

    public function contaboProducts(): array
    {
        $groups = [];
        foreach (Capsule::table('tblproductgroups')->get() as $group) {
            $groups[(int) $group->id] = (string) $group->name;
        }
        $products = [];
        foreach (Capsule::table('tblproducts')->where('servertype', self::MODULE)->orderBy('id')->get() as $row) {
            $products[] = ['id' => (int) $row->id, 'name' => (string) $row->name, 'group' => $groups[(int) $row->gid] ?? '', 'contabo_product' => (string) $row->configoption1];
        }
        return $products;
    }

    public function service(int $serviceId): ?array
    {
        $service = Capsule::table('tblhosting')->where('id', $serviceId)->first();
        if ($service === null) {
            return null;
        }
        $product = Capsule::table('tblproducts')->where('id', (int) $service->packageid)->first();
        return [
            'service_id' => (int) $service->id,
            'client_id' => (int) $service->userid,
            'product' => (string) ($product->name ?? ''),
            'status' => (string) $service->domainstatus,
            'module' => (string) ($product->servertype ?? ''),
        ];
    }

    public function activeServicesSince(string $date): array
    {
        $products = [];
        foreach (Capsule::table('tblproducts')->where('servertype', self::MODULE)->get() as $product) {
            if ((string) $product->configoption9 !== 'object_storage') {  // tags are for servers
                $products[] = (int) $product->id;
            }
        }
        if ($products === []) {
            return [];
        }
        $services = [];
        $rows = Capsule::table('tblhosting')
            ->whereIn('packageid', $products)
            ->where('domainstatus', 'Active')
            ->where('regdate', '>=', $date)
            ->orderBy('id')
            ->get();
        foreach ($rows as $row) {
            $services[] = (int) $row->id;
        }
        return $services;
    }
}
