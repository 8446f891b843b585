<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use Tests\Php\Stubs\ActivityLog;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\AddonTestCase;
use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Server\Contabo\Api\ErrorTranslator;

/** Every page on a fake backend: what it reads, what its forms send, how it fails. */
final class AddonPagesTest extends AddonTestCase
{
    private FakeTransport $backend;

    protected function setUp(): void
    {
        parent::setUp();
        $this->backend = $this->fakeBackend();
        $this->backend->route('GET', '/admin/cloud-init-templates', 200, ['items' => [['name' => 'web', 'description' => 'nginx <b>web</b>', 'content' => "#cloud-config\npackages: [nginx]\n"]]]);
    }

    /** The first (or with $which = -1 the last) request to this route. */
    private function request(string $method, string $path, int $which = 0): array
    {
        $found = array_values(array_filter($this->backend->requests, static fn (array $r): bool => $r['method'] === $method && str_ends_with((string) parse_url($r['url'], PHP_URL_PATH), $path)));
        self::assertNotEmpty($found, "no {$method} {$path}");
        return $which === -1 ? $found[count($found) - 1] : $found[$which];
    }

    private function changes(): array
    {
        return $this->backend->changes();
    }

    // ----------------------------------------------------------------- every page, safely

    public function testEveryPageRendersItsMenuAndEscapesWhatTheBackendSays(): void
    {
        $evil = '<script>alert(1)</script>';
        $this->backend->route('GET', '/admin/catalog', 200, ['products_version' => '1', 'synced_at' => null, 'products' => [['product_id' => 'V91', 'display_name' => $evil, 'product_type' => 'vps', 'enabled' => true]], 'regions' => [['region_id' => 'EU', 'display_name' => $evil]], 'images' => []]);
        $this->backend->route('GET', '/admin/catalog/diff', 404, ['error' => ['code' => 'not_found', 'message' => 'No catalog sync has run yet.']]);
        $this->backend->route('GET', '/admin/pricing', 200, ['cost_currency' => 'EUR', 'margins' => [['currency' => 'EUR', 'product_id' => '*', 'percent' => '20', 'rounding' => ['mode' => 'ending', 'ending' => '0.99']]]]);
        $this->backend->route('GET', '/admin/pricing/export', 200, ['products' => [], 'skipped' => [['product_id' => 'V92', 'reason' => $evil]], 'warnings' => []]);
        $this->backend->route('GET', '/admin/audit', 200, ['items' => [['at' => '2026-03-10T10:00:00+00:00', 'service_id' => '42', 'kind' => 'action', 'action' => 'create', 'outcome' => 'ok', 'actor' => 'whmcs:k', 'request_id' => 'r-1', 'message' => $evil]], 'next_cursor' => null]);
        $this->backend->route('GET', '/admin/jobs', 200, ['items' => [['job_id' => 'terminate_cleanup-42', 'service_id' => '42', 'action' => 'terminate_cleanup', 'status' => 'parked', 'attempts' => 5, 'max_attempts' => 5, 'last_error' => $evil]]]);
        $this->backend->route('GET', '/admin/import/candidates', 200, ['items' => [['instance_id' => 7, 'display_name' => $evil, 'suggestions' => [['service_id' => '42', 'by' => 'ip']]]], 'as_of' => '2026-03-10', 'total' => 1]);
        $this->backend->route('GET', '/admin/reports/drift', 200, ['instances' => 3, 'drift' => [['kind' => 'ip_changed', 'service_id' => '42', 'message' => $evil]], 'orphan_instances' => [], 'orphan_services' => []]);
        $this->backend->route('GET', '/admin/schedules', 200, ['items' => [['job' => 'status-sync', 'deployed' => true, 'running' => false, 'last_run' => ['outcome' => 'finished', 'error' => $evil]]]]);
        $this->whmcs->products = [['id' => 3, 'name' => $evil, 'group' => 'Cloud', 'contabo_product' => 'V91']];

        foreach (['settings', 'catalog', 'templates', 'logs', 'queue', 'import', 'tools'] as $page) {
            $html = $this->page($page);
            self::assertStringNotContainsString('<script>', $html, $page);
            self::assertStringContainsString('class="contabo-admin-menu"', $html, $page);
            self::assertSame([], self::alerts($html, 'danger'), $page);
            foreach (self::forms($html) as $form) {
                self::assertStringContainsString('name="token" value="' . Whmcs::CSRF_TOKEN . '"', $form, "{$page}: every POST form carries the token");
            }
        }
        self::assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt;', $this->page('logs'));
        self::assertSame([], $this->changes(), 'reading pages changes nothing');
    }

