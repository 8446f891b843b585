<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use Tests\Php\Stubs\ActivityLog;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\AddonTestCase;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\AddonError;
use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Addon\ContaboAdmin\Products\CapsuleProductRepository;
use WHMCS\Module\Addon\ContaboAdmin\Products\ProductGenerator;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleServerSource;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleSettingsStore;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleWhmcsDirectory;

/** The Capsule/localAPI implementations on the in-memory Capsule: the tables WHMCS would hold. */
final class CapsuleRepositoriesTest extends AddonTestCase
{
    /** AddProduct as WHMCS answers it: the product row (and its prices) written, its id back. */
    public static function addProduct(): \Closure
    {
        return static function (array $values): array {
            $settings = array_filter($values, static fn (string $key): bool => str_starts_with($key, 'configoption'), ARRAY_FILTER_USE_KEY);
            $pid = Capsule::table('tblproducts')->insertGetId(['gid' => $values['gid'], 'type' => $values['type'], 'name' => $values['name'], 'paytype' => $values['paytype'], 'servertype' => $values['module']] + $settings);
            foreach ($values['pricing'] as $currency => $prices) {
                Capsule::table('tblpricing')->insert(['type' => 'product', 'currency' => $currency, 'relid' => $pid] + $prices);
            }
            return ['result' => 'success', 'pid' => $pid];
        };
    }

    protected function setUp(): void
    {
        parent::setUp();
        Capsule::table('tblcurrencies')->insert(['code' => 'EUR', 'default' => 1]);
        Capsule::table('tblcurrencies')->insert(['code' => 'usd', 'default' => 0]);
        Whmcs::$localApiResults['AddProduct'] = self::addProduct();
    }

    private function generate(array $eur, array $usd): void
    {
        $backend = $this->fakeBackend();
        $backend->answer(200, $eur)->answer(200, $usd);
        $settings = AddonSettings::fromVars(['ssh_policy' => 'optional'] + $this->vars);
        (new ProductGenerator((new BackendConnection($settings, $this->servers))->api(), new CapsuleProductRepository(), $settings))->generate();
    }

    public function testGeneratingTwiceLeavesOneOfEverythingWithTheNewPrices(): void
    {
        $this->generate(ProductGeneratorTest::export('EUR'), ProductGeneratorTest::export('USD'));
        $addProduct = Whmcs::localApiCalls('AddProduct');
        self::assertCount(2, $addProduct);
        self::assertSame(['gid' => 1, 'name' => 'Cloud Server 4 vCPU / 8 GB RAM / 75 GB NVMe', 'type' => 'server', 'paytype' => 'recurring', 'module' => 'contabo'], array_intersect_key($addProduct[0]['values'], array_flip(['gid', 'name', 'type', 'paytype', 'module'])));
        self::assertSame('5.99', $addProduct[0]['values']['pricing'][1]['monthly']);
        self::assertSame('6.50', $addProduct[0]['values']['pricing'][2]['monthly']);

        $cheaper = ProductGeneratorTest::export('EUR', ['V91', 'V92'], ['EU' => '0.00']);
        $cheaper['products'][0]['pricing']['monthly'] = '4.99';
        $this->generate($cheaper, ProductGeneratorTest::export('USD', ['V91', 'V92'], ['EU' => '0.00']));

        self::assertCount(2, Whmcs::localApiCalls('AddProduct'), 'the second run adds no product');
        self::assertCount(1, Capsule::rows('tblproductgroups'));
        self::assertSame('cloud-servers', Capsule::rows('tblproductgroups')[0]['slug']);
        self::assertCount(2, Capsule::rows('tblproducts'));
        self::assertCount(2, Capsule::rows('tblproductconfiggroups'));
        self::assertCount(2, Capsule::rows('tblproductconfiglinks'));
        self::assertCount(6, Capsule::rows('tblproductconfigoptions'));
        self::assertCount(10, Capsule::rows('tblproductconfigoptionssub'));
        self::assertCount(2 * 2 + 10 * 2, Capsule::rows('tblpricing'), 'one row per product or choice and currency');
        self::assertCount(2, Capsule::rows('tblcustomfields'));

        $v91 = Capsule::table('tblproducts')->where('configoption1', 'V91')->first();
        self::assertSame('4.99', Capsule::table('tblpricing')->where(['type' => 'product', 'relid' => $v91->id, 'currency' => 1])->value('monthly'));
        $hidden = Capsule::table('tblproductconfigoptionssub')->where('hidden', 1)->get();
        self::assertSame(['US-east|Region US-east', 'US-east|Region US-east'], array_map(static fn (object $row): string => $row->optionname, $hidden));
        $field = Capsule::table('tblcustomfields')->where('relid', $v91->id)->first();
        self::assertSame(['product', 'SSH Public Key', 'textarea', '', 'on'], [$field->type, $field->fieldname, $field->fieldtype, $field->required, $field->showorder]);
    }

