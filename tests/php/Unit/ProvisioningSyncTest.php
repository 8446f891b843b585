<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\FakePendingServiceRepository;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;
use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\ProvisioningSync;
use WHMCS\Module\Server\Contabo\Provisioning\WelcomeEmailGate;

final class ProvisioningSyncTest extends FakeBackendTestCase
{
    private FakePendingServiceRepository $repository;

    protected function setUp(): void
    {
        parent::setUp();
        $server = array_intersect_key(WhmcsParams::service(), array_flip(['serverhostname', 'serverip', 'serversecure', 'serverusername', 'serverpassword', 'userid']));
        $this->repository = new FakePendingServiceRepository([new PendingService(42, 3, $server, 'Cloud Server Welcome', 7)]);
    }

    public function testReadyServerIsWrittenIntoWhmcsAndWelcomedOnce(): void
    {
        $ready = ['service_id' => '42', 'client_id' => '7', 'state' => 'active', 'instance_id' => 100123, 'ipv4' => '203.0.113.10', 'ipv6' => '2001:db8::10',
            'additional_ips' => ['203.0.113.11'], 'username' => 'root', 'password' => 'Gen-Root-Pw-1'];
        $withoutPassword = ['password' => null] + $ready;
        $this->transport->answer(200, ['services' => [$withoutPassword], 'unknown' => []])->answer(200, $ready)
            ->answer(200, ['services' => [$withoutPassword], 'unknown' => []])->answer(200, $ready);
        $sync = new ProvisioningSync($this->repository, 'localAPI');

        self::assertSame(['ready' => [42], 'waiting' => [], 'failed' => [], 'told' => []], $sync->run());
        $sync->run();

        self::assertStringEndsWith('/services/status-batch', $this->transport->requests[0]['url']);
        self::assertStringEndsWith('/services/42?client_id=7&include_password=true', $this->transport->requests[1]['url']);
        $updates = Whmcs::localApiCalls('UpdateClientProduct');
        self::assertSame([
            'serviceid' => 42,
            'dedicatedip' => '203.0.113.10',
            'assignedips' => "2001:db8::10\n203.0.113.11",
            'serviceusername' => 'root',
            'servicepassword' => 'Gen-Root-Pw-1',
        ], $updates[0]['values']);
        self::assertSame([42 => '100123'], $this->repository->instanceIds);
        self::assertCount(1, Whmcs::localApiCalls('SendEmail'), 'the welcome email goes out once');
        self::assertSame(['messagename' => 'Cloud Server Welcome', 'id' => 42], Whmcs::localApiCalls('SendEmail')[0]['values']);
    }

    public function testServerStillBeingSetUpIsLeftAlone(): void
    {
        $this->transport->answer(200, ['services' => [['service_id' => '42', 'client_id' => '7', 'state' => 'provisioning', 'ipv4' => null]], 'unknown' => []]);

        $outcome = (new ProvisioningSync($this->repository, 'localAPI'))->run();

        self::assertSame([42], $outcome['waiting']);
        self::assertSame([], Whmcs::$localApiCalls);
    }

    public function testBackendTroubleIsRecordedPerServiceWithoutStoppingTheCron(): void
    {
        $this->transport->fail('Connection refused')->fail('Connection refused');

        $outcome = (new ProvisioningSync($this->repository, 'localAPI'))->run();

        self::assertArrayHasKey(42, $outcome['failed']);
        self::assertStringContainsString('could not be reached', $outcome['failed'][42]);
        self::assertSame([], Whmcs::$localApiCalls);
    }

    public function testFailedSendIsNotRecordedAsSent(): void
    {
        Whmcs::$localApiResults['SendEmail'] = ['result' => 'error', 'message' => 'SMTP down'];
        $active = ['service_id' => '42', 'client_id' => '7', 'state' => 'active', 'ipv4' => '203.0.113.10', 'username' => 'root'];
        $this->transport->answer(200, ['services' => [$active], 'unknown' => []])->answer(200, $active);

        (new ProvisioningSync($this->repository, 'localAPI'))->run();

        self::assertSame([], $this->repository->sent);
        self::assertArrayNotHasKey('servicepassword', Whmcs::localApiCalls('UpdateClientProduct')[0]['values']);
    }

