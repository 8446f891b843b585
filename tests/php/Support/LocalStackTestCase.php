<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use WHMCS\Module\Server\Contabo\Api\ErrorTranslator;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Module functions against the real local backend over HTTP. */
abstract class LocalStackTestCase extends TestCase
{
    /** The backend's job that provisions services and finishes their queued actions. */
    protected const PROVISIONING_JOB = 'ProvisioningWorkerFunction';
    protected const WAIT_SECONDS = 30;

    protected LocalStack $stack;

    protected function setUp(): void
    {
        Whmcs::reset();
        ClientFactory::$transport = null;
        $this->stack = LocalStack::shared();
    }

    /** @return array<string, mixed> $params for a fresh service on the local stack */
    protected function params(array $overrides = []): array
    {
        return WhmcsParams::service(array_merge(
            ['serviceid' => random_int(100_000, 999_999), 'password' => 'Initial-Pass-' . bin2hex(random_bytes(4))],
            $this->stack->serverParams(),
            $overrides,
        ));
    }

    /** Waits until the service is active and no action holds its lock. */
    protected function waitUntilActive(array $params): void
    {
        $this->waitForService($params, static fn (array $view): bool => ($view['state'] ?? '') === 'active' && empty($view['lock']), 'became active');
    }

    /** Waits until no action holds the service lock. */
    protected function waitUntilIdle(array $params): void
    {
        $this->waitForService($params, static fn (array $view): bool => empty($view['lock']), 'became idle');
    }

    /**
     * Runs the provisioning job until the backend's view of the service passes $ready, for at
     * most WAIT_SECONDS; fails with the last view and the stack's log.
     *
     * @param callable(array<string, mixed>): bool $ready
     */
    protected function waitForService(array $params, callable $ready, string $expected): void
    {
        $client = ClientFactory::fromParams($params);
        $deadline = microtime(true) + self::WAIT_SECONDS;
        do {
            $this->stack->runJob(self::PROVISIONING_JOB);
            $view = $client->service((string) $params['serviceid']);
            if ($ready($view)) {
                return;
            }
            usleep(300_000);
        } while (microtime(true) < $deadline);
        self::fail('service ' . $params['serviceid'] . ' never ' . $expected . ' in ' . self::WAIT_SECONDS . ' s; last view: ' . json_encode($view) . '; stack log: ' . $this->stack->logFile);
    }

    /**
     * 'success', or a skip when API Gateway has no such route yet (403 Missing Authentication
     * Token). Any other answer fails the test.
     */
    protected function assertModuleSuccess(string $result, string $route): void
    {
        if ($result === ErrorTranslator::ROUTE_MISSING_MESSAGE) {
            $this->markTestSkipped("{$route} is not deployed on the local stack yet (403 Missing Authentication Token).");
        }
        self::assertSame('success', $result, "{$route} failed");
    }

    /** A message fit for a person: no JSON, no HTML, no stack trace. */
    protected static function assertCleanMessage(string $message): void
    {
        self::assertNotSame('success', $message);
        self::assertNotSame('', trim($message));
        self::assertStringNotContainsString('{', $message);
        self::assertStringNotContainsString('<', $message);
        self::assertStringNotContainsString('Traceback', $message);
        self::assertStringNotContainsString('#0 ', $message);
    }
}
