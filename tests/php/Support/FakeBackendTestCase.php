<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Stubs\Whmcs;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Server-module tests on a fake backend: every client ClientFactory makes sends through $transport. */
abstract class FakeBackendTestCase extends TestCase
{
    protected FakeTransport $transport;

    protected function setUp(): void
    {
        Whmcs::reset();
        $this->transport = new FakeTransport();
        ClientFactory::$transport = $this->transport;
    }

    protected function tearDown(): void
    {
        ClientFactory::$transport = null;
    }
}
