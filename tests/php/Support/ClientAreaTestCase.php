<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use Tests\Php\Stubs\Whmcs;
use WHMCS\Module\Server\Contabo\ClientArea\ClientRequest;

/** Client-area page tests: a fake backend and the browser request WHMCS would hand the module. */
abstract class ClientAreaTestCase extends FakeBackendTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        self::get();
    }

    protected function tearDown(): void
    {
        parent::tearDown();
        ClientRequest::$current = null;
    }

    /** @param array<string, string> $query */
    protected static function get(array $query = []): void
    {
        ClientRequest::$current = new ClientRequest('GET', [], $query, true, Whmcs::CSRF_TOKEN);
    }

    /**
     * A form post from the page, with the session's token unless $token says otherwise.
     *
     * @param array<string, mixed> $fields
     */
    protected static function post(array $fields, ?string $token = Whmcs::CSRF_TOKEN): void
    {
        if ($token !== null) {
            $fields['token'] = $token;
        }
        ClientRequest::$current = new ClientRequest('POST', $fields, [], true, Whmcs::CSRF_TOKEN);
    }

    /** @param array<string, mixed> $overrides */
    protected function serviceView(array $overrides = []): void
    {
        $this->transport->route('GET', '/services/42', 200, $overrides + [
            'service_id' => '42', 'kind' => 'compute', 'state' => 'active', 'suspended' => false, 'lock' => null,
            'image_id' => 'img-1', 'region' => 'EU', 'capabilities' => ['console' => false],
        ]);
    }

    protected function guardrails(array $overrides = []): void
    {
        $this->transport->route('GET', '/admin/products/3/guardrails', 200, $overrides + [
            'allow_reinstall' => true, 'allow_rescue' => true, 'allow_snapshot_rollback' => true,
            'allow_private_network_create' => true, 'require_ssh_key' => false, 'cloud_init_max_bytes' => 16384, 'max_snapshots' => null,
        ]);
    }
}
