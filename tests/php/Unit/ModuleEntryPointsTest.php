<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;
use WHMCS\Module\Server\Contabo\Api\ServerRecord;

final class ModuleEntryPointsTest extends FakeBackendTestCase
{
    public function testMetaData(): void
    {
        $meta = contabo_MetaData();

        self::assertSame('1.1', $meta['APIVersion']);
        self::assertTrue($meta['RequiresServer']);
        self::assertSame('domain', $meta['ListAccountsUniqueIdentifierField']);
        self::assertSame('configoption1', $meta['ListAccountsProductField']);
    }

    public function testConfigOptionsAreTheThirteenDocumentedSettingsInOrder(): void
    {
        $options = contabo_ConfigOptions();

        self::assertSame(['Server Product', 'Default Region', 'Default Image', 'Contract Period', 'Default User', 'Cloud-Init Template', 'Suspend Policy', 'Terminate Policy', 'Product Type', 'Default Storage Size (TB)', 'Reverse DNS Shown', 'Failure Notice', 'Failure Ticket Department'], array_keys($options));
        self::assertSame(['compute', 'object_storage', 'private_network'], array_keys($options['Product Type']['Options']));
        self::assertSame('contabo_LoadProducts', $options['Server Product']['Loader']);
        self::assertSame('contabo_LoadRegions', $options['Default Region']['Loader']);
        self::assertSame('contabo_LoadImages', $options['Default Image']['Loader']);
    }

    public function testLoaderFillsTheDropdownFromTheCatalog(): void
    {
        $this->transport->answer(200, ['items' => [['id' => 'V92', 'name' => 'Cloud VPS 10'], ['id' => 'V94', 'name' => 'Cloud VPS 20'], ['name' => 'no id']]]);

        self::assertSame(['V92' => 'Cloud VPS 10', 'V94' => 'Cloud VPS 20'], contabo_LoadProducts(WhmcsParams::service()));
        self::assertStringEndsWith('/Prod/catalog/products', $this->transport->requests[0]['url']);
    }

    public function testLoaderExplainsAMissingCatalogRoute(): void
    {
        $this->transport->answer(403, ['message' => 'Missing Authentication Token']);

        $this->expectException(\Exception::class);
        $this->expectExceptionMessage('The backend does not list regions yet (GET /catalog/regions). Switch to Advanced Mode and type the ID instead.');

        contabo_LoadRegions(WhmcsParams::service());
    }

    public function testTestConnection(): void
    {
        $this->transport->answer(200, ['ok' => true, 'checks' => ['contabo:instances' => ['ok' => true, 'detail' => 'readable']]])
            ->answer(200, ['ok' => false, 'checks' => ['contabo:instances' => ['ok' => false, 'detail' => 'credentials refused']]]);

        self::assertSame(['success' => true, 'error' => ''], contabo_TestConnection(WhmcsParams::service()));
        self::assertSame(['success' => false, 'error' => 'The backend answered but not all checks passed: contabo:instances (credentials refused).'], contabo_TestConnection(WhmcsParams::service()));
    }

    public function testLifecycleCallsHitTheDocumentedRoutesWithTheirBodies(): void
    {
        for ($i = 0; $i < 7; $i++) {
            $this->transport->answer(200, ['service_id' => '42', 'state' => 'active']);
        }
        $params = WhmcsParams::service(['configoption7' => 'shutdown', 'configoption8' => 'keep', 'suspendreason' => 'Overdue on payment']);

        foreach (['contabo_SuspendAccount', 'contabo_UnsuspendAccount', 'contabo_TerminateAccount', 'contabo_ChangePackage', 'contabo_Renew', 'contabo_restart', 'contabo_refresh'] as $function) {
            self::assertSame('success', $function($params), $function);
        }

        $calls = array_map(static fn (array $r): string => $r['method'] . ' ' . parse_url($r['url'], PHP_URL_PATH) . ' ' . $r['body'], $this->transport->requests);
        self::assertSame([
            'POST /Prod/services/42/suspend {"reason":"Overdue on payment","policy":"shutdown"}',
            'POST /Prod/services/42/unsuspend {}',
            'POST /Prod/services/42/terminate {"snapshot_policy":"keep"}',
            'POST /Prod/services/42/change-package {"product_id":"V92","add_ons":{"private_networking":false,"backup":false,"additional_ipv4":0}}',
            'POST /Prod/services/42/renew {"next_due_date":"2027-01-01"}',
            'POST /Prod/services/42/power/restart {}',
            'POST /Prod/services/42/refresh {}',
        ], $calls);
        self::assertStringStartsWith('https://', $this->transport->requests[0]['url']);
    }

