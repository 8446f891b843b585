<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** A service's history and its tags. */
final class ActivityClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /** @return array{items: list<array<string, mixed>>, next_cursor: ?string, notice: string} */
    public function activity(string $serviceId, int $limit = 25, ?string $cursor = null): array
    {
        $query = ['limit' => (string) $limit] + ($cursor !== null && $cursor !== '' ? ['cursor' => $cursor] : []);
        $answer = $this->api->call('ListActivity', 'GET', "/services/{$serviceId}/activity", $query);
        $next = $answer['next_cursor'] ?? null;
        return ['items' => Items::of($answer), 'next_cursor' => is_string($next) && $next !== '' ? $next : null, 'notice' => (string) ($answer['notice'] ?? '')];
    }

    /** The whole history as CSV text (the admin's export). */
    public function activityCsv(string $serviceId): string
    {
        return $this->api->callText('ExportActivity', 'GET', "/services/{$serviceId}/activity", ['format' => 'csv']);
    }

    /** @return list<string> every tag on the instance, the service tag included */
    public function tags(string $serviceId): array
    {
        return Items::strings($this->api->call('ListTags', 'GET', "/services/{$serviceId}/tags"));
    }

    /**
     * @param list<string> $tags the admin's extra tags (the service tag stays regardless)
     * @return list<string> every tag now on the instance
     */
    public function setAdminTags(string $serviceId, array $tags): array
    {
        return Items::strings($this->api->call('ApplyTags', 'PUT', "/admin/services/{$serviceId}/tags", [], ['tags' => array_values($tags)]));
    }
}
