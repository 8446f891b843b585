<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

use WHMCS\Module\Addon\ContaboAdmin\Products\ProductRepository;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\ServerSource;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\SettingsStore;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\WhmcsDirectory;

/** WHMCS's products, options and prices in arrays, keyed the way the real tables are. */
final class FakeProductRepository implements ProductRepository
{
    /** @var list<array{id: int, code: string, default: bool}> */
    public array $currencyList = [['id' => 1, 'code' => 'EUR', 'default' => true]];
    /** @var array<int, string> */
    public array $groups = [];
    /** @var array<int, array{gid: int, name: string, settings: array<string, string>}> */
    public array $products = [];
    /** @var array<string, array<string, string>> "type|relid|currency" => prices */
    public array $pricing = [];
    /** @var array<int, string> */
    public array $configGroups = [];
    /** @var list<array{0: int, 1: int}> [config group, product] */
    public array $links = [];
    /** @var array<int, array{gid: int, name: string, type: int, min: int, max: int, order: int, hidden: bool}> */
    public array $options = [];
    /** @var array<int, array{option: int, name: string, order: int, hidden: bool}> */
    public array $subOptions = [];
    /** @var array<string, bool> "product|name" => required */
    public array $customFields = [];
    /** Thrown by currencies(), as a broken WHMCS database would. */
    public ?\Throwable $failure = null;
    private int $nextId = 100;

    public function currencies(): array
    {
        if ($this->failure !== null) {
            throw $this->failure;
        }
        return $this->currencyList;
    }

    public function productGroup(string $name): int
    {
        $found = array_search($name, $this->groups, true);
        if ($found !== false) {
            return $found;
        }
        $id = $this->id();
        $this->groups[$id] = $name;
        return $id;
    }

    public function findProduct(string $contaboProductId): ?int
    {
        foreach ($this->products as $id => $product) {
            if (($product['settings']['configoption1'] ?? '') === $contaboProductId) {
                return $id;
            }
        }
        return null;
    }

    public function createProduct(int $groupId, string $name, array $moduleSettings, array $pricing): int
    {
        $id = $this->id();
        $this->products[$id] = ['gid' => $groupId, 'name' => $name, 'settings' => $moduleSettings];
        foreach ($pricing as $currency => $prices) {
            $this->savePricing('product', $id, $currency, $prices);
        }
        return $id;
    }

    public function updateModuleSettings(int $productId, array $moduleSettings): void
    {
        $this->products[$productId]['settings'] = $moduleSettings + $this->products[$productId]['settings'];
    }

    public function savePricing(string $type, int $relId, int $currencyId, array $prices): void
    {
        $this->pricing["{$type}|{$relId}|{$currencyId}"] = $prices;
    }

    public function configGroup(string $name, string $description): int
    {
        $found = array_search($name, $this->configGroups, true);
        if ($found !== false) {
            return $found;
        }
        $id = $this->id();
        $this->configGroups[$id] = $name;
        return $id;
    }

    public function linkConfigGroup(int $configGroupId, int $productId): void
    {
        if (!in_array([$configGroupId, $productId], $this->links, true)) {
            $this->links[] = [$configGroupId, $productId];
        }
    }

    public function configOption(int $configGroupId, string $name, int $type, int $quantityMin, int $quantityMax, int $order): int
    {
        $values = ['gid' => $configGroupId, 'name' => $name, 'type' => $type, 'min' => $quantityMin, 'max' => $quantityMax, 'order' => $order, 'hidden' => false];
        foreach ($this->options as $id => $option) {
            if ($option['gid'] === $configGroupId && $option['name'] === $name) {
                $this->options[$id] = $values;
                return $id;
            }
        }
        $this->options[$id = $this->id()] = $values;
        return $id;
    }

    public function subOption(int $optionId, string $name, int $order): int
    {
        foreach ($this->subOptions as $id => $sub) {
            if ($sub['option'] === $optionId && $sub['name'] === $name) {
                $this->subOptions[$id] = ['option' => $optionId, 'name' => $name, 'order' => $order, 'hidden' => false];
                return $id;
            }
        }
        $this->subOptions[$id = $this->id()] = ['option' => $optionId, 'name' => $name, 'order' => $order, 'hidden' => false];
        return $id;
    }

    public function hideOptionsExcept(int $configGroupId, array $keep): int
    {
        $hidden = 0;
        foreach ($this->options as $id => $option) {
            if ($option['gid'] === $configGroupId && !$option['hidden'] && !in_array($id, $keep, true)) {
                $this->options[$id]['hidden'] = true;
                $hidden++;
            }
        }
        return $hidden;
    }

    public function hideSubOptionsExcept(int $optionId, array $keep): int
    {
        $hidden = 0;
        foreach ($this->subOptions as $id => $sub) {
            if ($sub['option'] === $optionId && !$sub['hidden'] && !in_array($id, $keep, true)) {
                $this->subOptions[$id]['hidden'] = true;
                $hidden++;
            }
        }
        return $hidden;
    }

    public function customField(int $productId, string $name, string $type, bool $required, string $description): void
    {
        $this->customFields["{$productId}|{$name}"] = $required;
    }

    public function productsInGroup(int $groupId): array
    {
        $found = [];
        foreach ($this->products as $id => $product) {
            if ($product['gid'] === $groupId) {
                $found[$id] = (string) ($product['settings']['configoption1'] ?? '');
            }
        }
        return $found;
    }

    /** @return array<string, string> the prices of a product's or sub-option's row */
    public function priceOf(string $type, int $relId, int $currencyId = 1): array
    {
        return $this->pricing["{$type}|{$relId}|{$currencyId}"] ?? [];
    }

    public function subOptionId(string $optionName, string $subName): ?int
    {
        foreach ($this->subOptions as $id => $sub) {
            if ($sub['name'] === $subName && $this->options[$sub['option']]['name'] === $optionName) {
                return $id;
            }
        }
        return null;
    }

    private function id(): int
    {
        return $this->nextId++;
    }
}

final class FakeWhmcsDirectory implements WhmcsDirectory
{
    /** @var list<array{id: int, name: string, group: string, contabo_product: string}> */
    public array $products = [];
    /** @var array<int, array{service_id: int, client_id: int, product: string, status: string, module: string}> */
    public array $services = [];
    /** @var list<int> */
    public array $recent = [];
    public ?string $recentSince = null;

    public function contaboProducts(): array
    {
        return $this->products;
    }

    public function service(int $serviceId): ?array
    {
        return $this->services[$serviceId] ?? null;
    }

    public function activeServicesSince(string $date): array
    {
        $this->recentSince = $date;
        return $this->recent;
    }
}

final class FakeServerSource implements ServerSource
{
    /** @param array<string, string>|null $server */
    public function __construct(public ?array $server = null)
    {
    }

    public function firstContaboServer(): ?array
    {
        return $this->server;
    }
}

final class FakeSettingsStore implements SettingsStore
{
    /** @var array<string, string> */
    public array $saved = [];

    public function save(array $values): void
    {
        $this->saved = $values + $this->saved;
    }
}
