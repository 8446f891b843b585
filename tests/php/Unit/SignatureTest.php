<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Contabo\Api\RequestSigner;

/** The test vector from docs/lifecycle-api.md, shared with the Python tests. */
final class SignatureTest extends TestCase
{
    private const CANONICAL = "POST\n/services/42/suspend\na=0&a=1&b=2%20x\n1767225600\nabcdefghijklmnop1234\nb6339a1c1a2e73b9022d9a4707a768ad1f96233dbe311351ae27a4076ffdf805";
    private const SIGNATURE = 'be583e7d9c7acea39f774de70541b53dca77c827972589b229c4583a4a5f3e23';
    /** Version 2 of the same request at https://abc123.execute-api.eu-central-1.amazonaws.com/Prod (tests/unit/domain/test_signing.py). */
    private const SIGNATURE_V2 = '3a45d0b8f647819ee41d19bc579f087e1e25b858c672f36b5fc4826137c88f84';

    public function testCanonicalStringMatchesTheDocumentedVector(): void
    {
        $canonical = RequestSigner::canonicalString('post', '/services/42/suspend', ['b' => '2 x', 'a' => ['1', '0']], '1767225600', 'abcdefghijklmnop1234', '{"reason":"overdue"}');

        self::assertSame(self::CANONICAL, $canonical);
        self::assertSame(self::SIGNATURE, RequestSigner::signature('test-secret-123', $canonical));
    }

    public function testHeadersCarryTheVersion2VectorSignatureBoundToHostAndStage(): void
    {
        $headers = (new RequestSigner('whmcs-1', 'test-secret-123', 'https://ABC123.execute-api.eu-central-1.amazonaws.com/Prod/'))
            ->headers('POST', '/services/42/suspend', ['b' => '2 x', 'a' => ['1', '0']], '{"reason":"overdue"}', 1767225600, 'abcdefghijklmnop1234');

        self::assertSame([
            'X-Whmcs-Signature-Version' => '2',
            'X-Whmcs-Key-Id' => 'whmcs-1',
            'X-Whmcs-Timestamp' => '1767225600',
            'X-Whmcs-Nonce' => 'abcdefghijklmnop1234',
            'X-Whmcs-Signature' => self::SIGNATURE_V2,
        ], $headers);
    }

    public function testAnotherStageOrHostSignsDifferently(): void
    {
        $sign = static fn (string $baseUrl): string => (new RequestSigner('whmcs-1', 'test-secret-123', $baseUrl))
            ->headers('GET', '/services/42', [], '', 1767225600, 'abcdefghijklmnop1234')['X-Whmcs-Signature'];

        $prod = $sign('https://abc123.execute-api.eu-central-1.amazonaws.com/Prod');
        self::assertNotSame($prod, $sign('https://abc123.execute-api.eu-central-1.amazonaws.com/Staging'));
        self::assertNotSame($prod, $sign('https://other.execute-api.eu-central-1.amazonaws.com/Prod'));
        self::assertNotSame($sign('http://127.0.0.1:3000/Prod'), $sign('http://127.0.0.1:3001/Prod'));
    }

    public function testEveryRequestGetsAFreshValidNonceAndCurrentTimestamp(): void
    {
        $signer = new RequestSigner('whmcs-1', 'secret');
        $first = $signer->headers('GET', '/connection', [], '');
        $second = $signer->headers('GET', '/connection', [], '');

        self::assertMatchesRegularExpression('/^[A-Za-z0-9_-]{16,64}$/', $first['X-Whmcs-Nonce']);
        self::assertNotSame($first['X-Whmcs-Nonce'], $second['X-Whmcs-Nonce']);
        self::assertEqualsWithDelta(time(), (int) $first['X-Whmcs-Timestamp'], 2);
    }

    public function testQueryEncodingIsRfc3986(): void
    {
        self::assertSame('', RequestSigner::canonicalQuery([]));
        self::assertSame('a%2Bb=c~d.e_f-g&z=%C3%A4%2F', RequestSigner::canonicalQuery(['z' => 'ä/', 'a+b' => 'c~d.e_f-g']));
    }
}
