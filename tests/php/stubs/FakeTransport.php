<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

use WHMCS\Module\Server\Contabo\Api\HttpResponse;
use WHMCS\Module\Server\Contabo\Api\Transport;
use WHMCS\Module\Server\Contabo\Api\TransportFailure;

/**
 * Answers from routes ("GET /services/42/snapshots", matched on the path after the stage) or
 * else from a queue, and remembers every request, for unit tests without a network.
 */
final class FakeTransport implements Transport
{
    /** @var array<string, HttpResponse> "METHOD /path" => answer */
    private array $routes = [];

    /** @var list<array{method: string, url: string, headers: array<string, string>, body: string}> */
    public array $requests = [];

    /** @var list<HttpResponse|TransportFailure> */
    private array $answers = [];

    /** @param array<string, mixed>|string $body */
    public function answer(int $status, array|string $body, array $headers = []): self
    {
        $this->answers[] = new HttpResponse($status, array_change_key_case($headers), is_array($body) ? (string) json_encode($body) : $body);
        return $this;
    }

    /** @param array<string, mixed>|string $body */
    public function route(string $method, string $path, int $status, array|string $body, array $headers = []): self
    {
        $this->routes[strtoupper($method) . ' ' . $path] = new HttpResponse($status, array_change_key_case($headers), is_array($body) ? (string) json_encode($body) : $body);
        return $this;
    }

    /** @return list<string> "METHOD /path body" of every request, the stage prefix removed */
    public function calls(): array
    {
        return array_map(static fn (array $r): string => trim($r['method'] . ' ' . self::path($r['url']) . ' ' . $r['body']), $this->requests);
    }

    /** @return list<string> the calls that change something (not GET) */
    public function changes(): array
    {
        return array_values(array_filter($this->calls(), static fn (string $call): bool => !str_starts_with($call, 'GET ')));
    }

    public function fail(string $message, bool $timedOut = false): self
    {
        $this->answers[] = new TransportFailure($message, $timedOut);
        return $this;
    }

    public function send(string $method, string $url, array $headers, string $body): HttpResponse
    {
        $this->requests[] = compact('method', 'url', 'headers', 'body');
        $routed = $this->routes[$method . ' ' . self::path($url)] ?? null;
        if ($routed !== null) {
            return $routed;
        }
        $answer = array_shift($this->answers) ?? new HttpResponse(500, [], '{"error":{"code":"unexpected","message":"No answer queued in the test."}}');
        if ($answer instanceof TransportFailure) {
            throw $answer;
        }
        return $answer;
    }

    private static function path(string $url): string
    {
        return (string) preg_replace('#^/Prod#', '', (string) parse_url($url, PHP_URL_PATH));
    }
}
