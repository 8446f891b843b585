<?php

/**
 * Background provisioning: the backend buys and sets up the server after CreateAccount has
 * returned, so WHMCS's cron collects the result and the welcome email waits for it.
 */

use WHMCS\Module\Server\Contabo\Provisioning\CapsulePendingServiceRepository;
use WHMCS\Module\Server\Contabo\Provisioning\ProvisioningSync;
use WHMCS\Module\Server\Contabo\Provisioning\WelcomeEmailGate;

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/autoload.php';

add_hook('AfterCronJob', 1, static function (): void {
    // Staff notices in WHMCS's default language: a cron run has no admin to take one from.
    $language = (string) ($GLOBALS['CONFIG']['Language'] ?? 'english');
    (new ProvisioningSync(new CapsulePendingServiceRepository(), 'localAPI', $language !== '' ? $language : 'english'))->run();
});

add_hook('EmailPreSend', 1, static function (array $vars): array {
    return WelcomeEmailGate::decide($vars, new CapsulePendingServiceRepository());
});
