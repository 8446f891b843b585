<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

use WHMCS\Module\Addon\ContaboAdmin\Api\AdminApi;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\WhmcsDirectory;
use WHMCS\Module\Server\Contabo\Api\ApiException;

/**
 * The default tags reach new servers once they are set up (the backend refuses tags while a
 * server is still being set up): WHMCS's daily cron adds any missing default tag to the active
 * servers of the last few days, keeping the tags already there.
 */
final class DefaultTags
{
    public const RECENT_DAYS = 3;
    private const RESERVED_PREFIX = 'whmcs-service-';

    public function __construct(
        private readonly WhmcsDirectory $whmcs,
        private readonly AdminApi $api,
    ) {
    }

    /**
     * @param list<string> $defaults
     * @return array{tagged: list<int>, failed: array<int, string>} failed: service => reason
     */
    public function applyToRecentServices(array $defaults, \DateTimeImmutable $today): array
    {
        $result = ['tagged' => [], 'failed' => []];
        if ($defaults === []) {
            return $result;
        }
        $since = $today->modify('-' . self::RECENT_DAYS . ' days')->format('Y-m-d');
        foreach ($this->whmcs->activeServicesSince($since) as $serviceId) {
            try {
                $current = array_values(array_filter(
                    $this->api->serviceTags((string) $serviceId),
                    static fn (string $tag): bool => !str_starts_with(strtolower($tag), self::RESERVED_PREFIX),
                ));
                if (array_diff($defaults, $current) === []) {
                    continue;
                }
                $this->api->setServiceTags((string) $serviceId, array_values(array_unique([...$current, ...$defaults])));
                $result['tagged'][] = $serviceId;
            } catch (ApiException $error) {
                $result['failed'][$serviceId] = $error->getMessage();
            }
        }
        return $result;
    }
}
