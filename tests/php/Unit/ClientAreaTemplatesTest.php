<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\ClientAreaTestCase;
use Tests\Php\Support\TemplateRenderer;

/**
 * The templates rendered with Smarty from the variables the pages really produce: every form
 * that changes something carries the session token, everything from outside is escaped, a
 * suspended service shows no forms, and nothing names the provider.
 */
final class ClientAreaTemplatesTest extends ClientAreaTestCase
{
    private const HOSTILE = '<script>alert(1)</script>"\'';

    protected function setUp(): void
    {
        parent::setUp();
        $this->serviceView(['hostname' => self::HOSTILE, 'os' => self::HOSTILE, 'region' => 'EU']);
        $this->guardrails();
        $hostile = self::HOSTILE;
        $this->transport
            ->route('GET', '/services/42/snapshots', 200, ['items' => [['id' => 'snap1', 'name' => $hostile, 'description' => $hostile, 'created_at' => '2026-11-20T10:00:00Z', 'expires_at' => '2026-12-20T10:00:00Z']], 'limit' => 3])
            ->route('GET', '/clients/7/ssh-keys', 200, ['items' => [['id' => '11', 'name' => $hostile, 'fingerprint' => $hostile, 'default' => true, 'created_at' => '2026-11-01T00:00:00Z'], ['id' => '12', 'name' => 'desk', 'fingerprint' => 'SHA256:x', 'default' => false]]])
            ->route('GET', '/services/42/images', 200, ['items' => [['id' => 'img-1', 'name' => $hostile, 'standard' => true], ['id' => 'img-2', 'name' => 'Golden', 'standard' => false]]])
            ->route('GET', '/admin/cloud-init-templates', 200, ['items' => [['name' => 'web-server', 'description' => $hostile]]])
            ->route('GET', '/services/42/custom-images', 200, ['items' => [['id' => 'img-9', 'name' => $hostile, 'status' => 'downloaded', 'usable' => true, 'size_mb' => 2048, 'format' => 'qcow2', 'os_type' => 'Linux', 'version' => $hostile, 'error' => '']], 'quota' => ['images' => 1, 'used_mb' => 2048, 'total_mb' => 10240, 'free_mb' => 8192], 'allowed' => true, 'limit' => null])
            ->route('GET', '/services/42/ips', 200, ['items' => [['ip' => '203.0.113.10', 'version' => 4, 'type' => 'primary', 'ptr' => $hostile]]])
            ->route('GET', '/services/42/private-networks', 200, ['items' => [['id' => '900', 'name' => $hostile, 'region' => 'EU', 'cidr' => '10.0.0.0/22', 'joined' => true]], 'can_create' => true, 'notice' => $hostile])
            ->route('GET', '/services/42/firewall', 200, ['firewall' => ['id' => 'fw1', 'name' => $hostile, 'status' => 'active', 'rules' => [['protocol' => 'tcp', 'ports' => '22', 'source' => $hostile]]], 'presets' => [['name' => 'web', 'description' => $hostile, 'rules' => []]]])
            ->route('GET', '/services/42/activity', 200, ['items' => [['at' => '2026-11-20T10:00:00Z', 'source' => 'backend', 'action' => $hostile, 'actor' => 'client', 'outcome' => 'ok', 'request_id' => 'req-1', 'message' => $hostile]], 'next_cursor' => 'next"page']);
    }