    public function testAPostWithoutTheSessionTokenChangesNothing(): void
    {
        foreach ([['settings', 'save_defaults'], ['queue', 'retry'], ['templates', 'delete'], ['catalog', 'generate'], ['import', 'import'], ['tools', 'run_job']] as [$page, $action]) {
            $html = $this->page($page, [], ['action' => $action, 'token' => 'forged', 'job_id' => 'j', 'name' => 'web', 'job' => 'status-sync', 'service_id' => '42', 'instance_id' => '7']);
            self::assertContains('Your session token did not match, so nothing was changed. Reload the page and try again.', self::alerts($html, 'danger'), $page);
        }
        self::assertSame([], $this->changes());
        self::assertSame([], $this->store->saved);
        self::assertSame([], $this->products->groups);
    }

    public function testAMissingRouteSaysNotAvailableAndTheRestOfThePageStillWorks(): void
    {
        $this->backend->route('GET', '/admin/import/candidates', 403, ['message' => 'Missing Authentication Token']);
        $this->backend->route('GET', '/admin/reports/drift', 200, ['instances' => 2, 'drift' => [], 'orphan_instances' => [], 'orphan_services' => []]);
        $html = $this->page('import');
        self::assertSame(['Not available: the backend does not offer this yet (no such route). Update the backend, then reload this page.'], self::alerts($html, 'info'));
        self::assertStringContainsString('2 server(s) read', $html);
        self::assertStringNotContainsString(ErrorTranslator::ROUTE_MISSING_MESSAGE, $html);
    }

    public function testBackendFailuresAreCleanSentencesAndUnexpectedErrorsAreLoggedNotShown(): void
    {
        $this->backend->route('GET', '/admin/jobs', 500, ['error' => ['code' => 'unexpected', 'message' => 'Something went wrong.', 'details' => ['reference' => 'abc-123']]]);
        $html = $this->page('queue');
        self::assertSame(['Something went wrong. (Reference: abc-123)'], self::alerts($html, 'danger'));

        $this->backend->route('GET', '/admin/pricing/export', 200, ['products' => []]);
        $this->products->failure = new \PDOException('SQLSTATE[42S02]: Base table tblcurrencies does not exist');
        $this->backend->route('GET', '/admin/catalog', 200, ['products' => []]);
        $this->backend->route('GET', '/admin/catalog/diff', 200, []);
        $this->backend->route('GET', '/admin/pricing', 200, []);
        $html = $this->page('catalog', [], ['action' => 'generate']);
        self::assertContains('Something went wrong in WHMCS while doing this; the details are in the activity log.', self::alerts($html, 'danger'));
        self::assertStringNotContainsString('SQLSTATE', $html);
        self::assertStringContainsString('SQLSTATE', ActivityLog::$entries[0]);
    }

    public function testWithoutAddonSettingsTheFirstContaboServerIsUsedAndItsAbsenceIsExplained(): void
    {
        $this->vars = ['modulelink' => self::MODULE_LINK];
        $html = $this->page('tools', [], ['action' => 'test_connection']);
        self::assertStringContainsString('No backend is set', self::alerts($html, 'danger')[0]);

        $this->servers->server = ['name' => 'Backend EU', 'serverhostname' => 'eu.example.test/Prod', 'serverip' => '', 'serversecure' => 'on', 'serverusername' => 'whmcs-9', 'serverpassword' => 'server-secret-1'];
        $this->backend->route('GET', '/connection', 200, ['ok' => true, 'checks' => ['tables' => ['ok' => true, 'detail' => 'reachable'], 'contabo' => ['ok' => true, 'detail' => 'token issued']]]);
        $html = $this->page('settings', [], ['action' => 'test_connection']);
        self::assertSame(['The backend, its secrets and the Contabo credentials all answered.'], self::alerts($html, 'success'));
        self::assertStringContainsString('https://eu.example.test/Prod (key whmcs-9, from the server record &quot;Backend EU&quot;)', $html);
        self::assertStringContainsString('ok: token issued', $html);
        $connection = $this->request('GET', '/connection');
        self::assertSame('https://eu.example.test/Prod/connection', $connection['url']);
        self::assertSame('whmcs-9', $connection['headers']['X-Whmcs-Key-Id']);
        self::assertStringNotContainsString('server-secret-1', $html);

        $this->vars = ['backend_url' => 'api.example.test/Prod', 'modulelink' => self::MODULE_LINK];
        $html = $this->page('tools', [], ['action' => 'test_connection']);
        self::assertStringContainsString('no signing key', self::alerts($html, 'danger')[0]);
    }

    // ----------------------------------------------------------------- settings

