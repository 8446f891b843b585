<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use Tests\Php\Stubs\ActivityLog;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\AddonTestCase;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\DefaultTags;

/** contabo_admin_config/_activate/_deactivate/_upgrade/_output/_sidebar and the cron hook. */
final class AddonEntryPointsTest extends AddonTestCase
{
    public function testConfigDeclaresTheSettingsWhmcsKeepsInTbladdonmodules(): void
    {
        $config = contabo_admin_config();
        self::assertSame('Contabo Admin', $config['name']);
        self::assertSame('english', $config['language']);
        self::assertMatchesRegularExpression('/^\d+\.\d+\.\d+$/', $config['version']);
        self::assertSame(['backend_url', 'key_id', 'key_secret', 'default_tags', 'default_template', 'ssh_policy', 'suspend_policy', 'product_group', 'product_name_template'], array_keys($config['fields']));
        self::assertSame('password', $config['fields']['key_secret']['Type']);
        self::assertSame(['none', 'optional', 'required'], array_keys($config['fields']['ssh_policy']['Options']));
    }

    public function testActivationAndDeactivationNeverDropOrDeleteAnything(): void
    {
        Capsule::table('tbladdonmodules')->insert(['module' => 'contabo_admin', 'setting' => 'default_tags', 'value' => 'keep:me']);
        Capsule::$log = [];

        self::assertSame('success', contabo_admin_activate()['status'], 'the server module is next to the addon');
        self::assertSame('success', contabo_admin_deactivate()['status']);
        contabo_admin_upgrade(['version' => '0.9.0']);

        self::assertSame(['create mod_contabo_admin_parked_notices'], array_values(array_unique(Capsule::$log)), 'only the addon\'s own table is created; nothing dropped or deleted');
        self::assertSame('keep:me', Capsule::rows('tbladdonmodules')[0]['value']);
        self::assertSame(['Contabo admin addon upgraded from 0.9.0 to 1.1.0 (table mod_contabo_admin_parked_notices is in place).'], ActivityLog::$entries);
        $source = (string) file_get_contents(ADDON_DIR . '/contabo_admin.php') . file_get_contents(ADDON_DIR . '/hooks.php');
        self::assertDoesNotMatchRegularExpression('/drop\s+table|dropIfExists|->drop\(|truncate|->delete\(|schema\(\)/i', $source);
    }

    public function testOutputEchoesThePageAndSidebarListsEveryPage(): void
    {
        $this->fakeBackend()->route('GET', '/admin/cloud-init-templates', 200, ['items' => []]);
        $_SERVER['REQUEST_METHOD'] = 'GET';
        $_GET = ['page' => 'settings'];
        ob_start();
        contabo_admin_output($this->vars + ['_lang' => ['page_settings' => 'Einstellungen']]);
        $html = (string) ob_get_clean();
        self::assertStringContainsString('Einstellungen', $html, 'WHMCS\'s loaded strings win');
        self::assertStringContainsString('Backend connection', $html, 'English under them');
        self::assertStringContainsString('name="token" value="' . Whmcs::CSRF_TOKEN . '"', $html);

        $sidebar = contabo_admin_sidebar($this->vars);
        foreach (['settings', 'catalog', 'templates', 'logs', 'queue', 'import', 'tools'] as $page) {
            self::assertStringContainsString('page=' . $page, $sidebar);
        }
        $_GET = [];
    }

    public function testTheDailyCronAddsMissingDefaultTagsToRecentServersOnly(): void
    {
        $backend = $this->fakeBackend();
        $this->whmcs->recent = [41, 42, 43];
        $backend->route('GET', '/services/41/tags', 200, ['items' => ['whmcs-service-41', 'team:web']]);
        $backend->route('GET', '/services/42/tags', 200, ['items' => ['whmcs-service-42', 'backup:daily', 'team:web']]);
        $backend->route('GET', '/services/43/tags', 422, ['error' => ['code' => 'action_refused', 'message' => 'This server is still being set up.']]);
        $backend->route('PUT', '/admin/services/41/tags', 200, ['items' => ['whmcs-service-41', 'team:web', 'backup:daily']]);

        $api = (new \WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection(\WHMCS\Module\Addon\ContaboAdmin\AddonSettings::fromVars($this->vars), $this->servers))->api();
        $result = (new DefaultTags($this->whmcs, $api))->applyToRecentServices(['backup:daily', 'team:web'], new \DateTimeImmutable('2026-03-10'));

        self::assertSame('2026-03-07', $this->whmcs->recentSince);
        self::assertSame([41], $result['tagged']);
        self::assertSame([43 => 'This server is still being set up.'], $result['failed']);
        self::assertSame(['PUT /admin/services/41/tags {"tags":["team:web","backup:daily"]}'], $backend->changes(), 'the service tag is never sent; 42 had both');
        self::assertArrayHasKey('DailyCronJob', Whmcs::$hooks);
    }

    public function testTheCronHookReadsTheStoredSettingsWithTheSecretDecrypted(): void
    {
        Capsule::table('tbladdonmodules')->insert(['module' => 'contabo_admin', 'setting' => 'key_secret', 'value' => ActivityLog::encrypted('s3cret')]);
        Capsule::table('tbladdonmodules')->insert(['module' => 'contabo_admin', 'setting' => 'default_tags', 'value' => 'a,b']);
        Capsule::table('tbladdonmodules')->insert(['module' => 'other', 'setting' => 'default_tags', 'value' => 'x']);
        self::assertSame(['key_secret' => 's3cret', 'default_tags' => 'a,b'], contabo_admin_stored_settings());

        Capsule::reset();
        Capsule::table('tbladdonmodules')->insert(['module' => 'contabo_admin', 'setting' => 'key_secret', 'value' => 'typed-as-is']);
        self::assertSame(['key_secret' => 'typed-as-is'], contabo_admin_stored_settings(), 'a secret WHMCS did not encrypt is used as stored');

        Capsule::reset();
        foreach (Whmcs::$hooks['DailyCronJob'] as $hook) {
            $hook();  // no default tags stored: nothing to do, nothing called
        }
        self::assertSame([], ActivityLog::$entries);
        self::assertArrayHasKey('AfterCronJob', Whmcs::$hooks, 'parked jobs are told after every cron run');
    }
}
