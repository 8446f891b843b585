<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;

/** What a person reads when the backend says no or cannot be reached. */
final class ErrorMappingTest extends FakeBackendTestCase
{
    public function testBackendMessageIsPassedThroughOn4xx(): void
    {
        $this->transport->answer(400, ['error' => ['code' => 'invalid_input', 'message' => 'User data must be #cloud-config YAML or a #! script', 'details' => ['field' => 'user_data']]]);

        self::assertSame('User data must be #cloud-config YAML or a #! script.', contabo_CreateAccount(WhmcsParams::service()));
    }

    public function testBusyServiceSaysWhenToRetry(): void
    {
        $this->transport->answer(409, ['error' => ['code' => 'busy', 'message' => 'Another action is running on this service.']], ['Retry-After' => '30']);

        self::assertSame('Another action is running on this service. Please try again in 30 seconds.', contabo_SuspendAccount(WhmcsParams::service()));
    }

    public function testABusySentenceThatAlreadySaysWhenToRetryIsNotToldTwice(): void
    {
        $this->transport->answer(409, ['error' => ['code' => 'service_busy', 'message' => 'Another action (restart) is running on this service; try again in a few seconds.']], ['Retry-After' => '5']);

        $message = contabo_restart(WhmcsParams::service());

        self::assertSame(1, substr_count(strtolower($message), 'try again'), $message);
    }

    public function testTimeoutIsRetriedOnceThenExplained(): void
    {
        $this->transport->fail('Operation timed out after 15001 milliseconds', true)->fail('Operation timed out after 15001 milliseconds', true);

        self::assertSame('The provisioning service did not answer in time. Please try again in a few minutes.', contabo_UnsuspendAccount(WhmcsParams::service()));
        self::assertCount(2, $this->transport->requests);
    }

    public function testUnreachableBackendNamesTheAddressToCheck(): void
    {
        $this->transport->fail('Failed to connect to api.example.test port 443: Connection refused')->fail('Failed to connect to api.example.test port 443: Connection refused');

        $message = contabo_TerminateAccount(WhmcsParams::service());

        self::assertSame('The provisioning service at https://api.example.test/Prod could not be reached (Failed to connect to api.example.test port 443: Connection refused). Check the server record\'s hostname and that the service is running.', $message);
    }

    public function testRetryAfterTransportFailureReusesTheIdempotencyKeyWithAFreshNonce(): void
    {
        $this->transport->fail('Connection reset by peer')->answer(200, ['service_id' => '42', 'state' => 'active']);

        self::assertSame('success', contabo_restart(WhmcsParams::service()));
        [$first, $second] = $this->transport->requests;
        self::assertSame($first['headers']['X-Idempotency-Key'], $second['headers']['X-Idempotency-Key']);
        self::assertMatchesRegularExpression('/^[A-Za-z0-9_.:-]{8,128}$/', $first['headers']['X-Idempotency-Key']);
        self::assertNotSame($first['headers']['X-Whmcs-Nonce'], $second['headers']['X-Whmcs-Nonce']);
    }

    public function testEachModuleCallGetsItsOwnIdempotencyKey(): void
    {
        $this->transport->answer(200, ['state' => 'active'])->answer(200, ['state' => 'active']);

        contabo_start(WhmcsParams::service());
        contabo_start(WhmcsParams::service());

        self::assertNotSame($this->transport->requests[0]['headers']['X-Idempotency-Key'], $this->transport->requests[1]['headers']['X-Idempotency-Key']);
    }

    public function testServerErrorKeepsTheReference(): void
    {
        $this->transport->answer(500, ['error' => ['code' => 'unexpected', 'message' => 'Something went wrong on our side', 'details' => ['reference' => 'ref-123']]]);

        self::assertSame('Something went wrong on our side. (Reference: ref-123)', contabo_Renew(WhmcsParams::service()));
    }

    public function testGatewayHtmlErrorBecomesASentence(): void
    {
        $this->transport->answer(502, '<html><body><h1>502 Bad Gateway</h1></body></html>');

        self::assertSame('The provisioning service is temporarily unavailable. Please try again later.', contabo_stop(WhmcsParams::service()));
    }

    public function testMalformedJsonOnSuccessIsReportedNotTrusted(): void
    {
        $this->transport->answer(200, '{"service_id": "42", ');

        self::assertSame('The provisioning service sent an answer that could not be read (HTTP 200). Please try again later.', contabo_shutdown(WhmcsParams::service()));
    }

    public function testBadSignaturePointsAtTheServerRecord(): void
    {
        $this->transport->answer(401, ['error' => ['code' => 'not_authenticated', 'message' => 'The request is not signed by a known WHMCS key']]);

        self::assertSame(
            'The provisioning service refused the request signature. Check the server record: Username must be the signing key id and Password its secret. (The request is not signed by a known WHMCS key)',
            contabo_ChangePassword(WhmcsParams::service()),
        );
    }

    public function testIncompleteServerRecordIsCaughtBeforeAnyRequest(): void
    {
        $message = contabo_CreateAccount(WhmcsParams::service(['serverhostname' => '', 'serverip' => '']));

        self::assertStringStartsWith('The server record is incomplete', $message);
        self::assertSame([], $this->transport->requests);
    }

    public function testUnexpectedErrorsNeverLeakATrace(): void
    {
        $message = contabo_run(WhmcsParams::service(), static function (): void {
            throw new \TypeError('boom in ' . __FILE__);
        });

        self::assertSame('An unexpected error occurred in the server module. Details are in the module log.', $message);
        self::assertStringContainsString('TypeError: boom', (string) end(Whmcs::$moduleLog)['response']);
    }
}
