<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Contabo\Lang;

final class LangTest extends TestCase
{
    public function testEveryLanguageHasTheSameKeys(): void
    {
        $english = self::load('english');
        $german = self::load('german');

        self::assertNotEmpty($english);
        self::assertSame([], array_diff(array_keys($english), array_keys($german)), 'missing in german.php');
        self::assertSame([], array_diff(array_keys($german), array_keys($english)), 'missing in english.php');
        foreach ([...$english, ...$german] as $key => $text) {
            self::assertNotSame('', trim($text), "{$key} is empty");
        }
    }

    public function testTemplateUsesOnlyKeysThatExist(): void
    {
        $template = (string) file_get_contents(MODULE_DIR . '/templates/overview.tpl');
        preg_match_all('/\$LANG\.(cloudserver_[a-z_]+)/', $template, $used);
        $english = self::load('english');

        self::assertNotEmpty($used[1]);
        self::assertSame([], array_diff(array_unique($used[1]), array_keys($english)));
        foreach (['queued', 'purchasing', 'provisioning', 'active', 'suspended', 'failed', 'terminated'] as $state) {
            self::assertArrayHasKey('cloudserver_state_' . $state, $english);
        }
    }

    public function testCustomerVisibleTextIsBrandNeutral(): void
    {
        $visible = (string) file_get_contents(MODULE_DIR . '/templates/overview.tpl')
            . implode("\n", self::load('english')) . implode("\n", self::load('german'))
            . contabo_MetaData()['DisplayName']
            . implode("\n", array_keys(contabo_ClientAreaCustomButtonArray([])));

        self::assertStringNotContainsStringIgnoringCase('contabo', $visible);
        self::assertStringNotContainsStringIgnoringCase('vnc', $visible);
    }

    public function testUnknownLanguageFallsBackToEnglishAndCannotEscapeTheFolder(): void
    {
        self::assertSame('Start', Lang::strings('klingon')['cloudserver_action_start']);
        self::assertSame('Start', Lang::strings('../../english')['cloudserver_action_start']);
        self::assertSame('Starten', Lang::strings('German')['cloudserver_action_start']);
    }

    /** @return array<string, string> */
    private static function load(string $language): array
    {
        $_LANG = [];
        include MODULE_DIR . '/lang/' . $language . '.php';
        return $_LANG;
    }
}
