<?php

declare(strict_types=1);

namespace Tests\Php\Database;

use PHPUnit\Framework\TestCase;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\Products\CapsuleProductRepository;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleSettingsStore;

/** The admin addon's writes to WHMCS's own tables, on real illuminate/database. */
final class AddonWritesTest extends TestCase
{
    protected function setUp(): void
    {
        WhmcsSchema::fresh();
    }

    public function testSettingsAreSavedOncePerSettingWhateverHowOften(): void
    {
        $store = new CapsuleSettingsStore();

        $store->save(['alert_email' => 'ops@reseller.example', 'margin' => '20']);
        $store->save(['margin' => '25']);

        $rows = Capsule::table('tbladdonmodules')->where('module', 'contabo_admin')->orderBy('setting')->get();
        self::assertSame([['alert_email', 'ops@reseller.example'], ['margin', '25']], $rows->map(static fn ($r): array => [$r->setting, $r->value])->all());
    }

    public function testProductGroupPricingAndModuleSettingsAreWrittenOnce(): void
    {
        $products = new CapsuleProductRepository();
        Capsule::table('tblproductgroups')->insert(['name' => 'Existing', 'order' => 4]);

        $group = $products->productGroup('Cloud Servers');
        self::assertSame($group, $products->productGroup('Cloud Servers'));
        $row = Capsule::table('tblproductgroups')->where('id', $group)->first();
        self::assertSame(5, (int) $row->order);
        self::assertSame('cloud-servers', $row->slug);

        Capsule::table('tblproducts')->insert(['id' => 11, 'name' => 'VPS S', 'servertype' => '']);
        $products->updateModuleSettings(11, ['configoption1' => 'V92', 'configoption9' => 'compute']);
        self::assertSame(11, $products->findProduct('V92'));

        $products->savePricing('product', 11, 1, ['monthly' => '5.50']);
        $products->savePricing('product', 11, 1, ['monthly' => '6.00']);
        self::assertSame(1, Capsule::table('tblpricing')->where('relid', 11)->count());
        self::assertEquals(6.0, (float) Capsule::table('tblpricing')->where('relid', 11)->value('monthly'));
    }
}
