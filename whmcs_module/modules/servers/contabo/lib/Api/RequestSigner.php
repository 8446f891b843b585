<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * The request signature of docs/lifecycle-api.md, byte for byte the same as
 * layers/common/contabo_reseller/domain/signing.py.
 */
final class RequestSigner
{
    public function __construct(
        private readonly string $keyId,
        private readonly string $secret,
    ) {
    }

    /**
     * @param array<string, string|list<string>> $query
     * @return array<string, string> the four signing headers
     */
    public function headers(string $method, string $path, array $query, string $body, ?int $timestamp = null, ?string $nonce = null): array
    {
        $timestamp = (string) ($timestamp ?? time());
        $nonce ??= bin2hex(random_bytes(16));
        $canonical = self::canonicalString($method, $path, $query, $timestamp, $nonce, $body);

        return [
            'X-Whmcs-Key-Id' => $this->keyId,
            'X-Whmcs-Timestamp' => $timestamp,
            'X-Whmcs-Nonce' => $nonce,
            'X-Whmcs-Signature' => self::signature($this->secret, $canonical),
        ];
    }

    /** @param array<string, string|list<string>> $query */
    public static function canonicalString(string $method, string $path, array $query, string $timestamp, string $nonce, string $body): string
    {
        return implode("\n", [
            strtoupper($method),
            $path,
            self::canonicalQuery($query),
            $timestamp,
            $nonce,
            hash('sha256', $body),
        ]);
    }

    /**
     * Sorted by name then value (byte order, as Python sorts str), each part rawurlencoded.
     *
     * @param array<string, string|list<string>> $query
     */
    public static function canonicalQuery(array $query): string
    {
        $pairs = [];
        foreach ($query as $name => $values) {
            foreach ((array) $values as $value) {
                $pairs[] = [(string) $name, (string) $value];
            }
        }
        usort($pairs, static fn (array $a, array $b): int => strcmp($a[0], $b[0]) ?: strcmp($a[1], $b[1]));

        return implode('&', array_map(
            static fn (array $pair): string => rawurlencode($pair[0]) . '=' . rawurlencode($pair[1]),
            $pairs,
        ));
    }

    public static function signature(string $secret, string $canonical): string
    {
        return hash_hmac('sha256', $canonical, $secret);
    }
}
