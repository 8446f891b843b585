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

    /** @param array<string, mixed> $view ServiceView */
    public function __construct(private readonly array $view)
    {
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
            // A failure's reason is for staff (it may name the provider); the template says
            // what is true in the customer's language instead.
            'status_message' => $this->state() === 'failed' ? '' : (string) ($this->view['status_message'] ?? ''),
            'instance_status' => (string) ($this->view['instance_status'] ?? ''),
            // The lang key of the power state in the customer's words (never the provider's
            // own state names such as reset_password).
            'power_state_key' => self::powerStateKey((string) ($this->view['instance_status'] ?? '')),
            'pending' => $this->isPending(),
            'progress' => $this->progressPercent(),
            'suspended' => !empty($this->view['suspended']),
            'busy' => !empty($this->view['lock']),
            'ipv4' => (string) ($this->view['ipv4'] ?? ''),
            'ipv6' => (string) ($this->view['ipv6'] ?? ''),
            'ips' => $ips,
            'region' => (string) ($this->view['region'] ?? ''),
            'product' => (string) ($this->view['product_id'] ?? ''),
            'os' => (string) ($this->view['os'] ?? $this->view['image_id'] ?? ''),
            'hostname' => (string) ($this->view['hostname'] ?? ''),
            'username' => (string) ($this->view['username'] ?? ''),
            'cpu_cores' => (int) ($this->view['cpu_cores'] ?? 0),
            'ram_gb' => round(((int) ($this->view['ram_mb'] ?? 0)) / 1024, 1),
            'disk_gb' => (int) round(((int) ($this->view['disk_mb'] ?? 0)) / 1024),
            'created' => self::date($this->view['created_at'] ?? null),
            'cancel_date' => self::date($this->view['cancel_date'] ?? null),
            'power_actions' => $this->powerActionsAllowed() ? self::POWER_ACTIONS : [],
        ];
    }

    private static function powerStateKey(string $status): string
    {
        if ($status === '') {
            return '';
        }
        $group = match ($status) {
            'running' => 'running',
            'stopped' => 'stopped',
            'stopping' => 'stopping',
            'starting', 'restarting' => 'starting',
            'provisioning', 'installing', 'manual_provisioning', 'pending_payment' => 'setup',
            'rescue' => 'rescue',
            'error', 'product_not_available', 'verification_required' => 'attention',
            default => 'busy',
        };
        return 'cloudserver_power_state_' . $group;
    }

    private static function date(mixed $value): string
    {
        if (!is_string($value) || $value === '') {
            return '';
        }
        $timestamp = strtotime($value);
        return $timestamp === false ? $value : gmdate('Y-m-d', $timestamp);
    }
}
