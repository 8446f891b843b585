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
    public const EDITABLE = ['default_tags', 'default_template', 'ssh_policy', 'suspend_policy', 'product_group'];
    public const DEFAULT_GROUP = 'Cloud Servers';

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
        );
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
