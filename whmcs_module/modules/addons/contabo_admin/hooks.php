<?php

/**
 * The addon's cron work: every run, staff are told once of each action-queue job that failed
 * for good (parked); daily, default tags onto servers set up in the last few days.
 */

declare(strict_types=1);

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Addon\ContaboAdmin\DefaultTags;
use WHMCS\Module\Addon\ContaboAdmin\Lang;
use WHMCS\Module\Addon\ContaboAdmin\ParkedJobNotices;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleParkedJobStore;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleServerSource;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleWhmcsDirectory;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Lang as ModuleLang;

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/autoload.php';

// After every cron run (every few minutes): one backend call, and a notice per newly parked job
// in the system's default language (a cron run has no admin to take a language from).
add_hook('AfterCronJob', 1, static function (): void {
    $settings = AddonSettings::fromVars(contabo_admin_stored_settings());
    $language = (string) ($GLOBALS['CONFIG']['Language'] ?? 'english');
    $store = new CapsuleParkedJobStore();
    $lang = Lang::of($language !== '' ? $language : 'english');
    try {
        $api = (new BackendConnection($settings, new CapsuleServerSource()))->api();
    } catch (ApiException $error) {
        if ($store->shouldLogFetchError($error->getMessage(), time())) {
            logActivity($lang->get('parked_notice_fetch_failed', rtrim($error->getMessage(), '.') . '.'));
        }
        return;
    }
    $queueUrl = ParkedJobNotices::queueUrl((string) ($GLOBALS['CONFIG']['SystemURL'] ?? ''), (string) ($GLOBALS['customadminpath'] ?? 'admin'));
    try {
        (new ParkedJobNotices($api, $store, 'localAPI', $lang, ModuleLang::strings($language), $queueUrl))->run(time());
    } catch (\Throwable $error) {
        // Never the end of WHMCS's cron run: what was not told is told by the next run.
        logActivity($lang->get('parked_notice_cron_failed', rtrim($error->getMessage(), '.') . '.'));
    }
});

add_hook('DailyCronJob', 1, static function (): void {
    $settings = AddonSettings::fromVars(contabo_admin_stored_settings());
    if ($settings->defaultTags === []) {
        return;
    }
    try {
        $api = (new BackendConnection($settings, new CapsuleServerSource()))->api();
    } catch (ApiException $error) {
        logActivity('Contabo admin addon: default tags not applied: ' . $error->getMessage());
        return;
    }
    $result = (new DefaultTags(new CapsuleWhmcsDirectory(), $api))->applyToRecentServices($settings->defaultTags, new DateTimeImmutable('today'));
    foreach ($result['failed'] as $serviceId => $reason) {
        logActivity(sprintf('Contabo admin addon: default tags not applied to service #%d: %s', $serviceId, $reason));
    }
});

/**
 * The addon's settings as WHMCS passes them to addon functions (hooks get none).
 *
 * @return array<string, string>
 */
function contabo_admin_stored_settings(): array
{
    $settings = [];
    foreach (Capsule::table('tbladdonmodules')->where('module', 'contabo_admin')->get() as $row) {
        $settings[(string) $row->setting] = (string) $row->value;
    }
    // Addon functions receive password fields decrypted; depending on the WHMCS version the
    // row holds the secret encrypted or as typed, so a decryption into printable text wins.
    $secret = $settings['key_secret'] ?? '';
    if ($secret !== '' && function_exists('decrypt')) {
        $decrypted = (string) decrypt($secret);
        if ($decrypted !== '' && ctype_print($decrypted)) {
            $settings['key_secret'] = $decrypted;
        }
    }
    return $settings;
}
