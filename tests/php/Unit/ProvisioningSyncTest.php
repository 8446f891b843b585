<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\FakePendingServiceRepository;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\ProvisioningSync;
use WHMCS\Module\Server\Contabo\Provisioning\WelcomeEmailGate;

final class ProvisioningSyncTest extends TestCase
{
    private FakeTransport $transport;
    private FakePendingServiceRepository $repository;

    protected function setUp(): void
    {
        Whmcs::reset();
        $this->transport = new FakeTransport();
        ClientFactory::$transport = $this->transport;
        $server = array_intersect_key(WhmcsParams::service(), array_flip(['serverhostname', 'serverip', 'serversecure', 'serverusername', 'serverpassword', 'userid']));
        $this->repository = new FakePendingServiceRepository([new PendingService(42, 3, $server, 'Cloud Server Welcome', 7)]);
    }

    protected function tearDown(): void
    {
        ClientFactory::$transport = null;
    }

    public function testReadyServerIsWrittenIntoWhmcsAndWelcomedOnce(): void
    {
        $ready = ['service_id' => '42', 'client_id' => '7', 'state' => 'active', 'instance_id' => 100123, 'ipv4' => '203.0.113.10', 'ipv6' => '2001:db8::10',
            'additional_ips' => ['203.0.113.11'], 'username' => 'root', 'password' => 'Gen-Root-Pw-1'];
        $this->transport->answer(200, $ready)->answer(200, $ready);
        $sync = new ProvisioningSync($this->repository, 'localAPI');

        self::assertSame(['ready' => [42], 'waiting' => [], 'failed' => []], $sync->run());
        $sync->run();

        self::assertStringEndsWith('/services/42?client_id=7&include_password=true', $this->transport->requests[0]['url']);
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
        $this->transport->answer(200, ['service_id' => '42', 'client_id' => '7', 'state' => 'provisioning', 'ipv4' => null]);

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
        $this->transport->answer(200, ['service_id' => '42', 'client_id' => '7', 'state' => 'active', 'ipv4' => '203.0.113.10', 'username' => 'root']);

        (new ProvisioningSync($this->repository, 'localAPI'))->run();

        self::assertSame([], $this->repository->sent);
        self::assertArrayNotHasKey('servicepassword', Whmcs::localApiCalls('UpdateClientProduct')[0]['values']);
    }

    public function testAnotherClientsServerIsNeverWrittenBack(): void
    {
        $theirs = ['service_id' => '42', 'client_id' => '1', 'state' => 'active', 'instance_id' => 100999, 'ipv4' => '203.0.113.99',
            'username' => 'root', 'password' => 'Their-Root-Pw-1'];
        $this->transport->answer(200, $theirs)->answer(200, ['service_id' => '42', 'state' => 'active', 'ipv4' => '203.0.113.99']);
        $sync = new ProvisioningSync($this->repository, 'localAPI');

        $outcome = $sync->run();
        $again = $sync->run(); // an older backend that does not say whose the server is

        self::assertSame(ProvisioningSync::OTHER_CLIENT, $outcome['failed'][42]);
        self::assertSame(ProvisioningSync::OTHER_CLIENT, $again['failed'][42]);
        self::assertSame([], Whmcs::$localApiCalls, 'no UpdateClientProduct, no welcome email');
        self::assertSame([], $this->repository->instanceIds);
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