    public function testAnotherClientsServerIsNeverWrittenBack(): void
    {
        $theirs = ['service_id' => '42', 'client_id' => '1', 'state' => 'active', 'instance_id' => 100999, 'ipv4' => '203.0.113.99',
            'username' => 'root', 'password' => 'Their-Root-Pw-1'];
        $older = ['service_id' => '42', 'state' => 'active', 'ipv4' => '203.0.113.99'];
        $this->transport->answer(200, ['services' => [$theirs], 'unknown' => []])
            ->answer(200, ['services' => [$older], 'unknown' => []]);
        $sync = new ProvisioningSync($this->repository, 'localAPI');

        $outcome = $sync->run();
        $again = $sync->run(); // an older backend that does not say whose the server is

        self::assertSame(ProvisioningSync::OTHER_CLIENT, $outcome['failed'][42]);
        self::assertSame(ProvisioningSync::OTHER_CLIENT, $again['failed'][42]);
        self::assertCount(2, $this->transport->requests, 'the full view (with its password) is never asked for');
        self::assertSame([], Whmcs::$localApiCalls, 'no UpdateClientProduct, no welcome email');
        self::assertSame([], $this->repository->instanceIds);
    }

    public function testOneBatchCallPerRunAndServicesNeverCreatedSimplyWait(): void
    {
        $server = $this->repository->pending[0]->serverParams;
        $this->repository->pending = array_map(static fn (int $id): PendingService => new PendingService($id, 3, $server, '', 7), [41, 42, 43, 44]);
        $this->transport->answer(200, ['services' => [['service_id' => '42', 'client_id' => '7', 'state' => 'queued']], 'unknown' => ['41', '43', '44']]);

        $outcome = (new ProvisioningSync($this->repository, 'localAPI'))->run();

        self::assertCount(1, $this->transport->requests, 'one call for the whole run, not one per Pending row');
        self::assertSame(['service_ids' => ['41', '42', '43', '44']], json_decode($this->transport->requests[0]['body'], true));
        self::assertSame([41, 42, 43, 44], $outcome['waiting']);
        self::assertSame([], $outcome['failed']);
    }

    public function testAFailedSetupIsToldOnceToStaffAndNoLongerPolled(): void
    {
        $failed = ['service_id' => '42', 'client_id' => '7', 'state' => 'failed', 'status_message' => "Contabo reports 'verification_required': no details",
            'failure' => ['reason' => "Contabo reports 'verification_required': no details", 'request_id' => 'req-7f3', 'failed_at' => '2026-12-05T10:00:00Z']];
        $this->transport->answer(200, ['services' => [$failed], 'unknown' => []]);
        $sync = new ProvisioningSync($this->repository, 'localAPI');

        self::assertSame([42], $sync->run()['told']);
        self::assertSame([], $sync->run()['told'], 'told once');

        self::assertCount(1, $this->transport->requests, 'a failure already told is not asked about again');
        $log = Whmcs::localApiCalls('LogActivity');
        self::assertCount(1, $log);
        self::assertStringContainsString('#42', $log[0]['values']['description']);
        self::assertStringContainsString('verification_required', $log[0]['values']['description']);
        self::assertStringContainsString('req-7f3', $log[0]['values']['description']);
        $email = Whmcs::localApiCalls('SendAdminEmail');
        self::assertCount(1, $email);
        self::assertSame('system', $email[0]['values']['type']);
        self::assertStringContainsString('Terminate', $email[0]['values']['custommessage']);
        self::assertSame([], Whmcs::localApiCalls('UpdateClientProduct'));
        self::assertArrayHasKey(42, $this->repository->failuresTold);
    }

    public function testAFailedSetupOpensATicketInTheChosenDepartmentWhenTheAdminChoseTickets(): void
    {
        $server = $this->repository->pending[0]->serverParams;
        $this->repository->pending = [new PendingService(42, 3, $server, '', 7, PendingService::NOTICE_TICKET, 4)];
        Whmcs::$localApiResults['GetConfigurationValue'] = ['result' => 'success', 'value' => 'billing@reseller.example'];
        $this->transport->answer(200, ['services' => [['service_id' => '42', 'client_id' => '7', 'state' => 'failed', 'status_message' => 'The order could not be confirmed.']], 'unknown' => []]);

        (new ProvisioningSync($this->repository, 'localAPI'))->run();

        $ticket = Whmcs::localApiCalls('OpenTicket');
        self::assertCount(1, $ticket);
        self::assertSame(4, $ticket[0]['values']['deptid']);
        self::assertSame('billing@reseller.example', $ticket[0]['values']['email']);
        self::assertArrayNotHasKey('clientid', $ticket[0]['values'], 'staff only: never in the customer\'s tickets');
        self::assertSame([], Whmcs::localApiCalls('SendAdminEmail'));
    }

