<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\ClientAreaTestCase;
use Tests\Php\Support\LanguageCheck;
use Tests\Php\Support\TemplateRenderer;
use WHMCS\Module\Server\Contabo\ClientArea\Format;

/**
 * Every client-area page rendered in every language: nothing left in English, no missing key,
 * no raw state name, no provider name. The fake backend answers as the real one does (English
 * sentences beside message codes), so a sentence the module fails to translate shows up here.
 */
final class ClientAreaLanguagesTest extends ClientAreaTestCase
{
    private const PAGES = ['overview', 'failed', 'objectstorage', 'reinstall', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity'];
    /** What the backend says in English beside a code: must never reach a non-English page. */
    private const BACKEND_ENGLISH = [
        'Joining or leaving a private network restarts the server',
        'Private networking is not enabled on this server',
        'SSH (22), HTTP (80) and HTTPS (443) from anywhere.',
        'No inbound connections at all',
    ];

    protected function setUp(): void
    {
        parent::setUp();
        $this->serviceView(['hostname' => 'web1.example.com', 'os' => 'Ubuntu 22.04', 'instance_status' => 'running', 'ipv4' => '203.0.113.10', 'created_at' => '2026-11-20T10:00:00Z', 'cpu_cores' => 4, 'ram_mb' => 8192, 'disk_mb' => 102400]);
        $this->guardrails();
        $this->transport
            ->route('GET', '/services/42/snapshots', 200, ['items' => [['id' => 'snap1', 'name' => 'before-upgrade', 'description' => '', 'created_at' => '2026-11-20T10:00:00Z', 'expires_at' => '2026-12-20T10:00:00Z']], 'limit' => 3])
            ->route('GET', '/clients/7/ssh-keys', 200, ['items' => [['id' => '11', 'name' => 'laptop', 'fingerprint' => 'SHA256:abc', 'default' => true, 'created_at' => '2026-11-01T00:00:00Z']]])
            ->route('GET', '/services/42/images', 200, ['items' => [['id' => 'img-1', 'name' => 'Ubuntu 22.04', 'standard' => true]]])
            ->route('GET', '/admin/cloud-init-templates', 200, ['items' => [['name' => 'web-server', 'description' => 'nginx']]])
            ->route('GET', '/services/42/ips', 200, ['items' => [['ip' => '203.0.113.10', 'version' => 4, 'type' => 'primary', 'ptr' => 'vmi123456.contaboserver.net']]])
            ->route('GET', '/services/42/private-networks', 200, [
                'items' => [['id' => '900', 'name' => 'backend', 'region' => 'EU', 'cidr' => '10.0.0.0/22', 'joined' => true]],
                'can_create' => true,
                'notice' => 'Private networking is not enabled on this server. Add it first. Joining or leaving a private network restarts the server to apply the change.',
                'notice_codes' => ['private_network_no_add_on', 'private_network_list'],
            ])
            ->route('GET', '/services/42/firewall', 200, ['firewall' => ['id' => 'fw1', 'name' => 'web1', 'status' => 'active', 'rules' => [['protocol' => 'tcp', 'ports' => '22', 'source' => '']]], 'presets' => [
                ['name' => 'web', 'description' => 'SSH (22), HTTP (80) and HTTPS (443) from anywhere.', 'rules' => []],
                ['name' => 'deny-all-inbound', 'description' => 'No inbound connections at all (the server can still reach out).', 'rules' => []],
            ]])
            ->route('GET', '/services/42/activity', 200, ['items' => [['at' => '2026-11-20T10:00:00Z', 'source' => 'backend', 'action' => 'create', 'actor' => 'client', 'outcome' => 'ok', 'request_id' => 'req-1', 'message' => '']], 'next_cursor' => null])
            ->route('GET', '/services/42/object-storage/usage', 200, ['used_tb' => 0.25, 'size_tb' => 1, 'used_percent' => 25, 'objects' => 1234, 'as_of' => '2026-11-21T00:00:00Z']);
    }

    /** @return array<string, array{string, string}> */
    public static function pagesInEveryLanguage(): array
    {
        return LanguageCheck::pagesInEveryLanguage(self::PAGES);
    }

    /** @dataProvider pagesInEveryLanguage */
    public function testThePageIsEntirelyInTheClientsLanguage(string $page, string $language): void
    {
        $html = $this->render($page, $language);
        $text = LanguageCheck::visibleText($html);

        self::assertStringNotContainsString('cloudserver_', $html, 'a lang key without its text');
        self::assertNotSame('', trim($text));
        LanguageCheck::assertNoProviderName($this, $text, $page);
        LanguageCheck::assertNoRawStateName($this, $html, $page);
        if ($language !== 'english') {
            LanguageCheck::assertNothingLeftInEnglish($this, $text, 'servers/contabo', '_LANG', $language, self::BACKEND_ENGLISH);
        }
    }

    public function testDatesAndNumbersFollowTheClientsLocale(): void
    {
        $german = $this->render('overview', 'german');
        self::assertStringContainsString('20.11.2026', $german);
        $french = LanguageCheck::visibleText($this->render('objectstorage', 'french'));
        self::assertMatchesRegularExpression('/1\s?234 objets/u', $french);
        self::assertStringContainsString('0,25 To', str_replace('TB', 'To', $french));
    }

    public function testAResizeInProgressIsSaidInTheClientsLanguage(): void
    {
        self::assertStringContainsString('Eine Größenänderung dieses Objektspeichers wird gerade abgeschlossen', LanguageCheck::visibleText($this->render('objectstorage', 'german')));
        self::assertStringContainsString('A resize of this object storage is being completed', LanguageCheck::visibleText($this->render('objectstorage', 'english')));
    }

    public function testCustomersNeverSeeTheStatusMessageInAnyLanguage(): void
    {
        // For the reseller's staff (the admin's Services tab): a customer sees the state.
        $this->serviceView(['state' => 'active', 'instance_status' => 'running', 'status_message' => 'Moving to region UK (support ticket 17).', 'status_message_code' => 'status_region_move_requested', 'status_message_params' => ['region' => 'UK', 'ticket' => '17']]);
        foreach (['german', 'english'] as $language) {
            $text = LanguageCheck::visibleText($this->render('overview', $language));
            self::assertStringNotContainsString('17', $text);
            self::assertStringNotContainsString('UK', $text);
        }
    }

    public function testTheProvidersDefaultReverseDnsIsShownAsTheResellersPattern(): void
    {
        self::assertStringContainsString('placeholder="not set"', $this->render('network', 'english'));
        $html = $this->render('network', 'english', ['configoption11' => '{ip-dashed}.servers.example.com']);
        self::assertStringContainsString('value="203-0-113-10.servers.example.com"', $html);
    }

    /** @param array<string, mixed> $overrides */
    private function render(string $page, string $language, array $overrides = []): string
    {
        $params = WhmcsParams::service($overrides);
        $params['clientsdetails']['language'] = $language;
        $params['model'] = (object) ['product' => (object) ['name' => 'Cloud M']];
        try {
            if ($page === 'overview' || $page === 'failed') {
                if ($page === 'failed') {
                    $this->serviceView(['state' => 'failed', 'status_message' => 'The order was refused: verification_required', 'instance_status' => 'verification_required']);
                }
                return TemplateRenderer::render($this, 'overview.tpl', contabo_ClientArea($params)['templateVariables']);
            }
            if ($page === 'objectstorage') {
                $this->serviceView(['kind' => 'object_storage', 'state' => 'active', 'region' => 'EU', 'created_at' => '2026-11-20T10:00:00Z', 'object_storage' => [
                    'region_name' => 'European Union', 's3_url' => 'https://eu2.contabostorage.com', 'size_tb' => 1.0, 'auto_scaling_limit_tb' => 0, 'credentials_available' => true,
                    // A resize on its way, as the backend shows it: a code and its parameters.
                    'resize' => ['size_tb' => 2.0, 'status' => 'queued', 'message' => '', 'message_code' => 'object_storage_resize_in_progress', 'params' => ['reason' => '']],
                ]]);
                return TemplateRenderer::render($this, 'objectstorage.tpl', contabo_ClientArea(['configoption9' => 'object_storage'] + $params)['templateVariables']);
            }
            $answer = ('contabo_' . $page)($params);
            return TemplateRenderer::render($this, $page . '.tpl', $answer['vars']);
        } finally {
            Format::useLanguage('english');
        }
    }
}
