<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\AddonTestCase;
use Tests\Php\Support\LocalStack;
use Tests\Php\Unit\Addon\CapsuleRepositoriesTest;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Addon\ContaboAdmin\Products\CapsuleProductRepository;


// The AddProduct fake lives with the Capsule unit tests; loaded here when this suite runs alone.
require_once __DIR__ . '/../Unit/Addon/CapsuleRepositoriesTest.php';

/**
 * The admin addon's pages against the real local backend over signed HTTP, reached through
 * the WHMCS server record of type contabo (the addon's own settings left empty).
 */
final class AdminAddonTest extends AddonTestCase
{
    /** Costs and margins the backend prices V91 from (EUR and USD). */
    private const PRICING = [
        'cost_currency' => 'EUR',
        'currencies' => [['code' => 'USD', 'rate' => '1.10']],
        'costs' => [
            ['product_id' => 'V91', 'region' => '*', 'period' => 1, 'monthly' => '4.50', 'setup' => '0'],
            ['product_id' => 'V91', 'region' => '*', 'period' => 12, 'monthly' => '4.00', 'setup' => '0'],
            ['product_id' => 'V91', 'region' => 'US-east', 'period' => 1, 'monthly' => '5.50', 'setup' => '0'],
            ['product_id' => 'V91', 'region' => 'US-east', 'period' => 12, 'monthly' => '5.00', 'setup' => '0'],
        ],
        'option_costs' => [
            ['option' => 'backup', 'item' => '*', 'product_id' => '*', 'monthly' => '1.00'],
            ['option' => 'additional_ipv4', 'item' => '*', 'product_id' => '*', 'monthly' => '2.00'],
        ],
        'margins' => [
            ['currency' => 'EUR', 'product_id' => '*', 'percent' => '20', 'fixed_monthly' => '0', 'rounding' => ['mode' => 'ending', 'ending' => '0.99']],
            ['currency' => 'USD', 'product_id' => '*', 'percent' => '20', 'fixed_monthly' => '0', 'rounding' => ['mode' => 'step', 'step' => '0.50']],
        ],
    ];

    private LocalStack $stack;

    protected function setUp(): void
    {
        parent::setUp();
        $this->stack = LocalStack::shared();
        $this->vars = ['modulelink' => self::MODULE_LINK];
        $this->servers->server = ['name' => 'Local backend'] + $this->stack->serverParams();
    }

    public function testConnectionTestAndGuardrailsThroughTheServerRecord(): void
    {
        $html = $this->page('settings', [], ['action' => 'test_connection']);
        self::assertSame([], self::alerts($html, 'danger'), $html);
        self::assertSame(['The backend, its secrets and the Contabo credentials all answered.'], self::alerts($html, 'success'));
        self::assertStringContainsString('from the server record &quot;Local backend&quot;', $html);

        $product = (string) random_int(500_000, 599_999);
        $this->whmcs->products = [['id' => (int) $product, 'name' => 'VPS S', 'group' => 'Cloud', 'contabo_product' => 'V91']];
        $html = $this->page('settings', [], ['action' => 'save_guardrails', 'product' => $product, 'allow_reinstall' => '1', 'require_ssh_key' => '1', 'cloud_init_max_bytes' => '2048', 'max_snapshots' => '2']);
        self::assertSame(["The guardrails of product #{$product} were saved."], self::alerts($html, 'success'), $html);
        $shown = $this->page('settings', ['product' => $product]);
        self::assertStringContainsString('name="require_ssh_key" value="1" checked="checked"', $shown);
        self::assertStringNotContainsString('name="allow_rescue" value="1" checked', $shown);
        self::assertStringContainsString('name="cloud_init_max_bytes" value="2048"', $shown);
        self::assertStringContainsString('name="max_snapshots" value="2"', $shown);

        $html = $this->page('settings', [], ['action' => 'save_guardrails', 'product' => $product, 'cloud_init_max_bytes' => '999999']);
        self::assertCount(1, self::alerts($html, 'danger'));
        self::assertStringNotContainsString('{', self::alerts($html, 'danger')[0], 'the backend\'s refusal as a sentence');
    }

