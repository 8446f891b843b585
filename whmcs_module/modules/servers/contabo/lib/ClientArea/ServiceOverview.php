<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

/**
 * What the client area shows for one service, built from the backend's ServiceView.
 * Holds display values only; the template decides layout.
 */
final class ServiceOverview
{
    private const PENDING_STATES = ['queued', 'purchasing', 'provisioning'];
    private const POWER_ACTIONS = ['start', 'stop', 'shutdown', 'restart'];
    /** Every power state the backend reports (the provider's and the ones a power action sets); each has a lang key. */
    public const POWER_STATES = [
        'provisioning', 'uninstalled', 'running', 'stopped', 'error', 'installing', 'unknown',
        'manual_provisioning', 'product_not_available', 'verification_required', 'rescue',
        'pending_payment', 'other', 'reset_password', 'not_found', 'starting', 'stopping', 'restarting',
    ];

    /**
     * @param array<string, mixed> $view ServiceView
     * @param string $planName the reseller's name for the plan (the WHMCS product), never the provider's SKU
     */
    public function __construct(private readonly array $view, private readonly string $planName = '')
    {
    }

    /**
     * The WHMCS product's name as the reseller set it: WHMCS hands modules the service model.
     *
     * @param array<string, mixed> $params
     */
    public static function planName(array $params): string
    {
        $model = $params['model'] ?? null;
        $name = is_object($model) ? ($model->product->name ?? '') : '';
        return is_string($name) ? $name : '';
    }

    public function state(): string
    {
        return (string) ($this->view['state'] ?? 'unknown');
    }

    public function isPending(): bool
    {
        return in_array($this->state(), self::PENDING_STATES, true);
    }

    /** Power actions make sense only on a running, unlocked, unsuspended server. */
    public function powerActionsAllowed(): bool
    {
        return $this->state() === 'active' && empty($this->view['suspended']) && empty($this->view['lock']);
    }

    /** Rough progress for the pending bar: each state is a step, not a measurement. */
    public function progressPercent(): int
    {
        return match ($this->state()) {
            'queued' => 10,
            'purchasing' => 35,
            'provisioning' => 70,
            default => 100,
        };
    }

    /** @return array<string, mixed> Smarty variables under {$service.*} */
    public function toTemplate(): array
    {
        $ips = array_values(array_filter(
            [(string) ($this->view['ipv4'] ?? ''), (string) ($this->view['ipv6'] ?? '')],
            'strlen',
        ));
        foreach ((array) ($this->view['additional_ips'] ?? []) as $ip) {
            if (is_string($ip) && $ip !== '') {
                $ips[] = $ip;
            }
        }

        return [
            'state' => $this->state(),
            'status_message' => (string) ($this->view['status_message'] ?? ''),
            'instance_status' => (string) ($this->view['instance_status'] ?? ''),
            // The lang key of the power state, never the raw state name.
            'power_key' => self::powerKey((string) ($this->view['instance_status'] ?? '')),
            'pending' => $this->isPending(),
            'progress' => $this->progressPercent(),
            'suspended' => !empty($this->view['suspended']),
            'busy' => !empty($this->view['lock']),
            'ipv4' => (string) ($this->view['ipv4'] ?? ''),
            'ipv6' => (string) ($this->view['ipv6'] ?? ''),
            'ips' => $ips,
            'region' => (string) ($this->view['region'] ?? ''),
            'product' => $this->planName,
            'os' => (string) ($this->view['os'] ?? $this->view['image_id'] ?? ''),
            'hostname' => (string) ($this->view['hostname'] ?? ''),
            'username' => (string) ($this->view['username'] ?? ''),
            'cpu_cores' => (int) ($this->view['cpu_cores'] ?? 0),
            'ram_gb' => round(((int) ($this->view['ram_mb'] ?? 0)) / 1024, 1),
            'disk_gb' => (int) round(((int) ($this->view['disk_mb'] ?? 0)) / 1024),
            'created' => Format::date($this->view['created_at'] ?? null),
            'cancel_date' => Format::date($this->view['cancel_date'] ?? null),
            'power_actions' => $this->powerActionsAllowed() ? self::POWER_ACTIONS : [],
        ];
    }

    public static function powerKey(string $status): string
    {
        return 'cloudserver_power_' . (in_array($status, self::POWER_STATES, true) ? $status : 'other');
    }
}
