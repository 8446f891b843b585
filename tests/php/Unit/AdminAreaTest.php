<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\AdminServicesTabTestCase;
use WHMCS\Module\Server\Contabo\AdminArea\ServiceTab;

/** The admin's Services tab rows, the activity export button and the tags. */
final class AdminAreaTest extends AdminServicesTabTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        $this->transport
            ->route('GET', '/services/42', 200, ['service_id' => '42', 'kind' => 'compute', 'state' => 'active', 'instance_status' => 'running', 'capabilities' => ['console' => false, 'private_networking' => true, 'console_note' => '<i>panel</i>']])
            ->route('GET', '/services/42/firewall', 200, ['firewall' => ['id' => 'fw1', 'name' => 'fw-42', 'status' => 'active', 'rules' => [['protocol' => 'tcp', 'ports' => '22', 'source' => '0.0.0.0/0']]], 'presets' => []])
            ->route('GET', '/services/42/private-networks', 200, ['items' => [['id' => '1', 'name' => 'db', 'cidr' => '10.0.0.0/22', 'region' => 'EU', 'joined' => true], ['id' => '2', 'name' => 'x', 'joined' => false]], 'can_create' => false])
            ->route('GET', '/admin/products/3/guardrails', 200, ['allow_reinstall' => false, 'max_snapshots' => null, 'cloud_init_max_bytes' => 8192])
            ->route('GET', '/services/42/tags', 200, ['items' => ['whmcs-service-42', 'team-a', 'vip']])
            ->route('GET', '/admin/services/42/plan-offers', 200, ['items' => [['offer_id' => 801, 'product_id' => 'V93', 'name' => 'VPS 30', 'location_change_required' => false]], 'submit_by_admin' => true]);
    }

    public function testTabShowsCapabilitiesFirewallNetworksGuardrailsAndTags(): void
    {
        $fields = contabo_AdminServicesTabFields(WhmcsParams::service());

        self::assertSame('Active / Running', $fields['Server status']); // state names in the admin's language
        self::assertSame('console: no; private_networking: yes; console_note: &lt;i&gt;panel&lt;/i&gt;', $fields['Capabilities']);
        self::assertSame('fw-42 (active), 1 rule(s): tcp 22 from 0.0.0.0/0', $fields['Firewall']);
        self::assertSame('1 of the client&#039;s 2 network(s) joined: db (10.0.0.0/22, EU); the client may not create networks', $fields['Private networks']);
        self::assertSame('allow_reinstall: no, max_snapshots: provider limit, cloud_init_max_bytes: 8192', $fields['Guardrails (product 3)']);
        self::assertStringContainsString('name="cloudserver_tags" value="team-a, vip"', $fields['Extra tags']);
        self::assertStringStartsWith('V93 VPS 30 (offer 801)', $fields['Plan offers']);
        self::assertArrayNotHasKey('Activity export', $fields);
        self::assertSame([], $this->transport->changes());
    }

    public function testOnePartUnavailableLeavesTheOthers(): void
    {
        $this->transport->route('GET', '/services/42/firewall', 503, ['error' => ['code' => 'upstream_unavailable', 'message' => 'The provider is not answering. Try again shortly.']]);

        $fields = contabo_AdminServicesTabFields(WhmcsParams::service());

        self::assertSame('unavailable: The provider is not answering. Try again shortly.', $fields['Firewall']);
        self::assertStringStartsWith('1 of the client', $fields['Private networks']);
    }

    public function testExportActivityOffersTheCsvOnceOnTheTab(): void
    {
        $csv = "at,action,actor\n2026-11-20T10:00:00Z,power.start,client\n";
        $this->transport->route('GET', '/services/42/activity', 200, $csv, ['Content-Type' => 'text/csv']);

        self::assertSame('success', contabo_exportActivity(WhmcsParams::service()));
        $fields = contabo_AdminServicesTabFields(WhmcsParams::service());

        self::assertStringContainsString('download="service-42-activity.csv" href="data:text/csv;charset=utf-8;base64,' . base64_encode($csv) . '"', $fields['Activity export']);
        self::assertArrayNotHasKey('Activity export', contabo_AdminServicesTabFields(WhmcsParams::service()), 'offered once');
        self::assertStringEndsWith('/activity?client_id=7&format=csv', $this->transport->requests[0]['url']);
    }

    public function testTagsSavedFromTheTabAndReappliedByTheButton(): void
    {
        $this->transport->route('PUT', '/admin/services/42/tags', 200, ['items' => ['whmcs-service-42', 'team-b']]);

        $_POST = [];
        contabo_AdminServicesTabFieldsSave(WhmcsParams::service());
        $_POST = [ServiceTab::TAGS_ORIGINAL_FIELD => 'team-a, vip', ServiceTab::TAGS_FIELD => 'team-a, vip'];
        contabo_AdminServicesTabFieldsSave(WhmcsParams::service());
        self::assertSame([], $this->transport->changes(), 'unchanged tags are not sent');

        $_POST = [ServiceTab::TAGS_ORIGINAL_FIELD => 'team-a, vip', ServiceTab::TAGS_FIELD => ' team-b , ,team-b'];
        contabo_AdminServicesTabFieldsSave(WhmcsParams::service());
        $_POST = [ServiceTab::TAGS_ORIGINAL_FIELD => '', ServiceTab::TAGS_FIELD => '<bad>'];
        contabo_AdminServicesTabFieldsSave(WhmcsParams::service());
        $_POST = [];
        self::assertSame('success', contabo_applyTags(WhmcsParams::service()));

        self::assertSame(['PUT /admin/services/42/tags {"tags":["team-b"]}', 'PUT /admin/services/42/tags {"tags":["team-a","vip"]}'], $this->transport->changes());
        $refusals = array_filter(Whmcs::$moduleLog, static fn (array $entry): bool => $entry['processed'] === 'tags not saved');
        self::assertCount(1, $refusals, 'an invalid tag is reported in the module log, WHMCS shows nothing from a tab save');
        self::assertStringStartsWith('The tag "<bad>" is not valid', array_values($refusals)[0]['response']);
    }

    public function testObjectStorageTab(): void
    {
        $this->transport
            ->route('GET', '/services/42', 200, ['service_id' => '42', 'kind' => 'object_storage', 'state' => 'active', 'region' => 'EU', 'object_storage' => ['object_storage_id' => 'os-1', 'region_name' => 'European Union', 's3_url' => 'https://eu2.s3.example', 'status' => 'READY', 'size_tb' => 2, 'auto_scaling_limit_tb' => 4]]);
        $this->objectStorageUsage();

        $fields = contabo_AdminServicesTabFields(WhmcsParams::service(['configoption9' => 'object_storage']));

        self::assertSame('2 / 4', $fields['Size / auto-scaling limit (TB)']);
        self::assertSame('EU (European Union)', $fields['Region']);
        self::assertSame('Active / READY', $fields['Storage status']);
        self::assertSame('0.5 of 2 TB (25%), 10 objects, as of 21 Nov 2026', $fields['Usage']);
        self::assertArrayNotHasKey('Firewall', $fields);
    }

    public function testPrivateNetworkProductCreatesAndTerminatesThroughItsRoutes(): void
    {
        $this->transport
            ->route('POST', '/services/42/private-network', 201, ['service_id' => '42', 'kind' => 'private_network', 'state' => 'active'])
            ->route('POST', '/services/42/private-network/terminate', 200, ['service_id' => '42', 'state' => 'terminated']);
        $params = WhmcsParams::service(['configoption9' => 'private_network', 'domain' => 'office lan', 'configoptions' => ['Region' => 'UK']]);

        self::assertSame('success', contabo_CreateAccount($params));
        self::assertSame('success', contabo_TerminateAccount($params));
        $changes = $this->transport->changes();
        self::assertCount(2, $changes);
        self::assertStringStartsWith('POST /services/42/private-network {"client_id":"', $changes[0]);
        self::assertStringContainsString('"region":"UK","name":"office-lan"', $changes[0]);
        self::assertSame('POST /services/42/private-network/terminate {}', $changes[1]);
        self::assertSame([], contabo_ClientAreaCustomButtonArray($params));
        self::assertSame(['exportActivity', 'applyTags'], array_values(contabo_AdminCustomButtonArray($params)));
    }

    public function testObjectStorageLifecycleUsesItsOwnRoutes(): void
    {
        $this->transport
            ->route('POST', '/services/42/object-storage', 202, ['service_id' => '42', 'kind' => 'object_storage', 'state' => 'purchasing'])
            ->route('POST', '/services/42/object-storage/resize', 422, ['error' => ['code' => 'action_refused', 'message' => 'Object storage cannot be made smaller (2 TB now).']])
            ->route('POST', '/services/42/suspend', 200, ['service_id' => '42']);
        $params = WhmcsParams::service(['configoption9' => 'object_storage', 'configoptions' => ['Region' => 'EU', 'Storage Size' => '1']]);

        self::assertSame('success', contabo_CreateAccount($params));
        self::assertSame('Object storage cannot be made smaller (2 TB now).', contabo_ChangePackage($params));
        self::assertSame('success', contabo_SuspendAccount($params));
        self::assertStringStartsWith('Object storage has no password', contabo_ChangePassword($params));
        self::assertSame([], iterator_to_array(contabo_CustomActions($params)));

        self::assertSame([
            'POST /services/42/object-storage {"client_id":"7","client_email":"ada@example.com","region":"EU","size_tb":1,"whmcs_product_id":"3"}',
            'POST /services/42/object-storage/resize {"size_tb":1}',
            'POST /services/42/suspend {"reason":"Suspended by billing","policy":"stop"}',
        ], $this->transport->changes());
    }
}