    public function testDefaultsAreValidatedThenSavedAndShown(): void
    {
        $html = $this->page('settings', [], ['action' => 'save_defaults', 'default_tags' => 'ok:1, whmcs-service-9, bad tag!', 'default_template' => 'Web', 'ssh_policy' => 'sometimes', 'suspend_policy' => 'stop', 'product_group' => '']);
        self::assertCount(5, self::alerts($html, 'danger'));
        self::assertSame([], $this->store->saved);

        $html = $this->page('settings', [], ['action' => 'save_defaults', 'default_tags' => 'backup:daily, team:web backup:daily', 'default_template' => 'web', 'ssh_policy' => 'required', 'suspend_policy' => 'shutdown', 'product_group' => 'VPS <Cloud>']);
        self::assertSame(['The defaults were saved.'], self::alerts($html, 'success'));
        self::assertSame(['default_tags' => 'backup:daily, team:web', 'default_template' => 'web', 'ssh_policy' => 'required', 'suspend_policy' => 'shutdown', 'product_group' => 'VPS <Cloud>', 'product_name_template' => AddonSettings::DEFAULT_NAME_TEMPLATE], $this->store->saved);
        self::assertStringContainsString('value="VPS &lt;Cloud&gt;"', $html, 'the form shows what was saved');
        self::assertStringContainsString('<option value="required" selected="selected">', $html);
    }

    public function testDnsLimitsOfAProductAreShownAndSaved(): void
    {
        $this->whmcs->products = [['id' => 3, 'name' => 'VPS S', 'group' => 'Cloud', 'contabo_product' => 'V91']];
        $this->backend->route('GET', '/admin/products/3/guardrails', 200, ['max_dns_zones' => 20, 'max_dns_records_per_zone' => 200]);
        $html = $this->page('settings', ['product' => '3']);
        self::assertStringContainsString('Most DNS zones per customer', $html);
        self::assertStringContainsString('name="max_dns_records_per_zone"', $html);

        $this->backend->route('PUT', '/admin/products/3/guardrails', 200, []);
        $this->page('settings', [], ['action' => 'save_guardrails', 'product' => '3', 'max_dns_zones' => '2', 'max_dns_records_per_zone' => '']);
        self::assertStringEndsWith('"max_custom_images":null,"max_dns_zones":2}', $this->changes()[0]);
        $html = $this->page('settings', [], ['action' => 'save_guardrails', 'product' => '3', 'max_dns_zones' => 'two']);
        self::assertStringContainsString('whole numbers', self::alerts($html, 'danger')[0]);
        self::assertCount(1, $this->changes());
    }

    public function testGuardrailsOfAProductAreShownAndSaved(): void
    {
        $this->whmcs->products = [['id' => 3, 'name' => 'VPS S', 'group' => 'Cloud', 'contabo_product' => 'V91']];
        $this->backend->route('GET', '/admin/products/3/guardrails', 200, ['allow_reinstall' => true, 'allow_rescue' => false, 'allow_snapshot_rollback' => true, 'allow_private_network_create' => true, 'require_ssh_key' => false, 'cloud_init_max_bytes' => 16384, 'max_snapshots' => null]);
        $html = $this->page('settings', ['product' => '3']);
        self::assertStringContainsString('Guardrails of product #3', $html);
        self::assertStringContainsString('name="allow_reinstall" value="1" checked="checked"', $html);
        self::assertStringNotContainsString('name="allow_rescue" value="1" checked', $html);

        $this->backend->route('PUT', '/admin/products/3/guardrails', 200, []);
        $html = $this->page('settings', [], ['action' => 'save_guardrails', 'product' => '3', 'allow_reinstall' => '1', 'require_ssh_key' => 'on', 'cloud_init_max_bytes' => '4096', 'max_snapshots' => '']);
        self::assertSame(['The guardrails of product #3 were saved.'], self::alerts($html, 'success'));
        self::assertSame(['PUT /admin/products/3/guardrails {"allow_reinstall":true,"allow_rescue":false,"allow_snapshot_rollback":false,"allow_private_network_create":false,"allow_automatic_snapshots":false,"allow_custom_images":false,"require_ssh_key":true,"cloud_init_max_bytes":4096,"max_snapshots":null,"max_custom_images":null}'], $this->changes());

        $html = $this->page('settings', [], ['action' => 'save_guardrails', 'product' => '3', 'max_snapshots' => 'ten']);
        self::assertStringContainsString('whole numbers', self::alerts($html, 'danger')[0]);
        self::assertCount(1, $this->changes());
    }

    // ----------------------------------------------------------------- catalog and pricing

