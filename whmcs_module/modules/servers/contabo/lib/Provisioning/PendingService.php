<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

/** A WHMCS service of this module whose server has no IP address yet. */
final class PendingService
{
    public const NOTICE_EMAIL = \WHMCS\Module\Server\Contabo\StaffNotice::EMAIL;
    public const NOTICE_TICKET = \WHMCS\Module\Server\Contabo\StaffNotice::TICKET;

    /**
     * @param array<string, mixed> $serverParams serverhostname, serverip, serversecure, serverusername, serverpassword
     * @param string $failureNotice how staff hear of a failed setup (product Module Settings): email or ticket
     * @param int $ticketDepartment the support department of that ticket
     */
    public function __construct(
        public readonly int $serviceId,
        public readonly int $productId,
        public readonly array $serverParams,
        public readonly string $welcomeEmail,
        public readonly int $clientId = 0,
        public readonly string $failureNotice = self::NOTICE_EMAIL,
        public readonly int $ticketDepartment = 0,
    ) {
    }

    /** Services on the same backend (server record) are asked together. */
    public function serverKey(): string
    {
        return implode('|', array_map('strval', [
            $this->serverParams['serverhostname'] ?? '',
            $this->serverParams['serverip'] ?? '',
            $this->serverParams['serverusername'] ?? '',
        ]));
    }
}
