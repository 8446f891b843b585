<?php

declare(strict_types=1);

namespace WHMCS\Module\Registrar\Domainreseller;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;

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
        $language = self::language($params);
        $strings = self::file($language) + self::file('english');
        $text = $strings['domainreseller_' . $key] ?? $key;
        foreach ($values as $name => $value) {
            $text = str_replace('{' . $name . '}', (string) $value, $text);
        }
        return $text;
    }

    /**
     * A backend refusal in the customer's language: the sentence for its message code from
     * this module's lang files (domainreseller_msg_<code>), else the server module's (codes
     * every product shares, e.g. service_busy), else the backend's English sentence; a
     * validation failure is said field by field with the server module's sentences.
     *
     * @param array<string, mixed> $params
     */
    public static function error(array $params, ApiException $error): string
    {
        $language = self::language($params);
        if ($error->messageCode !== '' && $error->fields === []) {
            $own = self::file($language) + self::file('english');
            $key = 'domainreseller_msg_' . $error->messageCode;
            if (isset($own[$key])) {
                return self::say($params, 'msg_' . $error->messageCode, array_filter($error->params, 'is_scalar'));
            }
        }
        return Messages::error($error, self::serverModuleFile($language) + self::serverModuleFile('english'));
    }

    /**
     * A backend message named by its code (a domain's status message): this module's sentence,
     * else the server module's, else the backend's English words (an unknown code).
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $values
     */
    public static function coded(array $params, string $code, array $values, string $english): string
    {
        $language = self::language($params);
        $own = self::file($language) + self::file('english');
        if ($code !== '' && isset($own['domainreseller_msg_' . $code])) {
            return self::say($params, 'msg_' . $code, array_filter($values, 'is_scalar'));
        }
        return Messages::coded($code, $values, $english, self::serverModuleFile($language) + self::serverModuleFile('english'));
    }

    /** @param array<string, mixed> $params */
    private static function language(array $params): string
    {
        return strtolower((string) preg_replace('/[^A-Za-z_-]/', '', (string) ($params['language'] ?? $GLOBALS['CONFIG']['Language'] ?? 'english')));
    }

    /** @return array<string, string> the server module's sentences (shared message codes, field problems) */
    private static function serverModuleFile(string $language): array
    {
        $key = 'server:' . $language;
        if (!isset(self::$loaded[$key])) {
            $path = dirname(__DIR__, 3) . '/servers/contabo/lang/' . $language . '.php';
            $_LANG = [];
            if ($language !== '' && is_file($path)) {
                include $path;
            }
            self::$loaded[$key] = $_LANG;
        }
        return self::$loaded[$key];
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
