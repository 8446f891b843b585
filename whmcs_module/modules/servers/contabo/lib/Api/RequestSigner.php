<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * The request signature of docs/lifecycle-api.md, byte for byte the same as
 * layers/common/contabo_reseller/domain/signing.py. Version 2: the API's host and stage (the
 * base URL's path) are signed too, so a request made for one stage is refused by another.
 */
final class RequestSigner
{
    public const VERSION = '2';
    private const V2_PREFIX = 'WHMCS-HMAC-SHA256-2';

    private readonly string $host;
    private readonly string $basePath;

    /** @param string $baseUrl the API's URL with its stage, e.g. https://abc.execute-api.eu-central-1.amazonaws.com/Prod */
    public function __construct(
        private readonly string $keyId,
        private readonly string $secret,
        string $baseUrl = '',
    ) {
        $parts = parse_url($baseUrl) ?: [];
        $this->host = strtolower((string) ($parts['host'] ?? '')) . (isset($parts['port']) ? ':' . $parts['port'] : '');
        $this->basePath = rtrim((string) ($parts['path'] ?? ''), '/');
    }

    /**
     * @param array<string, string|list<string>> $query
     * @return array<string, string> the signing headers
     */
    public function headers(string $method, string $path, array $query, string $body, ?int $timestamp = null, ?string $nonce = null): array
    {
        $timestamp = (string) ($timestamp ?? time());
        $nonce ??= bin2hex(random_bytes(16));
        $canonical = self::canonicalStringV2($this->host, $method, $this->basePath . $path, $query, $timestamp, $nonce, $body);

        return [
            'X-Whmcs-Signature-Version' => self::VERSION,
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

    /** @param array<string, string|list<string>> $query */
    public static function canonicalStringV2(string $host, string $method, string $fullPath, array $query, string $timestamp, string $nonce, string $body): string
    {
        return implode("\n", [self::V2_PREFIX, strtolower($host), self::canonicalString($method, $fullPath, $query, $timestamp, $nonce, $body)]);
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
