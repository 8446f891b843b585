<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Mapping;

/**
 * Finds configurable options and custom fields by name the way resellers write them:
 * case-insensitive, with WHMCS's "name|Display Name" form reduced to the part before "|".
 */
final class OptionNames
{
    /**
     * @param array<string, mixed> $values name => value, as WHMCS passes configoptions/customfields
     * @param list<string> $names the name and its aliases
     */
    public static function find(array $values, array $names): ?string
    {
        $wanted = array_map([self::class, 'key'], $names);
        foreach ($values as $name => $value) {
            if (!in_array(self::key((string) $name), $wanted, true) || is_array($value) || $value === null) {
                continue;
            }
            $value = self::key((string) $value, false);
            if ($value !== '') {
                return $value;
            }
        }
        return null;
    }

    /** "Region|Data centre" -> "region"; values keep their case. */
    public static function key(string $text, bool $lowercase = true): string
    {
        $key = trim(explode('|', $text, 2)[0]);
        return $lowercase ? strtolower($key) : $key;
    }

    public static function isYes(?string $value): bool
    {
        return $value !== null && in_array(strtolower($value), ['1', 'on', 'yes', 'true', 'enabled'], true);
    }
}
