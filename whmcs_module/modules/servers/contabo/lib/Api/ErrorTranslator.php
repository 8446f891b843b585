<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * Turns transport failures and error answers into one clean sentence each, keeping the
 * backend's own error.message (written for people) and never raw JSON or HTML.
 */
final class ErrorTranslator
{
    public const ROUTE_MISSING_MESSAGE = 'The provisioning service does not offer this action (no such route). Check that the backend is up to date and the hostname includes the stage path.';

    public static function fromTransport(TransportFailure $failure, string $baseUrl): ApiException
    {
        if ($failure->timedOut) {
            return new ApiException(
                'The provisioning service did not answer in time. Please try again in a few minutes.',
                ApiException::TIMEOUT,
                messageCode: 'module_timeout',
            );
        }

        return new ApiException(
            sprintf(
                'The provisioning service at %s could not be reached (%s). Check the server record\'s hostname and that the service is running.',
                $baseUrl,
                rtrim($failure->getMessage(), '.'),
            ),
            ApiException::UNREACHABLE,
            messageCode: 'module_unreachable',
            params: ['url' => $baseUrl, 'reason' => rtrim($failure->getMessage(), '.')],
        );
    }

    public static function fromResponse(HttpResponse $response): ApiException
    {
        $status = $response->status;
        $decoded = json_decode($response->body, true);
        $error = is_array($decoded) && is_array($decoded['error'] ?? null) ? $decoded['error'] : [];
        $backendMessage = self::sentence((string) ($error['message'] ?? ''));
        $code = (string) ($error['code'] ?? '');

        // API Gateway's answer for a path it has no route for; not the backend's error shape.
        if ($status === 403 && is_array($decoded) && ($decoded['message'] ?? '') === 'Missing Authentication Token') {
            return new ApiException(
                self::ROUTE_MISSING_MESSAGE,
                ApiException::ROUTE_MISSING,
                $status,
                messageCode: 'module_route_missing',
            );
        }
        if ($status === 401) {
            return new ApiException(
                'The provisioning service refused the request signature. Check the server record: Username must be the signing key id and Password its secret.'
                    . ($backendMessage !== '' ? ' (' . rtrim($backendMessage, '.') . ')' : ''),
                ApiException::NOT_AUTHENTICATED,
                $status,
                $code,
                'module_signature',
            );
        }
        // A conflict (e.g. the same SSH key twice) is final: retrying will not help.
        if ($status === 409 && $code === 'conflict' && $backendMessage !== '') {
            return new ApiException($backendMessage, ApiException::REJECTED, $status, $code, (string) ($error['message_code'] ?? ''), is_array($error['params'] ?? null) ? $error['params'] : []);
        }
        if ($status === 409) {
            $retryAfter = (int) ($response->header('Retry-After') ?? 0);
            $message = $backendMessage !== '' ? $backendMessage : 'Another action is still running on this server.';
            // The backend's sentence may already say when to try again: say it once.
            $advice = $retryAfter > 0 ? sprintf(' Please try again in %d seconds.', $retryAfter) : ' Please try again shortly.';
            return new ApiException(
                $message . (stripos($message, 'try again') === false ? $advice : ''),
                ApiException::BUSY,
                $status,
                $code,
                (string) ($error['message_code'] ?? ''),
                ['retry_after' => $retryAfter] + (is_array($error['params'] ?? null) ? $error['params'] : []),
            );
        }
        if ($status >= 500) {
            $reference = (string) ($error['reference'] ?? ($error['details']['reference'] ?? ''));
            // The backend's own sentence already says what to do; only our fallback needs the advice.
            $message = $backendMessage !== '' ? $backendMessage : 'The provisioning service is temporarily unavailable. Please try again later.';
            return new ApiException(
                $message . ($reference !== '' && !str_contains($message, $reference) ? ' (Reference: ' . $reference . ')' : ''),
                ApiException::UNAVAILABLE,
                $status,
                $code,
                // An answer without the backend's error shape (a gateway's 502) keeps the fallback.
                $backendMessage !== '' ? (string) ($error['message_code'] ?? '') : 'module_unavailable',
                ($reference !== '' ? ['reference' => $reference] : []) + (is_array($error['params'] ?? null) ? $error['params'] : []),
            );
        }
        if ($status >= 400) {
            return new ApiException(
                $backendMessage !== '' ? $backendMessage : sprintf('The provisioning service refused the request (HTTP %d).', $status),
                ApiException::REJECTED,
                $status,
                $code,
                (string) ($error['message_code'] ?? ''),
                is_array($error['params'] ?? null) ? $error['params'] : [],
                self::fields($error),
            );
        }

        return self::unreadable($status);
    }

    public static function unreadable(int $status): ApiException
    {
        return new ApiException(
            sprintf('The provisioning service sent an answer that could not be read (HTTP %d). Please try again later.', $status),
            ApiException::UNREADABLE,
            $status,
            messageCode: 'module_unreadable',
            params: ['status' => $status],
        );
    }

    /**
     * A validation failure's problems as the backend lists them (details.fields).
     *
     * @param array<string, mixed> $error
     * @return list<array{field: string, problem: string, params: array<string, string>, example: string, message_code: string}>
     */
    private static function fields(array $error): array
    {
        $fields = [];
        foreach ((array) ($error['details']['fields'] ?? []) as $item) {
            if (is_array($item) && is_string($item['problem'] ?? null)) {
                $fields[] = [
                    'field' => (string) ($item['field'] ?? ''),
                    'problem' => $item['problem'],
                    'params' => array_map('strval', array_filter((array) ($item['params'] ?? []), 'is_scalar')),
                    'example' => (string) ($item['example'] ?? ''),
                    'message_code' => (string) ($item['message_code'] ?? ''),
                ];
            }
        }
        return $fields;
    }

    private static function sentence(string $text): string
    {
        $text = trim((string) preg_replace('/\s+/', ' ', strip_tags($text)));
        if ($text === '') {
            return '';
        }
        return preg_match('/[.!?]$/', $text) ? $text : $text . '.';
    }
}
