<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

use WHMCS\Module\Server\Contabo\ModuleLog;

/**
 * One signed call to the backend (docs/lifecycle-api.md): signing, one retry after a lost
 * answer with the same idempotency key, module logging with secrets masked, and every failure
 * turned into an ApiException whose message a person can read.
 */
final class BackendApi
{
    private readonly RequestSigner $signer;
    private ?string $idempotencyKey = null;

    public function __construct(
        private readonly ServerRecord $server,
        private readonly Transport $transport,
        private ModuleLog $log,
    ) {
        $this->signer = new RequestSigner($server->keyId, $server->secret, $server->baseUrl);
    }

    /**
     * The same API whose mutating calls use this key: a resubmitted client-area form then
     * reaches the backend as a replay of the first submission, not as a second action.
     */
    public function withIdempotencyKey(?string $key): self
    {
        $copy = clone $this;
        $copy->idempotencyKey = $key;
        return $copy;
    }

    /** Values that must never reach the module log, e.g. a password in a request body. */
    public function withSecrets(string ...$secrets): self
    {
        $copy = clone $this;
        $copy->log = $this->log->withSecrets(...$secrets);
        return $copy;
    }

    /**
     * @param array<string, string|list<string>> $query
     * @param array<string, mixed>|null $body
     * @return array<string, mixed>
     */
    public function call(string $action, string $method, string $path, array $query = [], ?array $body = null): array
    {
        [$response, $logged] = $this->exchange($action, $method, $path, $query, $body, 'application/json');
        $decoded = json_decode($response->body, true);
        if (!is_array($decoded)) {
            $error = ErrorTranslator::unreadable($response->status);
            $this->log->record($action, $logged, $response->body, $error->getMessage());
            throw $error;
        }
        $this->log->record($action, $logged, $response->body, $decoded);
        return $decoded;
    }

    /**
     * A call answered with text (e.g. text/csv); the body is logged by size only.
     *
     * @param array<string, string|list<string>> $query
     */
    public function callText(string $action, string $method, string $path, array $query = []): string
    {
        [$response, $logged] = $this->exchange($action, $method, $path, $query, null, 'text/csv, text/plain');
        $this->log->record($action, $logged, sprintf('(%d bytes of %s)', strlen($response->body), $response->header('Content-Type') ?? 'text'), 'text answer');
        return $response->body;
    }

    /**
     * @param array<string, string|list<string>> $query
     * @param array<string, mixed>|null $body
     * @return array{0: HttpResponse, 1: array<string, mixed>} a 2xx answer and the logged request
     */
    private function exchange(string $action, string $method, string $path, array $query, ?array $body, string $accept): array
    {
        if (!$this->server->isComplete()) {
            throw new ApiException(
                'The server record is incomplete: set Hostname (API host and stage), Username (signing key id) and Password (signing secret).',
                ApiException::NOT_CONFIGURED,
            );
        }
        // GET and a bodiless DELETE send nothing; other methods send at least an empty object.
        $payload = $method === 'GET' || ($method === 'DELETE' && $body === null) ? '' : ($body ? (string) json_encode($body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) : '{}');
        // Every service call names the service's client, so a reused service id never reaches
        // another client's server (the backend answers 409).
        // (The status batch is about many services of many clients: it names none.)
        if ($this->server->clientId !== '' && preg_match('#^/services/(?!status-batch$)[^/]+#', $path) === 1 && !isset($query['client_id'])) {
            $query['client_id'] = $this->server->clientId;
        }
        $queryString = RequestSigner::canonicalQuery($query);
        $url = $this->server->baseUrl . $path . ($queryString !== '' ? '?' . $queryString : '');
        // One key per module call: a retry after a lost answer is then the same purchase, not a second one.
        $idempotencyKey = $this->idempotencyKey ?? 'whmcs-' . bin2hex(random_bytes(12));
        $logged = ['method' => $method, 'url' => $url, 'key_id' => $this->server->keyId, 'idempotency_key' => $idempotencyKey, 'body' => $body ?? []];

        try {
            $response = $this->sendWithOneRetry($method, $path, $query, $url, $payload, $idempotencyKey, $accept);
        } catch (TransportFailure $failure) {
            $error = ErrorTranslator::fromTransport($failure, $this->server->baseUrl);
            $this->log->record($action, $logged, $failure->getMessage(), $error->getMessage());
            throw $error;
        }
        if ($response->status < 200 || $response->status >= 300) {
            $error = ErrorTranslator::fromResponse($response);
            $this->log->record($action, $logged, $response->body, $error->getMessage());
            throw $error;
        }
        return [$response, $logged];
    }

    /** @param array<string, string|list<string>> $query */
    private function sendWithOneRetry(string $method, string $path, array $query, string $url, string $payload, string $idempotencyKey, string $accept): HttpResponse
    {
        $attempt = 0;
        while (true) {
            // Fresh timestamp and nonce per attempt: the backend refuses a nonce it has seen.
            $headers = $this->signer->headers($method, $path, $query, $payload) + [
                'X-Idempotency-Key' => $idempotencyKey,
                'Content-Type' => 'application/json',
                'Accept' => $accept,
            ];
            try {
                return $this->transport->send($method, $url, $headers, $payload);
            } catch (TransportFailure $failure) {
                if (++$attempt > 1) {
                    throw $failure;
                }
            }
        }
    }
}
