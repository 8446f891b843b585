<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\PendingServiceRepository;

/** tblhosting and friends in memory. */
final class FakePendingServiceRepository implements PendingServiceRepository
{
    /** @var array<int, string> service id => instance id */
    public array $instanceIds = [];

    /** @var array<int, true> */
    public array $sent = [];

    /** @var array<int, string> service id => reason told to staff */
    public array $failuresTold = [];

    /** @param list<PendingService> $pending */
    public function __construct(public array $pending = [])
    {
    }

    public function pendingServices(): array
    {
        return array_values(array_filter($this->pending, fn (PendingService $s): bool => !isset($this->failuresTold[$s->serviceId])));
    }

    public function failureNoticeSent(int $serviceId): bool
    {
        return isset($this->failuresTold[$serviceId]);
    }

    public function markFailureNoticeSent(int $serviceId, string $reason): void
    {
        $this->failuresTold[$serviceId] = $reason;
    }

    public function saveInstanceId(PendingService $service, string $instanceId): void
    {
        $this->instanceIds[$service->serviceId] = $instanceId;
    }

    public function welcomeEmailSent(int $serviceId): bool
    {
        return isset($this->sent[$serviceId]);
    }

    public function markWelcomeEmailSent(int $serviceId): void
    {
        $this->sent[$serviceId] = true;
    }

    public function holdsWelcomeEmail(int $serviceId, string $templateName): bool
    {
        foreach ($this->pending as $service) {
            if ($service->serviceId === $serviceId && $service->welcomeEmail === $templateName) {
                return true;
            }
        }
        return false;
    }
}
