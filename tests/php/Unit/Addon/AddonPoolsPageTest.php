<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Support\AddonTestCase;

/** The object storage pools page: per region size, allocated, used, headroom and the cap. */
final class AddonPoolsPageTest extends AddonTestCase
{
    private FakeTransport $backend;

    protected function setUp(): void
    {
        parent::setUp();
        $this->backend = $this->fakeBackend();
        $this->backend->route('GET', '/admin/object-storage/settings', 200, ['terminate_grace_days' => 7, 'growth_margin_tb' => 0.5, 'growth_cap_tb' => 20]);
    }

    public function testEachRegionShowsSizeAllocatedUsedHeadroomCapAndGrowth(): void
    {
        $this->backend->route('GET', '/admin/object-storage/pools', 200, [
            ['region' => 'EU', 'object_storage_id' => 'a1', 'size_tb' => 2.5, 'allocated_tb' => 2, 'used_tb' => 0.75, 'headroom_tb' => 0.5, 'customers' => 3, 'growth_pending' => true],
            ['region' => 'SIN', 'object_storage_id' => 'b2', 'size_tb' => 1, 'allocated_tb' => 1.25, 'used_tb' => 0, 'headroom_tb' => -0.25, 'customers' => 2, 'growth_pending' => false],
        ]);
        $html = $this->page('pools');

        self::assertSame([], self::alerts($html, 'danger'));
        self::assertSame(
            [['EU', '2.5 TB', '2 TB', '0.75 TB', '0.5 TB', '20 TB', '3', 'Buying more space'], ['SIN', '1 TB', '1.25 TB', '0 TB', '0.25 TB oversold', '20 TB', '2', 'No']],
            self::cells($html),
        );
        self::assertStringContainsString('Free space kept above the quotas sold: 0.5 TB.', $html);
        self::assertStringContainsString('&amp;page=pools', $html, 'the page is in the menu');
        self::assertSame([], $this->backend->changes(), 'reading the page changes nothing');
    }

    public function testNoCapSaysTheBackendNeverBuysMoreAndNoPoolSaysHowOneAppears(): void
    {
        $this->backend->route('GET', '/admin/object-storage/settings', 200, ['growth_margin_tb' => 1, 'growth_cap_tb' => 0]);
        $this->backend->route('GET', '/admin/object-storage/pools', 200, [['region' => 'EU', 'size_tb' => 1, 'allocated_tb' => 0.25, 'used_tb' => 0, 'headroom_tb' => 0.75, 'customers' => 1]]);
        self::assertSame('none (never buys more)', self::cells($this->page('pools'))[0][5]);

        $this->backend->route('GET', '/admin/object-storage/pools', 200, []);
        self::assertStringContainsString('the first object storage order in a region buys its pool', $this->page('pools'));
    }

    public function testTheAdminsLanguageAndABackendWithoutTheRoute(): void
    {
        $this->backend->route('GET', '/admin/object-storage/pools', 200, [['region' => 'EU', 'size_tb' => 1, 'allocated_tb' => 1.5, 'used_tb' => 0, 'headroom_tb' => -0.5, 'customers' => 2, 'growth_pending' => true]]);
        $this->language = 'german';
        $html = $this->page('pools');
        self::assertStringContainsString('Object-Storage-Pools', $html);
        self::assertSame(['EU', '1 TB', '1.5 TB', '0 TB', '0.5 TB überverkauft', '20 TB', '2', 'Kauft mehr Platz'], self::cells($html)[0]);

        $this->language = 'english';
        $this->backend->route('GET', '/admin/object-storage/settings', 403, ['message' => 'Missing Authentication Token']);
        self::assertSame(['Not available: the backend does not offer this yet (no such route). Update the backend, then reload this page.'], self::alerts($this->page('pools'), 'info'));
    }

    /** @return list<list<string>> the table's body cells, unescaped */
    private static function cells(string $html): array
    {
        preg_match_all('#<tr>(.*?)</tr>#s', $html, $rows);
        $cells = [];
        foreach ($rows[1] as $row) {
            if (preg_match_all('#<td[^>]*>(.*?)</td>#s', $row, $found)) {
                $cells[] = array_map(static fn (string $c): string => html_entity_decode(strip_tags($c)), $found[1]);
            }
        }
        return $cells;
    }
}
