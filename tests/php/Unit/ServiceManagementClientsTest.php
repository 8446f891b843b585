<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Every route of docs/service-management-api.md: the request each client method sends, and clean errors. */
final class ServiceManagementClientsTest extends FakeBackendTestCase
{
    private array $params;

    protected function setUp(): void
    {
        parent::setUp();
        $this->params = WhmcsParams::service();
    }

    public function testComputeRoutes(): void
    {
        $this->transport
            ->answer(202, ['service' => ['service_id' => '42', 'state' => 'active'], 'rescue_password' => 'Rescue-Secret-77'])
            ->answer(200, ['items' => [['id' => 'img-1', 'name' => 'Ubuntu 22.04', 'os_type' => 'Linux', 'version' => '22.04', 'standard' => true], ['id' => 'img-2', 'name' => 'My golden image', 'standard' => false], ['name' => 'no id']]])
            ->answer(202, ['service_id' => '42', 'password' => 'New-Root-Pass-1'])
            ->answer(200, ['items' => [['id' => 'snap1', 'name' => 'before-upgrade']], 'limit' => 3])
            ->answer(201, ['id' => 'snap2', 'name' => 'nightly'])
            ->answer(202, ['service_id' => '42'])
            ->answer(200, ['deleted' => true]);
        $compute = ClientFactory::compute($this->params);

        self::assertSame('Rescue-Secret-77', $compute->rescue('42', ['11'], '')['rescue_password']);
        $images = $compute->images('42');
        $compute->reinstall('42', 'img-1', ['11', '12'], 'web-server', null);
        $snapshots = $compute->snapshots('42');
        $compute->createSnapshot('42', 'nightly');
        $compute->rollbackSnapshot('42', 'snap1');
        $compute->deleteSnapshot('42', 'snap1');

        self::assertSame([
            'POST /services/42/rescue {"ssh_key_ids":["11"]}',
            'GET /services/42/images',
            'POST /services/42/reinstall {"image_id":"img-1","ssh_key_ids":["11","12"],"confirm":true,"cloud_init_template":"web-server"}',
            'GET /services/42/snapshots',
            'POST /services/42/snapshots {"name":"nightly"}',
            'POST /services/42/snapshots/snap1/rollback {"confirm":true}',
            'DELETE /services/42/snapshots/snap1',
        ], $this->transport->calls());
        self::assertSame(['img-1', 'img-2'], array_column($images, 'id'));
        self::assertFalse($images[1]['standard']);
        self::assertSame(3, $snapshots['limit']);
        $this->assertNotLogged(['Rescue-Secret-77', 'New-Root-Pass-1']);
    }

    public function testSshKeyVaultIsScopedToTheClient(): void
    {
        $this->transport
            ->answer(200, ['items' => [['id' => '11', 'name' => 'laptop', 'fingerprint' => 'SHA256:abc', 'default' => true]]])
            ->answer(201, ['id' => '12'])
            ->answer(200, ['id' => '12', 'default' => true])
            ->answer(200, ['deleted' => true]);
        $vault = ClientFactory::sshKeys($this->params);

        self::assertSame('laptop', $vault->keys('7')[0]['name']);
        $vault->add('7', 'desktop', 'ssh-ed25519 AAAA desk');
        $vault->setDefault('7', '12');
        $vault->delete('7', '12');

        self::assertSame([
            'GET /clients/7/ssh-keys',
            'POST /clients/7/ssh-keys {"name":"desktop","public_key":"ssh-ed25519 AAAA desk"}',
            'POST /clients/7/ssh-keys/12/default {}',
            'DELETE /clients/7/ssh-keys/12',
        ], $this->transport->calls());
    }

