<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\AdminServicesTabTestCase;
use Tests\Php\Support\LanguageCheck;

/**
 * The server module's admin area in the admin's language: the module settings (names,
 * descriptions, choices), the admin buttons, Test Connection's answers, the Services tab (labels,
 * values, a part that is unavailable) and the catalog loaders. Fails on a sentence of the English
 * file left on the page, a raw state name or one of the tab's former English-only phrases.
 */
final class AdminAreaLanguagesTest extends AdminServicesTabTestCase
{
    /** Phrases the admin area used to print in English whatever the admin's language. */
    private const FORMER_ENGLISH = [
        'unavailable:', 'rule(s)', 'network(s) joined', 'may not create networks', 'provider limit',
        'not reported by the backend', 'comma-separated', 'submitted in the provider', 'Server status',
        'Status message', 'Operating system', 'Product / region', 'Additional IPs', 'Cancel date',
        'Guardrails', 'Extra tags', 'Capabilities', 'not all checks passed', 'Refresh status',
        'Export activity CSV', 'Apply tags', 'Product ID at the provider', 'configurable option',
        'Suspend Policy', 'Terminate Policy', 'Delete snapshots', 'could not be reached',
        'Switch to Advanced Mode', 'of 2 TB', 'Storage status', 'as of',
    ];

    /** @return array<string, array{string}> */
    public static function languages(): array
    {
        return ['german' => ['german'], 'spanish' => ['spanish'], 'french' => ['french'], 'portuguese-br' => ['portuguese-br']];
    }

    /** @dataProvider languages */
    public function testTheAdminAreaIsEntirelyInTheAdminsLanguage(string $language): void
    {
        $_SESSION['adminlang'] = $language;
        $text = implode("\n", [
            $this->settingsText(),
            implode("\n", array_keys(contabo_AdminCustomButtonArray(WhmcsParams::service()))),
            $this->testConnectionText(),
            $this->serviceTabText(),
            $this->objectStorageTabText(),
            $this->loaderText(),
        ]);

        LanguageCheck::assertNothingLeftInEnglish($this, $text, 'servers/contabo', '_LANG', $language);
        $left = array_values(array_filter(self::FORMER_ENGLISH, static fn (string $phrase): bool => str_contains($text, $phrase)));
        self::assertSame([], $left, "left in English in the {$language} admin area");
        foreach (preg_split('/\n|: |; |, | \/ /', $text) ?: [] as $part) {
            // Spanish says "no" as English does.
            self::assertNotContains(trim($part), $language === 'spanish' ? ['active', 'running', 'yes'] : ['active', 'running', 'yes', 'no'], 'a raw state or yes/no');
        }
    }

    public function testEnglishIsTheDefaultAndTheSystemLanguageIsUsedWithoutAnAdminChoice(): void
    {
        self::assertSame('Server product', contabo_ConfigOptions()['Server Product']['FriendlyName']);
        $GLOBALS['CONFIG']['Language'] = 'french';
        try {
            self::assertSame('Produit serveur', contabo_ConfigOptions()['Server Product']['FriendlyName']);
            $_SESSION['adminlang'] = 'german';
            self::assertSame('Serverprodukt', contabo_ConfigOptions()['Server Product']['FriendlyName']);
        } finally {
            unset($GLOBALS['CONFIG']['Language']);
        }
    }

    private function settingsText(): string
    {
        $parts = [];
        foreach (contabo_ConfigOptions() as $setting) {
            $parts[] = $setting['FriendlyName'];
            $parts[] = $setting['Description'] ?? '';
            foreach ((array) ($setting['Options'] ?? []) as $label) {
                $parts[] = $label;
            }
        }
        return implode("\n", $parts);
    }

    private function testConnectionText(): string
    {
        $this->transport->answer(200, ['ok' => false, 'checks' => ['contabo:instances' => ['ok' => false, 'detail' => 'credentials refused']]])
            ->answer(200, ['ok' => false, 'checks' => []]);
        $failed = contabo_TestConnection(WhmcsParams::service())['error'] . "\n" . contabo_TestConnection(WhmcsParams::service())['error'];
        $this->transport->fail('Connection refused');
        return $failed . "\n" . contabo_TestConnection(WhmcsParams::service())['error'];
    }

    private function serviceTabText(): string
    {
        $this->transport
            ->route('GET', '/services/42', 200, ['service_id' => '42', 'kind' => 'compute', 'state' => 'active', 'instance_status' => 'running', 'status_message' => 'The change is accepted and is being applied to the server within a few minutes; nothing is ordered twice.', 'status_message_code' => 'status_change_queued', 'status_message_params' => [], 'created_at' => '2026-03-10T10:00:00Z', 'capabilities' => ['console' => false, 'private_networking' => true]])
            ->route('GET', '/services/42/firewall', 503, ['error' => ['code' => 'upstream_unavailable', 'message' => 'The hosting platform is busy or unavailable right now; please try again in a few minutes.', 'message_code' => 'provider_unavailable', 'params' => []]])
            ->route('GET', '/services/42/private-networks', 200, ['items' => [['id' => '1', 'name' => 'db', 'cidr' => '10.0.0.0/22', 'region' => 'EU', 'joined' => true]], 'can_create' => false])
            ->route('GET', '/admin/products/3/guardrails', 200, ['allow_reinstall' => false, 'max_snapshots' => null])
            ->route('GET', '/services/42/tags', 200, ['items' => ['team-a']])
            ->route('GET', '/admin/services/42/plan-offers', 200, ['items' => [['offer_id' => 801, 'product_id' => 'V93', 'name' => 'VPS 30', 'location_change_required' => true]], 'submit_by_admin' => true]);
        $fields = contabo_AdminServicesTabFields(WhmcsParams::service());
        self::assertStringNotContainsString('T10:00:00', implode(' ', $fields), 'dates in the admin\'s locale');
        return LanguageCheck::visibleText(implode("\n", array_map(
            static fn (string $label, string $value): string => $label . "\n" . str_replace(['value="', 'placeholder="'], ['>', '>'], $value),
            array_keys($fields),
            $fields,
        )));
    }

    private function objectStorageTabText(): string
    {
        $params = WhmcsParams::service(['configoption9' => 'object_storage']);
        $this->transport
            ->route('GET', '/services/42', 200, ['service_id' => '42', 'kind' => 'object_storage', 'state' => 'active', 'object_storage' => ['status' => 'READY', 'size_tb' => 2]]);
        $this->objectStorageUsage();
        return LanguageCheck::visibleText(implode("\n", array_keys(contabo_AdminServicesTabFields($params))) . "\n" . implode("\n", contabo_AdminServicesTabFields($params)));
    }

    private function loaderText(): string
    {
        $said = [];
        $this->transport->answer(403, ['message' => 'Missing Authentication Token'])->answer(200, ['items' => []]);
        foreach (['contabo_LoadRegions', 'contabo_LoadImages'] as $loader) {
            try {
                $loader(WhmcsParams::service());
            } catch (\Exception $error) {
                $said[] = $error->getMessage();
            }
        }
        self::assertCount(2, $said);
        return implode("\n", $said);
    }
}
