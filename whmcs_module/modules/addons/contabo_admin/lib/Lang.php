<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

/**
 * The addon's strings: what WHMCS loaded for the admin's language ($vars['_lang'] from
 * lang/<language>.php), English underneath so a missing translation never shows a key.
 */
final class Lang
{
    /** @param array<string, string> $strings */
    public function __construct(private readonly array $strings, public readonly string $language = 'english')
    {
    }

    /**
     * WHMCS hands the addon its strings in the admin's language; the language's name (for
     * dates and numbers) is the admin's, else the system default.
     *
     * @param array<string, mixed> $vars
     */
    public static function fromVars(array $vars): self
    {
        $loaded = is_array($vars['_lang'] ?? null) ? array_filter($vars['_lang'], 'is_string') : [];
        $language = (string) ($vars['language'] ?? $_SESSION['adminlang'] ?? $GLOBALS['CONFIG']['Language'] ?? 'english');
        return new self($loaded + self::file('english'), strtolower($language));
    }

    public static function of(string $language): self
    {
        $language = strtolower((string) preg_replace('/[^A-Za-z_-]/', '', $language));
        return new self(self::file($language) + self::file('english'), $language);
    }

    public function has(string $key): bool
    {
        return isset($this->strings[$key]);
    }

    /** The text for $key with %s/%d filled from $args (sprintf), or the key itself if unknown. */
    public function get(string $key, string|int ...$args): string
    {
        $text = $this->strings[$key] ?? $key;
        return $args === [] ? $text : vsprintf($text, $args);
    }

    /** @return array<string, string> */
    public static function file(string $language): array
    {
        $path = dirname(__DIR__) . '/lang/' . $language . '.php';
        if ($language === '' || !is_file($path)) {
            return [];
        }
        $_ADDONLANG = [];
        include $path;
        return $_ADDONLANG;
    }
}
