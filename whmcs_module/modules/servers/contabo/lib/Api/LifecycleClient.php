<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

use WHMCS\Module\Server\Contabo\ModuleLog;

/**
 * The lifecycle API of docs/lifecycle-api.md: one method per route, each signed, logged and
 * answering with decoded JSON or an ApiException carrying a clean message.
 */
final class LifecycleClient
{
    private BackendApi $api;

    public function __construct(ServerRecord $server, Transport $transport, ModuleLog $log)
    {
        $this->api = new BackendApi($server, $transport, $log);
    }

    /** @return array<string, mixed> */
    public function testConnection(): array
    {
        return $this->call('TestConnection', 'GET', '/connection');
    }

    /**
     * @param array<string, mixed> $request CreateServiceRequest
     * @return array<string, mixed> ServiceView
     */
    public function createService(string $serviceId, array $request): array
    {
        return $this->call('CreateAccount', 'POST', "/services/{$serviceId}/create", [], $request);
    }

    /** @return array<string, mixed> ServiceView */
    public function service(string $serviceId, bool $includePassword = false): array
    {
        $query = $includePassword ? ['include_password' => 'true'] : [];
        return $this->call('GetService', 'GET', "/services/{$serviceId}", $query);
    }

    /**
     * Many services' views in one call (the cron hook); ids never created come back in unknown.
     *
     * @param list<string> $serviceIds at most 100
     * @return array{services: array<string, array<string, mixed>>, unknown: list<string>} views by service id
     */
    public function statusBatch(array $serviceIds): array
    {
        $answer = $this->call('StatusBatch', 'POST', '/services/status-batch', [], ['service_ids' => array_values($serviceIds)]);
        $views = [];
        foreach ((array) ($answer['services'] ?? []) as $view) {
            if (is_array($view) && isset($view['service_id'])) {
                $views[(string) $view['service_id']] = $view;
            }
        }
        return ['services' => $views, 'unknown' => array_values(array_map('strval', (array) ($answer['unknown'] ?? [])))];
    }

    /** @return array{services: list<array<string, mixed>>, next_cursor: ?string} */
    public function listServices(?string $cursor = null, int $limit = 100): array
    {
        $query = ['limit' => (string) $limit] + ($cursor !== null ? ['cursor' => $cursor] : []);
        $page = $this->call('ListAccounts', 'GET', '/services', $query);
        return [
            'services' => array_values(array_filter((array) ($page['services'] ?? []), 'is_array')),
            'next_cursor' => isset($page['next_cursor']) && $page['next_cursor'] !== '' ? (string) $page['next_cursor'] : null,
        ];
    }

    /** @return array<string, mixed> */
    public function suspend(string $serviceId, string $reason, string $policy): array
    {
        return $this->call('SuspendAccount', 'POST', "/services/{$serviceId}/suspend", [], ['reason' => $reason, 'policy' => $policy]);
    }

    /** @return array<string, mixed> */
    public function unsuspend(string $serviceId): array
    {
        return $this->call('UnsuspendAccount', 'POST', "/services/{$serviceId}/unsuspend");
    }

    /** @return array<string, mixed> */
    public function terminate(string $serviceId, string $snapshotPolicy): array
    {
        return $this->call('TerminateAccount', 'POST', "/services/{$serviceId}/terminate", [], ['snapshot_policy' => $snapshotPolicy]);
    }

    /**
     * @param array<string, mixed> $request ChangePackageRequest
     * @return array<string, mixed>
     */
    public function changePackage(string $serviceId, array $request): array
    {
        return $this->call('ChangePackage', 'POST', "/services/{$serviceId}/change-package", [], $request);
    }

    /** @return array<string, mixed> */
    public function changePassword(string $serviceId, string $password): array
    {
        $this->api = $this->api->withSecrets($password);
        return $this->call('ChangePassword', 'POST', "/services/{$serviceId}/change-password", [], ['password' => $password]);
    }

    /** @return array<string, mixed> */
    public function renew(string $serviceId, string $nextDueDate): array
    {
        return $this->call('Renew', 'POST', "/services/{$serviceId}/renew", [], ['next_due_date' => $nextDueDate]);
    }

    /** @return array<string, mixed> */
    public function power(string $serviceId, string $action): array
    {
        return $this->call('Power' . ucfirst($action), 'POST', "/services/{$serviceId}/power/{$action}");
    }

    /**
     * Status read fresh from the provider rather than from the backend's last sync.
     *
     * @return array<string, mixed> ServiceView
     */
    public function refresh(string $serviceId): array
    {
        return $this->call('Refresh', 'POST', "/services/{$serviceId}/refresh");
    }

    /**
     * One catalog list (products, regions, images) as id => name.
     *
     * @return array<string, string>
     */
    public function catalog(string $kind): array
    {
        $answer = $this->call('Catalog' . ucfirst($kind), 'GET', "/catalog/{$kind}");
        $items = [];
        foreach ((array) ($answer['items'] ?? []) as $item) {
            if (is_array($item) && isset($item['id']) && (string) $item['id'] !== '') {
                $items[(string) $item['id']] = (string) ($item['name'] ?? $item['id']);
            }
        }
        return $items;
    }

    /**
     * @param array<string, string|list<string>> $query
     * @param array<string, mixed>|null $body
     * @return array<string, mixed>
     */
    private function call(string $action, string $method, string $path, array $query = [], ?array $body = null): array
    {
        return $this->api->call($action, $method, $path, $query, $body);
    }
}
