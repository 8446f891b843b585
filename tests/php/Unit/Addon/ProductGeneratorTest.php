<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use Tests\Php\Stubs\FakeProductRepository;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Support\AddonTestCase;
use WHMCS\Module\Addon\ContaboAdmin\AddonError;
use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Addon\ContaboAdmin\Products\ProductGenerator;
use WHMCS\Module\Server\Contabo\Api\ApiException;

final class ProductGeneratorTest extends AddonTestCase
{
    private FakeTransport $backend;

    protected function setUp(): void
    {
        parent::setUp();
        $this->backend = $this->fakeBackend();
        $this->products->currencyList = [['id' => 1, 'code' => 'EUR', 'default' => true], ['id' => 2, 'code' => 'USD', 'default' => false]];
    }

    /** A pricing export as GET /admin/pricing/export answers it. */
    public static function export(string $currency, array $products = ['V91', 'V92'], array $regions = ['EU' => '0.00', 'US-east' => '1.00']): array
    {
        $priced = [];
        foreach ($products as $index => $id) {
            $monthly = $currency === 'EUR' ? 5.99 + 10 * $index : 6.50 + 10 * $index;
            $priced[] = [
                'product_id' => $id,
                'name' => "Cloud VPS {$id}",
                'specs' => ['cpu_cores' => (string) (4 + 2 * $index), 'ram_gb' => (string) (8 + 8 * $index), 'disk_gb' => '75', 'disk_type' => 'NVMe', 'kind' => 'vps'],
                'module_settings' => ['configoption1' => $id],
                'pricing' => ['monthly' => number_format($monthly, 2), 'quarterly' => '-1.00', 'semiannually' => '-1.00', 'annually' => number_format($monthly * 11, 2), 'msetupfee' => '0.00', 'qsetupfee' => '0.00', 'ssetupfee' => '0.00', 'asetupfee' => '1.50'],
                'config_group' => ['name' => "Cloud VPS {$id} ({$id}) options", 'options' => [
                    ['name' => 'Region|Location', 'type' => 'dropdown', 'whmcs_type' => 1, 'quantity_min' => null, 'quantity_max' => null, 'sub_options' => array_map(
                        static fn (string $region, string $extra): array => ['name' => "{$region}|Region {$region}", 'pricing' => ['monthly' => $extra, 'annually' => number_format((float) $extra * 12, 2)]],
                        array_keys($regions),
                        array_values($regions),
                    )],
                    ['name' => 'Operating System', 'type' => 'dropdown', 'whmcs_type' => 1, 'quantity_min' => null, 'quantity_max' => null, 'sub_options' => [
                        ['name' => 'debian-12|Debian 12', 'pricing' => ['monthly' => '0.00']],
                        ['name' => 'ubuntu-22.04|Ubuntu 22.04', 'pricing' => ['monthly' => '0.00']],
                    ]],
                    ['name' => 'Additional IPv4', 'type' => 'quantity', 'whmcs_type' => 4, 'quantity_min' => 0, 'quantity_max' => 1, 'sub_options' => [
                        ['name' => 'IPv4 address', 'pricing' => ['monthly' => '2.40']],
                    ]],
                ]],
            ];
        }
        return ['currency' => $currency, 'products' => $priced, 'skipped' => [['product_id' => 'V8', 'reason' => 'no cost entered for V8']], 'warnings' => ["V91: no cost for backup; the add-on is not offered"]];
    }

    /** A fresh backend answering the two exports (EUR, then USD: the fake routes by path only). */
    private function answerExports(array $eur, array|int $usd): void
    {
        $this->backend = $this->fakeBackend();
        $this->backend->answer(200, $eur);
        is_int($usd) ? $this->backend->answer($usd, ['error' => ['code' => 'invalid_input', 'message' => 'There is no rate for USD.']]) : $this->backend->answer(200, $usd);
    }

    private function generator(array $vars = []): ProductGenerator
    {
        $settings = AddonSettings::fromVars($vars + $this->vars);
        return new ProductGenerator((new BackendConnection($settings, $this->servers))->api(), $this->products, $settings);
    }

