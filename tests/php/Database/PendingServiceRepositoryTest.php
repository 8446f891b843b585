<?php

declare(strict_types=1);

namespace Tests\Php\Database;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\Whmcs;
use WHMCS\Database\Capsule;
use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;
use WHMCS\Module\Server\Contabo\Provisioning\CapsulePendingServiceRepository;
use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\WelcomeEmailGate;

/**
 * The cron hook's database side (pending services, instance id custom field, welcome-email
 * gate, failure notices) on real illuminate/database: SQL that a stand-in would accept but a
 * database refuses fails here.
 */
final class PendingServiceRepositoryTest extends TestCase
{
    private CapsulePendingServiceRepository $repository;

    protected function setUp(): void
    {
        Whmcs::reset();
        WhmcsSchema::fresh();
        $this->repository = new CapsulePendingServiceRepository();
        Capsule::table('tblservers')->insert(['id' => 1, 'hostname' => 'api.reseller.example', 'ipaddress' => '', 'secure' => 'on', 'username' => 'whmcs-1', 'password' => 'enc']);
        Capsule::table('tblemailtemplates')->insert(['id' => 5, 'name' => 'Cloud Server Welcome']);
        Capsule::table('tblproducts')->insert(['id' => 3, 'name' => 'VPS S', 'servertype' => 'contabo', 'welcomeemail' => 5, 'configoption12' => 'ticket', 'configoption13' => '4']);
        Capsule::table('tblproducts')->insert(['id' => 9, 'name' => 'Other', 'servertype' => 'cpanel', 'welcomeemail' => 5]);
        $this->service(42, 3, 'Pending', null);
        $this->service(43, 3, 'Active', '');
        $this->service(44, 3, 'Active', '203.0.113.4');  // has its IP: done
        $this->service(45, 3, 'Cancelled', null);
        $this->service(46, 9, 'Pending', null);  // another module's
    }

    public function testItRunsOnTheDatabaseAsked(): void
    {
        self::assertSame(getenv('CONTABO_TEST_DB_SOCKET') || getenv('CONTABO_TEST_DB_HOST') ? 'mysql' : 'sqlite', WhmcsSchema::driver());
    }

    public function testPendingServicesAreThisModulesWithoutAnIpWithTheirNoticeSettings(): void
    {
        $pending = $this->repository->pendingServices();

        self::assertSame([42, 43], $this->ids($pending), 'on ' . WhmcsSchema::driver());
        self::assertSame('Cloud Server Welcome', $pending[0]->welcomeEmail);
        self::assertSame('api.reseller.example', $pending[0]->serverParams['serverhostname']);
        self::assertSame(PendingService::NOTICE_TICKET, $pending[0]->failureNotice);
        self::assertSame(4, $pending[0]->ticketDepartment);
    }

    public function testAFailureToldOnceIsNoLongerPendingAndStaysTold(): void
    {
        self::assertFalse($this->repository->failureNoticeSent(42));

        $this->repository->markFailureNoticeSent(42, str_repeat('reason ', 300));
        $this->repository->markFailureNoticeSent(42, 'told again');

        self::assertTrue($this->repository->failureNoticeSent(42));
        self::assertSame([43], $this->ids($this->repository->pendingServices()));
        self::assertSame(1, Capsule::table('mod_cloudserver_failure_notices')->count());
    }

    public function testTheInstanceIdIsSavedIntoTheProductsCustomFieldOnceWhateverItsLabel(): void
    {
        Capsule::table('tblcustomfields')->insert(['id' => 7, 'type' => 'product', 'relid' => 3, 'fieldname' => ServiceRequestMapper::FIELD_INSTANCE_ID . '|Server ID']);
        $service = $this->repository->pendingServices()[0];

        $this->repository->saveInstanceId($service, '100123');
        $this->repository->saveInstanceId($service, '100124');

        self::assertSame(['100124'], Capsule::table('tblcustomfieldsvalues')->where('fieldid', 7)->where('relid', 42)->pluck('value')->all());
    }

    public function testWelcomeEmailIsHeldWhilePendingAndRecordedOnceSent(): void
    {
        $vars = ['messagename' => 'Cloud Server Welcome', 'relid' => 42];
        self::assertSame(['abortsend' => true], WelcomeEmailGate::decide($vars, $this->repository));
        self::assertSame([], WelcomeEmailGate::decide(['messagename' => 'Cloud Server Welcome', 'relid' => 44], $this->repository));

        self::assertFalse($this->repository->welcomeEmailSent(42));
        $this->repository->markWelcomeEmailSent(42);
        $this->repository->markWelcomeEmailSent(42);
        self::assertTrue($this->repository->welcomeEmailSent(42));
        self::assertSame(1, Capsule::table('mod_cloudserver_welcome_emails')->count());
    }

    private function service(int $id, int $productId, string $status, ?string $ip): void
    {
        Capsule::table('tblhosting')->insert(['id' => $id, 'userid' => 7, 'packageid' => $productId, 'server' => 1, 'domainstatus' => $status, 'dedicatedip' => $ip]);
    }

    /** @param list<PendingService> $services @return list<int> */
    private function ids(array $services): array
    {
        $ids = array_map(static fn (PendingService $s): int => $s->serviceId, $services);
        sort($ids);
        return $ids;
    }
}
