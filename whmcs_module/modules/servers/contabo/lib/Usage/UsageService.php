<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

/** A service of this module on one WHMCS server, and the value WHMCS names it by in usage billing. */
final class UsageService
{
    public function __construct(public readonly int $serviceId, public readonly string $tenant)
    {
    }
}
