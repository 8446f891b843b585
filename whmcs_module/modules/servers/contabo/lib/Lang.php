<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo;

/**
 * The module's own strings from lang/<language>.php ($_LANG entries prefixed "cloudserver_"),
 * English underneath so a missing translation never shows an empty label.
 */
final class Lang
{
    /** @var array<string, array<string, string>> */
    private static array $loaded = [];

    /** @return array<string, string> */
    public static function strings(string $language): array
    {
        $language = strtolower((string) preg_replace('/[^A-Za-z_-]/', '', $language));
        return self::file($language) + self::file('english');
    }

    /**
     * The client's language, else the system default, as WHMCS names language files.
     *
     * @param array<string, mixed> $params
     */
    public static function languageOf(array $params): string
    {
        $language = (string) ($params['clientsdetails']['language'] ?? '');
        if ($language === '') {
            $language = (string) ($GLOBALS['CONFIG']['Language'] ?? 'english');
        }
        return $language;
    }

    /**
     * The admin's language for the admin area (Services tab, module settings, Test Connection):
     * the language the admin chose in WHMCS (kept in the admin's session), else the system
     * default, the same rule as the admin addon's.
     */
    public static function adminLanguage(): string
    {
        $language = (string) ($_SESSION['adminlang'] ?? '');
        if ($language === '') {
            $language = (string) ($GLOBALS['CONFIG']['Language'] ?? 'english');
        }
        return $language !== '' ? $language : 'english';
    }

    /** @return array<string, string> the module's strings in the admin's language */
    public static function admin(): array
    {
        return self::strings(self::adminLanguage());
    }

    /** @return array<string, string> */
    private static function file(string $language): array
    {
        if (!isset(self::$loaded[$language])) {
            $path = dirname(__DIR__) . '/lang/' . $language . '.php';
            self::$loaded[$language] = $language !== '' && is_file($path) ? self::load($path) : [];
        }
        return self::$loaded[$language];
    }

    /** @return array<string, string> */
    private static function load(string $path): array
    {
        $_LANG = [];
        include $path;
        return $_LANG;
    }
}
