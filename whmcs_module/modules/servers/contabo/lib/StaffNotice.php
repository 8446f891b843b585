<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo;

/**
 * Tells the reseller's staff about a failure the backend found after WHMCS was answered: an
 * admin email (SendAdminEmail) or a ticket in a chosen department (OpenTicket), as the admin
 * chose in the product's Module Settings. Used by the server module's cron (failed setups) and
 * the admin addon's cron (parked action-queue jobs).
 */
final class StaffNotice
{
    public const EMAIL = 'email';
    public const TICKET = 'ticket';

    /** @var callable(string, array<string, mixed>): array<string, mixed> */
    private $localApi;

    /** @param callable(string, array<string, mixed>): array<string, mixed> $localApi WHMCS localAPI */
    public function __construct(callable $localApi)
    {
        $this->localApi = $localApi;
    }

    /**
     * Sends the notice; null when WHMCS accepted it, else WHMCS's reason (for the activity log).
     * A ticket needs a department and WHMCS's own address; without them it is an admin email.
     */
    public function send(string $way, int $ticketDepartment, string $subject, string $message, string $senderName): ?string
    {
        $from = $way === self::TICKET && $ticketDepartment > 0 ? $this->systemEmail() : '';
        // A ticket from WHMCS's own address (never the customer's, who must not read it).
        $result = $from !== ''
            ? ($this->localApi)('OpenTicket', [
                'deptid' => $ticketDepartment,
                'subject' => $subject,
                'message' => $message,
                'name' => $senderName,
                'email' => $from,
                'priority' => 'High',
                'markdown' => false,
            ])
            : ($this->localApi)('SendAdminEmail', [
                'customsubject' => $subject,
                'custommessage' => nl2br(htmlspecialchars($message, ENT_QUOTES)),
                'type' => 'system',
            ]);
        return ($result['result'] ?? '') === 'success' ? null : (string) ($result['message'] ?? 'no answer');
    }

    /** The address a staff ticket is opened from: WHMCS's own system email address. */
    private function systemEmail(): string
    {
        $answer = ($this->localApi)('GetConfigurationValue', ['setting' => 'Email']);
        return ($answer['result'] ?? '') === 'success' ? trim((string) ($answer['value'] ?? '')) : '';
    }
}