    public function testNetworkingAndFirewallRoutes(): void
    {
        $this->transport
            ->answer(200, ['items' => [['ip' => '203.0.113.10', 'version' => 4, 'type' => 'primary', 'ptr' => 'vmi.example.net']]])
            ->answer(200, ['ip' => '2001:db8::10', 'ptr' => 'web1.example.com'])
            ->answer(200, ['ip' => '203.0.113.10', 'ptr' => 'vmi.example.net'])
            ->answer(200, ['items' => [['id' => '900', 'name' => 'backend', 'joined' => false]], 'can_create' => true, 'notice' => 'The server restarts to apply it.'])
            ->answer(201, ['id' => '901'])
            ->answer(202, ['id' => '900'])
            ->answer(202, ['id' => '900'])
            ->answer(200, ['firewall' => null, 'presets' => [['name' => 'web', 'description' => 'HTTP, HTTPS, SSH', 'rules' => []]]])
            ->answer(200, ['id' => 'fw1'])
            ->answer(200, ['id' => 'fw1'])
            ->answer(200, ['deleted' => true]);
        $network = ClientFactory::network($this->params);

        self::assertSame('vmi.example.net', $network->ips('42')[0]['ptr']);
        $network->setReverseDns('42', '2001:db8::10', 'web1.example.com');
        $network->resetReverseDns('42', '203.0.113.10');
        $networks = $network->privateNetworks('42');
        $network->createPrivateNetwork('42', 'db', 'databases');
        $network->joinPrivateNetwork('42', '900');
        $network->leavePrivateNetwork('42', '900');
        $firewall = $network->firewall('42');
        $network->saveFirewallRules('42', [['direction' => 'inbound', 'protocol' => 'tcp', 'ports' => '22', 'source' => '0.0.0.0/0', 'action' => 'accept']]);
        $network->applyFirewallPreset('42', 'web');
        $network->deleteFirewall('42');

        self::assertSame([
            'GET /services/42/ips',
            'PUT /services/42/reverse-dns/2001:db8::10 {"ptr":"web1.example.com"}',
            'DELETE /services/42/reverse-dns/203.0.113.10',
            'GET /services/42/private-networks',
            'POST /services/42/private-networks {"name":"db","description":"databases"}',
            'POST /services/42/private-networks/900/join {"confirm":true}',
            'POST /services/42/private-networks/900/leave {"confirm":true}',
            'GET /services/42/firewall',
            'PUT /services/42/firewall {"rules":[{"direction":"inbound","protocol":"tcp","ports":"22","source":"0.0.0.0/0","action":"accept"}]}',
            'POST /services/42/firewall/presets/web {}',
            'DELETE /services/42/firewall',
        ], $this->transport->calls());
        self::assertTrue($networks['can_create']);
        self::assertSame('The server restarts to apply it.', $networks['notice']);
        self::assertNull($firewall['firewall']);
        self::assertSame('web', $firewall['presets'][0]['name']);
    }

    public function testActivityTagsAndCsvExport(): void
    {
        $this->transport
            ->answer(200, ['items' => [['at' => '2026-11-20T10:00:00Z', 'action' => 'power.start']], 'next_cursor' => 'c2'])
            ->answer(200, "at,action\n2026-11-20T10:00:00Z,power.start\n", ['Content-Type' => 'text/csv'])
            ->answer(200, ['items' => ['whmcs-service-42', 'team-a']])
            ->answer(200, ['items' => ['whmcs-service-42', 'team-b']]);
        $activity = ClientFactory::activity($this->params);

        self::assertSame('c2', $activity->activity('42', 25, 'c1')['next_cursor']);
        self::assertStringStartsWith("at,action\n", $activity->activityCsv('42'));
        self::assertSame(['whmcs-service-42', 'team-a'], $activity->tags('42'));
        self::assertSame(['whmcs-service-42', 'team-b'], $activity->setAdminTags('42', ['team-b']));

        self::assertSame([
            'GET /services/42/activity',
            'GET /services/42/activity',
            'GET /services/42/tags',
            'PUT /admin/services/42/tags {"tags":["team-b"]}',
        ], $this->transport->calls());
        self::assertStringEndsWith('?client_id=7&cursor=c1&limit=25', $this->transport->requests[0]['url']);
        self::assertStringEndsWith('?client_id=7&format=csv', $this->transport->requests[1]['url']);
        self::assertStringContainsString('text/csv', $this->transport->requests[1]['headers']['Accept']);
    }

    public function testObjectStorageRoutesAndTheSecretNeverLogged(): void
    {
        $this->transport
            ->answer(202, ['service_id' => '42', 'kind' => 'object_storage', 'state' => 'provisioning'])
            ->answer(202, ['service_id' => '42'])
            ->answer(200, ['used_tb' => 0.4, 'size_tb' => 1, 'used_percent' => 40, 'objects' => 1200, 'as_of' => '2026-11-21T00:00:00Z'])
            ->answer(200, ['endpoint' => 'https://eu2.storage.example', 'access_key' => 'AK1', 'secret_key' => 'Secret-Key-Value-1'])
            ->answer(200, ['endpoint' => 'https://eu2.storage.example', 'access_key' => 'AK2', 'secret_key' => 'Secret-Key-Value-2']);
        $storage = ClientFactory::objectStorage($this->params);

        $storage->create('42', ['client_id' => '7', 'client_email' => 'ada@example.com', 'region' => 'EU', 'size_tb' => 1.0]);
        $storage->resize('42', 2.0, 5.0);
        self::assertSame(40, $storage->usage('42')['used_percent']);
        self::assertSame('Secret-Key-Value-1', $storage->credentials('42')['secret_key']);
        self::assertSame('AK2', $storage->regenerateCredentials('42')['access_key']);

        self::assertSame([
            'POST /services/42/object-storage {"client_id":"7","client_email":"ada@example.com","region":"EU","size_tb":1}',
            'POST /services/42/object-storage/resize {"size_tb":2,"auto_scaling_limit_tb":5}',
            'GET /services/42/object-storage/usage',
            'GET /services/42/object-storage/credentials',
            'POST /services/42/object-storage/credentials/regenerate {}',
        ], $this->transport->calls());
        $this->assertNotLogged(['Secret-Key-Value-1', 'Secret-Key-Value-2']);
    }

