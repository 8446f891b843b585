<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

/** What the addon reads from WHMCS itself: its contabo products and services. */
interface WhmcsDirectory
{
    /** @return list<array{id: int, name: string, group: string, contabo_product: string}> */
    public function contaboProducts(): array;

    /**
     * The WHMCS service and its client, or null when WHMCS has no such service.
     *
     * @return array{service_id: int, client_id: int, product: string, status: string, module: string}|null
     */
    public function service(int $serviceId): ?array;

    /**
     * Active server services (not object storage) of the contabo module registered on or
     * after $date (Y-m-d).
     *
     * @return list<int>
     */
    public function activeServicesSince(string $date): array;
}
