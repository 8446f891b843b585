<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Usage;

use WHMCS\Module\Server\Contabo\Api\BackendApi;

/** GET /services/{id}/usage: what the backend's daily usage sync recorded for a service. */
final class UsageClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /**
     * The latest recorded day's figures, by metric ([] before the first sync).
     *
     * @return array<string, float>
     */
    public function latest(string $serviceId): array
    {
        $answer = $this->api->call('UsageRead', 'GET', "/services/{$serviceId}/usage");
        $values = [];
        foreach ((array) ($answer['items'] ?? []) as $item) {
            if (is_array($item) && isset($item['metric'], $item['value']) && is_numeric($item['value'])) {
                $values[(string) $item['metric']] = (float) $item['value'];
            }
        }
        return $values;
    }
}
