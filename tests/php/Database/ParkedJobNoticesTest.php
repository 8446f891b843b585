<?php

declare(strict_types=1);

namespace Tests\Php\Database;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\ActivityLog;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleParkedJobStore;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * The addon's cron hook (AfterCronJob) telling staff of parked action-queue jobs, on real
 * illuminate/database: once per parking, again after a re-park, in the system's language,
 * and a backend that cannot be asked never breaks the cron.
 */
final class ParkedJobNoticesTest extends TestCase
{
    private FakeTransport $backend;

    protected function setUp(): void
    {
        Whmcs::reset();
        ActivityLog::$entries = [];
        WhmcsSchema::fresh();
        Capsule::schema()->dropIfExists(CapsuleParkedJobStore::TABLE);
        $this->backend = new FakeTransport();
        ClientFactory::$transport = $this->backend;
        $GLOBALS['CONFIG'] = ['Language' => 'english', 'SystemURL' => 'https://billing.reseller.example/'];
        $GLOBALS['customadminpath'] = 'staff';
        foreach (['backend_url' => 'https://api.example.test/Prod', 'key_id' => 'admin-1', 'key_secret' => WhmcsParams::SECRET] as $setting => $value) {
            Capsule::table('tbladdonmodules')->insert(['module' => 'contabo_admin', 'setting' => $setting, 'value' => $value]);
        }
        Capsule::table('tblproducts')->insert(['id' => 3, 'name' => 'VPS S', 'servertype' => 'contabo', 'configoption12' => 'ticket', 'configoption13' => '4']);
        Capsule::table('tblproducts')->insert(['id' => 5, 'name' => 'VPS M', 'servertype' => 'contabo', 'configoption12' => 'email']);
        Capsule::table('tblhosting')->insert(['id' => 42, 'userid' => 7, 'packageid' => 3, 'domainstatus' => 'Active']);
        Capsule::table('tblhosting')->insert(['id' => 43, 'userid' => 8, 'packageid' => 5, 'domainstatus' => 'Active']);
        Whmcs::$localApiResults['GetConfigurationValue'] = ['result' => 'success', 'value' => 'billing@reseller.example'];
        Whmcs::$localApiResults['LogActivity'] = static function (array $values): array {
            ActivityLog::$entries[] = (string) $values['description'];
            return ['result' => 'success'];
        };
    }

    protected function tearDown(): void
    {
        ClientFactory::$transport = null;
        unset($GLOBALS['CONFIG'], $GLOBALS['customadminpath']);
    }

    public function testEachParkedJobIsToldOnceWithServiceActionErrorRequestIdAndWhereToAct(): void
    {
        $this->parked([
            $this->job('settle_upgrade-42', '42', 'settle_upgrade', '2026-12-05T10:00:00+00:00', 'The upgrade could not be bought.'),
            $this->job('apply_root_password-43', '43', 'apply_root_password', '2026-12-05T10:05:00+00:00', 'Service 43 is being terminated.', 'service_terminating'),
        ]);

        $this->runCron();
        $this->runCron();

        self::assertCount(2, $this->backend->requests, 'one list call per run');
        self::assertStringContainsString('/admin/jobs?limit=200&status=parked', $this->backend->requests[0]['url']);
        $url = 'https://billing.reseller.example/staff/addonmodules.php?module=contabo_admin&page=queue&status=parked';
        self::assertSame([
            'Upgrade (package change) for service #42 was not completed and is parked in the action queue: The upgrade could not be bought. Request id settle_upgrade-42. Retry it, skip it or mark it done on the Action queue page: ' . $url,
            'Password change for service #43 was not completed and is parked in the action queue: This service is being terminated. Request id apply_root_password-43. Retry it, skip it or mark it done on the Action queue page: ' . $url,
        ], ActivityLog::$entries, 'told once; the coded error in words of the lang files');
        // Each as its product's failure-notice setting says: 42's a ticket in department 4, 43's an admin email.
        $tickets = Whmcs::localApiCalls('OpenTicket');
        self::assertCount(1, $tickets);
        self::assertSame(4, $tickets[0]['values']['deptid']);
        self::assertSame('billing@reseller.example', $tickets[0]['values']['email'], 'from WHMCS\'s own address, never the customer\'s');
        self::assertSame('Not completed: Upgrade (package change) for service #42', $tickets[0]['values']['subject']);
        self::assertStringContainsString('Attempts: 5.', $tickets[0]['values']['message']);
        $emails = Whmcs::localApiCalls('SendAdminEmail');
        self::assertCount(1, $emails);
        self::assertSame('Not completed: Password change for service #43', $emails[0]['values']['customsubject']);
        self::assertSame(2, Capsule::table(CapsuleParkedJobStore::TABLE)->count());
        $everything = json_encode([ActivityLog::$entries, Whmcs::$localApiCalls]);
        self::assertStringNotContainsString(WhmcsParams::SECRET, (string) $everything);
    }