    public function testAFailedSetupIsToldInWhmcsDefaultLanguageWithTheReasonByItsCode(): void
    {
        $failed = ['service_id' => '42', 'client_id' => '7', 'state' => 'failed',
            'status_message' => 'The order was refused: payment method missing',
            'status_message_code' => 'status_order_refused', 'status_message_params' => ['reason' => 'payment method missing'],
            'failure' => ['reason' => 'The order was refused: payment method missing', 'request_id' => 'req-9', 'failed_at' => '2026-12-05T10:00:00Z']];
        $this->transport->answer(200, ['services' => [$failed], 'unknown' => []]);

        (new ProvisioningSync($this->repository, 'localAPI', 'german'))->run();

        $log = Whmcs::localApiCalls('LogActivity')[0]['values']['description'];
        self::assertStringContainsString('Einrichtung des Cloud-Servers für Service #42 fehlgeschlagen', $log);
        self::assertStringContainsString('Die Bestellung wurde abgelehnt: payment method missing', $log);
        self::assertStringContainsString('Anfrage-ID req-9', $log);
        $email = Whmcs::localApiCalls('SendAdminEmail')[0]['values'];
        self::assertStringContainsString('Service #42', $email['customsubject']);
        self::assertStringContainsString('Öffnen Sie den Service', $email['custommessage']);
        self::assertStringNotContainsString('could not be set up', $email['custommessage']);
    }

    public function testAnUnknownCodeFallsBackToTheBackendsEnglishReason(): void
    {
        $this->transport->answer(200, ['services' => [['service_id' => '42', 'client_id' => '7', 'state' => 'failed',
            'status_message' => 'Something new went wrong', 'status_message_code' => 'a_code_from_a_newer_backend']], 'unknown' => []]);

        (new ProvisioningSync($this->repository, 'localAPI', 'french'))->run();

        self::assertStringContainsString('Something new went wrong.', Whmcs::localApiCalls('LogActivity')[0]['values']['description']);
    }

    public function testANoticeThatCouldNotBeSentIsSaidInTheActivityLogAndNotRepeated(): void
    {
        Whmcs::$localApiResults['SendAdminEmail'] = ['result' => 'error', 'message' => 'SMTP down'];
        $this->transport->answer(200, ['services' => [['service_id' => '42', 'client_id' => '7', 'state' => 'failed', 'status_message' => 'x']], 'unknown' => []]);
        $sync = new ProvisioningSync($this->repository, 'localAPI');

        $sync->run();
        $sync->run();

        self::assertCount(2, Whmcs::localApiCalls('LogActivity'));
        self::assertStringContainsString('SMTP down', Whmcs::localApiCalls('LogActivity')[1]['values']['description']);
        self::assertCount(1, Whmcs::localApiCalls('SendAdminEmail'));
    }

    public function testWelcomeEmailIsHeldUntilTheCronReleasesIt(): void
    {
        $vars = ['messagename' => 'Cloud Server Welcome', 'relid' => 42];

        self::assertSame(['abortsend' => true], WelcomeEmailGate::decide($vars, $this->repository));
        self::assertSame([], WelcomeEmailGate::decide(['messagename' => 'Invoice Created', 'relid' => 42], $this->repository));
        WelcomeEmailGate::release(42);
        self::assertSame([], WelcomeEmailGate::decide($vars, $this->repository));
        WelcomeEmailGate::close(42);
        self::assertSame(['abortsend' => true], WelcomeEmailGate::decide($vars, $this->repository));
    }

    public function testHooksAreRegistered(): void
    {
        self::assertArrayHasKey('AfterCronJob', Whmcs::$hooks);
        self::assertArrayHasKey('EmailPreSend', Whmcs::$hooks);
    }
}
