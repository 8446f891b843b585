<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Contabo\Lang;

final class LangTest extends TestCase
{
    /** Words a language shares with English (not a sentence left untranslated). */
    private const SAME_AS_ENGLISH = [
        'german' => ['Status', 'Hostname', 'Region', 'vCPU', 'GB RAM', 'Snapshots', 'Firewall', 'Firewall:', 'Name', 'Reverse DNS', 'Ports', 'Details', 'Start', 'DNS', 'Port', 'Domain', 'Version', 'IPv4 / IPv6'],
        'spanish' => ['Plan', 'vCPU', 'Error', 'DNS', 'TTL (seconds)', 'IPv4 / IPv6', 'no', '%d bytes'],
        'french' => ['vCPU', 'Description', 'Type', 'Ports', 'Action', 'DNS', 'Port', 'Version', 'IPv4 / IPv6', 'images'],
        'portuguese-br' => ['vCPU', 'Snapshots', 'Firewall', 'Firewall:', '%d snapshot(s).', 'DNS', 'Status', 'IPv4 / IPv6', '%d bytes'],
    ];

    /** @return array<string, array{string}> */
    public static function languages(): array
    {
        return ['german' => ['german'], 'spanish' => ['spanish'], 'french' => ['french'], 'portuguese-br' => ['portuguese-br']];
    }

    /** @dataProvider languages */
    public function testEveryLanguageIsCompleteAndTranslated(string $language): void
    {
        $english = self::load('english');
        $other = self::load($language);

        self::assertNotEmpty($english);
        self::assertSame([], array_diff(array_keys($english), array_keys($other)), "missing in {$language}.php");
        self::assertSame([], array_diff(array_keys($other), array_keys($english)), 'missing in english.php');
        foreach ($english as $key => $text) {
            self::assertNotSame('', trim($other[$key]), "{$key} is empty in {$language}");
            if ($other[$key] === $text) {
                self::assertContains($text, self::SAME_AS_ENGLISH[$language], "{$key} is left in English in {$language}.php");
            }
            preg_match_all('/%(\d+\$)?[sd]|\{[a-z_]+\}/', $text, $wanted);
            preg_match_all('/%(\d+\$)?[sd]|\{[a-z_]+\}/', $other[$key], $given);
            $sorted = static function (array $list): array { sort($list); return $list; };
            self::assertSame($sorted($wanted[0]), $sorted($given[0]), "{$key} in {$language} keeps the placeholders");
        }
    }

    public function testTemplatesAndCodeUseOnlyKeysThatExist(): void
    {
        $english = self::load('english');
        preg_match_all('/\$LANG\.(cloudserver_[a-z_]+)/', self::templates(), $used);
        self::assertNotEmpty($used[1]);
        self::assertSame([], array_diff(array_unique($used[1]), array_keys($english)));

        // Keys the PHP side reads by name: text('...'), $lang['...'] and the InputRules errors.
        $code = '';
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator(MODULE_DIR . '/lib')) as $file) {
            if ($file->isFile() && str_ends_with($file->getFilename(), '.php')) {
                $code .= file_get_contents($file->getPathname());
            }
        }
        $code .= file_get_contents(MODULE_DIR . '/contabo.php');
        preg_match_all("/'(cloudserver_(?:invalid|error|page|readonly|snapshot|sshkey|reinstall|rescue|network|firewall|storage|ptr|new|action|confirm)[a-z_]*[a-z])'/", $code, $named);
        self::assertNotEmpty($named[1]);
        self::assertSame([], array_diff(array_unique($named[1]), array_keys($english)));
        foreach (['reinstall', 'images', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity', 'objectstorage', 'overview'] as $page) {
            self::assertArrayHasKey('cloudserver_page_' . $page, $english);
        }
        foreach (['snapshots_rollback', 'snapshots_delete', 'sshkeys_delete', 'network_network_join', 'network_network_leave', 'firewall_preset', 'firewall_delete', 'rescue_start', 'objectstorage_regenerate'] as $confirmation) {
            self::assertArrayHasKey('cloudserver_confirm_' . $confirmation, $english);
        }
        foreach (['queued', 'purchasing', 'provisioning', 'active', 'suspended', 'failed', 'terminated'] as $state) {
            self::assertArrayHasKey('cloudserver_state_' . $state, $english);
        }
    }

    public function testCustomerVisibleTextIsBrandNeutral(): void
    {
        $visible = self::templates()
            . implode("\n", array_merge(...array_map(static fn (string $language): array => array_values(self::load($language)), ['english', 'german', 'spanish', 'french', 'portuguese-br'])))
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

    private static function templates(): string
    {
        $text = '';
        foreach ([...glob(MODULE_DIR . '/templates/*.tpl'), ...glob(MODULE_DIR . '/templates/includes/*.tpl')] as $template) {
            $text .= file_get_contents($template);
        }
        return $text;
    }

    /** @return array<string, string> */
    private static function load(string $language): array
    {
        $_LANG = [];
        include MODULE_DIR . '/lang/' . $language . '.php';
        return $_LANG;
    }
}