    public function testServerRecordBuildsTheBaseUrl(): void
    {
        $local = ServerRecord::fromParams(['serverhostname' => '127.0.0.1:3000/', 'serversecure' => '', 'serverusername' => 'k', 'serverpassword' => 's']);
        $fromIp = ServerRecord::fromParams(['serverhostname' => '', 'serverip' => '10.0.0.5', 'serversecure' => '1', 'serverusername' => 'k', 'serverpassword' => 's']);
        $pasted = ServerRecord::fromParams(['serverhostname' => 'https://abc.execute-api.eu-central-1.amazonaws.com/Prod', 'serversecure' => 'on']);

        self::assertSame('http://127.0.0.1:3000', $local->baseUrl);
        self::assertSame('https://10.0.0.5', $fromIp->baseUrl);
        self::assertSame('https://abc.execute-api.eu-central-1.amazonaws.com/Prod', $pasted->baseUrl);
        self::assertFalse($pasted->isComplete());
    }

    public function testCustomFunctionsAreExposedToAdminsAndClients(): void
    {
        $pages = ['reinstall', 'images', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity'];
        self::assertSame(['start', 'stop', 'shutdown', 'restart', 'refresh', ...$pages, 'objectstorage', 'dns'], contabo_ClientAreaAllowedFunctions());
        // The sidebar holds page links only: WHMCS renders those buttons as plain GET links.
        self::assertSame([...$pages, 'dns'], array_values(contabo_ClientAreaCustomButtonArray(WhmcsParams::service())));
        self::assertSame(['Snapshots', 'SSH-Schlüssel'], array_slice(array_keys(contabo_ClientAreaCustomButtonArray(WhmcsParams::service(['clientsdetails' => ['language' => 'german']]))), 2, 2));
        self::assertSame([], contabo_ClientAreaCustomButtonArray(WhmcsParams::service(['configoption9' => 'object_storage'])));
        self::assertSame(['start', 'stop', 'shutdown', 'restart', 'refresh', 'exportActivity', 'applyTags'], array_values(contabo_AdminCustomButtonArray(WhmcsParams::service())));
        self::assertSame(['exportActivity', 'applyTags'], array_values(contabo_AdminCustomButtonArray(WhmcsParams::service(['configoption9' => 'object_storage']))));
        foreach ([...contabo_ClientAreaAllowedFunctions(), ...array_values(contabo_AdminCustomButtonArray())] as $function) {
            self::assertTrue(function_exists('contabo_' . $function), $function);
        }
    }

    public function testCustomActionsRunThePowerActionAndReturnToTheService(): void
    {
        $this->transport->answer(202, ['service_id' => '42', 'state' => 'active'])
            ->answer(422, ['error' => ['code' => 'action_refused', 'message' => 'This service is suspended; contact billing to reactivate it.']]);
        $actions = iterator_to_array(contabo_CustomActions(WhmcsParams::service()));

        self::assertSame(['cloudserver_start', 'cloudserver_stop', 'cloudserver_shutdown', 'cloudserver_restart'], array_map(static fn ($a) => $a->identifier, $actions));
        self::assertSame(['success' => true, 'redirectTo' => 'clientarea.php?action=productdetails&id=42'], $actions[0]->invokeCallable());
        self::assertSame(['success' => false, 'errorMsg' => 'This service is suspended; contact billing to reactivate it.'], $actions[1]->invokeCallable());
        self::assertFalse(iterator_to_array(contabo_CustomActions(WhmcsParams::service(['status' => 'Suspended'])))[0]->active);
    }

    public function testListAccountsFollowsCursorsAndSkipsTerminated(): void
    {
        $this->transport
            ->answer(200, ['services' => [['service_id' => '1', 'client_email' => 'ada@example.com', 'hostname' => 'a.example.com', 'product_id' => 'V92', 'ipv4' => '203.0.113.1', 'username' => 'root', 'created_at' => '2026-11-01T10:00:00+00:00', 'state' => 'active', 'suspended' => false]], 'next_cursor' => 'abc'])
            ->answer(200, ['services' => [['service_id' => '2', 'hostname' => 'b.example.com', 'state' => 'suspended', 'suspended' => true], ['service_id' => '3', 'state' => 'terminated']], 'next_cursor' => null]);

        $result = contabo_ListAccounts(WhmcsParams::service());

        self::assertTrue($result['success']);
        self::assertCount(2, $result['accounts']);
        self::assertSame(['email' => 'ada@example.com', 'username' => 'root', 'domain' => 'a.example.com', 'uniqueIdentifier' => 'a.example.com', 'product' => 'V92', 'primaryip' => '203.0.113.1', 'created' => '2026-11-01 10:00:00', 'status' => 'Active'], $result['accounts'][0]);
        self::assertSame('Suspended', $result['accounts'][1]['status']);
        self::assertStringContainsString('cursor=abc', $this->transport->requests[1]['url']);
    }

    public function testAdminTabShowsLiveFieldsEscaped(): void
    {
        $this->transport->answer(200, ['service_id' => '42', 'state' => 'active', 'instance_status' => 'running', 'instance_id' => 100123, 'hostname' => '<b>x</b>', 'status_message' => '<script>']);

        $fields = contabo_AdminServicesTabFields(WhmcsParams::service());

        self::assertSame('Active / Running', $fields['Server status']); // state names in the admin's language
        self::assertSame('100123', $fields['Instance ID']);
        self::assertSame('&lt;script&gt;', $fields['Status message']);
    }
}
