<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Mapping;

use WHMCS\Module\Server\Contabo\Validation\InputRules;

/**
 * WHMCS module parameters -> lifecycle API request bodies. A configurable option chosen at
 * purchase overrides the product's module setting.
 */
final class ServiceRequestMapper
{
    public const REGION = ['Region', 'Location'];
    public const IMAGE = ['Operating System', 'Image', 'OS'];
    public const PLAN = ['Plan', 'Product'];
    public const PRIVATE_NETWORKING = ['Private Networking'];
    public const BACKUP = ['Backup'];
    public const ADDITIONAL_IPV4 = ['Additional IPv4'];
    public const EXTRA_STORAGE = ['Extra Storage', 'Additional Storage'];
    public const APPLICATION = ['Application', 'One-Click Application', 'App'];
    public const STORAGE_SIZE = ['Storage Size', 'Storage', 'Size'];
    public const AUTO_SCALING_LIMIT = ['Auto-Scaling Limit', 'Auto Scaling Limit', 'Autoscaling Limit'];
    public const FIELD_USER_DATA = 'Cloud-Init User Data';
    public const FIELD_SSH_KEY = 'SSH Public Key';
    public const FIELD_INSTANCE_ID = 'Contabo Instance ID';

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed> CreateServiceRequest
     * @throws \InvalidArgumentException with a sentence an admin can act on
     */
    public static function createRequest(array $params): array
    {
        $settings = ModuleSettings::fromParams($params);
        $options = self::configOptions($params);
        $fields = self::customFields($params);

        $request = [
            'client_id' => (string) ($params['userid'] ?? $params['clientsdetails']['userid'] ?? $params['clientsdetails']['id'] ?? ''),
            'client_email' => (string) ($params['clientsdetails']['email'] ?? ''),
            'product_id' => self::required(OptionNames::find($options, self::PLAN) ?? $settings->product, 'server product', 'Plan'),
            'region' => self::required(OptionNames::find($options, self::REGION) ?? $settings->region, 'region', 'Region'),
            'image_id' => self::required(OptionNames::find($options, self::IMAGE) ?? $settings->image, 'operating system image', 'Operating System'),
            'period' => $settings->periodMonths,
            'default_user' => $settings->defaultUser,
            'add_ons' => self::addOns($options),
        ];
        $productId = (int) ($params['pid'] ?? $params['packageid'] ?? 0);
        if ($productId > 0) {
            $request['whmcs_product_id'] = (string) $productId;
        }
        $hostname = InputRules::asciiHostname((string) ($params['domain'] ?? ''));
        if ($hostname !== '') {
            $request['hostname'] = $hostname;
        }
        // The option's value is the application's key in the admin's catalogue; "none" is none.
        $application = strtolower(trim((string) (OptionNames::find($options, self::APPLICATION) ?? '')));
        if ($application !== '' && $application !== 'none') {
            $request['application'] = $application;
        }
        $sshKeys = self::sshKeys(OptionNames::find($fields, [self::FIELD_SSH_KEY]));
        if ($sshKeys !== []) {
            $request['ssh_keys'] = $sshKeys;
        }
        $userData = self::userData($fields, $settings);
        if ($userData !== '') {
            $request['user_data'] = $userData;
        }
        return $request;
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed> ChangePackageRequest
     */
    public static function changePackageRequest(array $params): array
    {
        $settings = ModuleSettings::fromParams($params);
        $options = self::configOptions($params);
        return [
            'product_id' => OptionNames::find($options, self::PLAN) ?? $settings->product,
            'add_ons' => self::addOns($options),
        ];
    }

    /**
     * The object storage order: region and size from configurable options, else the module settings.
     *
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     * @throws \InvalidArgumentException with a sentence an admin can act on
     */
    public static function objectStorageRequest(array $params): array
    {
        $settings = ModuleSettings::fromParams($params);
        $options = self::configOptions($params);
        $request = [
            'client_id' => (string) ($params['userid'] ?? $params['clientsdetails']['userid'] ?? $params['clientsdetails']['id'] ?? ''),
            'client_email' => (string) ($params['clientsdetails']['email'] ?? ''),
            'region' => self::required(OptionNames::find($options, self::REGION) ?? $settings->region, 'region', 'Region'),
        ] + self::storageSize($params);
        $productId = (int) ($params['pid'] ?? $params['packageid'] ?? 0);
        if ($productId > 0) {
            $request['whmcs_product_id'] = (string) $productId;
        }
        return $request;
    }

    /**
     * Size and auto-scaling cap in TB, for an order or a resize (ChangePackage).
     *
     * @param array<string, mixed> $params
     * @return array{size_tb: float, auto_scaling_limit_tb?: float}
     */
    public static function storageSize(array $params): array
    {
        $settings = ModuleSettings::fromParams($params);
        $options = self::configOptions($params);
        $size = self::terabytes(self::required(OptionNames::find($options, self::STORAGE_SIZE) ?? $settings->defaultStorageSizeTb, 'storage size', 'Storage Size'), 'Storage Size');
        if ($size <= 0) {
            throw new \InvalidArgumentException('The "Storage Size" must be more than 0 TB.');
        }
        $sizes = ['size_tb' => $size];
        $limit = OptionNames::find($options, self::AUTO_SCALING_LIMIT);
        if ($limit !== null) {
            $sizes['auto_scaling_limit_tb'] = self::terabytes($limit, 'Auto-Scaling Limit');
        }
        return $sizes;
    }

    /**
     * A private-network product's order: the region (option or Default Region) and the name
     * (the "Network Name" custom field, else the service's domain, else network-<id>).
     *
     * @param array<string, mixed> $params
     * @return array{client_id: string, region: string, name: string, whmcs_product_id?: string}
     */
    public static function privateNetworkRequest(array $params): array
    {
        $settings = ModuleSettings::fromParams($params);
        $options = self::configOptions($params);
        $fields = self::customFields($params);
        $name = trim((string) (OptionNames::find($fields, ['Network Name', 'Name']) ?? $params['domain'] ?? ''));
        $name = preg_replace('/[^A-Za-z0-9_:-]+/', '-', $name) ?? '';
        $request = [
            'client_id' => (string) ($params['userid'] ?? $params['clientsdetails']['userid'] ?? ''),
            'region' => self::required(OptionNames::find($options, self::REGION) ?? $settings->region, 'region', 'Region'),
            'name' => substr(trim($name, '-') !== '' ? trim($name, '-') : 'network-' . self::serviceId($params), 0, 64),
        ];
        $productId = (int) ($params['pid'] ?? $params['packageid'] ?? 0);
        return $productId > 0 ? $request + ['whmcs_product_id' => (string) $productId] : $request;
    }

    /** @param array<string, mixed> $params */
    public static function serviceId(array $params): string
    {
        return (string) (int) ($params['serviceid'] ?? 0);
    }

    /**
     * @param array<string, mixed> $options
     * @return array<string, mixed> {private_networking, backup, additional_ipv4[, extra_storage]}
     */
    private static function addOns(array $options): array
    {
        $addOns = [
            'private_networking' => OptionNames::isYes(OptionNames::find($options, self::PRIVATE_NETWORKING)),
            'backup' => OptionNames::isYes(OptionNames::find($options, self::BACKUP)),
            'additional_ipv4' => max(0, (int) (OptionNames::find($options, self::ADDITIONAL_IPV4) ?? 0)),
        ];
        $disks = self::extraStorage((string) (OptionNames::find($options, self::EXTRA_STORAGE) ?? ''));
        return $disks === [] ? $addOns : $addOns + ['extra_storage' => $disks];
    }

    /**
     * "1 TB NVMe", "500 GB SSD", "2 x 1 TB NVMe" (the option's value) -> one entry per disk;
     * "None" or no option: no extra storage. The backend checks the size.
     *
     * @return list<array{type: string, size_tb: string}>
     */
    public static function extraStorage(string $value): array
    {
        if (!preg_match('/^\s*(?:([1-4])\s*x\s*)?([0-9]+(?:\.[0-9]+)?)\s*(TB|GB)\s*(SSD|NVMe)\s*$/i', $value, $m)) {
            return [];
        }
        $tb = strtoupper($m[3]) === 'GB' ? (float) $m[2] / 1000 : (float) $m[2];
        $size = rtrim(rtrim(number_format($tb, 1, '.', ''), '0'), '.');
        return array_fill(0, (int) ($m[1] !== '' ? $m[1] : 1), ['type' => strtolower($m[4]), 'size_tb' => $size]);
    }

    /** @param array<string, mixed> $fields */
    private static function userData(array $fields, ModuleSettings $settings): string
    {
        foreach ($fields as $name => $value) {
            // Read raw: user data is multi-line YAML that may itself contain "|".
            if (OptionNames::key((string) $name) === strtolower(self::FIELD_USER_DATA) && is_string($value) && trim($value) !== '') {
                return str_replace("\r\n", "\n", trim($value)) . "\n";
            }
        }
        $template = trim(str_replace("\r\n", "\n", $settings->cloudInitTemplate));
        return $template === '' ? '' : $template . "\n";
    }

    /** @return list<string> */
    private static function sshKeys(?string $field): array
    {
        if ($field === null) {
            return [];
        }
        return array_values(array_filter(array_map('trim', preg_split('/\R/', $field) ?: []), 'strlen'));
    }

    /** "2", "2.5", "2 TB" or "250 GB" -> TB; anything else is an admin's configuration error. */
    private static function terabytes(string $value, string $optionName): float
    {
        if (!preg_match('/^\s*(\d+(?:[.,]\d+)?)\s*(TB|GB)?\s*$/i', $value, $match)) {
            throw new \InvalidArgumentException(sprintf('The "%s" value "%s" is not a size: use a number of TB, e.g. 1 or 2.5.', $optionName, $value));
        }
        $number = (float) str_replace(',', '.', $match[1]);
        return strtoupper($match[2] ?? 'TB') === 'GB' ? $number / 1000 : $number;
    }

    private static function required(string $value, string $what, string $optionName): string
    {
        if ($value === '') {
            throw new \InvalidArgumentException(sprintf(
                'No %s is set: choose one in the product\'s Module Settings or offer a "%s" configurable option.',
                $what,
                $optionName,
            ));
        }
        return $value;
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     */
    private static function configOptions(array $params): array
    {
        return is_array($params['configoptions'] ?? null) ? $params['configoptions'] : [];
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     */
    private static function customFields(array $params): array
    {
        return is_array($params['customfields'] ?? null) ? $params['customfields'] : [];
    }
}
