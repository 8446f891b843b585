<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

use WHMCS\Module\Server\Contabo\Api\HttpResponse;
use WHMCS\Module\Server\Contabo\Api\Transport;
use WHMCS\Module\Server\Contabo\Api\TransportFailure;

/** Answers from a queue and remembers every request, for unit tests without a network. */
final class FakeTransport implements Transport
{
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

    public function fail(string $message, bool $timedOut = false): self
    {
        $this->answers[] = new TransportFailure($message, $timedOut);
        return $this;
    }

    public function send(string $method, string $url, array $headers, string $body): HttpResponse
    {
        $this->requests[] = compact('method', 'url', 'headers', 'body');
        $answer = array_shift($this->answers) ?? new HttpResponse(500, [], '{"error":{"code":"unexpected","message":"No answer queued in the test."}}');
        if ($answer instanceof TransportFailure) {
            throw $answer;
        }
        return $answer;
    }
}
