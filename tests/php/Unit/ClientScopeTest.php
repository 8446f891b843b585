<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;
use WHMCS\Module\Server\Contabo\Api\RequestSigner;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Every call about one service names its client (signed), so the backend refuses a reused id. */
final class ClientScopeTest extends FakeBackendTestCase
{
    public function testServiceCallsCarryTheSignedClientId(): void
    {
        $this->transport->answer(200, ['state' => 'active'])->answer(200, ['state' => 'active']);
        $client = ClientFactory::fromParams(WhmcsParams::service());

        $client->service('42', true);
        $client->suspend('42', 'overdue', 'stop');

        self::assertStringEndsWith('/services/42?client_id=7&include_password=true', $this->transport->requests[0]['url']);
        self::assertStringEndsWith('/services/42/suspend?client_id=7', $this->transport->requests[1]['url']);
        $headers = $this->transport->requests[0]['headers'];
        $canonical = RequestSigner::canonicalStringV2('api.example.test', 'GET', '/Prod/services/42', ['client_id' => '7', 'include_password' => 'true'], $headers['X-Whmcs-Timestamp'], $headers['X-Whmcs-Nonce'], '');
        self::assertSame(RequestSigner::signature((string) WhmcsParams::service()['serverpassword'], $canonical), $headers['X-Whmcs-Signature']);
    }

    public function testCallsAboutNoOneServiceNameNoClient(): void
    {
        $this->transport->answer(200, ['services' => []])->answer(200, ['ok' => true]);
        $client = ClientFactory::fromParams(WhmcsParams::service());

        $client->listServices();
        $client->testConnection();

        foreach ($this->transport->requests as $request) {
            self::assertStringNotContainsString('client_id', $request['url']);
        }
    }

    public function testAServerRecordWithoutAClientSendsNone(): void
    {
        $this->transport->answer(200, ['state' => 'active']);
        $server = array_diff_key(WhmcsParams::service(), ['userid' => true, 'clientsdetails' => true]);

        ClientFactory::fromParams($server)->service('42');

        self::assertStringEndsWith('/services/42', $this->transport->requests[0]['url']);
    }
}
