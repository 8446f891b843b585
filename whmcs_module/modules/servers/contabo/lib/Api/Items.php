<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** The `{"items": [...]}` list shape every list route answers with. */
final class Items
{
    /**
     * @param array<string, mixed> $answer
     * @return list<array<string, mixed>> the object items; anything else is dropped
     */
    public static function of(array $answer): array
    {
        return array_values(array_filter((array) ($answer['items'] ?? []), 'is_array'));
    }

    /**
     * @param array<string, mixed> $answer
     * @return list<string>
     */
    public static function strings(array $answer): array
    {
        return array_values(array_map('strval', array_filter((array) ($answer['items'] ?? []), 'is_scalar')));
    }
}
