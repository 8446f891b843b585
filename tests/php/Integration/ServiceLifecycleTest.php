<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\FakePendingServiceRepository;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Support\LocalStackTestCase;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\ProvisioningSync;

/** One service through its whole life, module functions against the local backend over HTTP. */
final class ServiceLifecycleTest extends LocalStackTestCase
{
    public function testCreateProvisionSuspendUnsuspendChangePasswordTerminate(): void
    {
        $params = $this->params(['customfields' => ['SSH Public Key' => 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop']]);
        $serviceId = (int) $params['serviceid'];

        $this->assertModuleSuccess(contabo_CreateAccount($params), 'POST /services/{id}/create');
        $overview = contabo_ClientArea($params)['templateVariables'];
        self::assertSame('', $overview['error']);
        self::assertTrue($overview['service']['pending'], 'a new service shows provisioning progress');

        // The cron hook: nothing to write until the backend's provisioning job has finished.
        $clientId = (int) $params['userid'];
        $repository = new FakePendingServiceRepository([new PendingService($serviceId, 3, ['userid' => $clientId] + $this->stack->serverParams(), 'Cloud Server Welcome', $clientId)]);
        $sync = new ProvisioningSync($repository, 'localAPI');
        $deadline = microtime(true) + self::WAIT_SECONDS;
        do {
            usleep(300_000);
            $this->stack->runJob(self::PROVISIONING_JOB);
            $outcome = $sync->run();
        } while ($outcome['ready'] === [] && microtime(true) < $deadline);
        self::assertSame([$serviceId], $outcome['ready'], 'the server never became ready; last sync outcome: ' . json_encode($outcome) . '; stack log: ' . $this->stack->logFile);

        $update = Whmcs::localApiCalls('UpdateClientProduct')[0]['values'];
        self::assertMatchesRegularExpression('/^\d{1,3}(\.\d{1,3}){3}$/', $update['dedicatedip']);
        self::assertNotSame('', $update['serviceusername']);
        self::assertNotSame('', $update['servicepassword'] ?? '', 'the backend hands over the root password once the server is ready');
        self::assertNotSame('', $repository->instanceIds[$serviceId] ?? '');
        $sync->run();
        self::assertCount(1, Whmcs::localApiCalls('SendEmail'), 'the welcome email is sent exactly once');
        $this->assertNoSecretLogged([$params['serverpassword'], (string) ($update['servicepassword'] ?? '')]);

        $this->waitUntilIdle($params);
        self::assertSame(['start', 'stop', 'shutdown', 'restart'], contabo_ClientArea($params)['templateVariables']['service']['power_actions']);

        $this->assertModuleSuccess(contabo_SuspendAccount($params), 'POST /services/{id}/suspend');
        $refused = contabo_start($params);
        self::assertCleanMessage($refused);
        self::assertStringContainsStringIgnoringCase('suspended', $refused);
        self::assertTrue(contabo_ClientArea($params)['templateVariables']['service']['suspended']);

        $this->waitUntilIdle($params);
        $this->assertModuleSuccess(contabo_UnsuspendAccount($params), 'POST /services/{id}/unsuspend');
        $this->waitUntilIdle($params);
        self::assertFalse(contabo_ClientArea($params)['templateVariables']['service']['suspended']);

        $newPassword = 'Changed-' . bin2hex(random_bytes(6)) . '!A1';
        $this->assertModuleSuccess(contabo_ChangePassword(['password' => $newPassword] + $params), 'POST /services/{id}/change-password');
        $this->assertNoSecretLogged([$newPassword, $params['serverpassword']]);

        $this->waitUntilIdle($params);
        $this->assertModuleSuccess(contabo_TerminateAccount($params), 'POST /services/{id}/terminate');
        $view = ClientFactory::fromParams($params)->service((string) $serviceId);
        self::assertNotEmpty($view['cancel_date'], 'a terminated service carries its cancel date');
    }

    public function testTheCronHookWritesNothingIntoAnotherClientsServiceWithAReusedId(): void
    {
        $params = $this->params();
        $serviceId = (int) $params['serviceid'];
        $this->assertModuleSuccess(contabo_CreateAccount($params), 'POST /services/{id}/create');
        $other = (int) $params['userid'] + 1; // the same id in a restored or second WHMCS, another client
        $repository = new FakePendingServiceRepository([new PendingService($serviceId, 3, ['userid' => $other] + $this->stack->serverParams(), 'Cloud Server Welcome', $other)]);
        $sync = new ProvisioningSync($repository, 'localAPI');

        $this->stack->runJob(self::PROVISIONING_JOB);
        $outcome = $sync->run();

        self::assertSame([], $outcome['ready']);
        self::assertSame(ProvisioningSync::OTHER_CLIENT, $outcome['failed'][$serviceId] ?? '');
        self::assertSame([], Whmcs::localApiCalls('UpdateClientProduct'));
        self::assertSame([], Whmcs::localApiCalls('SendEmail'));
        $refused = contabo_CreateAccount(['userid' => $other, 'clientsdetails' => ['userid' => $other] + $params['clientsdetails']] + $params);
        self::assertStringContainsString('belongs to another client', $refused);
    }

    public function testTestConnectionAndListAccounts(): void
    {
        $params = $this->params();

        self::assertSame(['success' => true, 'error' => ''], contabo_TestConnection($params));
        $this->assertModuleSuccess(contabo_CreateAccount($params), 'POST /services/{id}/create');
        $list = contabo_ListAccounts($params);
        self::assertTrue($list['success'], (string) ($list['error'] ?? ''));
        self::assertContains($params['domain'], array_column($list['accounts'], 'domain'));
        $mine = array_values(array_filter($list['accounts'], static fn (array $a): bool => $a['domain'] === $params['domain']));
        self::assertSame($params['clientsdetails']['email'], $mine[0]['email'], 'the order\'s client email comes back for WHMCS\'s import');
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
