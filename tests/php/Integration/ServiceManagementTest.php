<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\LocalStackTestCase;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\ClientRequest;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** The client-area pages and admin buttons against the local backend over HTTP. */
final class ServiceManagementTest extends LocalStackTestCase
{
    protected function tearDown(): void
    {
        ClientRequest::$current = null;
    }

    public function testSnapshotCreateListRollbackDelete(): void
    {
        $params = $this->activeService();

        $created = $this->submit('snapshots', $params, ['op' => 'create', 'name' => 'before upgrade', 'description' => 'pre 2.0']);
        self::assertSame('', $created['flash_error']);
        self::assertSame('The snapshot is being created.', $created['flash_success']);
        self::assertSame(['before upgrade'], array_column($created['snapshots'], 'name'), 'the new snapshot is listed');
        self::assertNotSame('', $created['snapshots'][0]['expires'], 'with its expiry date');
        $snapshotId = $created['snapshots'][0]['id'];

        $this->waitUntilIdle($params);
        $asked = $this->submit('snapshots', $params, ['op' => 'rollback', 'snapshot_id' => $snapshotId]);
        self::assertSame('rollback', $asked['confirm']['op'], 'a rollback is confirmed first');
        $rolledBack = $this->submit('snapshots', $params, ['op' => 'rollback', 'snapshot_id' => $snapshotId, 'confirm' => '1']);
        self::assertSame('', $rolledBack['flash_error']);

        $this->waitUntilIdle($params);
        $deleted = $this->submit('snapshots', $params, ['op' => 'delete', 'snapshot_id' => $snapshotId, 'confirm' => '1']);
        self::assertSame('The snapshot was deleted.', $deleted['flash_success'], $deleted['flash_error']);
        self::assertSame([], $deleted['snapshots']);
    }

    public function testSshKeyAddThenReinstallWithConfirmation(): void
    {
        $params = $this->activeService();
        $publicKey = self::newPublicKey();

        $added = $this->submit('sshkeys', $params, ['op' => 'add', 'name' => 'laptop', 'public_key' => $publicKey]);
        self::assertSame('The SSH key was added.', $added['flash_success'], $added['flash_error']);
        $key = $added['ssh_keys'][0];
        self::assertTrue($key['default'], 'the first key becomes the default');

        $page = $this->page('reinstall', $params);
        self::assertSame('', $page['load_error']);
        $image = $page['images_standard'][0]['id'];
        $choice = ['image_id' => $image, 'ssh_key_ids' => [$key['id']], 'cloud_init' => 'own', 'user_data' => "#cloud-config\npackages: [nginx]\n"];

        $review = $this->submit('reinstall', $params, ['op' => 'review'] + $choice);
        self::assertSame('', $review['flash_error']);
        self::assertSame(['laptop'], $review['review']['ssh_key_names']);
        $unconfirmed = $this->submit('reinstall', $params, ['op' => 'reinstall'] + $choice);
        self::assertNotSame('', $unconfirmed['review_error'], 'nothing happens without the tick');

        $done = $this->submit('reinstall', $params, ['op' => 'reinstall', 'confirm_wipe' => '1'] + $choice);
        self::assertSame('', $done['flash_error']);
        self::assertSame('The reinstall has started. The server is ready again in a few minutes.', $done['flash_success']);
        $password = $done['shown_once']['value'] ?? '';
        self::assertNotSame('', $password, 'the new root password is shown once');
        self::assertSame($password, Whmcs::localApiCalls('UpdateClientProduct')[0]['values']['servicepassword'] ?? null, 'and stored in WHMCS');
        $this->assertNoSecretLogged([$password, $params['serverpassword']]);
    }

    public function testAnotherClientsKeyIsNotFoundAtTheBackend(): void
    {
        $params = $this->activeService();
        $stranger = $this->params(['userid' => 9, 'clientsdetails' => ['userid' => 9, 'id' => 9, 'email' => 'eve@example.com', 'language' => '']]);
        $strangersKey = ClientFactory::sshKeys($stranger)->add('9', 'eve', self::newPublicKey('eve@box'));

        try {
            ClientFactory::compute($params)->rescue((string) $params['serviceid'], [(string) $strangersKey['id']]);
            self::fail('another client\'s key must not be usable');
        } catch (ApiException $error) {
            self::assertSame(404, $error->httpStatus);
            self::assertCleanMessage($error->getMessage());
        }
    }

