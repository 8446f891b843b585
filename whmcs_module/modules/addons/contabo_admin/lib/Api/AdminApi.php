<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Api;

use WHMCS\Module\Server\Contabo\Api\BackendApi;
use WHMCS\Module\Server\Contabo\Api\Items;
use WHMCS\Module\Server\Contabo\Api\PathSegment;

/**
 * The backend's admin routes (docs/service-management-api.md, "Admin") over the server
 * module's signed client. Failures arrive as the server module's ApiException, already
 * phrased for a person; a route the backend lacks has kind ROUTE_MISSING.
 */
final class AdminApi
{
    public const JOB_STATUSES = ['parked', 'queued', 'running', 'done', 'skipped'];
    public const SCHEDULES = ['provisioning', 'status-sync', 'catalog-sync', 'usage-sync', 'automatic-snapshots', 'action-queue', 'domain-sync'];

    public function __construct(private readonly BackendApi $api)
    {
    }

    /** A copy whose mutating calls use this idempotency key (a resubmitted form replays). */
    public function withIdempotencyKey(?string $key): self
    {
        return new self($this->api->withIdempotencyKey($key));
    }

    /** @return array{ok: bool, checks: array<string, string>} */
    public function connection(): array
    {
        $answer = $this->api->call('AddonTestConnection', 'GET', '/connection');
        $checks = [];
        foreach ((array) ($answer['checks'] ?? []) as $name => $check) {
            $checks[(string) $name] = is_array($check)
                ? (($check['ok'] ?? false) === true ? 'ok' : 'FAILED') . ': ' . (string) ($check['detail'] ?? '')
                : (string) $check;
        }
        return ['ok' => (bool) ($answer['ok'] ?? false), 'checks' => $checks];
    }

    /** @return array<string, mixed> */
    public function guardrails(string $whmcsProductId): array
    {
        $product = PathSegment::of($whmcsProductId, 'product');
        return $this->api->call('GetGuardrails', 'GET', "/admin/products/{$product}/guardrails");
    }

    /**
     * @param array<string, mixed> $guardrails
     * @return array<string, mixed>
     */
    public function saveGuardrails(string $whmcsProductId, array $guardrails): array
    {
        $product = PathSegment::of($whmcsProductId, 'product');
        return $this->api->call('SaveGuardrails', 'PUT', "/admin/products/{$product}/guardrails", [], $guardrails);
    }

    /** @return array<string, mixed> {products_version, synced_at, products, regions, images} */
    public function catalog(): array
    {
        return $this->api->call('GetCatalog', 'GET', '/admin/catalog');
    }

    /** @return array<string, mixed> */
    public function catalogDiff(): array
    {
        return $this->api->call('GetCatalogDiff', 'GET', '/admin/catalog/diff');
    }

    /**
     * @param array<string, mixed> $override
     * @return array<string, mixed>
     */
    public function overrideProduct(string $productId, array $override): array
    {
        $product = PathSegment::of($productId, 'product');
        return $this->api->call('OverrideCatalogProduct', 'PUT', "/admin/catalog/products/{$product}", [], $override === [] ? null : $override);
    }

    /** @return array<string, mixed> */
    public function pricing(): array
    {
        return $this->api->call('GetPricing', 'GET', '/admin/pricing');
    }

    /**
     * @param array<string, mixed> $config
     * @return array<string, mixed>
     */
    public function savePricing(array $config): array
    {
        return $this->api->call('SavePricing', 'PUT', '/admin/pricing', [], $config);
    }

    /** @return array<string, mixed> {currency, products, skipped, warnings, ...} */
    public function pricingExport(string $currency): array
    {
        return $this->api->call('ExportPricing', 'GET', '/admin/pricing/export', ['currency' => $currency]);
    }

    /** @return list<array<string, mixed>> {name, description, content} */
    public function templates(): array
    {
        return Items::of($this->api->call('ListCloudInitTemplates', 'GET', '/admin/cloud-init-templates'));
    }

    /** @return array<string, mixed> */
    public function saveTemplate(string $name, string $description, string $content): array
    {
        $name = PathSegment::of($name, 'template name');
        return $this->api->call('SaveCloudInitTemplate', 'PUT', "/admin/cloud-init-templates/{$name}", [], ['description' => $description, 'content' => $content]);
    }

    public function deleteTemplate(string $name): void
    {
        $name = PathSegment::of($name, 'template name');
        $this->api->call('DeleteCloudInitTemplate', 'DELETE', "/admin/cloud-init-templates/{$name}");
    }

    /**
     * @param array{name?: string, content?: string, service_id?: string} $request
     * @return array<string, mixed> {rendered, variables, unknown_variables, bytes, valid, error}
     */
    public function previewTemplate(array $request): array
    {
        return $this->api->call('PreviewCloudInitTemplate', 'POST', '/admin/cloud-init-templates/preview', [], $request);
    }

    /**
     * @param array<string, string> $query service_id, action, request_id, from, to, limit, cursor
     * @return array{items: list<array<string, mixed>>, next_cursor: ?string, notice: string}
     */
    public function audit(array $query): array
    {
        $answer = $this->api->call('SearchAudit', 'GET', '/admin/audit', self::present($query));
        $next = $answer['next_cursor'] ?? null;
        return ['items' => Items::of($answer), 'next_cursor' => is_string($next) && $next !== '' ? $next : null, 'notice' => (string) ($answer['notice'] ?? '')];
    }

    /** @param array<string, string> $query */
    public function auditCsv(array $query): string
    {
        return $this->api->callText('ExportAudit', 'GET', '/admin/audit', ['format' => 'csv'] + self::present($query));
    }

