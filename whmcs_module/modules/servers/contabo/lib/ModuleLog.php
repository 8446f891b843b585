<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo;

/**
 * Writes every backend call to WHMCS's module debug log. Passwords are masked before the
 * entry is built and also handed to WHMCS as replace vars, so neither path can leak them.
 */
final class ModuleLog
{
    private const MASK = '********';
    private const SECRET_KEYS = ['password', 'root_password', 'rescue_password', 'servicepassword', 'serverpassword', 'secret', 'secret_key', 'user_data'];

    /** @var list<string> */
    private array $secrets;

    /** @param list<string> $secrets values that must never appear in a log entry */
    public function __construct(array $secrets = [])
    {
        $this->secrets = self::usable($secrets);
    }

    public function withSecrets(string ...$secrets): self
    {
        $copy = clone $this;
        $copy->secrets = self::usable([...$this->secrets, ...$secrets]);
        return $copy;
    }

    /**
     * @param array<string, mixed> $request
     * @param array<mixed>|string $processed
     */
    public function record(string $action, array $request, string $rawResponse, array|string $processed): void
    {
        if (!function_exists('logModuleCall')) {
            return;
        }
        $decoded = json_decode($rawResponse, true);
        $response = is_array($decoded) ? json_encode(self::mask($decoded), JSON_UNESCAPED_SLASHES) : $rawResponse;

        logModuleCall(
            'contabo',
            $action,
            $this->scrub(self::mask($request)),
            $this->scrub((string) $response),
            $this->scrub(is_array($processed) ? self::mask($processed) : $processed),
            $this->secrets,
        );
    }

    /**
     * @template T of array<mixed>|string
     * @param T $value
     * @return T
     */
    private function scrub(array|string $value): array|string
    {
        if (is_string($value)) {
            return $this->secrets === [] ? $value : str_replace($this->secrets, self::MASK, $value);
        }
        $scrubbed = [];
        foreach ($value as $key => $item) {
            $scrubbed[$key] = is_array($item) || is_string($item) ? $this->scrub($item) : $item;
        }
        return $scrubbed;
    }

    /**
     * @param array<mixed> $data
     * @return array<mixed>
     */
    private static function mask(array $data): array
    {
        foreach ($data as $key => $item) {
            if (is_string($key) && in_array(strtolower($key), self::SECRET_KEYS, true) && $item !== null && $item !== '') {
                $data[$key] = self::MASK;
            } elseif (is_array($item)) {
                $data[$key] = self::mask($item);
            } elseif (is_string($item) && str_starts_with($item, '{') && is_array($inner = json_decode($item, true))) {
                $data[$key] = json_encode(self::mask($inner), JSON_UNESCAPED_SLASHES);
            }
        }
        return $data;
    }

    /**
     * @param list<string> $secrets
     * @return list<string>
     */
    private static function usable(array $secrets): array
    {
        // Very short values would mask unrelated text, and WHMCS treats each entry as a search string.
        return array_values(array_unique(array_filter($secrets, static fn (string $s): bool => strlen($s) >= 4)));
    }
}
