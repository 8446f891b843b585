<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Validation\InputRules;

/**
 * The product's guardrails as the pages use them to hide what the admin turned off. The
 * backend enforces them on every change; if they cannot be read, the page offers everything
 * and the backend's refusal explains.
 */
final class Guardrails
{
    public const DEFAULTS = [
        'allow_reinstall' => true,
        'allow_rescue' => true,
        'allow_snapshot_rollback' => true,
        'allow_private_network_create' => true,
        'allow_automatic_snapshots' => true,
        'allow_custom_images' => true,
        'require_ssh_key' => false,
        'cloud_init_max_bytes' => InputRules::USER_DATA_MAX_BYTES,
        'max_snapshots' => null,
        'max_custom_images' => null,
    ];

    /** @return array<string, mixed> */
    public static function of(PageContext $context): array
    {
        if ($context->productId() === '0') {
            return self::DEFAULTS;
        }
        try {
            $stored = ClientFactory::admin($context->params)->guardrails($context->productId());
        } catch (ApiException | \InvalidArgumentException) {
            return self::DEFAULTS;
        }
        return array_intersect_key($stored, self::DEFAULTS) + self::DEFAULTS;
    }
}