    public function testProductsAreSwitchedOnAndOffAndMarginRulesSavedIntoTheWholeConfig(): void
    {
        $this->backend->route('PUT', '/admin/catalog/products/V92', 200, []);
        $html = $this->page('catalog', [], ['action' => 'toggle_product', 'product_id' => 'V92', 'enabled' => '0']);
        self::assertContains('Product V92 is no longer offered (existing servers are not touched).', self::alerts($html, 'success'));
        self::assertSame('PUT /admin/catalog/products/V92 {"enabled":false}', $this->changes()[0]);

        $config = ['cost_currency' => 'EUR', 'costs' => [['product_id' => 'V91', 'period' => 1, 'monthly' => '4.50']], 'margins' => [['currency' => 'EUR', 'product_id' => '*', 'percent' => '20', 'rounding' => ['mode' => 'cents'], 'option_rounding' => ['mode' => 'step', 'step' => '0.50']]]];
        $this->backend->route('GET', '/admin/pricing', 200, $config);
        $this->backend->route('PUT', '/admin/pricing', 200, $config);
        $html = $this->page('catalog', [], ['action' => 'save_margins', 'margins' => [
            ['currency' => 'eur', 'product_id' => '', 'percent' => '25', 'fixed_monthly' => '', 'rounding_mode' => 'ending', 'rounding_value' => '0.99'],
            ['currency' => 'USD', 'product_id' => 'V91', 'percent' => '30', 'fixed_monthly' => '1', 'rounding_mode' => 'step', 'rounding_value' => '0.50'],
            ['currency' => '', 'product_id' => '*', 'percent' => '99'],
        ]]);
        self::assertContains('The pricing was saved. Generate the products again to bring WHMCS\'s prices up to date.', self::alerts($html, 'success'));
        $sent = json_decode(substr($this->changes()[1], strlen('PUT /admin/pricing ')), true);
        self::assertSame($config['costs'], $sent['costs'], 'costs are kept');
        self::assertSame([
            ['currency' => 'EUR', 'product_id' => '*', 'percent' => '25', 'fixed_monthly' => '0', 'rounding' => ['mode' => 'ending', 'ending' => '0.99'], 'option_rounding' => ['mode' => 'step', 'step' => '0.50']],
            ['currency' => 'USD', 'product_id' => 'V91', 'percent' => '30', 'fixed_monthly' => '1', 'rounding' => ['mode' => 'step', 'step' => '0.50']],
        ], $sent['margins']);
    }

    public function testInvalidPricingJsonIsKeptInTheFormAndTheBackendsRefusalShown(): void
    {
        $this->backend->route('GET', '/admin/pricing', 200, ['cost_currency' => 'EUR']);
        $this->backend->route('GET', '/admin/catalog', 200, []);
        $this->backend->route('GET', '/admin/catalog/diff', 200, []);
        $this->backend->route('GET', '/admin/pricing/export', 200, []);
        $html = $this->page('catalog', [], ['action' => 'save_pricing', 'pricing_json' => '{"margins": [}']);
        self::assertContains('That is not valid JSON: nothing was saved. Check brackets, quotes and commas.', self::alerts($html, 'danger'));
        self::assertStringContainsString('{&quot;margins&quot;: [}', $html);

        $this->backend->route('PUT', '/admin/pricing', 400, ['error' => ['code' => 'invalid_input', 'message' => 'margins.0.percent: must be at most 1000']]);
        $html = $this->page('catalog', [], ['action' => 'save_pricing', 'pricing_json' => '{"margins": [{"currency": "EUR", "percent": "5000"}]}']);
        self::assertContains('margins.0.percent: must be at most 1000.', self::alerts($html, 'danger'));
        self::assertStringContainsString('&quot;5000&quot;', $html, 'the admin\'s text stays for correcting it');
    }

    public function testGenerateReportsWhatItMade(): void
    {
        $this->backend->answer(200, ProductGeneratorTest::export('EUR', ['V91']));
        $this->backend->route('GET', '/admin/catalog', 200, []);
        $this->backend->route('GET', '/admin/catalog/diff', 200, []);
        $this->backend->route('GET', '/admin/pricing', 200, []);
        $html = $this->page('catalog', [], ['action' => 'generate']);
        self::assertSame(['Products generated: 1 created, 0 updated.'], self::alerts($html, 'success'));
        self::assertStringContainsString('V91 -&gt; product #', $html);
        self::assertStringContainsString('3 options and 5 choices saved, 0 hidden', $html);
    }

    public function testThePricePreviewAsksForTheChosenWhmcsCurrency(): void
    {
        $this->products->currencyList = [['id' => 1, 'code' => 'EUR', 'default' => true], ['id' => 2, 'code' => 'USD', 'default' => false]];
        $this->backend->route('GET', '/admin/catalog', 200, []);
        $this->backend->route('GET', '/admin/catalog/diff', 200, []);
        $this->backend->route('GET', '/admin/pricing', 200, []);
        $this->backend->route('GET', '/admin/pricing/export', 200, ProductGeneratorTest::export('USD', ['V91']));
        $html = $this->page('catalog', ['currency' => 'usd']);
        $exportCall = array_values(array_filter($this->backend->requests, static fn (array $r): bool => str_contains($r['url'], '/admin/pricing/export')))[0];
        self::assertStringEndsWith('/admin/pricing/export?currency=USD', $exportCall['url']);
        self::assertStringContainsString('<td>6.50</td>', $html);
        self::assertStringContainsString('Region|Location, Operating System, Additional IPv4', $html);
    }

    // ----------------------------------------------------------------- templates

