<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

/** The WHMCS database as the provisioning sync needs it; tests stand in an in-memory version. */
interface PendingServiceRepository
{
    /** @return list<PendingService> Pending/Active services of this module with no dedicated IP, except failures already told */
    public function pendingServices(): array;

    /** True once staff were told this service failed: it is told once and no longer polled. */
    public function failureNoticeSent(int $serviceId): bool;

    public function markFailureNoticeSent(int $serviceId, string $reason): void;

    public function saveInstanceId(PendingService $service, string $instanceId): void;

    public function welcomeEmailSent(int $serviceId): bool;

    public function markWelcomeEmailSent(int $serviceId): void;

    /** True while the service's welcome email must wait for its server (see EmailPreSend hook). */
    public function holdsWelcomeEmail(int $serviceId, string $templateName): bool;
}