    public function testCreatesProductsWithPricesPerCurrencyAndTheirOptions(): void
    {
        $this->answerExports(self::export('EUR'), self::export('USD', ['V91']));
        $report = $this->generator(['suspend_policy' => 'shutdown', 'ssh_policy' => 'none'])->generate();

        self::assertCount(2, $report->created);
        self::assertSame(['EUR', 'USD'], $report->currencies);
        self::assertSame(['Cloud Servers'], array_values($this->products->groups));
        $v91 = $this->products->findProduct('V91');
        $product = $this->products->products[$v91];
        self::assertSame('Cloud Server 4 vCPU / 8 GB RAM / 75 GB NVMe', $product['name'], 'named by the reseller\'s template, not the provider\'s label');
        self::assertSame(['configoption1' => 'V91', 'configoption2' => 'EU', 'configoption3' => 'ubuntu-22.04', 'configoption4' => '1', 'configoption5' => 'root', 'configoption6' => '', 'configoption7' => 'shutdown', 'configoption8' => 'delete', 'configoption9' => 'compute'], $product['settings']);

        $eur = $this->products->priceOf('product', $v91, 1);
        self::assertSame('5.99', $eur['monthly']);
        self::assertSame('-1.00', $eur['quarterly']);
        self::assertSame('1.50', $eur['asetupfee']);
        self::assertSame('-1.00', $eur['biennially'], 'Contabo has no two-year period');
        self::assertSame('6.50', $this->products->priceOf('product', $v91, 2)['monthly']);
        $v92 = $this->products->findProduct('V92');
        self::assertSame('-1.00', $this->products->priceOf('product', $v92, 2)['monthly'], 'V92 has no USD price: not offered in USD');
        self::assertSame('15.99', $this->products->priceOf('product', $v92, 1)['monthly']);

        $usEast = $this->products->subOptionId('Region|Location', 'US-east|Region US-east');
        self::assertSame('1.00', $this->products->priceOf('configoptions', $usEast)['monthly']);
        self::assertSame('0.00', $this->products->priceOf('configoptions', $usEast)['quarterly'], 'an option costs nothing in a cycle the product does not offer');
        $ipv4 = array_values(array_filter($this->products->options, static fn (array $o): bool => $o['name'] === 'Additional IPv4'))[0];
        self::assertSame([4, 0, 1], [$ipv4['type'], $ipv4['min'], $ipv4['max']]);
        self::assertCount(2, $this->products->configGroups);
        self::assertCount(2, $this->products->links);
        self::assertSame(['V8: no cost entered for V8'], $report->skipped);
        self::assertSame(['V91: no cost for backup; the add-on is not offered'], $report->warnings);
    }

    public function testProductsAreNamedByTheResellersTemplate(): void
    {
        $this->answerExports(self::export('EUR'), self::export('USD', ['V91']));

        $this->generator(['product_name_template' => 'Acme {kind} {cpu_cores}-{ram_gb}'])->generate();

        $names = array_column($this->products->products, 'name');
        self::assertSame(['Acme VPS 4-8', 'Acme VPS 6-16'], $names);
        self::assertSame('', AddonSettings::fromVars(['product_name_template' => '{cpu_cores} cores'])->productName([]), 'no sizes: no half-filled name');
    }

    public function testRunningAgainUpdatesPricesNeverDuplicatesAndHidesWhatLeft(): void
    {
        $this->answerExports(self::export('EUR'), self::export('USD'));
        $this->generator()->generate();
        $v91 = $this->products->findProduct('V91');
        $this->products->products[$v91]['name'] = 'My own name';
        $this->products->products[$v91]['settings']['configoption7'] = 'stop';
        $counts = [count($this->products->products), count($this->products->options), count($this->products->subOptions), count($this->products->links)];

        $cheaper = self::export('EUR', ['V91', 'V92'], ['EU' => '0.00']);
        $cheaper['products'][0]['pricing']['monthly'] = '4.99';
        $this->answerExports($cheaper, self::export('USD', ['V91', 'V92'], ['EU' => '0.00']));
        $report = $this->generator(['suspend_policy' => 'shutdown'])->generate();

        self::assertSame([], $report->created);
        self::assertCount(2, $report->updated);
        self::assertSame($counts, [count($this->products->products), count($this->products->options), count($this->products->subOptions), count($this->products->links)]);
        self::assertSame('4.99', $this->products->priceOf('product', $v91)['monthly']);
        self::assertSame('My own name', $this->products->products[$v91]['name'], 'the admin\'s edits stay');
        self::assertSame('stop', $this->products->products[$v91]['settings']['configoption7']);
        $usEast = $this->products->subOptionId('Region|Location', 'US-east|Region US-east');
        self::assertTrue($this->products->subOptions[$usEast]['hidden'], 'a region no longer priced is hidden, not deleted');
        self::assertSame(2, $report->hidden);
    }