    public function testAdminGuardrailsAndTemplates(): void
    {
        $this->transport
            ->answer(200, ['allow_reinstall' => false, 'max_snapshots' => 2])
            ->answer(200, ['allow_reinstall' => true])
            ->answer(200, ['items' => [['name' => 'web-server', 'description' => 'nginx', 'content' => '#cloud-config'], ['description' => 'no name']]]);
        $admin = ClientFactory::admin($this->params);

        self::assertFalse($admin->guardrails('3')['allow_reinstall']);
        $admin->saveGuardrails('3', ['allow_reinstall' => true]);
        self::assertSame([['name' => 'web-server', 'description' => 'nginx']], $admin->cloudInitTemplates());
        self::assertSame([
            'GET /admin/products/3/guardrails',
            'PUT /admin/products/3/guardrails {"allow_reinstall":true}',
            'GET /admin/cloud-init-templates',
        ], $this->transport->calls());
    }

    public function testRefusalsArriveAsTheBackendsSentence(): void
    {
        $this->transport->answer(422, ['error' => ['code' => 'quota_exceeded', 'message' => 'This server already has 3 snapshots, the most its plan allows. Delete one first.']]);

        try {
            ClientFactory::compute($this->params)->createSnapshot('42', 'one-more');
            self::fail('a refusal must throw');
        } catch (ApiException $error) {
            self::assertSame(ApiException::REJECTED, $error->kind);
            self::assertSame('quota_exceeded', $error->errorCode);
            self::assertSame('This server already has 3 snapshots, the most its plan allows. Delete one first.', $error->getMessage());
        }
    }

    public function testAConflictIsFinalNotARetryLater(): void
    {
        $this->transport->answer(409, ['error' => ['code' => 'conflict', 'message' => 'This SSH key is already in your key store.']]);

        try {
            ClientFactory::sshKeys($this->params)->add('7', 'laptop', 'ssh-ed25519 AAAA x');
            self::fail('a conflict must throw');
        } catch (ApiException $error) {
            self::assertSame(ApiException::REJECTED, $error->kind);
            self::assertSame('This SSH key is already in your key store.', $error->getMessage());
        }
    }

    public function testIdsThatWouldChangeThePathAreRefusedBeforeSending(): void
    {
        foreach (['../admin', 'a/b', 'snap 1', '', str_repeat('a', 129)] as $bad) {
            try {
                ClientFactory::compute($this->params)->deleteSnapshot('42', $bad);
                self::fail("'{$bad}' must be refused");
            } catch (\InvalidArgumentException $invalid) {
                self::assertSame('That snapshot is not valid.', $invalid->getMessage());
            }
        }
        self::assertSame([], $this->transport->requests);
    }

    public function testAFormKeyMakesTheSameIdempotencyKeyOnEveryAttempt(): void
    {
        $this->transport->fail('reset')->answer(201, ['id' => 'snap2']);

        ClientFactory::compute($this->params, 'whmcs-form-0123456789abcdef')->createSnapshot('42', 'nightly');

        self::assertCount(2, $this->transport->requests);
        self::assertSame('whmcs-form-0123456789abcdef', $this->transport->requests[0]['headers']['X-Idempotency-Key']);
        self::assertSame('whmcs-form-0123456789abcdef', $this->transport->requests[1]['headers']['X-Idempotency-Key']);
    }

    /** @param list<string> $secrets */
    private function assertNotLogged(array $secrets): void
    {
        self::assertNotEmpty(Whmcs::$moduleLog);
        $logged = (string) json_encode(Whmcs::$moduleLog, JSON_UNESCAPED_SLASHES);
        foreach ($secrets as $secret) {
            self::assertStringNotContainsString($secret, $logged);
        }
    }
}
