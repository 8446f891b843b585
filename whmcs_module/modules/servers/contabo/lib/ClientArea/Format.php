<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

/**
 * Display formatting shared by the pages, in the client's locale: dates and numbers through
 * php-intl (IntlDateFormatter, NumberFormatter) where it is installed, else a fixed pattern per
 * language. Values stay plain text (templates escape them). Times are UTC and say so.
 */
final class Format
{
    /** WHMCS language name -> ICU locale. */
    public const LOCALES = [
        'english' => 'en_GB',
        'german' => 'de_DE',
        'spanish' => 'es_ES',
        'french' => 'fr_FR',
        'portuguese-br' => 'pt_BR',
    ];
    /** Without intl: date pattern, decimal and thousands separators per locale. */
    private const FALLBACK = [
        'en_GB' => ['d/m/Y', '.', ','],
        'de_DE' => ['d.m.Y', ',', '.'],
        'es_ES' => ['d/m/Y', ',', '.'],
        'fr_FR' => ['d/m/Y', ',', ' '],
        'pt_BR' => ['d/m/Y', ',', '.'],
    ];

    private static string $locale = 'en_GB';
    private static bool $intl = true;

    /** Called once per request with the client's WHMCS language. */
    public static function useLanguage(string $language, ?bool $intl = null): void
    {
        self::$locale = self::LOCALES[strtolower($language)] ?? 'en_GB';
        self::$intl = ($intl ?? true) && class_exists(\IntlDateFormatter::class);
    }

    public static function locale(): string
    {
        return self::$locale;
    }

    public static function date(mixed $value): string
    {
        $timestamp = self::timestamp($value);
        if ($timestamp === null) {
            return is_string($value) ? $value : '';
        }
        if (self::$intl) {
            return (string) (new \IntlDateFormatter(self::$locale, \IntlDateFormatter::MEDIUM, \IntlDateFormatter::NONE, 'UTC'))->format($timestamp);
        }
        return gmdate(self::FALLBACK[self::$locale][0], $timestamp);
    }

    public static function dateTime(mixed $value): string
    {
        $timestamp = self::timestamp($value);
        if ($timestamp === null) {
            return is_string($value) ? $value : '';
        }
        if (self::$intl) {
            return (new \IntlDateFormatter(self::$locale, \IntlDateFormatter::MEDIUM, \IntlDateFormatter::SHORT, 'UTC'))->format($timestamp) . ' UTC';
        }
        return gmdate(self::FALLBACK[self::$locale][0] . ' H:i', $timestamp) . ' UTC';
    }

    /** Up to $decimals places, trailing zeros dropped: 0.25, 1, 1.5 in the client's notation. */
    public static function number(mixed $value, int $decimals = 2): string
    {
        if (!is_numeric($value)) {
            return '';
        }
        if (self::$intl) {
            $formatter = new \NumberFormatter(self::$locale, \NumberFormatter::DECIMAL);
            $formatter->setAttribute(\NumberFormatter::MAX_FRACTION_DIGITS, $decimals);
            return (string) $formatter->format((float) $value);
        }
        [, $point, $thousands] = self::FALLBACK[self::$locale];
        $text = number_format((float) $value, $decimals, $point, $thousands);
        return str_contains($text, $point) ? rtrim(rtrim($text, '0'), $point) : $text;
    }

    private static function timestamp(mixed $value): ?int
    {
        if (!is_string($value) || $value === '') {
            return null;
        }
        $timestamp = strtotime($value);
        return $timestamp === false ? null : $timestamp;
    }
}
