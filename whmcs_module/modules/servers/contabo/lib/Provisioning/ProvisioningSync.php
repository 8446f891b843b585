<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Lang;
use WHMCS\Module\Server\Contabo\StaffNotice;

/**
 * The cron step of background provisioning: ask the backend once per run (a batch call) about
 * every service still without an IP; once a server is ready, write its access details into
 * WHMCS and send the welcome email once; once a setup has failed, tell staff once (activity log
 * plus an admin email or a ticket, as the product's Module Settings say) and stop polling it.
 */
final class ProvisioningSync
{
    public const OTHER_CLIENT = 'The provisioning backend holds this service id for another client; nothing was written back. Give each WHMCS installation its own signing key.';
    private const BATCH = 100;  // the status-batch route's limit

    /** @var callable(string, array<string, mixed>): array<string, mixed> */
    private $localApi;

    /** @var array<string, string> */
    private readonly array $lang;

    /**
     * @param callable(string, array<string, mixed>): array<string, mixed> $localApi WHMCS localAPI
     * @param string $language staff notices' language: a cron run has no admin, so WHMCS's default
     */
    public function __construct(private readonly PendingServiceRepository $repository, callable $localApi, string $language = 'english')
    {
        $this->localApi = $localApi;
        $this->lang = Lang::strings($language);
    }

    /**
     * One batch call per backend for every service still waiting, then: ready ones are
     * completed, failed ones are told to staff once (and no longer polled).
     *
     * @return array{ready: list<int>, waiting: list<int>, failed: array<int, string>, told: list<int>}
     */
    public function run(): array
    {
        $outcome = ['ready' => [], 'waiting' => [], 'failed' => [], 'told' => []];
        $byServer = [];
        foreach ($this->repository->pendingServices() as $service) {
            $byServer[$service->serverKey()][] = $service;
        }
        foreach ($byServer as $services) {
            foreach (array_chunk($services, self::BATCH) as $batch) {
                $this->syncBatch($batch, $outcome);
            }
        }
        return $outcome;
    }

    /** @param array<string, mixed> $view ServiceView */
    private static function sameClient(PendingService $service, array $view): bool
    {
        return $service->clientId > 0 && (string) ($view['client_id'] ?? '') === (string) $service->clientId;
    }

    /**
     * @param list<PendingService> $services on one backend
     * @param array{ready: list<int>, waiting: list<int>, failed: array<int, string>, told: list<int>} $outcome
     */
    private function syncBatch(array $services, array &$outcome): void
    {
        $client = ClientFactory::fromParams($services[0]->serverParams);
        try {
            $views = $client->statusBatch(array_map(static fn (PendingService $s): string => (string) $s->serviceId, $services))['services'];
        } catch (ApiException $error) {
            foreach ($services as $service) {  // already in the module log; the next run asks again
                $outcome['failed'][$service->serviceId] = $error->getMessage();
            }
            return;
        }
        foreach ($services as $service) {
            $view = $views[(string) $service->serviceId] ?? null;
            if ($view === null) {
                $outcome['waiting'][] = $service->serviceId;  // never created: e.g. an unpaid order
            } elseif (!self::sameClient($service, $view)) {
                // A reused service id (restored backup, reinstalled or second WHMCS): never write
                // another client's server into this service, nor tell its failure here.
                $outcome['failed'][$service->serviceId] = self::OTHER_CLIENT;
            } elseif (($view['state'] ?? '') === 'failed') {
                $this->tellFailureOnce($service, $view);
                $outcome['told'][] = $service->serviceId;
            } elseif (($view['state'] ?? '') !== 'active' || (string) ($view['ipv4'] ?? '') === '') {
                $outcome['waiting'][] = $service->serviceId;
            } else {
                try {
                    $this->completeService($service, $client->service((string) $service->serviceId, true));
                    $outcome['ready'][] = $service->serviceId;
                } catch (ApiException $error) {
                    $outcome['failed'][$service->serviceId] = $error->getMessage();
                }
            }
        }
    }

    /**
     * The activity log line and the staff notice of a failed setup: once per service. The
     * reason is for staff (it may name the provider); customers see the client area's own text.
     *
     * @param array<string, mixed> $view ServiceView of a failed service
     */
    private function tellFailureOnce(PendingService $service, array $view): void
    {
        if ($this->repository->failureNoticeSent($service->serviceId)) {
            return;
        }
        $failure = is_array($view['failure'] ?? null) ? $view['failure'] : [];
        $english = trim((string) ($failure['reason'] ?? $view['status_message'] ?? ''));
        // The backend names the reason by code (status_message_code) for staff in their language.
        $params = is_array($view['status_message_params'] ?? null) ? $view['status_message_params'] : [];
        $reason = Messages::coded((string) ($view['status_message_code'] ?? ''), $params, $english, $this->lang);
        $reason = $reason !== '' ? rtrim($reason, '.') . '.' : $this->say('no_reason');
        $requestId = (string) ($failure['request_id'] ?? '');
        $subject = $this->say('subject', $service->serviceId);
        $message = $this->say('message', $service->serviceId, $reason, $requestId !== '' ? $this->say('request_id', $requestId) : '');
        ($this->localApi)('LogActivity', ['description' => $this->say('log', $service->serviceId, $reason, $requestId !== '' ? $this->say('request_id', $requestId) : '')]);
        $failed = (new StaffNotice($this->localApi))->send($service->failureNotice, $service->ticketDepartment, $subject, $message, $this->say('sender'));
        if ($failed !== null) {
            // Told in the activity log above; the notice failing is said there too, once.
            ($this->localApi)('LogActivity', ['description' => $this->say('notice_failed', $service->serviceId, $failed)]);
        }
        $this->repository->markFailureNoticeSent($service->serviceId, $reason);
    }

    private function say(string $key, string|int ...$args): string
    {
        return vsprintf($this->lang['cloudserver_setup_failed_' . $key], $args);
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
