<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Products;

/**
 * The WHMCS tables a product generation writes. Every "find or create" looks up by a natural
 * key (group and option names, the Contabo product id in configoption1), so running the
 * generation again updates what it made before and never duplicates it.
 */
interface ProductRepository
{
    /** @return list<array{id: int, code: string, default: bool}> WHMCS's currencies */
    public function currencies(): array;

    /** The product group named $name, created when missing. */
    public function productGroup(string $name): int;

    /** The WHMCS product of module contabo selling this Contabo product, if any. */
    public function findProduct(string $contaboProductId): ?int;

    /**
     * @param array<string, string> $moduleSettings configoption1..n
     * @param array<int, array<string, string>> $pricing currency id => tblpricing columns
     */
    public function createProduct(int $groupId, string $name, array $moduleSettings, array $pricing): int;

    /** @param array<string, string> $moduleSettings configoption1..n to set */
    public function updateModuleSettings(int $productId, array $moduleSettings): void;

    /**
     * @param 'product'|'configoptions' $type
     * @param array<string, string> $prices tblpricing columns
     */
    public function savePricing(string $type, int $relId, int $currencyId, array $prices): void;

    public function configGroup(string $name, string $description): int;

    public function linkConfigGroup(int $configGroupId, int $productId): void;

    /** The option named $name in the group (type, quantities and order brought up to date). */
    public function configOption(int $configGroupId, string $name, int $type, int $quantityMin, int $quantityMax, int $order): int;

    /** The sub-option named $name (shown again if it was hidden). */
    public function subOption(int $optionId, string $name, int $order): int;

    /**
     * Hides (never deletes: existing services may use them) the other options of the group.
     *
     * @param list<int> $keep
     * @return int how many were newly hidden
     */
    public function hideOptionsExcept(int $configGroupId, array $keep): int;

    /**
     * @param list<int> $keep
     * @return int how many were newly hidden
     */
    public function hideSubOptionsExcept(int $optionId, array $keep): int;

    /** A product custom field, created when missing; its required flag brought up to date. */
    public function customField(int $productId, string $name, string $type, bool $required, string $description): void;

    /** @return array<int, string> WHMCS product id => Contabo product id, for a group */
    public function productsInGroup(int $groupId): array;
}