    public function testTemplatesAreSavedPreviewedAndDeleted(): void
    {
        $this->backend->route('PUT', '/admin/cloud-init-templates/web', 200, []);
        $form = ['name' => 'web', 'description' => 'nginx', 'content' => "#cloud-config\r\nhostname: \${hostname}\r\n", 'service_id' => ''];
        $html = $this->page('templates', [], ['action' => 'save'] + $form);
        self::assertSame(['The template "web" was saved.'], self::alerts($html, 'success'));
        self::assertSame('PUT /admin/cloud-init-templates/web {"description":"nginx","content":"#cloud-config\nhostname: ${hostname}\n"}', $this->changes()[0]);

        $this->backend->route('POST', '/admin/cloud-init-templates/preview', 200, ['rendered' => "#cloud-config\nhostname: server1.example.com\n", 'variables' => ['hostname' => 'server1.example.com'], 'unknown_variables' => ['HOME'], 'bytes' => 41, 'valid' => true, 'error' => null]);
        $html = $this->page('templates', [], ['action' => 'preview', 'service_id' => '42'] + $form);
        self::assertSame(['content' => "#cloud-config\nhostname: \${hostname}\n", 'service_id' => '42'], json_decode($this->request('POST', '/admin/cloud-init-templates/preview')['body'], true));
        self::assertContains('Valid cloud-init user data, 41 bytes once rendered.', self::alerts($html, 'success'));
        self::assertStringContainsString('Left as written: HOME', $html);

        $this->backend->route('PUT', '/admin/cloud-init-templates/bad', 400, ['error' => ['code' => 'invalid_input', 'message' => "The cloud-init user data must start with '#cloud-config' (or '#!' for a script)."]]);
        $html = $this->page('templates', [], ['action' => 'save', 'name' => 'bad', 'description' => '', 'content' => 'packages: [x]', 'service_id' => '']);
        self::assertContains("The cloud-init user data must start with '#cloud-config' (or '#!' for a script).", self::alerts($html, 'danger'));
        self::assertStringContainsString('>packages: [x]</textarea>', $html, 'the draft stays in the form');

        $this->backend->route('DELETE', '/admin/cloud-init-templates/web', 200, ['deleted' => true]);
        $html = $this->page('templates', [], ['action' => 'delete', 'name' => 'web']);
        self::assertSame(['The template "web" was deleted.'], self::alerts($html, 'success'));
        $changes = $this->changes();
        self::assertSame('DELETE /admin/cloud-init-templates/web', end($changes));
    }

    // ----------------------------------------------------------------- logs

    public function testLogsSearchWithFiltersPagesAndExportsCsv(): void
    {
        $this->backend->route('GET', '/admin/audit', 200, ['items' => [['at' => '2026-03-10T10:00:00+00:00', 'service_id' => '42', 'kind' => 'contabo_call', 'action' => 'createInstance', 'outcome' => 'ok', 'method' => 'POST', 'path' => '/v1/compute/instances', 'status_code' => 201, 'duration_ms' => 310, 'request_id' => 'r-1', 'trace_id' => 't-1']], 'next_cursor' => 'c2', 'notice' => '1000 rows were read without filling the page']);
        $html = $this->page('logs', ['service_id' => '42', 'action' => 'createInstance', 'from' => '2026-03-01', 'to' => '', 'request_id' => '']);
        self::assertStringEndsWith('/admin/audit?action=createInstance&from=2026-03-01&limit=50&service_id=42', $this->backend->requests[0]['url']);
        self::assertStringContainsString('POST /v1/compute/instances -&gt; 201 (310 ms)', $html);
        self::assertSame(['1000 rows were read without filling the page'], self::alerts($html, 'info'));
        self::assertStringContainsString('page=logs&amp;service_id=42&amp;action=createInstance&amp;from=2026-03-01&amp;cursor=c2', $html);
        self::assertStringContainsString('page=logs&amp;request_id=r-1', $html, 'a request id links to its search');

        $this->backend->route('GET', '/admin/audit', 200, "at,service_id\r\n2026-03-10,42\r\n", ['Content-Type' => 'text/csv']);
        $download = $this->area(['page' => 'logs', 'download' => 'csv', 'service_id' => '42', 'action' => 'create'])->handle();
        self::assertInstanceOf(Download::class, $download);
        self::assertSame("at,service_id\r\n2026-03-10,42\r\n", $download->body);
        self::assertStringStartsWith('text/csv', $download->contentType);
        self::assertMatchesRegularExpression('/^audit-\d{8}-\d{6}\.csv$/', $download->filename);
        self::assertStringEndsWith('/admin/audit?action=create&format=csv&service_id=42', $this->request('GET', '/admin/audit', -1)['url']);
        self::assertStringContainsString('page=logs&amp;service_id=42&amp;action=createInstance&amp;from=2026-03-01&amp;download=csv', $html);
    }

