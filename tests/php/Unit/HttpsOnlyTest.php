<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Contabo\Api\CurlTransport;
use WHMCS\Module\Server\Contabo\Api\ServerRecord;
use WHMCS\Module\Server\Contabo\Api\TransportFailure;

/** Signing secrets, root passwords and S3 keys never travel over plain http, except on this machine. */
final class HttpsOnlyTest extends TestCase
{
    public function testAnUntickedSecureBoxStillMeansHttpsToAnyOtherHost(): void
    {
        foreach (['abc.execute-api.eu-central-1.amazonaws.com/Prod', 'http://api.example.test/Prod', '10.0.0.5'] as $host) {
            $record = ServerRecord::fromParams(['serverhostname' => $host, 'serversecure' => '', 'serverusername' => 'k', 'serverpassword' => 's']);
            self::assertStringStartsWith('https://', $record->baseUrl, $host);
        }
    }

    public function testPlainHttpOnlyToLoopbackWithSecureUnticked(): void
    {
        foreach (['127.0.0.1:3000/Prod', 'localhost:3000', '[::1]:3000'] as $host) {
            $record = ServerRecord::fromParams(['serverhostname' => $host, 'serversecure' => '']);
            self::assertStringStartsWith('http://', $record->baseUrl, $host);
            $ticked = ServerRecord::fromParams(['serverhostname' => $host, 'serversecure' => 'on']);
            self::assertStringStartsWith('https://', $ticked->baseUrl, $host);
        }
    }

    public function testCurlIsLimitedToHttpsUnlessTheHostIsLoopback(): void
    {
        self::assertSame(CURLPROTO_HTTPS, CurlTransport::protocolsFor('https://api.example.test/Prod'));
        self::assertSame(CURLPROTO_HTTPS, CurlTransport::protocolsFor('http://10.0.0.5/Prod'));
        self::assertSame(CURLPROTO_HTTPS, CurlTransport::protocolsFor('http://127.0.0.1.example.test/'));
        self::assertSame(CURLPROTO_HTTPS | CURLPROTO_HTTP, CurlTransport::protocolsFor('http://127.0.0.1:3000/Prod'));
        self::assertSame(CURLPROTO_HTTPS | CURLPROTO_HTTP, CurlTransport::protocolsFor('http://localhost/'));
        self::assertSame(CURLPROTO_HTTPS | CURLPROTO_HTTP, CurlTransport::protocolsFor('http://[::1]:8080/'));
    }

    public function testAPlainHttpUrlToAnotherHostIsRefusedBeforeAnythingIsSent(): void
    {
        try {
            (new CurlTransport(1, 1))->send('POST', 'http://192.0.2.10/Prod/services/1/create', ['X-Whmcs-Key-Id' => 'k'], '{"password":"Secret-1!"}');
            self::fail('plain http to another host was attempted');
        } catch (TransportFailure $failure) {
            self::assertStringContainsString('https only', $failure->getMessage());
            self::assertFalse($failure->timedOut);
        }
    }

    public function testPlainHttpToLoopbackIsAllowed(): void
    {
        // Nothing listens on port 9 (discard): the connection is refused, not blocked by the protocol rule.
        try {
            (new CurlTransport(1, 1))->send('GET', 'http://127.0.0.1:9/health', [], '');
            self::fail('something answered on port 9');
        } catch (TransportFailure $failure) {
            self::assertStringNotContainsString('https only', $failure->getMessage());
            self::assertStringNotContainsStringIgnoringCase('protocol', $failure->getMessage());
        }
    }
}
