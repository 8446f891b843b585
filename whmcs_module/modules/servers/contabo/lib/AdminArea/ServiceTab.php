<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\AdminArea;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;
use WHMCS\Module\Server\Contabo\ModuleLog;
use WHMCS\Module\Server\Contabo\Validation\InputRules;

/**
 * The admin's Services tab beyond the status rows: capabilities, firewall, private networks,
 * the product's guardrails, editable extra tags and the activity export. Each row is read on
 * its own, so one unavailable part shows as such without hiding the rest. Every value is HTML
 * (WHMCS prints these fields as they are), so everything from outside is escaped here.
 */
final class ServiceTab
{
    public const TAGS_FIELD = 'cloudserver_tags';
    public const TAGS_ORIGINAL_FIELD = 'cloudserver_tags_original';
    private const EXPORT_SESSION_KEY = 'cloudserver_activity_export';
    private const MAX_EXTRA_TAGS = 20;
    // The download travels inside the page as a data: link; larger exports belong in the addon.
    private const MAX_EXPORT_BYTES = 2_000_000;

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $view ServiceView
     * @return array<string, string> label => HTML
     */
    public static function managementFields(array $params, array $view): array
    {
        $serviceId = ServiceRequestMapper::serviceId($params);
        $fields = ['Capabilities' => self::capabilities($view)];

        $fields['Firewall'] = self::section(static function () use ($params, $serviceId): string {
            $firewall = ClientFactory::network($params)->firewall($serviceId)['firewall'];
            if ($firewall === null) {
                return 'none assigned';
            }
            $rules = array_map(
                static fn (array $rule): string => sprintf('%s %s from %s', $rule['protocol'] ?? '?', ($rule['ports'] ?? '') !== '' ? $rule['ports'] : 'all ports', $rule['source'] ?? '?'),
                array_values(array_filter((array) ($firewall['rules'] ?? []), 'is_array')),
            );
            return sprintf('%s (%s), %d rule(s)', $firewall['name'] ?? '', $firewall['status'] ?? '', count($rules)) . ($rules ? ': ' . implode('; ', $rules) : '');
        });

        $fields['Private networks'] = self::section(static function () use ($params, $serviceId): string {
            $networks = ClientFactory::network($params)->privateNetworks($serviceId);
            $joined = array_map(
                static fn (array $n): string => sprintf('%s (%s, %s)', $n['name'] ?? '', $n['cidr'] ?? '', $n['region'] ?? ''),
                array_values(array_filter($networks['items'], static fn (array $n): bool => !empty($n['joined']))),
            );
            return sprintf('%d of the client\'s %d network(s) joined', count($joined), count($networks['items']))
                . ($joined ? ': ' . implode(', ', $joined) : '')
                . ($networks['can_create'] ? '; the client may create networks' : '; the client may not create networks');
        });

        // What ChangePackage to another plan can become: the provider lists offers but has no
        // operation to submit one (an admin task is queued; see the addon's action queue).
        $fields['Plan offers'] = self::section(static function () use ($params, $serviceId): string {
            $offers = array_map(
                static fn (array $o): string => sprintf('%s %s (offer %s%s)', $o['product_id'] ?? '', $o['name'] ?? '', $o['offer_id'] ?? '', !empty($o['location_change_required']) ? ', moves location' : ''),
                ClientFactory::admin($params)->planOffers($serviceId),
            );
            return $offers === [] ? 'none' : implode('; ', $offers) . ' - submitted in the provider\'s panel';
        });

        $productId = (string) (int) ($params['pid'] ?? $params['packageid'] ?? 0);
        $fields['Guardrails (product ' . $productId . ')'] = self::section(static function () use ($params, $productId): string {
            $guardrails = ClientFactory::admin($params)->guardrails($productId);
            $parts = [];
            foreach ($guardrails as $name => $value) {
                $parts[] = $name . ': ' . (is_bool($value) ? ($value ? 'yes' : 'no') : ($value === null ? 'provider limit' : (string) $value));
            }
            return implode(', ', $parts);
        });

        $fields['Extra tags'] = self::tagsField($params, $serviceId);
        $export = self::takeExport($serviceId);
        if ($export !== null) {
            $fields['Activity export'] = sprintf(
                '<a class="btn btn-default btn-sm" download="service-%s-activity.csv" href="data:text/csv;charset=utf-8;base64,%s">Download activity CSV</a> (%d bytes)',
                htmlspecialchars($serviceId, ENT_QUOTES),
                base64_encode($export),
                strlen($export),
            );
        }
        return $fields;
    }

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $view ServiceView
     * @return array<string, string>
     */
    public static function objectStorageFields(array $params, array $view): array
    {
        $serviceId = ServiceRequestMapper::serviceId($params);
        $storage = is_array($view['object_storage'] ?? null) ? $view['object_storage'] : [];
        $fields = [
            'Storage status' => self::escape(trim(($view['state'] ?? '') . ' / ' . ($storage['status'] ?? '') . ' / ' . ($view['status_message'] ?? ''), ' /')),
            'Object storage ID' => self::escape((string) ($storage['object_storage_id'] ?? '')),
            'Region' => self::escape((string) ($view['region'] ?? '') . (isset($storage['region_name']) ? ' (' . $storage['region_name'] . ')' : '')),
            'S3 endpoint' => self::escape((string) ($storage['s3_url'] ?? '')),
            'Size / auto-scaling limit (TB)' => self::escape(trim(($storage['size_tb'] ?? '') . ' / ' . ($storage['auto_scaling_limit_tb'] ?? ''), ' /')),
            'Pending resize' => self::escape(is_array($storage['resize'] ?? null) ? trim(($storage['resize']['status'] ?? '') . ': ' . ($storage['resize']['message'] ?? ''), ' :') : ''),
            'Created' => self::escape((string) ($view['created_at'] ?? '')),
            'Cancel date' => self::escape((string) ($view['cancel_date'] ?? '')),
        ];
        $fields['Usage'] = self::section(static function () use ($params, $serviceId): string {
            $usage = ClientFactory::objectStorage($params)->usage($serviceId);
            return sprintf('%s of %s TB (%s%%), %s objects, as of %s', $usage['used_tb'] ?? '?', $usage['size_tb'] ?? '?', $usage['used_percent'] ?? '?', $usage['objects'] ?? '?', $usage['as_of'] ?? '?');
        });
        $export = self::takeExport($serviceId);
        if ($export !== null) {
            $fields['Activity export'] = sprintf('<a class="btn btn-default btn-sm" download="service-%s-activity.csv" href="data:text/csv;charset=utf-8;base64,%s">Download activity CSV</a>', htmlspecialchars($serviceId, ENT_QUOTES), base64_encode($export));
        }
        return $fields;
    }

