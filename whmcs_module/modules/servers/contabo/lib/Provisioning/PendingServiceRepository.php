<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

/** The WHMCS database as the provisioning sync needs it; tests stand in an in-memory version. */
interface PendingServiceRepository
{
    /** @return list<PendingService> Pending/Active services of this module with no dedicated IP */
    public function pendingServices(): array;

    public function saveInstanceId(PendingService $service, string $instanceId): void;

    public function welcomeEmailSent(int $serviceId): bool;

    public function markWelcomeEmailSent(int $serviceId): void;

    /** True while the service's welcome email must wait for its server (see EmailPreSend hook). */
    public function holdsWelcomeEmail(int $serviceId, string $templateName): bool;
}
