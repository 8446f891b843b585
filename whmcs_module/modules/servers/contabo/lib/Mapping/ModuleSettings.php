<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Mapping;

/** The product's Module Settings (configoption1..11) in the order contabo_ConfigOptions defines them. */
final class ModuleSettings
{
    public const COMPUTE = 'compute';
    public const OBJECT_STORAGE = 'object_storage';
    public const PRIVATE_NETWORK = 'private_network';

    public function __construct(
        public readonly string $product,
        public readonly string $region,
        public readonly string $image,
        public readonly int $periodMonths,
        public readonly string $defaultUser,
        public readonly string $cloudInitTemplate,
        public readonly string $suspendPolicy,
        public readonly string $terminatePolicy,
        public readonly string $productType = self::COMPUTE,
        public readonly string $defaultStorageSizeTb = '',
        public readonly string $reverseDnsShown = '',
    ) {
    }

    public function isObjectStorage(): bool
    {
        return $this->productType === self::OBJECT_STORAGE;
    }

    public function isPrivateNetwork(): bool
    {
        return $this->productType === self::PRIVATE_NETWORK;
    }

    /** @param array<string, mixed> $params */
    public static function fromParams(array $params): self
    {
        $setting = static fn (int $n): string => trim((string) ($params['configoption' . $n] ?? ''));
        $period = (int) $setting(4);

        return new self(
            OptionNames::key($setting(1), false),
            OptionNames::key($setting(2), false),
            OptionNames::key($setting(3), false),
            in_array($period, [1, 3, 6, 12], true) ? $period : 1,
            $setting(5) !== '' ? $setting(5) : 'root',
            (string) ($params['configoption6'] ?? ''),
            $setting(7) === 'shutdown' ? 'shutdown' : 'stop',
            $setting(8) === 'keep' ? 'keep' : 'delete',
            in_array($setting(9), [self::OBJECT_STORAGE, self::PRIVATE_NETWORK], true) ? $setting(9) : self::COMPUTE,
            $setting(10),
            $setting(11),
        );
    }
}
