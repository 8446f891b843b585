<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\ClientAreaTestCase;

/** The client-area pages: what each shows, the request each form sends, and every refusal. */
final class ClientAreaPagesTest extends ClientAreaTestCase
{
    private const FORM_KEY = '0123456789abcdef0123456789abcdef';
    private const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop';

    protected function setUp(): void
    {
        parent::setUp();
        $this->serviceView();
        $this->guardrails();
        $this->transport->route('GET', '/services/42/snapshots', 200, ['items' => [
            ['id' => 'snap1', 'name' => 'before-upgrade', 'description' => 'pre 2.0', 'created_at' => '2026-11-20T10:00:00Z', 'expires_at' => '2026-12-20T10:00:00Z'],
        ], 'limit' => 3]);
    }

    public function testSnapshotsPageListsWithExpiryAndTheStricterLimit(): void
    {
        $this->guardrails(['max_snapshots' => 1]);

        $page = contabo_snapshots(WhmcsParams::service());

        self::assertSame('templates/snapshots', $page['templatefile']);
        self::assertSame(['clientarea.php?action=productdetails&id=42&modop=custom&a=snapshots' => 'Snapshots'], $page['breadcrumb']);
        $vars = $page['vars'];
        self::assertSame([['id' => 'snap1', 'name' => 'before-upgrade', 'description' => 'pre 2.0', 'created' => '20 Nov 2026, 10:00 UTC', 'expires' => '20 Dec 2026']], $vars['snapshots']);
        self::assertSame(1, $vars['snapshot_limit']);
        self::assertTrue($vars['snapshot_at_limit']);
        self::assertSame('1 of 1 snapshots used.', $vars['snapshot_summary']);
        self::assertFalse($vars['read_only']);
        self::assertSame([], $this->transport->changes());
        self::assertMatchesRegularExpression('/^[a-f0-9]{32}$/', $vars['form_key']);
        self::assertSame(['overview', 'reinstall', 'images', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity', 'dns'], array_column($vars['nav'], 'name'));
        self::assertTrue($vars['nav'][3]['active']);
    }

    public function testTheAutomaticSnapshotPolicyIsShownAndSavedWithinTheLimit(): void
    {
        $this->guardrails(['max_snapshots' => 2]);
        $this->transport->route('GET', '/services/42/snapshot-policy', 200, ['frequency' => 'daily', 'keep' => 2, 'limit' => 2, 'last_taken_at' => '2026-12-04T03:00:00Z', 'next_due_at' => '2026-12-05T03:00:00Z', 'last_error' => 'The quota is full.', 'automatic_snapshot_ids' => ['snap1']])
            ->route('PUT', '/services/42/snapshot-policy', 200, ['frequency' => 'weekly', 'keep' => 2]);

        $policy = contabo_snapshots(WhmcsParams::service())['vars']['policy'];
        self::assertSame('daily', $policy['frequency']);
        self::assertSame([1, 2], $policy['keep_options'], 'never more than the product allows');
        self::assertSame('5 Dec 2026, 03:00 UTC', $policy['next_due']);
        self::assertSame('The quota is full.', $policy['last_error']);

        self::post(['op' => 'policy', 'frequency' => 'hourly', 'keep' => '2']);
        self::assertSame('Choose how often and how many automatic snapshots to keep.', contabo_snapshots(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'policy', 'frequency' => 'weekly', 'keep' => '2']);
        self::assertSame('The automatic snapshot schedule was saved.', contabo_snapshots(WhmcsParams::service())['vars']['flash_success']);
        self::assertSame(['PUT /services/42/snapshot-policy {"frequency":"weekly","keep":2}'], $this->transport->changes());

        $this->guardrails(['allow_automatic_snapshots' => false]);
        self::assertFalse(contabo_snapshots(WhmcsParams::service())['vars']['can_schedule']);
    }

    public function testImagesPageListsTheClientsImagesAndUploadsOnlyQcow2OrIso(): void
    {
        $this->transport
            ->route('GET', '/services/42/custom-images', 200, ['items' => [['id' => 'img-1', 'name' => 'golden', 'status' => 'downloading', 'usable' => false, 'size_mb' => 2048, 'format' => 'qcow2', 'os_type' => 'Linux', 'version' => '1.2', 'error' => '']], 'quota' => ['images' => 1, 'used_mb' => 2048, 'total_mb' => 10240, 'free_mb' => 8192], 'allowed' => true, 'limit' => 1])
            ->route('POST', '/services/42/custom-images', 201, ['id' => 'img-2', 'status' => 'downloading'])
            ->route('DELETE', '/services/42/custom-images/img-1', 200, ['deleted' => true]);

        $vars = contabo_images(WhmcsParams::service())['vars'];
        self::assertSame('2.0 GB', $vars['images'][0]['size']);
        self::assertTrue($vars['images_at_limit']);
        self::assertSame('Image storage: 8.0 GB free of 10.0 GB.', $vars['images_quota']);

        self::post(['op' => 'upload', 'name' => 'x', 'url' => 'https://example.com/a.exe', 'os_type' => 'Linux', 'version' => '1']);
        self::assertSame('A public http or https address of a .qcow2 or .iso file.', contabo_images(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'upload', 'name' => 'rescue', 'url' => 'https://example.com/r.iso', 'os_type' => 'Linux', 'version' => '2']);
        self::assertStringStartsWith('The image is being downloaded.', contabo_images(WhmcsParams::service())['vars']['flash_success']);
        self::post(['op' => 'delete', 'image_id' => 'img-1', 'confirm' => '1']);
        contabo_images(WhmcsParams::service());
        self::assertSame(['POST /services/42/custom-images {"name":"rescue","url":"https://example.com/r.iso","os_type":"Linux","version":"2"}', 'DELETE /services/42/custom-images/img-1'], $this->transport->changes());
    }

    public function testCreatingASnapshotSendsItOnceEvenWhenTheFormIsSentTwice(): void
    {
        $this->transport->route('POST', '/services/42/snapshots', 201, ['id' => 'snap2']);
        $form = ['op' => 'create', 'name' => ' nightly ', 'description' => "before\nupgrade", 'form_key' => self::FORM_KEY];

        self::post($form);
        $first = contabo_snapshots(WhmcsParams::service())['vars'];
        self::post($form);
        contabo_snapshots(WhmcsParams::service());

        self::assertSame('The snapshot is being created.', $first['flash_success']);
        self::assertSame('', $first['flash_error']);
        self::assertSame(['POST /services/42/snapshots {"name":"nightly","description":"before upgrade"}', 'POST /services/42/snapshots {"name":"nightly","description":"before upgrade"}'], $this->transport->changes());
        $keys = array_values(array_unique(array_map(
            static fn (array $r): string => $r['headers']['X-Idempotency-Key'],
            array_filter($this->transport->requests, static fn (array $r): bool => $r['method'] === 'POST'),
        )));
        self::assertCount(1, $keys, 'a resubmitted form reaches the backend as a replay');
        self::assertMatchesRegularExpression('/^whmcs-form-[a-f0-9]{48}$/', $keys[0]);
    }

    public function testAFormWithoutTheSessionTokenChangesNothing(): void
    {
        foreach ([null, 'forged-token', ''] as $token) {
            self::post(['op' => 'create', 'name' => 'nightly'], $token);
            $vars = contabo_snapshots(WhmcsParams::service())['vars'];
            self::assertSame('Your session has expired or the form was sent twice. Please reload the page and try again.', $vars['flash_error']);
        }
        // A GET carrying the fields (a link someone else made) is no form post either.
        self::get(['op' => 'create', 'name' => 'nightly', 'token' => Whmcs::CSRF_TOKEN]);
        self::assertSame('', contabo_snapshots(WhmcsParams::service())['vars']['flash_error']);
        self::assertSame([], $this->transport->changes());
    }

    public function testSuspendedServiceReadsButCannotChange(): void
    {
        $this->serviceView(['state' => 'suspended', 'suspended' => true]);
        self::post(['op' => 'create', 'name' => 'nightly']);

        $vars = contabo_snapshots(WhmcsParams::service(['status' => 'Suspended']))['vars'];

        self::assertTrue($vars['read_only']);
        self::assertStringStartsWith('This service is suspended', $vars['read_only_reason']);
        self::assertSame($vars['read_only_reason'], $vars['flash_error']);
        self::assertCount(1, $vars['snapshots'], 'a suspended service still shows its snapshots');
        self::assertSame([], $this->transport->changes());
    }

    public function testServerStillBeingSetUpRefusesChangesWithTheReason(): void
    {
        $this->serviceView(['state' => 'provisioning']);
        self::post(['op' => 'create', 'name' => 'nightly']);

        $vars = contabo_snapshots(WhmcsParams::service())['vars'];

        self::assertSame('This server is still being set up. Changes are possible as soon as it is ready.', $vars['flash_error']);
        self::assertSame([], $this->transport->changes());
    }

    public function testRollbackAsksForConfirmationFirstThenSendsConfirm(): void
    {
        $this->transport->route('POST', '/services/42/snapshots/snap1/rollback', 202, ['service_id' => '42']);
        self::post(['op' => 'rollback', 'snapshot_id' => 'snap1', 'form_key' => self::FORM_KEY]);

        $confirm = contabo_snapshots(WhmcsParams::service())['vars']['confirm'];

        self::assertSame('rollback', $confirm['op']);
        self::assertSame('Restore this snapshot?', $confirm['title']);
        self::assertStringContainsString('every snapshot newer than this one is deleted', $confirm['warning']);
        self::assertSame([['name' => 'snapshot_id', 'value' => 'snap1'], ['name' => 'form_key', 'value' => self::FORM_KEY]], $confirm['fields']);
        self::assertSame([], $this->transport->changes());

        self::post(['op' => 'rollback', 'snapshot_id' => 'snap1', 'form_key' => self::FORM_KEY, 'confirm' => '1']);
        $vars = contabo_snapshots(WhmcsParams::service())['vars'];

        self::assertSame('The server is being restored from the snapshot.', $vars['flash_success']);
        self::assertSame(['POST /services/42/snapshots/snap1/rollback {"confirm":true}'], $this->transport->changes());
    }

    public function testInvalidInputIsRefusedInTheCustomersLanguageBeforeSending(): void
    {
        self::post(['op' => 'create', 'name' => 'no/slashes']);
        self::assertStringStartsWith('Snapshot names have 1 to 30 characters', contabo_snapshots(WhmcsParams::service())['vars']['flash_error']);

        self::post(['op' => 'create', 'name' => str_repeat('a', 31)]);
        self::assertStringStartsWith('Snapshot-Namen haben 1 bis 30 Zeichen', contabo_snapshots(WhmcsParams::service(['clientsdetails' => ['language' => 'german']]))['vars']['flash_error']);

        self::post(['op' => 'delete', 'snapshot_id' => '../x', 'confirm' => '1']);
        self::assertSame('That snapshot is not valid.', contabo_snapshots(WhmcsParams::service())['vars']['flash_error']);

        self::post(['op' => 'format-disk']);
        self::assertSame('That action is not available on this page.', contabo_snapshots(WhmcsParams::service())['vars']['flash_error']);
        self::assertSame([], $this->transport->changes());
    }

    public function testBackendRefusalShowsInlineAndThePageStillLoads(): void
    {
        $this->transport->route('POST', '/services/42/snapshots', 422, ['error' => ['code' => 'quota_exceeded', 'message' => 'This server already has 3 snapshots, the most its plan allows. Delete one first.']]);
        self::post(['op' => 'create', 'name' => 'nightly']);

        $vars = contabo_snapshots(WhmcsParams::service())['vars'];

        self::assertSame('This server already has 3 snapshots, the most its plan allows. Delete one first.', $vars['flash_error']);
        self::assertSame('', $vars['flash_success']);
        self::assertCount(1, $vars['snapshots']);
        self::assertSame('', $vars['load_error']);
    }

    public function testUnreachableBackendGivesTheCustomerNoAdminDetails(): void
    {
        $this->transport = new \Tests\Php\Stubs\FakeTransport();
        \WHMCS\Module\Server\Contabo\ClientFactory::$transport = $this->transport->fail('Connection refused')->fail('Connection refused');

        $page = contabo_snapshots(WhmcsParams::service());

        self::assertSame('We could not load the live status of this server right now. Please try again in a few minutes.', $page['vars']['load_error']);
        self::assertStringNotContainsString('api.example.test', json_encode($page['vars']));
        self::assertTrue($page['vars']['read_only']);
    }

    public function testSshKeyVault(): void
    {
        $this->transport
            ->route('GET', '/clients/7/ssh-keys', 200, ['items' => [['id' => '11', 'name' => 'laptop', 'fingerprint' => 'SHA256:abc', 'default' => true, 'created_at' => '2026-11-01T00:00:00Z']]])
            ->route('POST', '/clients/7/ssh-keys', 201, ['id' => '12'])
            ->route('POST', '/clients/7/ssh-keys/11/default', 200, ['id' => '11'])
            ->route('DELETE', '/clients/7/ssh-keys/11', 200, ['deleted' => true]);

        self::assertSame([['id' => '11', 'name' => 'laptop', 'fingerprint' => 'SHA256:abc', 'default' => true, 'created' => '1 Nov 2026']], contabo_sshkeys(WhmcsParams::service())['vars']['ssh_keys']);

        self::post(['op' => 'add', 'name' => 'laptop 2', 'public_key' => "  " . self::ED25519 . "\n"]);
        self::assertSame('The SSH key was added.', contabo_sshkeys(WhmcsParams::service())['vars']['flash_success']);
        self::post(['op' => 'add', 'name' => 'bad', 'public_key' => 'ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x']);
        self::assertStringStartsWith('That SSH public key is damaged', contabo_sshkeys(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'add', 'name' => 'private', 'public_key' => "-----BEGIN OPENSSH PRIVATE KEY-----\nabc"]);
        self::assertStringStartsWith('That is not an OpenSSH public key', contabo_sshkeys(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'default', 'key_id' => '11']);
        contabo_sshkeys(WhmcsParams::service());
        self::post(['op' => 'delete', 'key_id' => '11']);
        self::assertSame('delete', contabo_sshkeys(WhmcsParams::service())['vars']['confirm']['op']);
        self::post(['op' => 'delete', 'key_id' => '11', 'confirm' => '1']);
        contabo_sshkeys(WhmcsParams::service());

        self::assertSame([
            'POST /clients/7/ssh-keys {"name":"laptop 2","public_key":"' . self::ED25519 . '"}',
            'POST /clients/7/ssh-keys/11/default {}',
            'DELETE /clients/7/ssh-keys/11',
        ], $this->transport->changes());
    }

    public function testReinstallOffersTheApplicationsAndSendsTheChosenOne(): void
    {
        $this->reinstallChoices();
        $this->transport->route('GET', '/catalog/applications', 200, ['items' => [['key' => 'wordpress', 'name' => 'WordPress', 'compatible_images' => ['ubuntu-22.04'], 'enabled' => true]]])
            ->route('POST', '/services/42/reinstall', 202, ['service_id' => '42', 'state' => 'active']);

        self::assertSame('WordPress', contabo_reinstall(WhmcsParams::service())['vars']['applications'][0]['name']);
        self::post(['op' => 'review', 'image_id' => 'img-1', 'application' => 'joomla']);
        self::assertSame('Choose one of the applications offered.', contabo_reinstall(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'reinstall', 'confirm_wipe' => '1', 'image_id' => 'img-1', 'application' => 'wordpress']);
        contabo_reinstall(WhmcsParams::service());
        self::assertSame(['POST /services/42/reinstall {"image_id":"img-1","ssh_key_ids":[],"confirm":true,"application":"wordpress"}'], $this->transport->changes());
    }

    public function testDnsPageZonesRecordsBulkDeleteAndPointAtServer(): void
    {
        $this->transport
            ->route('GET', '/clients/7/dns/zones', 200, ['zones' => ['example.org'], 'limit' => 20, 'record_limit' => 200])
            ->route('GET', '/clients/7/dns/zones/example.org', 200, ['zone_name' => 'example.org', 'records' => [
                ['record_id' => 5, 'name' => 'www', 'type' => 'A', 'ttl' => 3600, 'data' => '203.0.113.5', 'prio' => 0],
            ]])
            ->route('POST', '/clients/7/dns/zones', 201, ['zone_name' => 'new.example'])
            ->route('POST', '/clients/7/dns/zones/example.org/records', 201, ['record_id' => 6])
            ->route('POST', '/clients/7/dns/zones/example.org/records/bulk-delete', 200, ['deleted' => [5], 'failed' => []])
            ->route('POST', '/services/42/dns/point', 200, ['zone_name' => 'example.org', 'records' => []]);

        $vars = contabo_dns(WhmcsParams::service())['vars'];
        self::assertSame('example.org', $vars['dns_zone']);
        self::assertSame('203.0.113.5', $vars['dns_records'][0]['data']);
        self::assertSame('1 of 20 DNS zones used', $vars['dns_zone_usage']);
        self::assertSame('1 of 200 records', $vars['dns_record_usage']);
        self::assertFalse($vars['dns_zone_limit_reached']);

        self::post(['op' => 'create_zone', 'zone_name' => 'New.Example']);
        self::assertSame('The zone was created.', contabo_dns(WhmcsParams::service())['vars']['flash_success']);
        self::post(['op' => 'add_record', 'zone_name' => 'example.org', 'type' => 'MX', 'name' => '@', 'data' => 'mail.example.org', 'ttl' => '600', 'prio' => '10']);
        self::assertSame('The record was added.', contabo_dns(WhmcsParams::service())['vars']['flash_success']);
        self::post(['op' => 'add_record', 'zone_name' => 'example.org', 'type' => 'NS', 'data' => 'x']);
        self::assertStringContainsString('A, AAAA, CNAME', contabo_dns(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'delete_records', 'zone_name' => 'example.org', 'record_ids' => ['5']]);
        self::assertSame('Delete the selected records?', contabo_dns(WhmcsParams::service())['vars']['confirm']['title']);
        self::post(['op' => 'delete_records', 'zone_name' => 'example.org', 'record_ids' => ['5'], 'confirm' => '1']);
        contabo_dns(WhmcsParams::service());
        self::post(['op' => 'point', 'zone_name' => 'example.org', 'name' => 'www']);
        self::assertSame('The domain now points at this server.', contabo_dns(WhmcsParams::service())['vars']['flash_success']);

        self::assertSame([
            'POST /clients/7/dns/zones {"zone_name":"new.example"}',
            'POST /clients/7/dns/zones/example.org/records {"type":"MX","name":"@","data":"mail.example.org","ttl":600,"prio":10}',
            'POST /clients/7/dns/zones/example.org/records/bulk-delete {"record_ids":[5]}',
            'POST /services/42/dns/point {"client_id":"7","zone_name":"example.org","name":"www"}',
        ], $this->transport->changes());
    }

    public function testDnsPageShowsTheProductsZoneLimitAndItsRefusal(): void
    {
        $this->transport
            ->route('GET', '/clients/7/dns/zones', 200, ['zones' => ['a.example', 'b.example'], 'limit' => 2, 'record_limit' => 3])
            ->route('GET', '/clients/7/dns/zones/a.example', 200, ['zone_name' => 'a.example', 'records' => []])
            ->route('POST', '/clients/7/dns/zones', 422, ['error' => [
                'code' => 'quota_exceeded',
                'message' => 'Your plan allows 2 DNS zones and 2 are hosted; delete a zone or ask support for a larger plan.',
                'message_code' => 'dns_zone_limit',
                'params' => ['limit' => 2, 'used' => 2],
            ]]);

        $vars = contabo_dns(WhmcsParams::service())['vars'];
        self::assertSame('2 of 2 DNS zones used', $vars['dns_zone_usage']);
        self::assertSame('0 of 3 records', $vars['dns_record_usage']);
        self::assertTrue($vars['dns_zone_limit_reached']);
        self::post(['op' => 'create_zone', 'zone_name' => 'c.example']);
        self::assertSame('You can host at most 2 DNS zones.', contabo_dns(WhmcsParams::service())['vars']['flash_error']);
    }

    public function testReinstallReviewsThenNeedsTheWipeConfirmation(): void
    {
        $this->reinstallChoices();
        $this->transport->route('POST', '/services/42/reinstall', 202, ['service_id' => '42', 'state' => 'active', 'password' => 'Fresh-Root-Pass-9']);
        $choice = ['image_id' => 'img-2', 'ssh_key_ids' => ['11'], 'cloud_init' => 'template', 'cloud_init_template' => 'web-server', 'form_key' => self::FORM_KEY];

        $vars = contabo_reinstall(WhmcsParams::service())['vars'];
        self::assertSame(['img-1'], array_column($vars['images_standard'], 'id'));
        self::assertSame(['img-2'], array_column($vars['images_custom'], 'id'));
        self::assertSame('web-server', $vars['cloud_init_templates'][0]['name']);

        self::post(['op' => 'review'] + $choice);
        $review = contabo_reinstall(WhmcsParams::service())['vars']['review'];
        self::assertSame(['application' => '', 'application_name' => '', 'image_id' => 'img-2', 'image_name' => 'Golden image', 'ssh_key_ids' => ['11'], 'ssh_key_names' => ['laptop'], 'cloud_init' => 'template', 'cloud_init_template' => 'web-server', 'user_data' => ''], $review);

        self::post(['op' => 'reinstall'] + $choice);
        $unconfirmed = contabo_reinstall(WhmcsParams::service())['vars'];
        self::assertSame('Please tick the box to confirm that all data on the server will be deleted.', $unconfirmed['review_error']);
        self::assertSame([], $this->transport->changes());

        self::post(['op' => 'reinstall', 'confirm_wipe' => '1'] + $choice);
        $done = contabo_reinstall(WhmcsParams::service())['vars'];

        self::assertSame(['POST /services/42/reinstall {"image_id":"img-2","ssh_key_ids":["11"],"confirm":true,"cloud_init_template":"web-server"}'], $this->transport->changes());
        self::assertSame('The reinstall has started. The server is ready again in a few minutes.', $done['flash_success']);
        self::assertSame(['label' => 'New root password:', 'value' => 'Fresh-Root-Pass-9'], $done['shown_once']);
        self::assertSame([['command' => 'UpdateClientProduct', 'values' => ['serviceid' => 42, 'servicepassword' => 'Fresh-Root-Pass-9']]], Whmcs::$localApiCalls);
        self::assertStringNotContainsString('Fresh-Root-Pass-9', json_encode(Whmcs::$moduleLog));
    }

    public function testReinstallChecksEveryChoiceAgainstWhatWasOffered(): void
    {
        $this->reinstallChoices();
        $cases = [
            [['image_id' => 'someone-elses-image'], 'Please choose an operating system from the list.'],
            [['image_id' => 'img-1', 'ssh_key_ids' => ['99']], 'Please choose SSH keys from your key store.'],
            [['image_id' => 'img-1', 'cloud_init' => 'template', 'cloud_init_template' => 'nope'], 'Please choose a template from the list.'],
            [['image_id' => 'img-1', 'cloud_init' => 'own', 'user_data' => 'runcmd: [reboot]'], 'The user data must start with #cloud-config (YAML) or #! (a script).'],
            [['image_id' => 'img-1', 'cloud_init' => 'own', 'user_data' => "#cloud-config\n" . str_repeat('x', 2000)], 'The user data is too large: at most 1 KiB.'],
        ];
        $this->guardrails(['cloud_init_max_bytes' => 1024]);
        foreach ($cases as [$fields, $message]) {
            self::post(['op' => 'review'] + $fields);
            self::assertSame($message, contabo_reinstall(WhmcsParams::service())['vars']['flash_error']);
        }

        $this->guardrails(['require_ssh_key' => true]);
        self::post(['op' => 'review', 'image_id' => 'img-1']);
        self::assertSame('This plan requires at least one SSH key from your key store for a reinstall.', contabo_reinstall(WhmcsParams::service())['vars']['flash_error']);

        $this->guardrails(['allow_reinstall' => false]);
        self::post(['op' => 'reinstall', 'image_id' => 'img-1', 'confirm_wipe' => '1']);
        self::assertSame('Reinstalling is not available for this plan. Please contact support.', contabo_reinstall(WhmcsParams::service())['vars']['flash_error']);
        self::assertSame([], $this->transport->changes());
    }

    public function testRescueShowsItsPasswordOnceAndNeverLogsIt(): void
    {
        $this->transport
            ->route('GET', '/clients/7/ssh-keys', 200, ['items' => [['id' => '11', 'name' => 'laptop', 'default' => true]]])
            ->route('POST', '/services/42/rescue', 202, ['service' => ['service_id' => '42'], 'rescue_password' => 'Rescue-Only-Once-5']);

        self::post(['op' => 'start', 'ssh_key_ids' => ['11']]);
        self::assertSame('start', contabo_rescue(WhmcsParams::service())['vars']['confirm']['op']);
        self::post(['op' => 'start', 'ssh_key_ids' => ['11'], 'confirm' => '1']);
        $vars = contabo_rescue(WhmcsParams::service())['vars'];

        self::assertSame(['POST /services/42/rescue {"ssh_key_ids":["11"]}'], $this->transport->changes());
        self::assertSame(['label' => 'Rescue password:', 'value' => 'Rescue-Only-Once-5'], $vars['shown_once']);
        self::assertStringNotContainsString('Rescue-Only-Once-5', json_encode(Whmcs::$moduleLog));
        self::get();
        self::assertSame([], contabo_rescue(WhmcsParams::service())['vars']['shown_once'], 'the next visit no longer shows it');
    }

    public function testReverseDnsOnlyForTheServicesOwnAddresses(): void
    {
        $this->networkRoutes();
        $this->transport->route('PUT', '/services/42/reverse-dns/203.0.113.10', 200, ['ip' => '203.0.113.10', 'ptr' => 'mail.example.com'])
            ->route('DELETE', '/services/42/reverse-dns/2001:db8::10', 200, ['ip' => '2001:db8::10', 'ptr' => '']);

        self::post(['op' => 'ptr_set', 'ip' => '203.0.113.10', 'ptr' => 'Mail.Example.com.']);
        self::assertSame('The reverse DNS name was saved.', contabo_network(WhmcsParams::service())['vars']['flash_success']);
        self::post(['op' => 'ptr_reset', 'ip' => '2001:db8::10']);
        contabo_network(WhmcsParams::service());
        self::post(['op' => 'ptr_set', 'ip' => '198.51.100.7', 'ptr' => 'mail.example.com']);
        self::assertSame('That IP address does not belong to this server.', contabo_network(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'ptr_set', 'ip' => '203.0.113.10', 'ptr' => 'not a host name']);
        self::assertStringStartsWith('Please enter a full host name', contabo_network(WhmcsParams::service())['vars']['flash_error']);

        self::assertSame(['PUT /services/42/reverse-dns/203.0.113.10 {"ptr":"mail.example.com"}', 'DELETE /services/42/reverse-dns/2001:db8::10'], $this->transport->changes());
    }

    public function testAnExtraIpMovesOnlyToTheClientsServersTheBackendOffers(): void
    {
        $this->transport
            ->route('GET', '/services/42/ips', 200, ['items' => [['ip' => '203.0.113.10', 'version' => 4, 'type' => 'primary', 'ptr' => ''], ['ip' => '198.51.101.5', 'version' => 4, 'type' => 'additional', 'ptr' => '']]])
            ->route('GET', '/services/42/ips/move-targets', 200, ['items' => [['service_id' => '43', 'hostname' => 'db1.example.com', 'ipv4' => '203.0.113.11']]])
            ->route('GET', '/services/42/private-networks', 200, ['items' => [], 'can_create' => false, 'notice' => ''])
            ->route('POST', '/services/42/ips/198.51.101.5/move', 200, ['ip' => '198.51.101.5', 'from_service_id' => '42', 'to_service_id' => '43']);

        $vars = contabo_network(WhmcsParams::service())['vars'];
        self::assertSame([['service_id' => '43', 'label' => '#43 db1.example.com (203.0.113.11)']], $vars['move_targets']);

        self::post(['op' => 'ip_move', 'ip' => '198.51.101.5', 'target_service_id' => '43']);
        self::assertSame('ip_move', contabo_network(WhmcsParams::service())['vars']['confirm']['op']);
        self::post(['op' => 'ip_move', 'ip' => '198.51.101.5', 'target_service_id' => '99', 'confirm' => '1']);
        self::assertSame('Choose one of your servers in the same region.', contabo_network(WhmcsParams::service())['vars']['flash_error']);
        self::post(['op' => 'ip_move', 'ip' => '203.0.113.10', 'target_service_id' => '43', 'confirm' => '1']);
        self::assertSame('That IP address does not belong to this server.', contabo_network(WhmcsParams::service())['vars']['flash_error']);
        self::assertSame([], $this->transport->changes());

        self::post(['op' => 'ip_move', 'ip' => '198.51.101.5', 'target_service_id' => '43', 'confirm' => '1']);
        $done = contabo_network(WhmcsParams::service())['vars'];
        self::assertSame('198.51.101.5 now belongs to service #43. Configure it on that server.', $done['flash_success']);
        self::assertSame(['POST /services/42/ips/198.51.101.5/move {"target_service_id":"43"}'], $this->transport->changes());
    }

    public function testPrivateNetworkJoinStatesTheRestartBeforeConfirming(): void
    {
        $this->networkRoutes();
        $this->transport->route('POST', '/services/42/private-networks/900/join', 202, ['id' => '900']);

        self::post(['op' => 'network_join', 'network_id' => '900']);
        $vars = contabo_network(WhmcsParams::service())['vars'];
        self::assertSame('network_join', $vars['confirm']['op']);
        self::assertStringContainsString('restarts', $vars['confirm']['warning']);
        self::assertSame('Joining or leaving restarts the server.', $vars['network_notice']);
        self::assertSame([], $this->transport->changes());

        self::post(['op' => 'network_join', 'network_id' => '900', 'confirm' => '1']);
        contabo_network(WhmcsParams::service());
        self::assertSame(['POST /services/42/private-networks/900/join {"confirm":true}'], $this->transport->changes());
    }

    public function testNetworkSectionsFailIndependently(): void
    {
        $this->transport->route('GET', '/services/42/ips', 200, ['items' => [['ip' => '203.0.113.10', 'version' => 4, 'type' => 'primary', 'ptr' => '']]])
            ->route('GET', '/services/42/private-networks', 422, ['error' => ['code' => 'action_refused', 'message' => 'Private networking is not part of this plan.']]);

        $vars = contabo_network(WhmcsParams::service())['vars'];

        self::assertCount(1, $vars['ips']);
        self::assertSame('Private networking is not part of this plan.', $vars['private_networks_error']);
        self::assertSame('', $vars['load_error']);
    }

    public function testFirewallSavesTheTickedRowsValidated(): void
    {
        $this->firewallRoutes();
        $this->transport->route('PUT', '/services/42/firewall', 200, ['id' => 'fw1']);
        $rows = [
            ['enabled' => '1', 'protocol' => 'tcp', 'ports' => '22', 'source' => '203.0.113.0/24'],
            ['enabled' => '1', 'protocol' => 'icmp', 'ports' => '', 'source' => ''],
            ['protocol' => 'udp', 'ports' => '53', 'source' => ''],
            ['enabled' => '1', 'protocol' => 'TCP', 'ports' => '8000 - 8100', 'source' => '2001:db8::1'],
        ];

        $vars = contabo_firewall(WhmcsParams::service())['vars'];
        self::assertSame(['enabled' => true, 'protocol' => 'tcp', 'ports' => '80', 'source' => '0.0.0.0/0'], $vars['rule_rows'][0]);
        self::assertCount(4, $vars['rule_rows'], 'the rule plus three blank rows');

        self::post(['op' => 'save', 'rules' => $rows]);
        self::assertSame('The firewall rules were saved.', contabo_firewall(WhmcsParams::service())['vars']['flash_success']);
        self::assertSame(['PUT /services/42/firewall {"rules":['
            . '{"direction":"inbound","protocol":"tcp","ports":"22","source":"203.0.113.0/24","action":"accept"},'
            . '{"direction":"inbound","protocol":"icmp","ports":"","source":"0.0.0.0/0","action":"accept"},'
            . '{"direction":"inbound","protocol":"tcp","ports":"8000-8100","source":"2001:db8::1/128","action":"accept"}]}'], $this->transport->changes());

        foreach ([
            [['enabled' => '1', 'protocol' => 'tcp', 'ports' => '70000'], 'Ports must be one port from 1 to 65535 (22) or a range (8000-8100).'],
            [['enabled' => '1', 'protocol' => 'tcp', 'ports' => '90-80'], 'Ports must be one port from 1 to 65535 (22) or a range (8000-8100).'],
            [['enabled' => '1', 'protocol' => 'icmp', 'ports' => '22'], 'ICMP and Any rules apply to all ports: leave the ports empty.'],
            [['enabled' => '1', 'protocol' => 'gre'], 'Please choose TCP, UDP, ICMP or Any as the protocol.'],
            [['enabled' => '1', 'protocol' => 'tcp', 'source' => '10.0.0.0/33'], 'Please enter an IP address or network such as 203.0.113.0/24 or 2001:db8::/32.'],
        ] as [$row, $message]) {
            self::post(['op' => 'save', 'rules' => [$row]]);
            self::assertSame($message, contabo_firewall(WhmcsParams::service())['vars']['flash_error']);
        }
        self::assertCount(1, $this->transport->changes());
    }

    public function testFirewallPresetMustBeOneOffered(): void
    {
        $this->firewallRoutes();
        $this->transport->route('POST', '/services/42/firewall/presets/web', 200, ['id' => 'fw1']);

        self::post(['op' => 'preset', 'preset' => 'web', 'confirm' => '1']);
        self::assertSame('The preset was applied.', contabo_firewall(WhmcsParams::service())['vars']['flash_success']);
        self::post(['op' => 'preset', 'preset' => 'open-everything', 'confirm' => '1']);
        self::assertSame('Please choose a preset from the list.', contabo_firewall(WhmcsParams::service())['vars']['flash_error']);
        self::assertSame(['POST /services/42/firewall/presets/web {}'], $this->transport->changes());
    }

    public function testActivityPagesWithTheBackendsCursorOnly(): void
    {
        $this->transport->route('GET', '/services/42/activity', 200, ['items' => [
            ['at' => '2026-11-20T10:00:00Z', 'source' => 'backend', 'action' => 'power.start', 'actor' => 'client', 'outcome' => 'ok', 'request_id' => 'req-1', 'message' => 'Started'],
        ], 'next_cursor' => 'eyJrIjoxfQ==']);

        self::get(['cursor' => 'abc123']);
        $vars = contabo_activity(WhmcsParams::service())['vars'];
        self::get(['cursor' => '"><script>']);
        contabo_activity(WhmcsParams::service());

        self::assertSame('20 Nov 2026, 10:00 UTC', $vars['activity'][0]['at']);
        self::assertSame('eyJrIjoxfQ==', $vars['next_cursor']);
        self::assertFalse($vars['is_first_page']);
        $activityUrls = array_values(array_filter(array_column($this->transport->requests, 'url'), static fn (string $u): bool => str_contains($u, '/activity')));
        self::assertStringEndsWith('/activity?client_id=7&cursor=abc123&limit=25', $activityUrls[0]);
        self::assertStringEndsWith('/activity?client_id=7&limit=25', $activityUrls[1]);
    }

    public function testPowerActionsFromTheClientAreaNeedATokenedPost(): void
    {
        $this->transport->route('POST', '/services/42/power/restart', 202, ['service_id' => '42']);

        self::get();
        self::assertSame('Your session has expired or the form was sent twice. Please reload the page and try again.', contabo_restart(WhmcsParams::service()));
        self::post([]);
        self::assertSame('success', contabo_restart(WhmcsParams::service()));
        // The admin area checks its own token before it calls the module.
        \WHMCS\Module\Server\Contabo\ClientArea\ClientRequest::$current = new \WHMCS\Module\Server\Contabo\ClientArea\ClientRequest('GET', [], [], false, '');
        self::assertSame('success', contabo_restart(WhmcsParams::service()));
        self::assertSame(['POST /services/42/power/restart {}', 'POST /services/42/power/restart {}'], $this->transport->changes());
    }

    public function testOverviewLinksThePagesAndExplainsAReadOnlyService(): void
    {
        $this->serviceView(['state' => 'suspended', 'suspended' => true]);

        $vars = contabo_ClientArea(WhmcsParams::service(['status' => 'Suspended']))['templateVariables'];

        self::assertSame('clientarea.php?action=productdetails&id=42&modop=custom&a=firewall', $vars['nav'][6]['url']);
        self::assertStringStartsWith('This service is suspended', $vars['read_only_reason']);
    }

    private function reinstallChoices(): void
    {
        $this->transport
            ->route('GET', '/services/42/images', 200, ['items' => [['id' => 'img-1', 'name' => 'Ubuntu 22.04', 'standard' => true], ['id' => 'img-2', 'name' => 'Golden image', 'standard' => false]]])
            ->route('GET', '/clients/7/ssh-keys', 200, ['items' => [['id' => '11', 'name' => 'laptop', 'fingerprint' => 'SHA256:abc', 'default' => true]]])
            ->route('GET', '/admin/cloud-init-templates', 200, ['items' => [['name' => 'web-server', 'description' => 'nginx', 'content' => '#cloud-config']]]);
    }

    private function networkRoutes(): void
    {
        $this->transport
            ->route('GET', '/services/42/ips', 200, ['items' => [['ip' => '203.0.113.10', 'version' => 4, 'type' => 'primary', 'ptr' => 'vmi1.example.net'], ['ip' => '2001:db8::10', 'version' => 6, 'type' => 'primary', 'ptr' => '']]])
            ->route('GET', '/services/42/private-networks', 200, ['items' => [['id' => '900', 'name' => 'backend', 'region' => 'EU', 'cidr' => '10.0.0.0/22', 'joined' => false]], 'can_create' => true, 'notice' => 'Joining or leaving restarts the server.']);
    }

    private function firewallRoutes(): void
    {
        $this->transport->route('GET', '/services/42/firewall', 200, [
            'firewall' => ['id' => 'fw1', 'name' => 'whmcs-service-42', 'status' => 'active', 'rules' => [['direction' => 'inbound', 'protocol' => 'tcp', 'ports' => '80', 'source' => '0.0.0.0/0', 'action' => 'accept']]],
            'presets' => [['name' => 'web', 'description' => 'HTTP, HTTPS and SSH', 'rules' => [[], [], []]]],
        ]);
    }
}
