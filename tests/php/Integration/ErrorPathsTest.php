<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Support\LocalStackTestCase;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\ErrorTranslator;
use WHMCS\Module\Server\Contabo\ClientFactory;

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
        foreach (['products', 'regions', 'images'] as $kind) {
            try {
                $items = ClientFactory::fromParams($this->params())->catalog($kind);
            } catch (ApiException $error) {
                if ($error->kind === ApiException::ROUTE_MISSING) {
                    $this->markTestSkipped("GET /catalog/{$kind} is not deployed on the local stack yet (403 Missing Authentication Token).");
                }
                throw $error;
            }
            self::assertNotEmpty($items, "GET /catalog/{$kind} returned no items");
        }
    }
}