    /** @return array<string, array{string}> */
    public static function pages(): array
    {
        return array_combine(
            ['reinstall', 'images', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity'],
            [['reinstall'], ['images'], ['snapshots'], ['sshkeys'], ['network'], ['firewall'], ['rescue'], ['activity']],
        );
    }

    /** @dataProvider pages */
    public function testEveryFormCarriesTheTokenAndEveryValueIsEscaped(string $page): void
    {
        $html = $this->renderPage($page);

        self::assertStringNotContainsString('<script>alert(1)', $html);
        self::assertStringNotContainsString('"\'', $html);
        $forms = self::forms($html);
        foreach ($forms as $form) {
            self::assertStringContainsString('method="post"', $form);
            self::assertStringContainsString('<input type="hidden" name="token" value="' . Whmcs::CSRF_TOKEN . '">', $form, "a form on {$page} lacks the token");
        }
        if ($page !== 'activity') {
            self::assertNotEmpty($forms, "{$page} offers its actions to an active service");
        }
        self::assertStringContainsString('href="clientarea.php?action=productdetails&amp;id=42&amp;modop=custom&amp;a=snapshots"', $html);
        self::assertStringNotContainsStringIgnoringCase('contabo', $html);
    }

    /** @dataProvider pages */
    public function testSuspendedServiceShowsNoFormsButTheReason(string $page): void
    {
        $this->serviceView(['state' => 'suspended', 'suspended' => true]);

        $html = $this->renderPage($page, ['status' => 'Suspended']);

        self::assertSame([], self::forms($html), "{$page} must offer no changes while suspended");
        self::assertStringContainsString('This service is suspended: you can view its details', $html);
    }

    public function testConfirmationStepResendsTheSameFormWithConfirm(): void
    {
        self::post(['op' => 'rollback', 'snapshot_id' => 'snap1"><b>', 'form_key' => '0123456789abcdef0123456789abcdef']);

        $html = $this->renderPage('snapshots');

        self::assertStringContainsString('Restore this snapshot?', $html);
        self::assertStringContainsString('<input type="hidden" name="confirm" value="1">', $html);
        self::assertStringContainsString('<input type="hidden" name="snapshot_id" value="snap1&quot;&gt;&lt;b&gt;">', $html);
        self::assertStringContainsString('<input type="hidden" name="form_key" value="0123456789abcdef0123456789abcdef">', $html);
    }

    public function testSecretShownOnceIsEscapedToo(): void
    {
        $this->transport->route('POST', '/services/42/rescue', 202, ['service' => [], 'rescue_password' => 'Pa<ss>"word']);
        self::post(['op' => 'start', 'confirm' => '1']);

        $html = $this->renderPage('rescue');

        self::assertStringContainsString('<code class="cloudserver-secret" style="user-select: all;">Pa&lt;ss&gt;&quot;word</code>', $html);
        self::assertStringContainsString('This is shown only once.', $html);
    }

    public function testReinstallReviewCarriesTheChoicesAndRequiresTheTick(): void
    {
        self::post(['op' => 'review', 'image_id' => 'img-2', 'ssh_key_ids' => ['11', '12'], 'cloud_init' => 'own', 'user_data' => "#cloud-config\npackages: [\"nginx\"]"]);

        $html = $this->renderPage('reinstall');

        self::assertStringContainsString('Reinstalling erases the whole disk', $html);
        self::assertStringContainsString('<input type="hidden" name="ssh_key_ids[]" value="12">', $html);
        self::assertStringContainsString('value="#cloud-config' . "\n" . 'packages: [&quot;nginx&quot;]' . "\n" . '"', $html);
        self::assertStringContainsString('name="confirm_wipe" value="1" required', $html);
        self::assertCount(1, self::forms($html), 'only the confirmation form is shown at the review step');
    }

    public function testActivityNextLinkEncodesTheCursor(): void
    {
        self::assertStringContainsString('&amp;cursor=next%22page"', $this->renderPage('activity'));
    }

    public function testOverviewWithConsoleNoteAndPowerForms(): void
    {
        $vars = contabo_ClientArea(WhmcsParams::service())['templateVariables'];

        $html = TemplateRenderer::render($this, 'overview.tpl', $vars + ['serviceid' => 42]);

        self::assertStringContainsString('Console access is not available through this panel.', $html);
        self::assertStringNotContainsString('<script>alert(1)', $html);
        foreach (self::forms($html) as $form) {
            self::assertStringContainsString('name="token" value="' . Whmcs::CSRF_TOKEN . '"', $form);
        }
        self::assertCount(5, self::forms($html), 'four power actions and refresh');
        self::assertStringContainsString('a=rescue', $html);
    }

    public function testObjectStorageOverview(): void
    {
        $this->serviceView(['kind' => 'object_storage', 'state' => 'active', 'region' => 'EU', 'object_storage' => [
            'region_name' => 'European Union', 's3_url' => 'https://eu2.s3.example', 'size_tb' => 1.0, 'auto_scaling_limit_tb' => 0, 'credentials_available' => true,
        ]]);
        $this->transport
            ->route('GET', '/services/42/object-storage/usage', 200, ['used_tb' => 0.25, 'size_tb' => 1, 'used_percent' => 25, 'objects' => 1234, 'as_of' => '2026-11-21T00:00:00Z'])
            ->route('GET', '/services/42/object-storage/credentials', 200, ['endpoint' => 'https://eu2.s3.example', 'access_key' => 'AKIA1', 'secret_key' => 'Never-Shown-Unasked', 'bucket' => 'svc-42-ab12cd34']);
        $params = WhmcsParams::service(['configoption9' => 'object_storage']);

        $overview = contabo_ClientArea($params);
        $html = TemplateRenderer::render($this, 'objectstorage.tpl', $overview['templateVariables']);

        self::assertSame('templates/objectstorage.tpl', $overview['tabOverviewReplacementTemplate']);
        self::assertStringContainsString('European Union', $html);
        self::assertStringContainsString('<code id="cloudserver-endpoint">https://eu2.s3.example</code>', $html);
        self::assertStringNotContainsString('AKIA1', $html);
        self::assertStringNotContainsString('Never-Shown-Unasked', $html);
        self::assertSame([], $this->transport->changes());
        self::assertNotContains('GET /services/42/object-storage/credentials', $this->transport->calls(), 'keys are read only when asked for');
        self::assertStringContainsString('width: 25%', $html);
        self::assertStringContainsString('href="upgrade.php?type=configoptions&amp;id=42"', $html);
        self::assertStringContainsString('Your size is your quota', $html);
        self::assertCount(2, self::forms($html), 'show keys and create new keys');

        self::post(['op' => 'reveal']);
        $revealed = TemplateRenderer::render($this, 'objectstorage.tpl', contabo_objectstorage($params)['vars']);
        self::assertStringContainsString('Never-Shown-Unasked', $revealed);
        self::assertStringContainsString('AKIA1', $revealed);
        self::assertStringNotContainsString('Never-Shown-Unasked', json_encode(Whmcs::$moduleLog));
    }

    public function testSuspendedObjectStorageShowsNoKeyActions(): void
    {
        $this->serviceView(['kind' => 'object_storage', 'state' => 'suspended', 'suspended' => true, 'object_storage' => ['s3_url' => 'https://eu2.s3.example', 'size_tb' => 1.0, 'credentials_available' => false]]);
        $this->transport
            ->route('GET', '/services/42/object-storage/usage', 200, ['used_tb' => 0, 'size_tb' => 1, 'used_percent' => 0, 'objects' => 0])
            ->route('POST', '/services/42/object-storage/credentials/regenerate', 200, []);
        $params = WhmcsParams::service(['configoption9' => 'object_storage', 'status' => 'Suspended']);

        $html = TemplateRenderer::render($this, 'objectstorage.tpl', contabo_objectstorage($params)['vars']);
        self::assertSame([], self::forms($html));
        self::assertStringContainsString('This service is suspended', $html);

        self::post(['op' => 'regenerate', 'confirm' => '1']);
        self::assertStringStartsWith('This service is suspended', contabo_objectstorage($params)['vars']['flash_error']);
        self::assertSame([], $this->transport->changes());
    }

    public function testGermanPageIsGerman(): void
    {
        $html = $this->renderPage('firewall', ['clientsdetails' => ['language' => 'german']]);

        self::assertStringContainsString('Regeln speichern', $html);
        self::assertStringContainsString('Vorlagen', $html);
    }

    /** @param array<string, mixed> $overrides */
    private function renderPage(string $page, array $overrides = []): string
    {
        $function = 'contabo_' . $page;
        $answer = $function(WhmcsParams::service($overrides));
        self::assertSame('templates/' . $page, $answer['templatefile']);
        return TemplateRenderer::render($this, $page . '.tpl', $answer['vars']);
    }

    /** @return list<string> each <form>...</form> */
    private static function forms(string $html): array
    {
        preg_match_all('#<form\b.*?</form>#s', $html, $matches);
        return $matches[0];
    }
}