    public function testTheCronAsksTheRealBackendForParkedJobsWithItsSignedPagedQuery(): void
    {
        $api = (new \WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection(\WHMCS\Module\Addon\ContaboAdmin\AddonSettings::fromVars($this->vars), $this->servers))->api();
        $store = new class () implements \WHMCS\Module\Addon\ContaboAdmin\Whmcs\ParkedJobStore {
            /** @var list<string> */
            public array $fetchErrors = [];

            public function told(string $jobId, string $parkedAt): bool
            {
                return true;  // nothing is sent from this test: the query and the answer's shape are what it checks
            }

            public function markTold(string $jobId, string $parkedAt): void
            {
            }

            public function noticeSettings(string $serviceId): array
            {
                return ['way' => 'email', 'department' => 0];
            }

            public function shouldLogFetchError(string $message, int $now): bool
            {
                $this->fetchErrors[] = $message;
                return true;
            }
        };
        $notices = new \WHMCS\Module\Addon\ContaboAdmin\ParkedJobNotices($api, $store, 'localAPI', \WHMCS\Module\Addon\ContaboAdmin\Lang::of('english'), \WHMCS\Module\Server\Contabo\Lang::strings('english'));

        self::assertSame([], $notices->run(time()));
        self::assertSame([], $store->fetchErrors, 'GET /admin/jobs?limit=200&status=parked is accepted, signed, by the admin key');
        self::assertSame([], Whmcs::localApiCalls('LogActivity'));
    }

    public function testTemplateLibraryValidatesPreviewsAndDeletes(): void
    {
        $name = 'addon-' . bin2hex(random_bytes(3));
        $content = "#cloud-config\nhostname: \${hostname}\nruncmd:\n  - echo \${HOME}\n";
        $html = $this->page('templates', [], ['action' => 'save', 'name' => $name, 'description' => 'from the addon test', 'content' => $content, 'service_id' => '']);
        self::assertSame(["The template \"{$name}\" was saved."], self::alerts($html, 'success'), $html);
        self::assertStringContainsString('>' . $name . '<', $html, 'listed in the library');

        $html = $this->page('templates', [], ['action' => 'preview', 'name' => $name, 'description' => '', 'content' => $content, 'service_id' => '']);
        self::assertStringContainsString('hostname: server1.example.com', $html);
        self::assertStringContainsString('Left as written: HOME', $html);
        self::assertCount(1, array_filter(self::alerts($html, 'success'), static fn (string $a): bool => str_starts_with($a, 'Valid cloud-init user data')));

        $html = $this->page('templates', [], ['action' => 'save', 'name' => $name, 'description' => '', 'content' => "packages: [nginx]\n", 'service_id' => '']);
        self::assertSame(["The template is not valid once its variables are filled in: The cloud-init user data must start with '#cloud-config' (or '#!' for a script)."], self::alerts($html, 'danger'));

        $html = $this->page('templates', [], ['action' => 'delete', 'name' => $name]);
        self::assertSame(["The template \"{$name}\" was deleted."], self::alerts($html, 'success'));
        self::assertStringNotContainsString('>' . $name . '<', $html);
        $html = $this->page('templates', [], ['action' => 'delete', 'name' => $name]);
        self::assertSame(["There is no cloud-init template named '{$name}'."], self::alerts($html, 'danger'));
    }

