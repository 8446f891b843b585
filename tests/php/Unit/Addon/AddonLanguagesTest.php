<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use Tests\Php\Support\AddonTestCase;
use Tests\Php\Support\LanguageCheck;
use WHMCS\Module\Server\Contabo\ClientArea\Format;

/**
 * Every addon page in every language on a backend that answers with data: no sentence left in
 * English, no raw yes/no or state name, no missing key, dates in the admin's locale.
 */
final class AddonLanguagesTest extends AddonTestCase
{
    private const PAGES = ['settings', 'catalog', 'templates', 'logs', 'queue', 'import', 'tools'];

    protected function setUp(): void
    {
        parent::setUp();
        $backend = $this->fakeBackend();
        $backend
            ->route('GET', '/admin/cloud-init-templates', 200, ['items' => [['name' => 'web', 'description' => 'nginx', 'content' => "#cloud-config\npackages: [nginx]\n"]]])
            ->route('GET', '/admin/catalog', 200, ['products_version' => '7', 'synced_at' => '2026-03-10T10:00:00Z', 'products' => [['product_id' => 'V91', 'display_name' => 'Plan 1 (4 vCPU)', 'product_type' => 'vps', 'enabled' => true, 'overridden' => false]], 'regions' => [['region_id' => 'EU', 'display_name' => 'EU']], 'images' => [['id' => 'ubuntu-22.04']]])
            ->route('GET', '/admin/catalog/diff', 200, ['synced_at' => '2026-03-10T10:00:00Z', 'previous_synced_at' => '2026-03-09T10:00:00Z', 'changes' => []])
            ->route('GET', '/admin/pricing', 200, ['cost_currency' => 'EUR', 'margins' => [['currency' => 'EUR', 'product_id' => '*', 'percent' => '20', 'rounding' => ['mode' => 'ending', 'ending' => '0.99']]]])
            ->route('GET', '/admin/pricing/export', 200, ['products' => [], 'skipped' => [], 'warnings' => []])
            ->route('GET', '/admin/audit', 200, ['items' => [['at' => '2026-03-10T10:00:00+00:00', 'service_id' => '42', 'kind' => 'action', 'action' => 'create', 'outcome' => 'ok', 'actor' => 'whmcs:k', 'request_id' => 'r-1', 'message' => '']], 'next_cursor' => null])
            ->route('GET', '/admin/jobs', 200, ['items' => [['job_id' => 'terminate_cleanup-42', 'service_id' => '42', 'action' => 'terminate_cleanup', 'status' => 'parked', 'attempts' => 5, 'max_attempts' => 5, 'last_error' => 'timeout', 'updated_at' => '2026-03-10T10:00:00Z']]])
            ->route('GET', '/admin/import/candidates', 200, ['items' => [['instance_id' => 7, 'display_name' => 'old-web', 'status' => 'running', 'ipv4' => '203.0.113.9', 'suggestions' => [['service_id' => '42', 'by' => 'ip']]]], 'as_of' => '2026-03-10T10:00:00Z', 'total' => 1])
            ->route('GET', '/admin/reports/drift', 200, ['finished_at' => '2026-03-10T10:00:00Z', 'instances' => 3, 'drift' => [], 'orphan_instances' => [], 'orphan_services' => []])
            ->route('GET', '/admin/schedules', 200, ['items' => [['job' => 'status-sync', 'deployed' => true, 'running' => false, 'last_run' => ['outcome' => 'finished', 'finished_at' => '2026-03-10T10:00:00Z', 'duration_ms' => 1200]]]]);
        $this->whmcs->products = [['id' => 3, 'name' => 'Cloud M', 'group' => 'Cloud', 'contabo_product' => 'V91']];
    }

    protected function tearDown(): void
    {
        Format::useLanguage('english');
        parent::tearDown();
    }

    /** @return array<string, array{string, string}> */
    public static function pagesInEveryLanguage(): array
    {
        return LanguageCheck::pagesInEveryLanguage(self::PAGES);
    }

    /** @dataProvider pagesInEveryLanguage */
    public function testThePageIsEntirelyInTheAdminsLanguage(string $page, string $language): void
    {
        $this->language = $language;
        $html = $this->page($page);
        $text = LanguageCheck::visibleText($html);

        self::assertSame([], self::alerts($html, 'danger'), "{$page} renders without an error");
        foreach (array_keys(LanguageCheck::strings('addons/contabo_admin', '_ADDONLANG', 'english')) as $key) {
            self::assertTrue(!str_contains($key, '_') || !str_contains($text, $key), "{$key} is shown without its text");
        }
        self::assertStringNotContainsString('T10:00:00', $text, 'timestamps in the admin\'s locale, not ISO');
        if ($language !== 'english') {
            LanguageCheck::assertNoRawStateName($this, $html, $page);
            LanguageCheck::assertNothingLeftInEnglish($this, $text, 'addons/contabo_admin', '_ADDONLANG', $language);
        }
    }