    public function testABadSearchShowsTheBackendsSentence(): void
    {
        $this->backend->route('GET', '/admin/audit', 400, ['error' => ['code' => 'invalid_input', 'message' => "'yesterday' is not a date: use 2026-03-01 or 2026-03-01T14:30:00Z."]]);
        $html = $this->page('logs', ['from' => 'yesterday']);
        self::assertSame(["'yesterday' is not a date: use 2026-03-01 or 2026-03-01T14:30:00Z."], self::alerts($html, 'danger'));
    }

    // ----------------------------------------------------------------- queue

    public function testQueueListsByStatusAndRetriesSkipsOrMarksDone(): void
    {
        $this->backend->route('GET', '/admin/jobs', 200, ['items' => [['job_id' => 'j-1', 'status' => 'queued', 'action' => 'terminate_cleanup'], ['job_id' => 'j-2', 'status' => 'running']], 'next_cursor' => 'n']);
        $html = $this->page('queue', ['status' => 'queued']);
        self::assertStringEndsWith('/admin/jobs?status=queued', $this->backend->requests[0]['url']);
        self::assertSame(3, substr_count($html, 'name="job_id" value="j-1"'), 'retry, skip and done for a queued job');
        self::assertStringNotContainsString('value="j-2"', $html, 'a running job has no buttons');
        self::assertStringContainsString('status=queued&amp;cursor=n', $html);
        $this->page('queue', ['status' => 'nonsense']);
        self::assertStringEndsWith('/admin/jobs?status=parked', $this->request('GET', '/admin/jobs', -1)['url']);

        foreach (['retry' => ['queued', 'Queued'], 'skip' => ['skipped', 'Skipped'], 'done' => ['done', 'Done']] as $action => [$status, $said]) {
            $this->backend->route('POST', "/admin/jobs/j-1/{$action}", 200, ['job_id' => 'j-1', 'status' => $status]);
            $html = $this->page('queue', [], ['action' => $action, 'job_id' => 'j-1']);
            self::assertCount(1, self::alerts($html, 'success'));
            self::assertStringContainsString("(status: {$said})", self::alerts($html, 'success')[0]);
        }
        self::assertSame(['POST /admin/jobs/j-1/retry {}', 'POST /admin/jobs/j-1/skip {}', 'POST /admin/jobs/j-1/done {}'], $this->changes());

        $this->backend->route('POST', '/admin/jobs/j-3/retry', 409, ['error' => ['code' => 'service_busy', 'message' => 'The job is running now.']]);
        $html = $this->page('queue', [], ['action' => 'retry', 'job_id' => 'j-3']);
        self::assertSame(['The job is running now. Please try again shortly.'], self::alerts($html, 'danger'));
        $html = $this->page('queue', [], ['action' => 'retry', 'job_id' => '../x']);
        self::assertSame(['That job is not valid.'], self::alerts($html, 'danger'));
    }

    // ----------------------------------------------------------------- import

    public function testApplicationsCatalogueIsListedSavedAndDeleted(): void
    {
        $this->backend->route('GET', '/admin/applications', 200, ['items' => [['key' => 'wordpress', 'name' => 'WordPress', 'application_id' => 'app-1', 'compatible_images' => ['ubuntu-22.04'], 'enabled' => true]]]);
        $html = $this->page('applications');
        self::assertStringContainsString('WordPress', $html);
        self::assertStringContainsString('ubuntu-22.04', $html);

        $this->backend->route('PUT', '/admin/applications/ghost', 200, []);
        $this->backend->route('DELETE', '/admin/applications/wordpress', 200, ['deleted' => true]);
        $html = $this->page('applications', [], ['action' => 'save_application', 'key' => 'Ghost', 'name' => 'Ghost', 'application_id' => 'app-2', 'compatible_images' => 'ubuntu-22.04, debian-12', 'enabled' => '1']);
        self::assertSame(['Application ghost saved.'], self::alerts($html, 'success'));
        $this->page('applications', [], ['action' => 'delete_application', 'key' => 'wordpress']);
        $html = $this->page('applications', [], ['action' => 'save_application', 'key' => 'no spaces']);
        self::assertStringStartsWith('The key is 1 to 40', self::alerts($html, 'danger')[0]);
        self::assertSame(['PUT /admin/applications/ghost {"name":"Ghost","application_id":"app-2","compatible_images":["ubuntu-22.04","debian-12"],"enabled":true}', 'DELETE /admin/applications/wordpress'], $this->changes());
    }

