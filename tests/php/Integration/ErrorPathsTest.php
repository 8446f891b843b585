<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\LocalStackTestCase;
use WHMCS\Module\Server\Contabo\Api\ErrorTranslator;

/** What an admin reads when things go wrong, against the real backend and a real closed port. */
final class ErrorPathsTest extends LocalStackTestCase
{
    public function testBackendDown(): void
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $address = (string) stream_socket_get_name($socket, false);
        fclose($socket);

        $message = contabo_CreateAccount($this->params(['serverhostname' => $address . '/Prod']));

        self::assertCleanMessage($message);
        self::assertStringContainsString('could not be reached', $message);
        self::assertStringContainsString('http://' . $address . '/Prod', $message);
    }

    public function testWrongSigningSecret(): void
    {
        $message = contabo_CreateAccount($this->params(['serverpassword' => 'not-the-secret-at-all']));

        self::assertCleanMessage($message);
        self::assertStringStartsWith('The provisioning service refused the request signature.', $message);
    }

    public function testInvalidUserDataIsRefusedWithTheBackendsSentence(): void
    {
        $message = contabo_CreateAccount($this->params(['customfields' => ['Cloud-Init User Data' => "just some text\nthat is not cloud-init"]]));

        if ($message === 'success') {
            self::fail('the backend accepted user data that is neither #cloud-config nor a #! script');
        }
        if ($message === ErrorTranslator::ROUTE_MISSING_MESSAGE) {
            $this->markTestSkipped('POST /services/{id}/create is not deployed on the local stack yet (403 Missing Authentication Token).');
        }
        self::assertCleanMessage($message);
        self::assertStringNotContainsString('provisioning service', $message, 'a 400 shows the backend\'s own sentence');
    }

    public function testCatalogLoaders(): void
    {
        $products = contabo_LoadProducts($this->params());
        self::assertSame('Cloud VPS 10 (4 vCPU, 8 GB RAM, 75 GB NVMe)', $products['V91'] ?? null);
        self::assertSame('European Union (EU)', contabo_LoadRegions($this->params())['EU'] ?? null);
        $images = contabo_LoadImages($this->params());
        self::assertArrayHasKey('ubuntu-22.04', $images, 'standard images are offered by name');
        foreach (['Products', 'Regions', 'Images'] as $kind) {
            self::assertNotEmpty(array_filter(Whmcs::$moduleLog, static fn (array $entry): bool => $entry['action'] === 'Catalog' . $kind), "GET /catalog/... for {$kind} is logged");
        }
    }
}