    /** The audit page names kinds and actions in the admin's language and reads JSON details. */
    public function testTheAuditPageSaysKindsActionsAndDetailsInTheAdminsLanguage(): void
    {
        $this->fakeBackend()->route('GET', '/admin/audit', 200, ['items' => [
            ['at' => '2026-03-10T10:00:00+00:00', 'service_id' => '42', 'kind' => 'job', 'action' => 'snapshot_rollback', 'outcome' => 'ok', 'actor' => 'whmcs:k', 'request_id' => 'r-1', 'message' => '{"confirm": true, "deleted_newer": false, "snapshots": ["s-1", "s-2"], "policy": {"keep": 3}}'],
            ['at' => '2026-03-10T11:00:00+00:00', 'service_id' => '42', 'kind' => 'action', 'action' => 'pricing.update', 'outcome' => 'ok', 'actor' => 'admin', 'request_id' => 'r-2', 'message' => 'margins saved'],
        ], 'next_cursor' => null]);
        $this->language = 'german';
        $text = LanguageCheck::visibleText($this->page('logs'));

        foreach (['Hintergrundauftrag', 'Snapshot wiederherstellen', 'Aktion', 'Preisänderung', 'confirm: ja; deleted newer: nein; snapshots: s-1, s-2; policy: (keep: 3)', 'margins saved'] as $shown) {
            self::assertStringContainsString($shown, $text);
        }
        foreach (['{"confirm"', 'snapshot_rollback', 'pricing.update', 'T10:00:00'] as $raw) {
            self::assertStringNotContainsString($raw, $text);
        }
    }

    /** A refusal the backend names by code reads in the admin's language, its parameters filled. */
    public function testABackendRefusalIsSaidInTheAdminsLanguage(): void
    {
        $this->fakeBackend()->route('GET', '/admin/jobs', 503, ['error' => [
            'code' => 'upstream_unavailable', 'message' => 'The audit log is not reachable; try again.',
            'message_code' => 'audit_log_unreachable', 'params' => [], 'details' => [],
        ]]);
        $this->language = 'german';
        $alerts = implode(' ', self::alerts($this->page('queue'), 'danger'));
        self::assertStringContainsString('Das Audit-Protokoll ist gerade nicht erreichbar', $alerts);
        self::assertStringNotContainsString('not reachable', $alerts);

        $this->fakeBackend()->route('GET', '/admin/jobs', 404, ['error' => [
            'code' => 'not_found', 'message' => 'There is no job j-9.', 'message_code' => 'job_not_found', 'params' => ['job_id' => 'j-9'], 'details' => [],
        ]]);
        $this->language = 'portuguese-br';
        self::assertStringContainsString('Não existe a tarefa j-9.', implode(' ', self::alerts($this->page('queue'), 'danger')));
    }

    /** A parked job's action and its coded error read in the admin's language on the Action queue page. */
    public function testTheQueueSaysTheActionAndTheCodedErrorInTheAdminsLanguage(): void
    {
        $this->fakeBackend()->route('GET', '/admin/jobs', 200, ['items' => [[
            'job_id' => 'apply_root_password-77', 'service_id' => '77', 'action' => 'apply_root_password', 'status' => 'parked',
            'last_error' => 'Service 77 is being terminated.', 'last_error_code' => 'service_terminating', 'last_error_params' => [],
        ], [
            'job_id' => 'billing_action-78', 'service_id' => '78', 'action' => 'billing_action', 'status' => 'queued',
            'payload' => ['billing_action' => 'unsuspend'],
        ]], 'next_cursor' => null]);
        $this->language = 'german';
        $html = $this->page('queue');
        self::assertStringContainsString('<td>Passwortänderung</td>', $html);
        self::assertStringContainsString('<td>Entsperrung</td>', $html, 'the billing action the job applies');
        self::assertStringContainsString('Dieser Service wird gerade beendet.', $html);
        self::assertStringNotContainsString('Service 77 is being terminated', $html);
    }

    /** @return array<string, array{string}> */
    public static function languages(): array
    {
        return ['german' => ['german'], 'spanish' => ['spanish'], 'french' => ['french'], 'portuguese-br' => ['portuguese-br']];
    }

    /** @dataProvider languages */
    public function testEveryLanguageFileIsCompleteWithTheSamePlaceholders(string $language): void
    {
        $english = LanguageCheck::strings('addons/contabo_admin', '_ADDONLANG', 'english');
        $other = LanguageCheck::strings('addons/contabo_admin', '_ADDONLANG', $language);
        self::assertSame([], array_values(array_diff(array_keys($english), array_keys($other))), "missing in {$language}.php");
        self::assertSame([], array_values(array_diff(array_keys($other), array_keys($english))), 'missing in english.php');
        $same = [];
        foreach ($english as $key => $text) {
            preg_match_all('/%[sd]|\{[a-z_]+\}/', $text, $wanted);
            preg_match_all('/%[sd]|\{[a-z_]+\}/', $other[$key], $given);
            self::assertSame($wanted[0], $given[0], "{$key} in {$language}: the same placeholders in the same order");
            if ($other[$key] === $text && mb_strlen($text) > 8) {
                $same[] = $key;
            }
        }
        self::assertSame([], $same, "left in English in {$language}.php");
    }
}