    public function testPricingThenGenerateWritesWhmcsProductsOnceAndRefreshesThem(): void
    {
        $html = $this->page('catalog', [], ['action' => 'save_pricing', 'pricing_json' => (string) json_encode(self::PRICING)]);
        self::assertContains('The pricing was saved. Generate the products again to bring WHMCS\'s prices up to date.', self::alerts($html, 'success'), $html);
        self::assertStringContainsString('<td>5.99</td>', $html, 'the EUR export preview');

        Capsule::table('tblcurrencies')->insert(['code' => 'EUR', 'default' => 1]);
        Capsule::table('tblcurrencies')->insert(['code' => 'USD', 'default' => 0]);
        Capsule::table('tblcurrencies')->insert(['code' => 'GBP', 'default' => 0]);
        Whmcs::$localApiResults['AddProduct'] = CapsuleRepositoriesTest::addProduct();
        $this->productRepository = new CapsuleProductRepository();

        $html = $this->page('catalog', [], ['action' => 'generate']);
        self::assertContains('Products generated: 1 created, 0 updated.', self::alerts($html, 'success'), $html);
        self::assertStringContainsString('No prices in GBP', $html);
        $v91 = Capsule::table('tblproducts')->where('configoption1', 'V91')->first();
        self::assertSame('contabo', $v91->servertype);
        $eur = Capsule::table('tblpricing')->where(['type' => 'product', 'relid' => $v91->id, 'currency' => 1])->first();
        self::assertSame(['5.99', '-1.00', '57.99'], [$eur->monthly, $eur->quarterly, $eur->annually]);
        self::assertSame('6.00', Capsule::table('tblpricing')->where(['type' => 'product', 'relid' => $v91->id, 'currency' => 2])->value('monthly'));
        self::assertSame('-1.00', Capsule::table('tblpricing')->where(['type' => 'product', 'relid' => $v91->id, 'currency' => 3])->value('monthly'), 'not sold in GBP');
        $options = array_map(static fn (object $o): string => $o->optionname, Capsule::table('tblproductconfigoptions')->orderBy('order')->get());
        self::assertSame(['Region|Location', 'Operating System', 'Backup', 'Additional IPv4'], $options);
        $sub = array_values(array_filter(Capsule::rows('tblproductconfigoptionssub'), static fn (array $row): bool => str_starts_with($row['optionname'], 'US-east|')))[0];
        self::assertSame('1.00', Capsule::table('tblpricing')->where(['type' => 'configoptions', 'relid' => $sub['id'], 'currency' => 1])->value('monthly'));

        $counts = array_map(static fn (string $table): int => count(Capsule::rows($table)), ['tblproducts', 'tblproductconfiggroups', 'tblproductconfigoptions', 'tblproductconfigoptionssub', 'tblpricing', 'tblproductconfiglinks']);
        $cheaper = self::PRICING;
        $cheaper['costs'][0]['monthly'] = '4.00';
        $this->page('catalog', [], ['action' => 'save_pricing', 'pricing_json' => (string) json_encode($cheaper)]);
        $html = $this->page('catalog', [], ['action' => 'generate']);
        self::assertContains('Products generated: 0 created, 1 updated.', self::alerts($html, 'success'), $html);
        self::assertSame($counts, array_map(static fn (string $table): int => count(Capsule::rows($table)), ['tblproducts', 'tblproductconfiggroups', 'tblproductconfigoptions', 'tblproductconfigoptionssub', 'tblpricing', 'tblproductconfiglinks']));
        self::assertSame('4.99', Capsule::table('tblpricing')->where(['type' => 'product', 'relid' => $v91->id, 'currency' => 1])->value('monthly'), 'the new cost: 4.00 +20% = 4.80, ending .99');
    }

