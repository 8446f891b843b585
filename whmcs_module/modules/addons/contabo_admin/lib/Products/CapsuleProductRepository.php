<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Products;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\AddonError;

/**
 * ProductRepository on WHMCS itself: AddProduct (localAPI) creates a product, as WHMCS's own
 * tools would; everything localAPI has no command for (updating a product's module settings,
 * product groups, configurable options and their prices) goes through Capsule.
 */
final class CapsuleProductRepository implements ProductRepository
{
    private const MODULE = 'contabo';

    public function __construct(private readonly ?string $adminUser = null)
    {
    }

    public function currencies(): array
    {
        $currencies = [];
        foreach (Capsule::table('tblcurrencies')->orderBy('id')->get() as $row) {
            $currencies[] = ['id' => (int) $row->id, 'code' => strtoupper((string) $row->code), 'default' => (int) $row->default === 1];
        }
        return $currencies;
    }

    public function productGroup(string $name): int
    {
        $id = Capsule::table('tblproductgroups')->where('name', $name)->value('id');
        if ($id !== null) {
            return (int) $id;
        }
        $row = ['name' => $name, 'hidden' => 0, 'order' => (int) Capsule::table('tblproductgroups')->max('order') + 1];
        if (Capsule::schema()->hasColumn('tblproductgroups', 'slug')) {
            $row['slug'] = trim((string) preg_replace('/[^a-z0-9]+/', '-', strtolower($name)), '-');
        }
        return (int) Capsule::table('tblproductgroups')->insertGetId($row);
    }

    public function findProduct(string $contaboProductId): ?int
    {
        $id = Capsule::table('tblproducts')
            ->where('servertype', self::MODULE)
            ->where('configoption1', $contaboProductId)
            ->where('configoption9', '!=', 'object_storage')
            ->orderBy('id')
            ->value('id');
        return $id === null ? null : (int) $id;
    }

    public function createProduct(int $groupId, string $name, array $moduleSettings, array $pricing): int
    {
        $result = localAPI('AddProduct', [
            'gid' => $groupId,
            'name' => $name,
            'type' => 'server',
            'paytype' => 'recurring',
            'module' => self::MODULE,
            'pricing' => $pricing,
        ] + $moduleSettings, $this->adminUser);
        if (($result['result'] ?? '') !== 'success' || (int) ($result['pid'] ?? 0) <= 0) {
            throw new AddonError(sprintf('WHMCS did not add the product "%s": %s', $name, (string) ($result['message'] ?? 'no reason given')));
        }
        return (int) $result['pid'];
    }

    public function updateModuleSettings(int $productId, array $moduleSettings): void
    {
        Capsule::table('tblproducts')->where('id', $productId)->update(['servertype' => self::MODULE] + $moduleSettings);
    }

    public function savePricing(string $type, int $relId, int $currencyId, array $prices): void
    {
        Capsule::table('tblpricing')->updateOrInsert(['type' => $type, 'currency' => $currencyId, 'relid' => $relId], $prices);
    }

    public function configGroup(string $name, string $description): int
    {
        $id = Capsule::table('tblproductconfiggroups')->where('name', $name)->value('id');
        if ($id !== null) {
            return (int) $id;
        }
        return (int) Capsule::table('tblproductconfiggroups')->insertGetId(['name' => $name, 'description' => $description]);
    }

    public function linkConfigGroup(int $configGroupId, int $productId): void
    {
        $link = ['gid' => $configGroupId, 'pid' => $productId];
        if (!Capsule::table('tblproductconfiglinks')->where($link)->exists()) {
            Capsule::table('tblproductconfiglinks')->insert($link);
        }
    }

    public function configOption(int $configGroupId, string $name, int $type, int $quantityMin, int $quantityMax, int $order): int
    {
        $values = ['optiontype' => $type, 'qtyminimum' => $quantityMin, 'qtymaximum' => $quantityMax, 'order' => $order, 'hidden' => 0];
        $id = Capsule::table('tblproductconfigoptions')->where('gid', $configGroupId)->where('optionname', $name)->value('id');
        if ($id !== null) {
            Capsule::table('tblproductconfigoptions')->where('id', $id)->update($values);
            return (int) $id;
        }
        return (int) Capsule::table('tblproductconfigoptions')->insertGetId(['gid' => $configGroupId, 'optionname' => $name] + $values);
    }

    public function subOption(int $optionId, string $name, int $order): int
    {
        $id = Capsule::table('tblproductconfigoptionssub')->where('configid', $optionId)->where('optionname', $name)->value('id');
        if ($id !== null) {
            Capsule::table('tblproductconfigoptionssub')->where('id', $id)->update(['sortorder' => $order, 'hidden' => 0]);
            return (int) $id;
        }
        return (int) Capsule::table('tblproductconfigoptionssub')->insertGetId(['configid' => $optionId, 'optionname' => $name, 'sortorder' => $order, 'hidden' => 0]);
    }

    public function hideOptionsExcept(int $configGroupId, array $keep): int
    {
        return Capsule::table('tblproductconfigoptions')->where('gid', $configGroupId)->where('hidden', 0)->whereNotIn('id', $keep)->update(['hidden' => 1]);
    }

    public function hideSubOptionsExcept(int $optionId, array $keep): int
    {
        return Capsule::table('tblproductconfigoptionssub')->where('configid', $optionId)->where('hidden', 0)->whereNotIn('id', $keep)->update(['hidden' => 1]);
    }

    public function customField(int $productId, string $name, string $type, bool $required, string $description): void
    {
        $key = ['type' => 'product', 'relid' => $productId];
        $id = Capsule::table('tblcustomfields')->where($key)->where('fieldname', $name)->value('id');
        if ($id !== null) {
            Capsule::table('tblcustomfields')->where('id', $id)->update(['required' => $required ? 'on' : '']);
            return;
        }
        Capsule::table('tblcustomfields')->insert($key + [
            'fieldname' => $name,
            'fieldtype' => $type,
            'description' => $description,
            'fieldoptions' => '',
            'regexpr' => '',
            'adminonly' => '',
            'required' => $required ? 'on' : '',
            'showorder' => 'on',
            'showinvoice' => '',
            'sortorder' => 0,
        ]);
    }

    public function productsInGroup(int $groupId): array
    {
        $products = [];
        foreach (Capsule::table('tblproducts')->where('gid', $groupId)->where('servertype', self::MODULE)->orderBy('id')->get() as $row) {
            $products[(int) $row->id] = (string) $row->configoption1;
        }
        return $products;
    }
}
