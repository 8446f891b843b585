<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\AdminArea;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Lang;
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
     * The status rows, labels and values in the admin's language (states and power states by
     * their names, dates in the admin's locale).
     *
     * @param array<string, mixed> $view ServiceView
     * @param array<string, string> $lang
     * @return array<string, string> label => HTML
     */
    public static function statusFields(array $view, array $lang): array
    {
        $t = static fn (string $key): string => $lang['cloudserver_admin_' . $key];
        Format::useLanguage(Lang::adminLanguage());
        $fields = [
            $t('tab_server_status') => trim(self::named($lang, 'cloudserver_state_', (string) ($view['state'] ?? '')) . ' / ' . self::named($lang, 'cloudserver_power_', (string) ($view['instance_status'] ?? '')), ' /'),
            $t('tab_status_message') => self::statusMessage($view, $lang),
            $t('tab_instance_id') => $view['instance_id'] ?? '',
            $t('tab_product_region') => trim(($view['product_id'] ?? '') . ' / ' . ($view['region'] ?? ''), ' /'),
            $t('tab_os') => $view['os'] ?? ($view['image_id'] ?? ''),
            $t('tab_ips') => trim(($view['ipv4'] ?? '') . ' / ' . ($view['ipv6'] ?? ''), ' /'),
            $t('tab_additional_ips') => implode(', ', array_map('strval', (array) ($view['additional_ips'] ?? []))),
            $t('tab_created') => self::when($view['created_at'] ?? ''),
            $t('tab_cancel_date') => self::when($view['cancel_date'] ?? ''),
            $t('tab_lock') => is_array($view['lock'] ?? null) ? (string) json_encode($view['lock']) : (string) ($view['lock'] ?? ''),
        ];
        return array_map(static fn ($value): string => self::escape((string) $value), $fields);
    }

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $view ServiceView
     * @return array<string, string> label => HTML
     */
    public static function managementFields(array $params, array $view): array
    {
        $lang = Lang::admin();
        $t = static fn (string $key, string|int ...$args): string => vsprintf($lang['cloudserver_admin_' . $key], $args);
        $serviceId = ServiceRequestMapper::serviceId($params);
        $fields = [$t('tab_capabilities') => self::capabilities($view, $lang)];

        $fields[$t('tab_firewall')] = self::section($lang, static function () use ($params, $serviceId, $t): string {
            $firewall = ClientFactory::network($params)->firewall($serviceId)['firewall'];
            if ($firewall === null) {
                return $t('tab_firewall_none');
            }
            $rules = array_map(
                static fn (array $rule): string => $t('tab_firewall_rule', (string) ($rule['protocol'] ?? '?'), ($rule['ports'] ?? '') !== '' ? (string) $rule['ports'] : $t('tab_all_ports'), (string) ($rule['source'] ?? '?')),
                array_values(array_filter((array) ($firewall['rules'] ?? []), 'is_array')),
            );
            return $t('tab_firewall_summary', (string) ($firewall['name'] ?? ''), (string) ($firewall['status'] ?? ''), count($rules)) . ($rules ? ': ' . implode('; ', $rules) : '');
        });

        $fields[$t('tab_private_networks')] = self::section($lang, static function () use ($params, $serviceId, $t): string {
            $networks = ClientFactory::network($params)->privateNetworks($serviceId);
            $joined = array_map(
                static fn (array $n): string => sprintf('%s (%s, %s)', $n['name'] ?? '', $n['cidr'] ?? '', $n['region'] ?? ''),
                array_values(array_filter($networks['items'], static fn (array $n): bool => !empty($n['joined']))),
            );
            return $t('tab_networks_joined', count($joined), count($networks['items']))
                . ($joined ? ': ' . implode(', ', $joined) : '')
                . '; ' . $t($networks['can_create'] ? 'tab_networks_can_create' : 'tab_networks_cannot_create');
        });

        // What ChangePackage to another plan can become: the provider lists offers but has no
        // operation to submit one (an admin task is queued; see the addon's action queue).
        $fields[$t('tab_plan_offers')] = self::section($lang, static function () use ($params, $serviceId, $t): string {
            $offers = array_map(
                static fn (array $o): string => sprintf('%s %s (%s%s)', $o['product_id'] ?? '', $o['name'] ?? '', $t('tab_plan_offer_id', (string) ($o['offer_id'] ?? '')), !empty($o['location_change_required']) ? ', ' . $t('tab_plan_offer_moves') : ''),
                ClientFactory::admin($params)->planOffers($serviceId),
            );
            return $offers === [] ? $t('tab_none') : implode('; ', $offers) . ' - ' . $t('tab_plan_offers_note');
        });

        $productId = (string) (int) ($params['pid'] ?? $params['packageid'] ?? 0);
        $fields[$t('tab_guardrails', $productId)] = self::section($lang, static function () use ($params, $productId, $t): string {
            $guardrails = ClientFactory::admin($params)->guardrails($productId);
            $parts = [];
            foreach ($guardrails as $name => $value) {
                $parts[] = $name . ': ' . (is_bool($value) ? $t($value ? 'tab_yes' : 'tab_no') : ($value === null ? $t('tab_provider_limit') : (string) $value));
            }
            return implode(', ', $parts);
        });

        $fields[$t('tab_extra_tags')] = self::tagsField($params, $serviceId, $lang);
        $export = self::takeExport($serviceId);
        if ($export !== null) {
            $fields[$t('tab_activity_export')] = sprintf(
                '<a class="btn btn-default btn-sm" download="service-%s-activity.csv" href="data:text/csv;charset=utf-8;base64,%s">%s</a> (%s)',
                htmlspecialchars($serviceId, ENT_QUOTES),
                base64_encode($export),
                self::escape($t('tab_download_csv')),
                self::escape($t('tab_bytes', strlen($export))),
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
        $lang = Lang::admin();
        $t = static fn (string $key, string|int ...$args): string => vsprintf($lang['cloudserver_admin_' . $key], $args);
        Format::useLanguage(Lang::adminLanguage());
        $serviceId = ServiceRequestMapper::serviceId($params);
        $storage = is_array($view['object_storage'] ?? null) ? $view['object_storage'] : [];
        $fields = [
            $t('tab_storage_status') => self::escape(trim(self::named($lang, 'cloudserver_state_', (string) ($view['state'] ?? '')) . ' / ' . ($storage['status'] ?? '') . ' / ' . self::statusMessage($view, $lang), ' /')),
            $t('tab_storage_id') => self::escape((string) ($storage['object_storage_id'] ?? '')),
            $t('tab_region') => self::escape((string) ($view['region'] ?? '') . (isset($storage['region_name']) ? ' (' . $storage['region_name'] . ')' : '')),
            $t('tab_s3_endpoint') => self::escape((string) ($storage['s3_url'] ?? '')),
            $t('tab_storage_size') => self::escape(trim(($storage['size_tb'] ?? '') . ' / ' . ($storage['auto_scaling_limit_tb'] ?? ''), ' /')),
            $t('tab_pending_resize') => self::escape(is_array($storage['resize'] ?? null) ? Messages::coded((string) ($storage['resize']['message_code'] ?? ''), (array) ($storage['resize']['params'] ?? []), trim(($storage['resize']['status'] ?? '') . ': ' . ($storage['resize']['message'] ?? ''), ' :'), $lang) : ''),
            $t('tab_created') => self::escape(self::when($view['created_at'] ?? '')),
            $t('tab_cancel_date') => self::escape(self::when($view['cancel_date'] ?? '')),
        ];
        $fields[$t('tab_usage')] = self::section($lang, static function () use ($params, $serviceId, $t): string {
            $usage = ClientFactory::objectStorage($params)->usage($serviceId);
            return $t('tab_usage_value', (string) ($usage['used_tb'] ?? '?'), (string) ($usage['size_tb'] ?? '?'), (string) ($usage['used_percent'] ?? '?'), (string) ($usage['objects'] ?? '?'), self::when($usage['as_of'] ?? '?'));
        });
        $export = self::takeExport($serviceId);
        if ($export !== null) {
            $fields[$t('tab_activity_export')] = sprintf('<a class="btn btn-default btn-sm" download="service-%s-activity.csv" href="data:text/csv;charset=utf-8;base64,%s">%s</a>', htmlspecialchars($serviceId, ENT_QUOTES), base64_encode($export), self::escape($t('tab_download_csv')));
        }
        return $fields;
    }

    /** Keeps an export for the next render of this service's tab (the admin's own session). */
    public static function holdExport(string $serviceId, string $csv): void
    {
        if (strlen($csv) > self::MAX_EXPORT_BYTES) {
            throw new \InvalidArgumentException(sprintf(Lang::admin()['cloudserver_admin_tab_export_too_large'], self::MAX_EXPORT_BYTES / 1_000_000));
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
                throw new \InvalidArgumentException(sprintf(Lang::admin()['cloudserver_admin_tab_too_many_tags'], self::MAX_EXTRA_TAGS));
            }
            ClientFactory::activity($params)->setAdminTags($serviceId, $tags);
        } catch (\InvalidArgumentException $invalid) {
            // WHMCS shows nothing from a tab save; the module log is where the admin looks.
            (new ModuleLog())->record('ApplyTags', ['serviceid' => $serviceId, 'tags' => $typed], $invalid->getMessage(), 'tags not saved');
        } catch (ApiException) {
            // Already in the module log with the backend's answer.
        }
    }

    /**
     * @param array<string, mixed> $params
     * @param array<string, string> $lang
     */
    private static function tagsField(array $params, string $serviceId, array $lang): string
    {
        try {
            $current = implode(', ', self::extraTags(ClientFactory::activity($params)->tags($serviceId), $serviceId));
        } catch (ApiException $error) {
            return self::escape(sprintf($lang['cloudserver_admin_tab_unavailable'], Messages::error($error, $lang)));
        }
        return sprintf(
            '<input type="hidden" name="%s" value="%s"><input type="text" class="form-control input-inline input-400" name="%s" value="%s" placeholder="tag-a, tag-b"> %s',
            self::TAGS_ORIGINAL_FIELD,
            self::escape($current),
            self::TAGS_FIELD,
            self::escape($current),
            self::escape($lang['cloudserver_admin_tab_tags_help']),
        );
    }

    /**
     * @param array<string, mixed> $view
     * @param array<string, string> $lang
     */
    private static function capabilities(array $view, array $lang): string
    {
        $capabilities = is_array($view['capabilities'] ?? null) ? $view['capabilities'] : [];
        if ($capabilities === []) {
            return self::escape($lang['cloudserver_admin_tab_capabilities_none']);
        }
        $parts = [];
        foreach ($capabilities as $name => $value) {
            $parts[] = $name . ': ' . (is_bool($value) ? $lang[$value ? 'cloudserver_admin_tab_yes' : 'cloudserver_admin_tab_no'] : (is_scalar($value) ? (string) $value : (string) json_encode($value)));
        }
        return self::escape(implode('; ', $parts));
    }

    /**
     * The service's status message in the admin's language by its code and parameters, else
     * the backend's English text (a code this module does not know, or an older backend).
     *
     * @param array<string, mixed> $view
     * @param array<string, string> $lang
     */
    private static function statusMessage(array $view, array $lang): string
    {
        $params = is_array($view['status_message_params'] ?? null) ? $view['status_message_params'] : [];
        return Messages::coded((string) ($view['status_message_code'] ?? ''), $params, (string) ($view['status_message'] ?? ''), $lang);
    }

    /** @param array<string, string> $lang */
    private static function named(array $lang, string $prefix, string $value): string
    {
        return $lang[$prefix . $value] ?? $value;
    }

    /** An ISO date or timestamp from the backend in the admin's locale; anything else as it is. */
    private static function when(mixed $value): string
    {
        $value = (string) $value;
        if (preg_match('/^\d{4}-\d{2}-\d{2}$/', $value)) {
            return Format::date($value);
        }
        return preg_match('/^\d{4}-\d{2}-\d{2}T/', $value) ? Format::dateTime($value) : $value;
    }

    private static function takeExport(string $serviceId): ?string
    {
        $csv = $_SESSION[self::EXPORT_SESSION_KEY][$serviceId] ?? null;
        unset($_SESSION[self::EXPORT_SESSION_KEY][$serviceId]);
        return is_string($csv) ? $csv : null;
    }

    /**
     * @param array<string, string> $lang
     * @param callable(): string $read
     */
    private static function section(array $lang, callable $read): string
    {
        try {
            return self::escape($read());
        } catch (ApiException $error) {
            return self::escape(sprintf($lang['cloudserver_admin_tab_unavailable'], Messages::error($error, $lang)));
        } catch (\InvalidArgumentException $error) {
            return self::escape(sprintf($lang['cloudserver_admin_tab_unavailable'], $error->getMessage()));
        }
    }

    private static function escape(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES);
    }
}
