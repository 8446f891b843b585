<?php

declare(strict_types=1);

namespace WHMCS\Module\Registrar\Domainreseller;

/**
 * The registrar module's sentences from its lang/<language>.php ($_LANG keys prefixed
 * "domainreseller_"), English underneath so a missing translation never shows a key.
 */
final class Lang
{
    /** @var array<string, array<string, string>> */
    private static array $loaded = [];

    /** @param array<string, mixed> $params @param array<string, string|int> $values */
    public static function say(array $params, string $key, array $values = []): string
    {
        $language = strtolower((string) preg_replace('/[^A-Za-z_-]/', '', (string) ($params['language'] ?? $GLOBALS['CONFIG']['Language'] ?? 'english')));
        $strings = self::file($language) + self::file('english');
        $text = $strings['domainreseller_' . $key] ?? $key;
        foreach ($values as $name => $value) {
            $text = str_replace('{' . $name . '}', (string) $value, $text);
        }
        return $text;
    }

    /** @return array<string, string> */
    private static function file(string $language): array
    {
        if (!isset(self::$loaded[$language])) {
            $path = dirname(__DIR__) . '/lang/' . $language . '.php';
            $_LANG = [];
            if ($language !== '' && is_file($path)) {
                include $path;
            }
            self::$loaded[$language] = $_LANG;
        }
        return self::$loaded[$language];
    }
}
