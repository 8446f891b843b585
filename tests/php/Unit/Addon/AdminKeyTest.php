<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Addon;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\FakeServerSource;
use Tests\Php\Stubs\FakeTransport;
use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** The backend runs admin tools only for admin keys: the addon signs with its own key. */
final class AdminKeyTest extends TestCase
{
    private const SERVER = ['name' => 'cloud', 'serverhostname' => 'api.example.test/Prod', 'serversecure' => 'on', 'serverusername' => 'module-key', 'serverpassword' => 'module-secret'];

    protected function tearDown(): void
    {
        ClientFactory::$transport = null;
    }

    public function testTheAddonsAdminKeySignsAtTheServerRecordsAddress(): void
    {
        $transport = new FakeTransport();
        $transport->answer(200, ['items' => []]);
        ClientFactory::$transport = $transport;
        $settings = AddonSettings::fromVars(['key_id' => 'admin-key', 'key_secret' => 'admin-secret']);
        $connection = new BackendConnection($settings, new FakeServerSource(self::SERVER));

        $connection->api()->catalog();

        self::assertStringStartsWith('https://api.example.test/Prod/admin/', $transport->requests[0]['url']);
        self::assertSame('admin-key', $transport->requests[0]['headers']['X-Whmcs-Key-Id']);
        self::assertStringContainsString('key admin-key', $connection->describe());
    }

    public function testWithoutItsOwnKeyTheAddonFallsBackToTheServerRecord(): void
    {
        $connection = new BackendConnection(AddonSettings::fromVars([]), new FakeServerSource(self::SERVER));

        self::assertStringContainsString('key module-key', $connection->describe());
    }
}
