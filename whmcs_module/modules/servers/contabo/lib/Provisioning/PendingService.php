<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

/** A WHMCS service of this module whose server has no IP address yet. */
final class PendingService
{
    /** @param array<string, mixed> $serverParams serverhostname, serverip, serversecure, serverusername, serverpassword */
    public function __construct(
        public readonly int $serviceId,
        public readonly int $productId,
        public readonly array $serverParams,
        public readonly string $welcomeEmail,
        public readonly int $clientId = 0,
    ) {
    }
}
