<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** The admin routes the server module reads: product guardrails and the cloud-init templates. */
final class AdminClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /** @return array<string, mixed> {allow_reinstall, allow_rescue, ..., max_snapshots} */
    public function guardrails(string $whmcsProductId): array
    {
        $product = PathSegment::of($whmcsProductId, 'product');
        return $this->api->call('GetGuardrails', 'GET', "/admin/products/{$product}/guardrails");
    }

    /**
     * @param array<string, mixed> $guardrails
     * @return array<string, mixed> the stored guardrails
     */
    public function saveGuardrails(string $whmcsProductId, array $guardrails): array
    {
        $product = PathSegment::of($whmcsProductId, 'product');
        return $this->api->call('SaveGuardrails', 'PUT', "/admin/products/{$product}/guardrails", [], $guardrails);
    }

    /** @return list<array<string, mixed>> {offer_id, product_id, name, ...}: the plans the provider offers this server */
    public function planOffers(string $serviceId): array
    {
        $service = PathSegment::of($serviceId, 'service');
        return Items::of($this->api->call('ListPlanOffers', 'GET', "/admin/services/{$service}/plan-offers"));
    }

    /** @return list<array{key: string, name: string, compatible_images: list<string>}> the one-click applications on offer */
    public function applications(): array
    {
        $applications = [];
        foreach (Items::of($this->api->call('ListApplications', 'GET', '/catalog/applications')) as $application) {
            if (($application['key'] ?? '') !== '') {
                $applications[] = [
                    'key' => (string) $application['key'],
                    'name' => (string) ($application['name'] ?? $application['key']),
                    'compatible_images' => array_map('strval', (array) ($application['compatible_images'] ?? [])),
                ];
            }
        }
        return $applications;
    }

    /** @return list<array{name: string, description: string}> the library, without the template bodies */
    public function cloudInitTemplates(): array
    {
        $templates = [];
        foreach (Items::of($this->api->call('ListCloudInitTemplates', 'GET', '/admin/cloud-init-templates')) as $template) {
            if (($template['name'] ?? '') !== '') {
                $templates[] = ['name' => (string) $template['name'], 'description' => (string) ($template['description'] ?? '')];
            }
        }
        return $templates;
    }
}