    public function testAnObjectStorageProductIsNeverTakenForAServerProduct(): void
    {
        Capsule::table('tblproducts')->insert(['gid' => 9, 'servertype' => 'contabo', 'configoption1' => 'V91', 'configoption9' => 'object_storage']);
        self::assertNull((new CapsuleProductRepository())->findProduct('V91'));
    }

    public function testARefusedAddProductIsAnAddonErrorWithWhmcsReason(): void
    {
        Whmcs::$localApiResults['AddProduct'] = ['result' => 'error', 'message' => 'Product Group ID Not Found'];
        $this->expectException(AddonError::class);
        $this->expectExceptionMessage('WHMCS did not add the product "X": Product Group ID Not Found');
        (new CapsuleProductRepository())->createProduct(1, 'X', [], []);
    }

    public function testServerSourceSettingsStoreAndDirectory(): void
    {
        self::assertNull((new CapsuleServerSource())->firstContaboServer());
        Capsule::table('tblservers')->insert(['name' => 'off', 'type' => 'contabo', 'disabled' => 1, 'hostname' => 'x', 'ipaddress' => '', 'secure' => 'on', 'username' => 'k0', 'password' => ActivityLog::encrypted('s0')]);
        Capsule::table('tblservers')->insert(['name' => 'cPanel', 'type' => 'cpanel', 'disabled' => 0, 'hostname' => 'y', 'ipaddress' => '', 'secure' => 'on', 'username' => 'root', 'password' => '']);
        Capsule::table('tblservers')->insert(['name' => 'Backend', 'type' => 'contabo', 'disabled' => 0, 'hostname' => 'api.example.test/Prod', 'ipaddress' => '', 'secure' => 'on', 'username' => 'whmcs-1', 'password' => ActivityLog::encrypted('secret-1')]);
        self::assertSame(['name' => 'Backend', 'serverhostname' => 'api.example.test/Prod', 'serverip' => '', 'serversecure' => 'on', 'serverusername' => 'whmcs-1', 'serverpassword' => 'secret-1'], (new CapsuleServerSource())->firstContaboServer());

        $store = new CapsuleSettingsStore();
        $store->save(['default_tags' => 'a, b', 'ssh_policy' => 'required']);
        $store->save(['default_tags' => 'c']);
        self::assertSame([['module', 'contabo_admin', 'default_tags', 'c'], ['module', 'contabo_admin', 'ssh_policy', 'required']], array_map(static fn (array $row): array => ['module', $row['module'], $row['setting'], $row['value']], Capsule::rows('tbladdonmodules')));

        Capsule::table('tblproductgroups')->insert(['name' => 'Cloud Servers']);
        Capsule::table('tblproducts')->insert(['gid' => 1, 'name' => 'VPS S', 'servertype' => 'contabo', 'configoption1' => 'V91', 'configoption9' => 'compute']);
        Capsule::table('tblproducts')->insert(['gid' => 1, 'name' => 'S3', 'servertype' => 'contabo', 'configoption1' => '', 'configoption9' => 'object_storage']);
        Capsule::table('tblproducts')->insert(['gid' => 1, 'name' => 'Web', 'servertype' => 'cpanel', 'configoption1' => '', 'configoption9' => '']);
        Capsule::table('tblhosting')->insert(['packageid' => 1, 'userid' => 7, 'domainstatus' => 'Active', 'regdate' => '2026-03-09']);
        Capsule::table('tblhosting')->insert(['packageid' => 1, 'userid' => 8, 'domainstatus' => 'Active', 'regdate' => '2026-02-01']);
        Capsule::table('tblhosting')->insert(['packageid' => 2, 'userid' => 9, 'domainstatus' => 'Active', 'regdate' => '2026-03-09']);
        Capsule::table('tblhosting')->insert(['packageid' => 3, 'userid' => 9, 'domainstatus' => 'Active', 'regdate' => '2026-03-09']);
        $directory = new CapsuleWhmcsDirectory();
        self::assertSame([['id' => 1, 'name' => 'VPS S', 'group' => 'Cloud Servers', 'contabo_product' => 'V91'], ['id' => 2, 'name' => 'S3', 'group' => 'Cloud Servers', 'contabo_product' => '']], $directory->contaboProducts());
        self::assertSame(['service_id' => 1, 'client_id' => 7, 'product' => 'VPS S', 'status' => 'Active', 'module' => 'contabo'], $directory->service(1));
        self::assertSame('cpanel', $directory->service(4)['module']);
        self::assertNull($directory->service(99));
        self::assertSame([1], $directory->activeServicesSince('2026-03-01'), 'servers only, registered since the date');
    }
}
