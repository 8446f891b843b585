<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Provisioning;

/**
 * Holds a service's welcome email back until its server has an IP and password, then lets
 * exactly the cron hook's own send through (same PHP process, so a static set suffices).
 */
final class WelcomeEmailGate
{
    /** @var array<int, true> */
    private static array $released = [];

    public static function release(int $serviceId): void
    {
        self::$released[$serviceId] = true;
    }

    public static function close(int $serviceId): void
    {
        unset(self::$released[$serviceId]);
    }

    /**
     * The EmailPreSend hook's answer: abort while the server is still being set up.
     *
     * @param array<string, mixed> $vars EmailPreSend hook variables (messagename, relid)
     * @return array<string, bool>
     */
    public static function decide(array $vars, PendingServiceRepository $repository): array
    {
        $serviceId = (int) ($vars['relid'] ?? 0);
        $template = (string) ($vars['messagename'] ?? '');
        if ($serviceId === 0 || $template === '' || isset(self::$released[$serviceId])) {
            return [];
        }
        return $repository->holdsWelcomeEmail($serviceId, $template) ? ['abortsend' => true] : [];
    }
}
