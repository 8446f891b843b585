<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Http;

/**
 * The admin's request to the addon page. A change happens only for a POST carrying the
 * session's CSRF token (generate_token('plain'), sent back as "token" by every form).
 */
final class AdminRequest
{
    /**
     * @param array<string, mixed> $query
     * @param array<string, mixed> $post
     */
    public function __construct(
        public readonly string $method,
        public readonly array $query,
        public readonly array $post,
        private readonly string $sessionToken,
    ) {
    }

    public static function fromGlobals(): self
    {
        return new self(
            strtoupper((string) ($_SERVER['REQUEST_METHOD'] ?? 'GET')),
            $_GET,
            $_POST,
            self::sessionToken(),
        );
    }

    public static function sessionToken(): string
    {
        return function_exists('generate_token') ? (string) generate_token('plain') : '';
    }

    public function isPost(): bool
    {
        return $this->method === 'POST';
    }

    public function isTrustedPost(): bool
    {
        $sent = $this->post['token'] ?? null;
        return $this->isPost() && is_string($sent) && $this->sessionToken !== '' && hash_equals($this->sessionToken, $sent);
    }

    public function query(string $name): string
    {
        $value = $this->query[$name] ?? '';
        return is_scalar($value) ? trim((string) $value) : '';
    }

    public function post(string $name): string
    {
        $value = $this->post[$name] ?? '';
        return is_scalar($value) ? (string) $value : '';
    }

    public function checked(string $name): bool
    {
        return in_array($this->post($name), ['1', 'on', 'yes', 'true'], true);
    }
}