    public function testExtraIpsListsSpareAddressesAssignsAndTakesBack(): void
    {
        $this->backend->route('GET', '/admin/ips/spare', 200, ['items' => [['ip' => '198.51.100.2', 'region' => 'EU']]]);
        $html = $this->page('ips', ['region' => 'EU']);
        self::assertStringEndsWith('/admin/ips/spare?region=EU', $this->backend->requests[0]['url']);
        self::assertStringContainsString('name="ip" value="198.51.100.2"', $html);

        $this->backend->route('POST', '/admin/services/42/ips', 200, ['ip' => '198.51.100.2', 'region' => 'EU']);
        $this->backend->route('DELETE', '/admin/services/42/ips/198.51.100.2', 200, ['ip' => '198.51.100.2', 'region' => 'EU']);
        $html = $this->page('ips', [], ['action' => 'assign', 'service_id' => '42', 'ip' => '198.51.100.2']);
        self::assertSame(['198.51.100.2 is now on service #42.'], self::alerts($html, 'success'));
        $html = $this->page('ips', [], ['action' => 'unassign', 'service_id' => '42', 'ip' => '198.51.100.2']);
        self::assertSame(['198.51.100.2 was taken back from service #42 and is spare.'], self::alerts($html, 'success'));
        $html = $this->page('ips', [], ['action' => 'assign', 'service_id' => 'x', 'ip' => '198.51.100.2']);
        self::assertSame(['Enter a service number and an IPv4 address.'], self::alerts($html, 'danger'));
        self::assertSame(['POST /admin/services/42/ips {"ip":"198.51.100.2"}', 'DELETE /admin/services/42/ips/198.51.100.2'], $this->changes());

        $this->backend->route('POST', '/admin/services/43/ips', 422, ['error' => ['code' => 'action_refused', 'message' => 'The address 198.51.100.2 is not a spare extra IP of the account (it is unknown or in use).']]);
        $html = $this->page('ips', [], ['action' => 'assign', 'service_id' => '43', 'ip' => '198.51.100.2']);
        self::assertStringStartsWith('The address 198.51.100.2 is not a spare extra IP', self::alerts($html, 'danger')[0]);
    }

    public function testImportMapsAServerToAWhmcsServiceWithItsClientAndAppliesDefaultTags(): void
    {
        $this->vars['default_tags'] = 'imported, team:web';
        $this->whmcs->services = [
            42 => ['service_id' => 42, 'client_id' => 7, 'product' => 'VPS S', 'status' => 'Active', 'module' => 'contabo'],
            43 => ['service_id' => 43, 'client_id' => 8, 'product' => 'Shared', 'status' => 'Active', 'module' => 'cpanel'],
        ];
        $this->backend->route('POST', '/admin/import', 201, ['service_id' => '42', 'state' => 'active']);
        $this->backend->route('PUT', '/admin/services/42/tags', 200, ['items' => ['whmcs-service-42', 'imported', 'team:web']]);
        $html = $this->page('import', [], ['action' => 'import', 'service_id' => '42', 'instance_id' => '7001']);
        self::assertSame(['Server 7001 is now service #42 (active).', 'Default tags imported, team:web set on service #42.'], self::alerts($html, 'success'));
        self::assertSame(['POST /admin/import {"service_id":"42","client_id":"7","instance_id":7001}', 'PUT /admin/services/42/tags {"tags":["imported","team:web"]}'], $this->changes());

        $html = $this->page('import', [], ['action' => 'import', 'service_id' => '43', 'instance_id' => '7001']);
        self::assertContains('Service #43 (Shared) does not use the Contabo module: choose one of its services.', self::alerts($html, 'danger'));
        $html = $this->page('import', [], ['action' => 'import', 'service_id' => '44', 'instance_id' => '7001']);
        self::assertContains('WHMCS has no service #44.', self::alerts($html, 'danger'));
        $html = $this->page('import', [], ['action' => 'import', 'service_id' => '', 'instance_id' => '7001']);
        self::assertContains('Enter the WHMCS service id (a number) to map the server to.', self::alerts($html, 'danger'));
        self::assertCount(2, $this->changes());

        $this->backend->route('POST', '/admin/import', 409, ['error' => ['code' => 'conflict', 'message' => 'Server 7001 already belongs to service 41.']]);
        $html = $this->page('import', [], ['action' => 'import', 'service_id' => '42', 'instance_id' => '7001']);
        self::assertContains('Server 7001 already belongs to service 41.', self::alerts($html, 'danger'));
    }

    public function testTheCandidatesPrefillTheSuggestedService(): void
    {
        $this->backend->route('GET', '/admin/import/candidates', 200, ['items' => [['instance_id' => 7001, 'display_name' => 'old-web', 'status' => 'running', 'ipv4' => '203.0.113.9', 'suggestions' => [['service_id' => '42', 'by' => 'ip']]]], 'as_of' => '2026-03-10T10:00:00Z', 'total' => 1]);
        $this->backend->route('GET', '/admin/reports/drift', 404, ['error' => ['code' => 'not_found', 'message' => 'No status sync has run yet.']]);
        $html = $this->page('import');
        self::assertStringContainsString('name="service_id" value="42"', $html);
        self::assertStringContainsString('name="instance_id" value="7001"', $html);
        self::assertStringContainsString('#42 (ip)', $html);
        self::assertStringContainsString('No status sync has run yet: run it on Tools.', $html);
    }

