<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use WHMCS\Module\Server\Contabo\ClientArea\Format;

/**
 * The server module's admin Services tab on a fake backend: an admin session with no language
 * chosen, and the dates and numbers put back into English after each test (the tab switches
 * them to the admin's language).
 */
abstract class AdminServicesTabTestCase extends FakeBackendTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        $_SESSION = [];
    }

    protected function tearDown(): void
    {
        parent::tearDown();
        $_SESSION = [];
        Format::useLanguage('english');
    }

    /** The object-storage tab's usage: 0.5 of 2 TB (25%), 10 objects, as of 21 Nov 2026. */
    protected function objectStorageUsage(): void
    {
        $this->transport->route('GET', '/services/42/object-storage/usage', 200, ['used_tb' => 0.5, 'size_tb' => 2, 'used_percent' => 25, 'objects' => 10, 'as_of' => '2026-11-21']);
    }
}