    public function testAProductSwitchedOffShowsInTheAuditSearchAndItsCsv(): void
    {
        $html = $this->page('catalog', [], ['action' => 'toggle_product', 'product_id' => 'V8', 'enabled' => '0']);
        self::assertContains('Product V8 is no longer offered (existing servers are not touched).', self::alerts($html, 'success'), $html);
        $this->page('catalog', [], ['action' => 'toggle_product', 'product_id' => 'V8', 'enabled' => '1']);

        $today = gmdate('Y-m-d');
        $html = $this->page('logs', ['action' => 'catalog.product_override', 'from' => $today, 'to' => $today]);
        self::assertSame([], self::alerts($html, 'danger'), $html);
        self::assertStringContainsString('V8: override set: enabled', $html);

        $download = $this->area(['page' => 'logs', 'download' => 'csv', 'action' => 'catalog.product_override', 'from' => $today])->handle();
        self::assertInstanceOf(Download::class, $download);
        $rows = array_map('str_getcsv', array_filter(explode("\r\n", $download->body), 'strlen'));
        self::assertSame(['at', 'service_id', 'kind', 'action', 'outcome', 'actor', 'method', 'path', 'status_code', 'duration_ms', 'request_id', 'trace_id', 'message'], $rows[0]);
        self::assertGreaterThanOrEqual(2, count($rows) - 1);
        self::assertSame('catalog.product_override', $rows[1][3]);
    }

    public function testSimulateAnOrderAndValidateCloudInitBuyNothing(): void
    {
        $service = (string) random_int(600_000, 699_999);
        $html = $this->page('tools', [], ['action' => 'simulate', 'product_id' => 'V92', 'region' => 'EU', 'image_id' => 'ubuntu-22.04', 'period' => '1', 'default_user' => 'root', 'hostname' => 'web1.example.com', 'ssh_keys' => '', 'user_data' => "#cloud-config\npackages: [nginx]", 'additional_ipv4' => '0', 'whmcs_product_id' => '', 'service_id' => $service, 'client_id' => '7', 'client_email' => 'ada@example.com']);
        self::assertContains('This order would be accepted and bought by the provisioning worker.', self::alerts($html, 'success'), $html);
        self::assertStringContainsString('&quot;displayName&quot;: &quot;whmcs-service-' . $service . '&quot;', $html);
        self::assertStringContainsString('&lt;secret id: a root password generated for this order&gt;', $html);

        $html = $this->page('tools', [], ['action' => 'simulate', 'product_id' => 'V92', 'region' => 'EU', 'image_id' => 'no-such-os', 'period' => '1', 'default_user' => 'root', 'client_id' => '7', 'client_email' => 'ada@example.com']);
        self::assertContains('This order would not be bought: see the failed checks.', self::alerts($html, 'danger'));
        self::assertStringContainsString('The operating system image &#039;no-such-os&#039; is not available.', $html);

        $html = $this->page('tools', [], ['action' => 'validate', 'content' => "#cloud-config\npackages: [nginx\n", 'preview_service_id' => '']);
        self::assertContains('The cloud-init user data is not valid YAML near line 2.', self::alerts($html, 'danger'), $html);
        $html = $this->page('tools', [], ['action' => 'validate', 'content' => "#!/bin/sh\necho hi\n", 'preview_service_id' => '']);
        self::assertContains('Valid cloud-init user data, 18 bytes once rendered.', self::alerts($html, 'success'), $html);
    }

    public function testQueueImportAndSchedulePagesAnswerCleanly(): void
    {
        foreach (['queue', 'import', 'tools'] as $page) {
            $html = $this->page($page);
            self::assertSame([], self::alerts($html, 'danger'), "{$page}: {$html}");
        }
        $html = $this->page('queue', ['status' => 'done']);
        self::assertSame([], self::alerts($html, 'danger'));

        $html = $this->page('tools', [], ['action' => 'run_job', 'job' => 'catalog-sync']);
        $said = [...self::alerts($html, 'success'), ...self::alerts($html, 'danger')];
        self::assertCount(1, $said, $html);
        self::assertStringNotContainsString('{', $said[0]);

        $html = $this->page('import', [], ['action' => 'import', 'service_id' => '9', 'instance_id' => '1']);
        self::assertSame(['WHMCS has no service #9.'], self::alerts($html, 'danger'));
    }
}