    public function testMoreParkedJobsThanOnePageAreFollowedByTheirCursor(): void
    {
        $this->backend->answer(200, ['items' => [$this->job('a', '42', 'record_renewal', '2026-12-05T10:00:00+00:00', 'A.')], 'next_cursor' => 'page-2'])
            ->answer(200, ['items' => [$this->job('b', '43', 'record_renewal', '2026-12-05T10:00:00+00:00', 'B.')], 'next_cursor' => null]);

        $this->runCron();

        self::assertCount(2, $this->backend->requests);
        self::assertStringContainsString('cursor=page-2', $this->backend->requests[1]['url']);
        self::assertCount(2, ActivityLog::$entries);
    }

    public function testAJobRetriedAndParkedAgainIsToldAgain(): void
    {
        $this->parked([$this->job('record_renewal-42', '42', 'record_renewal', '2026-12-05T10:00:00+00:00', 'Renewal failed.')]);
        $this->runCron();
        $this->parked([$this->job('record_renewal-42', '42', 'record_renewal', '2026-12-05T12:30:00+00:00', 'Renewal failed again.')]);
        $this->runCron();
        $this->runCron();

        self::assertCount(2, ActivityLog::$entries);
        self::assertStringContainsString('Renewal failed again.', ActivityLog::$entries[1]);
        self::assertCount(2, Whmcs::localApiCalls('OpenTicket'));
        self::assertSame(1, Capsule::table(CapsuleParkedJobStore::TABLE)->where('job_id', 'record_renewal-42')->count());
    }

    public function testABackendErrorDoesNotBreakTheCronAndIsLoggedOncePerHour(): void
    {
        $this->backend->route('GET', '/admin/jobs', 503, ['error' => ['code' => 'unavailable', 'message' => 'The service is temporarily unavailable.']]);

        $this->runCron();
        $this->runCron();

        self::assertCount(1, ActivityLog::$entries, 'said once, not at every run');
        self::assertStringStartsWith('Parked action-queue jobs could not be fetched from the backend: ', ActivityLog::$entries[0]);
        self::assertStringEndsWith('The next cron run asks again.', ActivityLog::$entries[0]);
        self::assertSame([], Whmcs::localApiCalls('SendAdminEmail'));

        Capsule::table(CapsuleParkedJobStore::TABLE)->update(['told_at' => gmdate('Y-m-d H:i:s', time() - 3700)]);
        $this->runCron();
        self::assertCount(2, ActivityLog::$entries, 'still failing an hour later: said again');

        $this->backend = new FakeTransport();
        ClientFactory::$transport = $this->backend;
        $this->parked([$this->job('billing_action-43', '43', 'billing_action', '2026-12-05T10:00:00+00:00', 'The server could not be stopped.')]);
        $this->runCron();
        self::assertStringStartsWith('Suspension, unsuspension or termination for service #43', ActivityLog::$entries[2], 'the next run tells what it missed');
    }

    public function testADatabaseFailureMidRunIsLoggedAndNeverEndsTheCronRun(): void
    {
        Capsule::schema()->drop('tblhosting');  // the notice settings cannot be read
        $this->parked([$this->job('record_renewal-42', '42', 'record_renewal', '2026-12-05T10:00:00+00:00', 'Renewal failed.')]);

        $this->runCron();

        self::assertCount(2, ActivityLog::$entries);
        self::assertStringStartsWith('Telling staff of parked action-queue jobs stopped: ', ActivityLog::$entries[1]);
        self::assertFalse((new CapsuleParkedJobStore())->told('record_renewal-42', '2026-12-05T10:00:00+00:00'), 'told again by the next run');
    }

    public function testANoticeWhmcsRefusesIsSaidInTheActivityLogAndNotRepeated(): void
    {
        Whmcs::$localApiResults['SendAdminEmail'] = ['result' => 'error', 'message' => 'No admin to email'];
        $this->parked([$this->job('terminate_cleanup-43', '43', 'terminate_cleanup', '2026-12-05T10:00:00+00:00', '')]);

        $this->runCron();
        $this->runCron();

        self::assertSame([
            'Cleanup after termination for service #43 was not completed and is parked in the action queue: No reason was given. Request id terminate_cleanup-43. Retry it, skip it or mark it done on the Action queue page: https://billing.reseller.example/staff/addonmodules.php?module=contabo_admin&page=queue&status=parked',
            'Notifying staff of parked job terminate_cleanup-43 did not succeed: No admin to email',
        ], ActivityLog::$entries);
    }

