<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;

final class ClientAreaTest extends FakeBackendTestCase
{
    public function testActiveServiceShowsDetailsAndPowerActions(): void
    {
        $this->transport->answer(200, [
            'service_id' => '42', 'state' => 'active', 'status_message' => 'Your server is running.',
            'instance_id' => 100123, 'product_id' => 'V92', 'region' => 'EU', 'os' => 'ubuntu-22.04',
            'hostname' => 'web1.example.com', 'ipv4' => '203.0.113.10', 'ipv6' => '2001:db8::10',
            'additional_ips' => ['203.0.113.11'], 'username' => 'root', 'cpu_cores' => 4, 'ram_mb' => 8192,
            'disk_mb' => 102400, 'created_at' => '2026-11-20T10:00:00+00:00', 'cancel_date' => null,
            'suspended' => false, 'instance_status' => 'running', 'lock' => null,
        ]);

        $output = contabo_ClientArea(WhmcsParams::service());

        self::assertSame('templates/overview.tpl', $output['tabOverviewReplacementTemplate']);
        self::assertFileExists(MODULE_DIR . '/' . $output['tabOverviewReplacementTemplate']);
        $variables = $output['templateVariables'];
        self::assertSame('', $variables['error']);
        self::assertSame(42, $variables['serviceid']);
        self::assertSame('Server overview', $variables['LANG']['cloudserver_heading']);
        $service = $variables['service'];
        self::assertSame('active', $service['state']);
        self::assertFalse($service['pending']);
        self::assertSame(['203.0.113.10', '2001:db8::10', '203.0.113.11'], $service['ips']);
        self::assertSame(['start', 'stop', 'shutdown', 'restart'], $service['power_actions']);
        self::assertSame('20 Nov 2026', $service['created']);
        self::assertSame('', $service['cancel_date']);
        self::assertSame(8.0, $service['ram_gb']);
        self::assertSame(100, $service['disk_gb']);
        self::assertStringNotContainsString('include_password', $this->transport->requests[0]['url']);
    }

    public function testProvisioningServiceShowsProgressAndNoPowerActions(): void
    {
        $this->transport->answer(200, ['service_id' => '42', 'state' => 'purchasing', 'status_message' => 'Ordering your server.', 'lock' => 'create']);

        $service = contabo_ClientArea(WhmcsParams::service())['templateVariables']['service'];

        self::assertTrue($service['pending']);
        self::assertTrue($service['busy']);
        self::assertSame(35, $service['progress']);
        self::assertSame([], $service['power_actions']);
    }

    public function testAFailedSetupShowsTheCustomersOwnSentenceNotTheStaffReason(): void
    {
        $this->transport->answer(200, ['service_id' => '42', 'state' => 'failed', 'status_message' => "Contabo reports 'error': disk",
            'failure' => ['reason' => "Contabo reports 'error': disk", 'request_id' => 'r-1']]);

        $service = contabo_ClientArea(WhmcsParams::service())['templateVariables']['service'];

        self::assertSame('failed', $service['state']);
        self::assertSame('', $service['status_message']);
        self::assertStringNotContainsStringIgnoringCase('contabo', json_encode($service));
    }

    public function testSuspendedServiceOffersNoPowerActions(): void
    {
        $this->transport->answer(200, ['service_id' => '42', 'state' => 'suspended', 'suspended' => true]);

        $service = contabo_ClientArea(WhmcsParams::service())['templateVariables']['service'];

        self::assertTrue($service['suspended']);
        self::assertSame([], $service['power_actions']);
    }

    public function testBackendTroubleRendersAnErrorPanelNotABrokenPage(): void
    {
        $this->transport->fail('Connection refused')->fail('Connection refused');

        $output = contabo_ClientArea(WhmcsParams::service(['clientsdetails' => ['language' => 'german', 'email' => 'a@b.c']]));

        self::assertSame('templates/overview.tpl', $output['tabOverviewReplacementTemplate']);
        self::assertNull($output['templateVariables']['service']);
        // Customers get the translated generic sentence, not the admin's hostname hint.
        self::assertStringStartsWith('Der aktuelle Status dieses Servers', $output['templateVariables']['error']);
    }

    public function testUnknownServiceShowsTheBackendSentence(): void
    {
        $this->transport->answer(404, ['error' => ['code' => 'not_found', 'message' => 'No such service.']]);

        self::assertSame('No such service.', contabo_ClientArea(WhmcsParams::service())['templateVariables']['error']);
    }
}