    public function testRescueShowsItsPasswordOnce(): void
    {
        $params = $this->activeService();

        $done = $this->submit('rescue', $params, ['op' => 'start', 'confirm' => '1']);

        self::assertSame('', $done['flash_error']);
        $password = $done['shown_once']['value'] ?? '';
        self::assertNotSame('', $password);
        $this->assertNoSecretLogged([$password]);
    }

    public function testReverseDnsSetAndReset(): void
    {
        $params = $this->activeService();
        $page = $this->page('network', $params);
        self::assertSame('', $page['ips_error']);
        $ipv4 = array_values(array_filter($page['ips'], static fn (array $ip): bool => $ip['version'] === 4))[0]['ip'];

        $set = $this->submit('network', $params, ['op' => 'ptr_set', 'ip' => $ipv4, 'ptr' => 'mail.example.com']);
        self::assertSame('The reverse DNS name was saved.', $set['flash_success'], $set['flash_error']);
        self::assertContains('mail.example.com', array_column($set['ips'], 'ptr'));

        $reset = $this->submit('network', $params, ['op' => 'ptr_reset', 'ip' => $ipv4]);
        self::assertSame('', $reset['flash_error']);
        self::assertNotContains('mail.example.com', array_column($reset['ips'], 'ptr'));

        $foreign = $this->submit('network', $params, ['op' => 'ptr_set', 'ip' => '198.51.100.200', 'ptr' => 'mail.example.com']);
        self::assertSame('That IP address does not belong to this server.', $foreign['flash_error']);
    }

    public function testFirewallPresetThenOwnRulesThenRemoval(): void
    {
        $params = $this->activeService();
        $page = $this->page('firewall', $params);
        self::assertNull($page['firewall'], 'no firewall until first use');
        self::assertNotEmpty($page['presets']);

        $preset = $this->submit('firewall', $params, ['op' => 'preset', 'preset' => $page['presets'][0]['name'], 'confirm' => '1']);
        self::assertSame('The preset was applied.', $preset['flash_success'], $preset['flash_error']);
        self::assertNotNull($preset['firewall']);

        $rules = $this->submit('firewall', $params, ['op' => 'save', 'rules' => [['enabled' => '1', 'protocol' => 'tcp', 'ports' => '2222', 'source' => '203.0.113.0/24']]]);
        self::assertSame('The firewall rules were saved.', $rules['flash_success'], $rules['flash_error']);
        self::assertSame([['enabled' => true, 'protocol' => 'tcp', 'ports' => '2222', 'source' => '203.0.113.0/24']], $rules['firewall']['rules']);

        $removed = $this->submit('firewall', $params, ['op' => 'delete', 'confirm' => '1']);
        self::assertSame('The firewall was removed.', $removed['flash_success'], $removed['flash_error']);
        self::assertNull($removed['firewall']);
    }

    public function testPrivateNetworksNeedTheAddOnThenCreateAndJoinWithTheRestartStated(): void
    {
        $without = $this->page('network', $this->activeService());
        self::assertSame('', $without['private_networks_error']);
        self::assertFalse($without['can_create_network'], 'without the Private Networking option nothing can be created');

        $params = $this->activeService(['configoptions' => ['Private Networking' => '1']]);
        $page = $this->page('network', $params);
        self::assertTrue($page['can_create_network']);
        self::assertNotSame('', $page['network_notice']);

        $spaced = $this->submit('network', $params, ['op' => 'network_create', 'name' => 'backend net']);
        self::assertStringStartsWith('Network names have 1 to 64 characters', $spaced['flash_error']);

        $name = 'backend-' . $params['serviceid'];
        $created = $this->submit('network', $params, ['op' => 'network_create', 'name' => $name]);
        self::assertSame('The private network was created.', $created['flash_success'], $created['flash_error']);
        $network = array_values(array_filter($created['private_networks'], static fn (array $n): bool => $n['name'] === $name))[0] ?? null;
        self::assertNotNull($network, 'the new network is listed');

        $joinAsked = $this->submit('network', $params, ['op' => 'network_join', 'network_id' => $network['id']]);
        self::assertStringContainsString('restart', $joinAsked['confirm']['warning'], 'the restart is stated before the customer confirms');
        $joined = $this->submit('network', $params, ['op' => 'network_join', 'network_id' => $network['id'], 'confirm' => '1']);
        self::assertStringStartsWith('The server is being connected to the private network', $joined['flash_success'], $joined['flash_error']);
    }