    /** @return array{items: list<array<string, mixed>>, next_cursor: ?string} */
    public function jobs(string $status, ?string $cursor = null, ?int $limit = null): array
    {
        $query = ['status' => $status] + ($cursor !== null && $cursor !== '' ? ['cursor' => $cursor] : []) + ($limit !== null ? ['limit' => $limit] : []);
        $answer = $this->api->call('ListJobs', 'GET', '/admin/jobs', $query);
        $next = $answer['next_cursor'] ?? null;
        return ['items' => Items::of($answer), 'next_cursor' => is_string($next) && $next !== '' ? $next : null];
    }

    /** @return array<string, mixed> the job after retry, skip or done */
    public function jobAction(string $jobId, string $action): array
    {
        if (!in_array($action, ['retry', 'skip', 'done'], true)) {
            throw new \InvalidArgumentException('That queue action is not known.');
        }
        $job = PathSegment::of($jobId, 'job');
        return $this->api->call('JobAction', 'POST', "/admin/jobs/{$job}/{$action}", [], []);
    }

    /** @return list<array<string, mixed>> every scheduled job and its last run */
    public function schedules(): array
    {
        return Items::of($this->api->call('ListSchedules', 'GET', '/admin/schedules'));
    }

    /** @return array<string, mixed> {job, started, message, last_run} */
    public function runSchedule(string $job): array
    {
        if (!in_array($job, self::SCHEDULES, true)) {
            throw new \InvalidArgumentException('That scheduled job is not known.');
        }
        return $this->api->call('RunSchedule', 'POST', "/admin/schedules/{$job}/run", [], []);
    }

    /** @return array<string, mixed> */
    public function driftReport(): array
    {
        return $this->api->call('GetDriftReport', 'GET', '/admin/reports/drift');
    }

    /** @return array<string, mixed> {items, as_of, total, truncated} */
    public function importCandidates(): array
    {
        return $this->api->call('ListImportCandidates', 'GET', '/admin/import/candidates');
    }

    /** @return array<string, mixed> the imported ServiceView */
    public function import(string $serviceId, string $clientId, int $instanceId): array
    {
        return $this->api->call('ImportInstance', 'POST', '/admin/import', [], ['service_id' => $serviceId, 'client_id' => $clientId, 'instance_id' => $instanceId]);
    }

    /** @return list<string> every tag on the service's instance, the service tag included */
    public function serviceTags(string $serviceId): array
    {
        $service = PathSegment::of($serviceId, 'service');
        return Items::strings($this->api->call('ListTags', 'GET', "/services/{$service}/tags"));
    }

    /**
     * @param list<string> $tags
     * @return list<string> every tag now on the instance
     */
    public function setServiceTags(string $serviceId, array $tags): array
    {
        $service = PathSegment::of($serviceId, 'service');
        return Items::strings($this->api->call('ApplyTags', 'PUT', "/admin/services/{$service}/tags", [], ['tags' => array_values($tags)]));
    }

    /** @return list<array<string, mixed>> {key, name, application_id, compatible_images, enabled} */
    public function applications(): array
    {
        return Items::of($this->api->call('ListApplications', 'GET', '/admin/applications'));
    }

    /**
     * @param array{name: string, application_id: string, compatible_images: list<string>, enabled: bool} $application
     * @return array<string, mixed>
     */
    public function saveApplication(string $key, array $application): array
    {
        $key = PathSegment::of($key, 'application');
        return $this->api->call('PutApplication', 'PUT', "/admin/applications/{$key}", [], $application);
    }

    public function deleteApplication(string $key): void
    {
        $key = PathSegment::of($key, 'application');
        $this->api->call('DeleteApplication', 'DELETE', "/admin/applications/{$key}");
    }

    /**
     * @return list<array<string, mixed>> per region {region, object_storage_id, size_tb,
     *     allocated_tb, used_tb, headroom_tb, customers, growth_pending}
     */
    public function objectStoragePools(): array
    {
        $answer = $this->api->call('ListObjectStoragePools', 'GET', '/admin/object-storage/pools');
        return array_values(array_filter($answer, 'is_array'));
    }

    /** @return array<string, mixed> {terminate_grace_days, growth_margin_tb, growth_cap_tb} */
    public function objectStorageSettings(): array
    {
        return $this->api->call('GetObjectStorageSettings', 'GET', '/admin/object-storage/settings');
    }

    /** @return list<array<string, mixed>> {ip, region}: the account's extra IPv4s on no server */
    public function spareIps(string $region = ''): array
    {
        return Items::of($this->api->call('ListSpareIps', 'GET', '/admin/ips/spare', self::present(['region' => $region])));
    }

    /** @return array<string, mixed> {ip, region} */
    public function assignSpareIp(string $serviceId, string $ip): array
    {
        $service = PathSegment::of($serviceId, 'service');
        return $this->api->call('AssignSpareIp', 'POST', "/admin/services/{$service}/ips", [], ['ip' => $ip]);
    }

    /** @return array<string, mixed> {ip, region}: the address is spare again */
    public function unassignIp(string $serviceId, string $ip): array
    {
        $service = PathSegment::of($serviceId, 'service');
        $address = PathSegment::of($ip, 'IP address');
        return $this->api->call('UnassignIp', 'DELETE', "/admin/services/{$service}/ips/{$address}");
    }

    /**
     * @param array<string, mixed> $order a CreateServiceRequest (+ service_id)
     * @return array<string, mixed> {would_order, checks, warnings, guardrails, create_instance_request}
     */
    public function simulateOrder(array $order): array
    {
        return $this->api->call('SimulateOrder', 'POST', '/admin/orders/simulate', [], $order);
    }

    /**
     * @param array<string, string> $query
     * @return array<string, string> the non-empty values
     */
    private static function present(array $query): array
    {
        return array_filter(array_map('strval', $query), static fn (string $value): bool => $value !== '');
    }
}
