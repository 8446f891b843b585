<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\LocalStackTestCase;
use WHMCS\Module\Server\Contabo\ClientArea\ClientRequest;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * Object storage as its own product type, module functions against the local backend: one
 * storage through its life (the provider allows one per region per account, so one test
 * holds the region for its whole story).
 */
final class ObjectStorageTest extends LocalStackTestCase
{
    protected function tearDown(): void
    {
        ClientRequest::$current = null;
    }

    public function testOrderUsageKeysResizeAndTerminate(): void
    {
        $params = $this->params(['configoption9' => 'object_storage', 'configoptions' => ['Region' => 'EU|Europe', 'Storage Size' => '1|1 TB', 'Auto-Scaling Limit' => '0|Off']]);
        $serviceId = (string) $params['serviceid'];
        ClientRequest::$current = new ClientRequest('POST', [], [], false, '');

        $this->assertModuleSuccess(contabo_CreateAccount($params), 'POST /services/{id}/object-storage');
        $pending = contabo_ClientArea($params);
        self::assertSame('templates/objectstorage.tpl', $pending['tabOverviewReplacementTemplate']);
        $this->waitUntilActive($params);

        $overview = contabo_ClientArea($params)['templateVariables'];
        self::assertSame('', $overview['load_error']);
        self::assertSame('1', $overview['storage']['size_tb']);
        self::assertNotSame('', $overview['endpoint'], 'the S3 endpoint is shown without revealing keys');
        self::assertSame('', $overview['usage_error']);
        self::assertNotNull($overview['usage']);
        self::assertSame('', $overview['secret_key']);

        $revealed = $this->submit($params, ['op' => 'reveal']);
        self::assertSame('', $revealed['flash_error']);
        self::assertNotSame('', $revealed['secret_key']);
        $regenerated = $this->submit($params, ['op' => 'regenerate', 'confirm' => '1']);
        self::assertSame('New access keys were created. Update your applications with them.', $regenerated['flash_success'], $regenerated['flash_error']);
        self::assertNotSame($revealed['secret_key'], $regenerated['secret_key']);
        $this->assertNoSecretLogged([$revealed['secret_key'], $regenerated['secret_key']]);

        ClientRequest::$current = new ClientRequest('POST', [], [], false, '');
        $grown = ['configoptions' => ['Region' => 'EU', 'Storage Size' => '2', 'Auto-Scaling Limit' => '4']] + $params;
        $this->assertModuleSuccess(contabo_ChangePackage($grown), 'POST /services/{id}/object-storage/resize');
        $this->waitForService($params, static fn (array $view): bool => ($view['object_storage']['resize'] ?? null) === null && (float) ($view['object_storage']['size_tb'] ?? 0) >= 2.0, 'reached 2 TB');
        $smaller = contabo_ChangePackage(['configoptions' => ['Region' => 'EU', 'Storage Size' => '1']] + $params);
        self::assertSame('success', $smaller, 'the size is a quota in the region\'s pool: it may go down');
        self::assertNotSame('', $revealed['bucket'], 'the customer is told their bucket');

        $second = $this->params(['configoption9' => 'object_storage', 'configoptions' => ['Region' => 'EU', 'Storage Size' => '1']]);
        $this->assertModuleSuccess(contabo_CreateAccount($second), 'POST /services/{id}/object-storage');
        $this->waitUntilActive($second);
        $theirs = $this->submit($second, ['op' => 'reveal']);
        self::assertNotSame($regenerated['access_key'], $theirs['access_key'], 'each customer has their own keys');
        self::assertNotSame($revealed['bucket'], $theirs['bucket'], 'and their own bucket');

        $admin = contabo_AdminServicesTabFields($params);
        self::assertStringStartsWith('Active', $admin['Storage status']); // the state's name in the admin's language
        self::assertStringNotContainsString('unavailable', $admin['Usage']);

        $this->assertModuleSuccess(contabo_TerminateAccount($params), 'POST /services/{id}/terminate');
        $ended = ClientFactory::fromParams($params)->service($serviceId);
        self::assertSame('terminated', $ended['state']);
        self::assertNotEmpty($ended['object_storage']['data_deleted_after'], 'the data goes after the grace period');
    }

    /** @return array<string, mixed> */
    private function submit(array $params, array $fields): array
    {
        ClientRequest::$current = new ClientRequest('POST', $fields + ['token' => Whmcs::CSRF_TOKEN, 'form_key' => bin2hex(random_bytes(16))], [], true, Whmcs::CSRF_TOKEN);
        return contabo_objectstorage($params)['vars'];
    }

    /** @param list<string> $secrets */
    private function assertNoSecretLogged(array $secrets): void
    {
        $logged = (string) json_encode(array_map(static fn (array $e): array => [$e['request'], $e['response'], $e['processed']], Whmcs::$moduleLog), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        foreach (array_filter($secrets) as $secret) {
            self::assertStringNotContainsString($secret, $logged);
        }
    }
}
