<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * The cron step of background provisioning: for each service still without an IP, ask the
 * backend; once the server is ready, write its access details into WHMCS and send the welcome
 * email once.
 */
final class ProvisioningSync
{
    public const OTHER_CLIENT = 'The provisioning backend holds this service id for another client; nothing was written back. Give each WHMCS installation its own signing key.';

    /** @var callable(string, array<string, mixed>): array<string, mixed> */
    private $localApi;

    /** @param callable(string, array<string, mixed>): array<string, mixed> $localApi WHMCS localAPI */
    public function __construct(private readonly PendingServiceRepository $repository, callable $localApi)
    {
        $this->localApi = $localApi;
    }

    /** @return array{ready: list<int>, waiting: list<int>, failed: array<int, string>} */
    public function run(): array
    {
        $outcome = ['ready' => [], 'waiting' => [], 'failed' => []];
        foreach ($this->repository->pendingServices() as $service) {
            try {
                $view = ClientFactory::fromParams($service->serverParams)->service((string) $service->serviceId, true);
            } catch (ApiException $error) {
                // Already in the module log; a service never created answers 404 and simply waits.
                $outcome['failed'][$service->serviceId] = $error->getMessage();
                continue;
            }
            if (!self::sameClient($service, $view)) {
                // A reused service id (restored backup, reinstalled or second WHMCS): never write
                // another client's server into this service.
                $outcome['failed'][$service->serviceId] = self::OTHER_CLIENT;
                continue;
            }
            if (($view['state'] ?? '') !== 'active' || (string) ($view['ipv4'] ?? '') === '') {
                $outcome['waiting'][] = $service->serviceId;
                continue;
            }
            $this->completeService($service, $view);
            $outcome['ready'][] = $service->serviceId;
        }
        return $outcome;
    }

    /** @param array<string, mixed> $view ServiceView */
    private static function sameClient(PendingService $service, array $view): bool
    {
        return $service->clientId > 0 && (string) ($view['client_id'] ?? '') === (string) $service->clientId;
    }

    /** @param array<string, mixed> $view ServiceView with password */
    private function completeService(PendingService $service, array $view): void
    {
        $assigned = array_values(array_filter(
            [(string) ($view['ipv6'] ?? ''), ...array_map('strval', (array) ($view['additional_ips'] ?? []))],
            'strlen',
        ));
        $update = [
            'serviceid' => $service->serviceId,
            'dedicatedip' => (string) $view['ipv4'],
            'assignedips' => implode("\n", $assigned),
            'serviceusername' => (string) ($view['username'] ?? ''),
        ];
        if ((string) ($view['password'] ?? '') !== '') {
            $update['servicepassword'] = (string) $view['password'];
        }
        ($this->localApi)('UpdateClientProduct', $update);
        if (isset($view['instance_id']) && (string) $view['instance_id'] !== '') {
            $this->repository->saveInstanceId($service, (string) $view['instance_id']);
        }
        $this->sendWelcomeEmail($service);
    }

    private function sendWelcomeEmail(PendingService $service): void
    {
        if ($service->welcomeEmail === '' || $this->repository->welcomeEmailSent($service->serviceId)) {
            return;
        }
        WelcomeEmailGate::release($service->serviceId);
        try {
            $result = ($this->localApi)('SendEmail', ['messagename' => $service->welcomeEmail, 'id' => $service->serviceId]);
        } finally {
            WelcomeEmailGate::close($service->serviceId);
        }
        if (($result['result'] ?? '') === 'success') {
            $this->repository->markWelcomeEmailSent($service->serviceId);
        }
    }
}
