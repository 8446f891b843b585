<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

/**
 * The addon's settings as WHMCS keeps them (tbladdonmodules, edited under Setup > Addon
 * Modules or on the Settings page) and passes them to every addon function in $vars.
 */
final class AddonSettings
{
    public const SSH_POLICIES = ['none', 'optional', 'required'];
    public const SUSPEND_POLICIES = ['stop', 'shutdown'];
    /** Settings the Settings page may change; the backend address and key stay in WHMCS's form. */
    public const EDITABLE = ['default_tags', 'default_template', 'ssh_policy', 'suspend_policy', 'product_group', 'product_name_template'];
    public const DEFAULT_GROUP = 'Cloud Servers';
    /** Generated products are named by the reseller, never by the provider's label or SKU. */
    public const DEFAULT_NAME_TEMPLATE = 'Cloud Server {cpu_cores} vCPU / {ram_gb} GB RAM / {disk_gb} GB {disk_type}';
    /** What a naming template may use. */
    public const NAME_VARIABLES = ['cpu_cores', 'ram_gb', 'disk_gb', 'disk_type', 'kind'];

    /** @param list<string> $defaultTags */
    public function __construct(
        public readonly string $backendUrl,
        public readonly string $keyId,
        public readonly string $secret,
        public readonly array $defaultTags,
        public readonly string $defaultTemplate,
        public readonly string $sshPolicy,
        public readonly string $suspendPolicy,
        public readonly string $productGroup,
        public readonly string $productNameTemplate = self::DEFAULT_NAME_TEMPLATE,
    ) {
    }

    /** @param array<string, mixed> $vars what WHMCS passes to contabo_admin_output() */
    public static function fromVars(array $vars): self
    {
        $text = static fn (string $name): string => trim((string) ($vars[$name] ?? ''));
        $ssh = $text('ssh_policy');
        $suspend = $text('suspend_policy');
        return new self(
            $text('backend_url'),
            $text('key_id'),
            (string) ($vars['key_secret'] ?? ''),
            self::tags($text('default_tags')),
            $text('default_template'),
            in_array($ssh, self::SSH_POLICIES, true) ? $ssh : 'optional',
            in_array($suspend, self::SUSPEND_POLICIES, true) ? $suspend : 'stop',
            $text('product_group') !== '' ? $text('product_group') : self::DEFAULT_GROUP,
            $text('product_name_template') !== '' ? $text('product_name_template') : self::DEFAULT_NAME_TEMPLATE,
        );
    }

    /**
     * A generated product's name from the template and the plan's sizes ({cpu_cores}, {ram_gb},
     * {disk_gb}, {disk_type}, {kind}); '' when the backend sent no sizes for a variable it uses.
     *
     * @param array<string, mixed> $specs
     */
    public function productName(array $specs): string
    {
        $values = [];
        foreach (self::NAME_VARIABLES as $name) {
            $value = is_scalar($specs[$name] ?? null) ? (string) $specs[$name] : '';
            if ($value === '' && str_contains($this->productNameTemplate, '{' . $name . '}')) {
                return '';
            }
            $values['{' . $name . '}'] = $name === 'kind' ? strtoupper($value) : $value;
        }
        return trim((string) preg_replace('/\s+/', ' ', strtr($this->productNameTemplate, $values)));
    }

    /** The addon's own address and key; empty: the first WHMCS server of type contabo. */
    public function hasOwnBackend(): bool
    {
        return $this->backendUrl !== '';
    }

    /** @return list<string> "a, b c" -> ["a", "b", "c"] (commas or spaces), duplicates dropped */
    public static function tags(string $text): array
    {
        return array_values(array_unique(array_filter(preg_split('/[\s,]+/', $text) ?: [], 'strlen')));
    }
}
