<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

/** Display formatting shared by the pages; values stay plain text (templates escape them). */
final class Format
{
    public static function date(mixed $value): string
    {
        $timestamp = self::timestamp($value);
        return $timestamp === null ? (is_string($value) ? $value : '') : gmdate('Y-m-d', $timestamp);
    }

    public static function dateTime(mixed $value): string
    {
        $timestamp = self::timestamp($value);
        return $timestamp === null ? (is_string($value) ? $value : '') : gmdate('Y-m-d H:i', $timestamp) . ' UTC';
    }

    public static function number(mixed $value, int $decimals = 2): string
    {
        return is_numeric($value) ? rtrim(rtrim(number_format((float) $value, $decimals, '.', ''), '0'), '.') : '';
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