    public function testActivityListsWhatHappenedAndTheAdminExportsIt(): void
    {
        $params = $this->activeService();
        $this->submit('snapshots', $params, ['op' => 'create', 'name' => 'for the log']);

        $activity = $this->page('activity', $params);

        self::assertSame('', $activity['load_error']);
        self::assertNotEmpty($activity['activity']);
        ClientRequest::$current = new ClientRequest('POST', [], [], false, '');
        self::assertSame('success', contabo_exportActivity($params));
        $fields = contabo_AdminServicesTabFields($params);
        self::assertStringContainsString('download="service-' . $params['serviceid'] . '-activity.csv"', $fields['Activity export']);
        self::assertStringNotContainsString('unavailable', $fields['Firewall']);
        self::assertStringNotContainsString('unavailable', $fields['Guardrails (product 3)']);
    }

    public function testAdminTagsApplyAndReapply(): void
    {
        $params = $this->activeService();
        $_POST = ['cloudserver_tags_original' => '', 'cloudserver_tags' => 'team-a, vip'];
        try {
            contabo_AdminServicesTabFieldsSave($params);
        } finally {
            $_POST = [];
        }

        $tags = ClientFactory::activity($params)->tags((string) $params['serviceid']);
        self::assertContains('team-a', $tags);
        self::assertContains('vip', $tags);
        ClientRequest::$current = new ClientRequest('POST', [], [], false, '');
        self::assertSame('success', contabo_applyTags($params));
    }

    public function testSuspendedServiceReadsButEveryChangeIsRefused(): void
    {
        $params = $this->activeService();
        ClientRequest::$current = new ClientRequest('POST', [], [], false, '');
        $this->assertModuleSuccess(contabo_SuspendAccount($params), 'POST /services/{id}/suspend');
        $suspended = ['status' => 'Suspended'] + $params;

        $page = $this->submit('snapshots', $suspended, ['op' => 'create', 'name' => 'nope']);
        self::assertTrue($page['read_only']);
        self::assertStringStartsWith('This service is suspended', $page['flash_error']);
        self::assertSame('', $page['load_error'], 'a suspended service still reads');

        // The backend refuses too, whatever the module's own check says.
        try {
            ClientFactory::compute($params)->createSnapshot((string) $params['serviceid'], 'nope');
            self::fail('the backend must refuse changes to a suspended service');
        } catch (ApiException $error) {
            self::assertSame(422, $error->httpStatus);
            self::assertStringStartsWith('This service is suspended.', $error->getMessage());
        }
    }

    /**
     * A service created through CreateAccount and provisioned by the backend's job.
     *
     * @param array<string, mixed> $overrides
     * @return array<string, mixed>
     */
    private function activeService(array $overrides = []): array
    {
        $params = $this->params($overrides);
        ClientRequest::$current = new ClientRequest('POST', [], [], false, '');
        $this->assertModuleSuccess(contabo_CreateAccount($params), 'POST /services/{id}/create');
        $this->waitUntilActive($params);
        return $params;
    }

    /** @return array<string, mixed> the page's variables for a plain visit */
    private function page(string $page, array $params): array
    {
        ClientRequest::$current = new ClientRequest('GET', [], [], true, Whmcs::CSRF_TOKEN);
        $function = 'contabo_' . $page;
        return $function($params)['vars'];
    }

    /**
     * The page's variables after the customer sent one of its forms (with the session token).
     *
     * @param array<string, mixed> $fields
     * @return array<string, mixed>
     */
    private function submit(string $page, array $params, array $fields): array
    {
        ClientRequest::$current = new ClientRequest('POST', $fields + ['token' => Whmcs::CSRF_TOKEN, 'form_key' => bin2hex(random_bytes(16))], [], true, Whmcs::CSRF_TOKEN);
        $function = 'contabo_' . $page;
        $vars = $function($params)['vars'];
        $this->assertNoSecretLogged([(string) $params['serverpassword']]);
        return $vars;
    }

    private static function newPublicKey(string $comment = 'ada@laptop'): string
    {
        $blob = '';
        foreach (['ssh-ed25519', random_bytes(32)] as $part) {
            $blob .= pack('N', strlen($part)) . $part;
        }
        return 'ssh-ed25519 ' . base64_encode($blob) . ' ' . $comment;
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
