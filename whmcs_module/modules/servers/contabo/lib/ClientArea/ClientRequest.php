<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea;

/**
 * The HTTP request behind a client-area module call. WHMCS runs custom functions for GET links
 * and form posts alike and does not check the form token for them, so the module checks it:
 * a change happens only for a POST carrying the session's token ({$token} in the templates).
 */
final class ClientRequest
{
    /** Tests set this instead of touching PHP's superglobals. */
    public static ?self $current = null;

    /**
     * @param array<string, mixed> $post
     * @param array<string, mixed> $query
     */
    public function __construct(
        public readonly string $method,
        public readonly array $post,
        public readonly array $query,
        public readonly bool $inClientArea,
        private readonly string $sessionToken,
    ) {
    }

    public static function current(): self
    {
        return self::$current ?? new self(
            strtoupper((string) ($_SERVER['REQUEST_METHOD'] ?? 'GET')),
            $_POST,
            $_GET,
            defined('CLIENTAREA') && !defined('ADMINAREA'),
            function_exists('generate_token') ? (string) generate_token('plain') : '',
        );
    }

    public function isPost(): bool
    {
        return $this->method === 'POST';
    }

    /** A POST whose token matches the customer's session (WHMCS's CSRF token). */
    public function isTrustedPost(): bool
    {
        $sent = $this->post['token'] ?? null;
        return $this->isPost() && is_string($sent) && $this->sessionToken !== '' && hash_equals($this->sessionToken, $sent);
    }

    public function post(string $name): string
    {
        $value = $this->post[$name] ?? '';
        return is_scalar($value) ? (string) $value : '';
    }

    /** @return array<mixed> */
    public function postArray(string $name): array
    {
        $value = $this->post[$name] ?? [];
        return is_array($value) ? $value : [];
    }

    public function query(string $name): string
    {
        $value = $this->query[$name] ?? '';
        return is_scalar($value) ? (string) $value : '';
    }
}