    /** Keeps an export for the next render of this service's tab (the admin's own session). */
    public static function holdExport(string $serviceId, string $csv): void
    {
        if (strlen($csv) > self::MAX_EXPORT_BYTES) {
            throw new \InvalidArgumentException(sprintf('The activity export is larger than %d MB; use the admin addon\'s audit search to export it in parts.', self::MAX_EXPORT_BYTES / 1_000_000));
        }
        $_SESSION[self::EXPORT_SESSION_KEY][$serviceId] = $csv;
    }

    /**
     * The admin's tags: every tag but the reserved whmcs-service-* markers the backend keeps.
     *
     * @param list<string> $tags
     * @return list<string>
     */
    public static function extraTags(array $tags, string $serviceId): array
    {
        return array_values(array_filter($tags, static fn (string $tag): bool => !str_starts_with($tag, 'whmcs-service-')));
    }

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $post
     */
    public static function saveTags(array $params, array $post): void
    {
        $typed = (string) ($post[self::TAGS_FIELD] ?? '');
        if (!array_key_exists(self::TAGS_FIELD, $post) || $typed === (string) ($post[self::TAGS_ORIGINAL_FIELD] ?? '')) {
            return;
        }
        $serviceId = ServiceRequestMapper::serviceId($params);
        try {
            $rules = new InputRules([]);
            $tags = array_values(array_unique(array_map([$rules, 'tag'], array_filter(array_map('trim', explode(',', $typed)), 'strlen'))));
            if (count($tags) > self::MAX_EXTRA_TAGS) {
                throw new \InvalidArgumentException(sprintf('At most %d extra tags are possible.', self::MAX_EXTRA_TAGS));
            }
            ClientFactory::activity($params)->setAdminTags($serviceId, $tags);
        } catch (\InvalidArgumentException $invalid) {
            // WHMCS shows nothing from a tab save; the module log is where the admin looks.
            (new ModuleLog())->record('ApplyTags', ['serviceid' => $serviceId, 'tags' => $typed], $invalid->getMessage(), 'tags not saved');
        } catch (ApiException) {
            // Already in the module log with the backend's answer.
        }
    }

    /** @param array<string, mixed> $params */
    private static function tagsField(array $params, string $serviceId): string
    {
        try {
            $current = implode(', ', self::extraTags(ClientFactory::activity($params)->tags($serviceId), $serviceId));
        } catch (ApiException $error) {
            return self::escape('unavailable: ' . $error->getMessage());
        }
        return sprintf(
            '<input type="hidden" name="%s" value="%s"><input type="text" class="form-control input-inline input-400" name="%s" value="%s" placeholder="tag-a, tag-b"> comma-separated; saved with "Save Changes", re-sent with "Apply tags"',
            self::TAGS_ORIGINAL_FIELD,
            self::escape($current),
            self::TAGS_FIELD,
            self::escape($current),
        );
    }

    /** @param array<string, mixed> $view */
    private static function capabilities(array $view): string
    {
        $capabilities = is_array($view['capabilities'] ?? null) ? $view['capabilities'] : [];
        if ($capabilities === []) {
            return 'not reported by the backend';
        }
        $parts = [];
        foreach ($capabilities as $name => $value) {
            $parts[] = $name . ': ' . (is_bool($value) ? ($value ? 'yes' : 'no') : (is_scalar($value) ? (string) $value : (string) json_encode($value)));
        }
        return self::escape(implode('; ', $parts));
    }

    private static function takeExport(string $serviceId): ?string
    {
        $csv = $_SESSION[self::EXPORT_SESSION_KEY][$serviceId] ?? null;
        unset($_SESSION[self::EXPORT_SESSION_KEY][$serviceId]);
        return is_string($csv) ? $csv : null;
    }

    /** @param callable(): string $read */
    private static function section(callable $read): string
    {
        try {
            return self::escape($read());
        } catch (ApiException | \InvalidArgumentException $error) {
            return self::escape('unavailable: ' . $error->getMessage());
        }
    }

    private static function escape(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES);
    }
}