    public function testStaffAreToldInTheSystemLanguage(): void
    {
        $GLOBALS['CONFIG']['Language'] = 'german';
        $this->parked([
            $this->job('apply_root_password-42', '42', 'apply_root_password', '2026-12-05T10:00:00+00:00', 'This service is being terminated.', 'service_terminating'),
            $this->job('some_new_job-1', null, 'some_new_job', '2026-12-05T10:00:00+00:00', 'It broke.'),
        ]);

        $this->runCron();

        self::assertStringStartsWith('Passwortänderung für Dienst #42 wurde nicht abgeschlossen und ist in der Aufgabenwarteschlange zurückgestellt: Dieser Service wird gerade beendet. Anfrage-ID apply_root_password-42.', ActivityLog::$entries[0]);
        self::assertStringStartsWith('some_new_job für keinen bestimmten Dienst wurde nicht abgeschlossen', ActivityLog::$entries[1], 'an action this version does not know keeps its name');
        self::assertSame('Nicht abgeschlossen: Passwortänderung für Dienst #42', Whmcs::localApiCalls('OpenTicket')[0]['values']['subject']);
        self::assertStringContainsString('Versuche: 5.', Whmcs::localApiCalls('OpenTicket')[0]['values']['message']);
        self::assertSame('Aufgabenwarteschlange Cloud-Server', Whmcs::localApiCalls('OpenTicket')[0]['values']['name']);
        self::assertSame('Nicht abgeschlossen: some_new_job für keinen bestimmten Dienst', Whmcs::localApiCalls('SendAdminEmail')[0]['values']['customsubject']);
    }

    public function testTheJobsHereAreShapedAsTheBackendDocumentsThem(): void
    {
        $spec = json_decode((string) file_get_contents(__DIR__ . '/../../../docs/openapi.json'), true);
        $documented = array_keys($spec['components']['schemas']['JobView']['properties']);
        $used = array_keys($this->job('a', '1', 'record_renewal', '2026-12-05T10:00:00+00:00', 'x'));
        self::assertSame([], array_values(array_diff($used, $documented)), 'GET /admin/jobs answers every field the cron reads');
    }

    public function testTheTableIsCreatedOnActivationAndKeptOnUpgrade(): void
    {
        self::assertFalse(Capsule::schema()->hasTable(CapsuleParkedJobStore::TABLE));
        self::assertSame('success', contabo_admin_activate()['status']);
        self::assertTrue(Capsule::schema()->hasTable(CapsuleParkedJobStore::TABLE));
        (new CapsuleParkedJobStore())->markTold('job-1', '2026-12-05T10:00:00+00:00');
        contabo_admin_upgrade(['version' => '1.0.0']);
        self::assertTrue((new CapsuleParkedJobStore())->told('job-1', '2026-12-05T10:00:00+00:00'));
        self::assertFalse((new CapsuleParkedJobStore())->told('job-1', '2026-12-05T11:00:00+00:00'));
    }

    /** @param list<array<string, mixed>> $jobs */
    private function parked(array $jobs): void
    {
        $this->backend->route('GET', '/admin/jobs', 200, ['items' => $jobs, 'next_cursor' => null]);
    }

    /** @return array<string, mixed> a JobView as GET /admin/jobs answers it */
    private function job(string $jobId, ?string $serviceId, string $action, string $parkedAt, string $error, ?string $code = null): array
    {
        return [
            'job_id' => $jobId, 'service_id' => $serviceId, 'action' => $action, 'status' => 'parked', 'attempts' => 5, 'max_attempts' => 5,
            'last_error' => $error, 'last_error_code' => $code, 'last_error_params' => [], 'parked_at' => $parkedAt, 'request_id' => $jobId,
            'payload' => ['secret_id' => 123], 'actor' => 'whmcs:admin-1', 'updated_at' => $parkedAt,
        ];
    }

    private function runCron(): void
    {
        foreach (Whmcs::$hooks['AfterCronJob'] as $hook) {
            if (str_ends_with((string) (new \ReflectionFunction($hook))->getFileName(), 'addons/contabo_admin/hooks.php')) {
                $hook();
            }
        }
    }
}