    // ----------------------------------------------------------------- tools

    public function testToolsRunAJobSimulateAnOrderAndValidateCloudInit(): void
    {
        $this->backend->route('GET', '/admin/schedules', 200, ['items' => []]);
        $this->backend->route('POST', '/admin/schedules/status-sync/run', 202, ['job' => 'status-sync', 'started' => true, 'message' => 'The status-sync job started.']);
        $html = $this->page('tools', [], ['action' => 'run_job', 'job' => 'status-sync']);
        self::assertSame(['The status-sync job started.'], self::alerts($html, 'success'));
        $html = $this->page('tools', [], ['action' => 'run_job', 'job' => 'rm -rf']);
        self::assertSame(['That scheduled job is not known.'], self::alerts($html, 'danger'));

        $this->backend->route('POST', '/admin/orders/simulate', 200, ['would_order' => false, 'checks' => [['name' => 'image', 'ok' => false, 'message' => "The operating system image 'x' is not available."]], 'warnings' => ['No key <b>'], 'create_instance_request' => null]);
        $html = $this->page('tools', [], ['action' => 'simulate', 'product_id' => 'V91', 'region' => 'EU', 'image_id' => 'x', 'period' => '12', 'default_user' => 'root', 'hostname' => '', 'ssh_keys' => "ssh-ed25519 AAAA a\r\n\r\nssh-ed25519 BBBB b", 'user_data' => "#cloud-config\r\npackages: [x]", 'backup' => '1', 'additional_ipv4' => '1', 'whmcs_product_id' => '3', 'service_id' => '', 'client_id' => '1', 'client_email' => 'a@example.com']);
        $order = json_decode(substr($this->changes()[1], strlen('POST /admin/orders/simulate ')), true);
        self::assertSame(['client_id' => '1', 'client_email' => 'a@example.com', 'product_id' => 'V91', 'region' => 'EU', 'image_id' => 'x', 'period' => 12, 'default_user' => 'root', 'ssh_keys' => ['ssh-ed25519 AAAA a', 'ssh-ed25519 BBBB b'], 'add_ons' => ['private_networking' => false, 'backup' => true, 'additional_ipv4' => 1], 'whmcs_product_id' => '3', 'user_data' => "#cloud-config\npackages: [x]\n"], $order);
        self::assertContains('This order would not be bought: see the failed checks.', self::alerts($html, 'danger'));
        self::assertSame(['No key <b>'], self::alerts($html, 'warning'));
        self::assertStringContainsString('No purchase would be sent', $html);
        self::assertStringContainsString('value="12" selected="selected"', $html, 'the form keeps what was sent');

        $this->backend->route('POST', '/admin/cloud-init-templates/preview', 200, ['rendered' => 'x', 'variables' => [], 'unknown_variables' => [], 'bytes' => 1, 'valid' => false, 'error' => 'The cloud-init user data is not valid YAML near line 2.']);
        $html = $this->page('tools', [], ['action' => 'validate', 'content' => "#cloud-config\n: :", 'preview_service_id' => '']);
        self::assertContains('The cloud-init user data is not valid YAML near line 2.', self::alerts($html, 'danger'));
        self::assertSame(['content' => "#cloud-config\n: :"], json_decode($this->request('POST', '/admin/cloud-init-templates/preview')['body'], true));
        $html = $this->page('tools', [], ['action' => 'validate', 'content' => '  ']);
        self::assertContains('Paste the cloud-init user data to validate.', self::alerts($html, 'danger'));
    }

    public function testASuccessfulSimulationShowsThePurchaseBody(): void
    {
        $this->backend->route('GET', '/admin/schedules', 200, ['items' => []]);
        $this->backend->route('POST', '/admin/orders/simulate', 200, ['would_order' => true, 'checks' => [['name' => 'product', 'ok' => true, 'message' => 'V91: Cloud VPS 10']], 'warnings' => [], 'create_instance_request' => ['productId' => 'V91', 'rootPassword' => '<secret id: a root password generated for this order>']]);
        $html = $this->page('tools', [], ['action' => 'simulate', 'product_id' => 'V91', 'region' => 'EU', 'image_id' => 'ubuntu-22.04', 'period' => '1', 'default_user' => 'root', 'client_id' => '1', 'client_email' => 'a@example.com']);
        self::assertContains('This order would be accepted and bought by the provisioning worker.', self::alerts($html, 'success'));
        self::assertStringContainsString('&quot;rootPassword&quot;: &quot;&lt;secret id: a root password generated for this order&gt;&quot;', $html);
    }

    /** @return list<string> the page's POST forms */
    private static function forms(string $html): array
    {
        preg_match_all('#<form method="post".*?</form>#s', $html, $found);
        return $found[0];
    }
}