    public function testAProductNoLongerPricedIsReportedAndLeftAlone(): void
    {
        $this->answerExports(self::export('EUR'), 400);
        $this->generator()->generate();
        $this->answerExports(self::export('EUR', ['V91']), 400);
        $report = $this->generator()->generate();
        self::assertSame([sprintf('#%d (V92)', $this->products->findProduct('V92'))], $report->notExported);
        self::assertSame('No prices in USD: There is no rate for USD.', $report->warnings[0]);
    }

    public function testSshPolicyAddsTheOrderFieldAndRequiredSetsTheGuardrail(): void
    {
        $this->answerExports(self::export('EUR', ['V91']), 400);
        $this->backend->answer(200, ['allow_reinstall' => false, 'require_ssh_key' => false, 'cloud_init_max_bytes' => 4096, 'max_snapshots' => null]);
        $this->backend->answer(200, ['require_ssh_key' => true]);
        $this->generator(['ssh_policy' => 'required'])->generate();

        $pid = $this->products->findProduct('V91');
        self::assertSame(["{$pid}|SSH Public Key" => true], $this->products->customFields);
        $put = $this->backend->changes()[0];
        self::assertStringStartsWith("PUT /admin/products/{$pid}/guardrails ", $put);
        self::assertSame(['require_ssh_key' => true, 'allow_reinstall' => false, 'cloud_init_max_bytes' => 4096, 'max_snapshots' => null], json_decode(substr($put, strpos($put, '{')), true), 'the product\'s other guardrails are kept');

        $this->answerExports(self::export('EUR', ['V91']), 400);
        $this->generator(['ssh_policy' => 'optional'])->generate();
        self::assertSame(["{$pid}|SSH Public Key" => false], $this->products->customFields);
        self::assertSame([], $this->backend->changes(), 'an optional key changes no guardrail');
    }

    public function testTheDefaultTemplateBecomesUserDataOnlyWithoutServiceVariables(): void
    {
        $this->answerExports(self::export('EUR', ['V91']), 400);
        $this->backend->route('GET', '/admin/cloud-init-templates', 200, ['items' => [
            ['name' => 'plain', 'description' => '', 'content' => "#cloud-config\npackages: [htop]\n"],
            ['name' => 'personal', 'description' => '', 'content' => "#cloud-config\nhostname: \${hostname}\n"],
        ]]);
        $this->generator(['default_template' => 'plain', 'ssh_policy' => 'none'])->generate();
        self::assertSame("#cloud-config\npackages: [htop]\n", $this->products->products[$this->products->findProduct('V91')]['settings']['configoption6']);

        $this->products = new FakeProductRepository();
        $this->answerExports(self::export('EUR', ['V91']), 400);
        $this->backend->route('GET', '/admin/cloud-init-templates', 200, ['items' => [['name' => 'personal', 'content' => "#cloud-config\nhostname: \${hostname}\n"]]]);
        $report = $this->generator(['default_template' => 'personal', 'ssh_policy' => 'none'])->generate();
        self::assertSame('', $this->products->products[$this->products->findProduct('V91')]['settings']['configoption6']);
        self::assertStringContainsString('per-service variables', $report->warnings[0]);
    }

    public function testNothingIsWrittenWhenTheBackendCannotBeReadOrPricesNothing(): void
    {
        $this->backend->fail('Connection refused')->fail('Connection refused');
        try {
            $this->generator()->generate();
            self::fail('an unreachable backend must stop the generation');
        } catch (ApiException $error) {
            self::assertSame(ApiException::UNREACHABLE, $error->kind);
        }
        self::assertSame([], $this->products->groups);

        $this->backend = $this->fakeBackend();
        $this->backend->answer(400, ['error' => ['code' => 'invalid_input', 'message' => 'There is no margin rule for EUR.']]);
        $this->backend->answer(400, ['error' => ['code' => 'invalid_input', 'message' => 'There is no rate for USD.']]);
        $this->expectException(AddonError::class);
        $this->expectExceptionMessage('The backend priced no WHMCS currency');
        $this->generator()->generate();
    }
}
