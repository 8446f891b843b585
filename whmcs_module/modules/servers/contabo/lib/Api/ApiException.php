<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * A failed backend call, already phrased for a person: getMessage() is safe to return from a
 * module function or show in the client area. kind lets callers react without parsing text.
 */
final class ApiException extends \RuntimeException
{
    public const UNREACHABLE = 'unreachable';
    public const TIMEOUT = 'timeout';
    public const NOT_AUTHENTICATED = 'not_authenticated';
    public const ROUTE_MISSING = 'route_missing';
    public const BUSY = 'busy';
    public const REJECTED = 'rejected';
    public const UNAVAILABLE = 'unavailable';
    public const UNREADABLE = 'unreadable';
    public const NOT_CONFIGURED = 'not_configured';

    /**
     * @param array<string, scalar> $params the backend's parameters for messageCode
     * @param list<array{field: string, problem: string, params: array<string, string>, example: string}> $fields
     *        a validation failure's problems, one per field
     */
    public function __construct(
        string $message,
        public readonly string $kind,
        public readonly int $httpStatus = 0,
        public readonly string $errorCode = '',
        public readonly string $messageCode = '',
        public readonly array $params = [],
        public readonly array $fields = [],
    ) {
        parent::__construct($message);
    }
}
