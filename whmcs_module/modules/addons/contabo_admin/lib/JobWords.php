<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

use WHMCS\Module\Server\Contabo\ClientArea\Messages;

/** An action-queue job said in the admin's words: its action, and its last error by message code. */
final class JobWords
{
    /** The backend's queued actions, each named in words by parked_action_<action>. */
    public const ACTIONS = [
        'apply_root_password', 'settle_upgrade', 'record_renewal', 'billing_action', 'object_storage_billing_action',
        'terminate_cleanup', 'extra_ip_return', 'region_change_follow', 'plan_change_admin_task',
        'object_storage_record_renewal',
    ];

    /** @param array<string, string> $moduleLang the server module's strings (its message codes) */
    public function __construct(private readonly Lang $lang, private readonly array $moduleLang)
    {
    }

    /** The action in words; an action this version does not know keeps its name. */
    public function action(string $action): string
    {
        return in_array($action, self::ACTIONS, true) ? $this->lang->get('parked_action_' . $action) : $action;
    }

    /**
     * The job's last error in the admin's language when it carries a message code this
     * installation knows, else the backend's English sentence (written for people, no secrets);
     * '' when there is none.
     *
     * @param array<string, mixed> $job JobView
     */
    public function error(array $job): string
    {
        $english = trim((string) ($job['last_error'] ?? ''));
        $params = is_array($job['last_error_params'] ?? null) ? $job['last_error_params'] : [];
        $said = trim(Messages::coded((string) ($job['last_error_code'] ?? ''), $params, $english, $this->moduleLang));
        return $said !== '' ? rtrim($said, '.') . '.' : '';
    }
}
