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

    public function testCanonicalStringMatchesTheDocumentedVector(): void
    {
        $canonical = RequestSigner::canonicalString('post', '/services/42/suspend', ['b' => '2 x', 'a' => ['1', '0']], '1767225600', 'abcdefghijklmnop1234', '{"reason":"overdue"}');

        self::assertSame(self::CANONICAL, $canonical);
        self::assertSame(self::SIGNATURE, RequestSigner::signature('test-secret-123', $canonical));
    }

    public function testHeadersCarryTheVectorSignature(): void
    {
        $headers = (new RequestSigner('whmcs-1', 'test-secret-123'))
            ->headers('POST', '/services/42/suspend', ['b' => '2 x', 'a' => ['1', '0']], '{"reason":"overdue"}', 1767225600, 'abcdefghijklmnop1234');

        self::assertSame([
            'X-Whmcs-Key-Id' => 'whmcs-1',
            'X-Whmcs-Timestamp' => '1767225600',
            'X-Whmcs-Nonce' => 'abcdefghijklmnop1234',
            'X-Whmcs-Signature' => self::SIGNATURE,
        ], $headers);
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
