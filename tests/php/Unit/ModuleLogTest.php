<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\FakeBackendTestCase;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** The module debug log sees every call and never a secret, even before WHMCS scrubs it. */
final class ModuleLogTest extends FakeBackendTestCase
{
    public function testChangePasswordLogsNeitherSigningSecretNorPasswords(): void
    {
        $params = WhmcsParams::service(['password' => 'N3w-Root-Pa55!']);
        $this->transport->answer(200, ['service_id' => '42', 'state' => 'active', 'password' => 'N3w-Root-Pa55!']);

        self::assertSame('success', contabo_ChangePassword($params));

        self::assertCount(1, Whmcs::$moduleLog);
        $entry = Whmcs::$moduleLog[0];
        self::assertSame('contabo', $entry['module']);
        self::assertSame('ChangePassword', $entry['action']);
        $this->assertNothingSecret($entry, [WhmcsParams::SECRET, 'N3w-Root-Pa55!']);
        self::assertContains(WhmcsParams::SECRET, $entry['replaceVars']);
        self::assertContains('N3w-Root-Pa55!', $entry['replaceVars']);
    }

    public function testServicePasswordFromTheBackendIsMaskedInTheLog(): void
    {
        $this->transport->answer(200, ['service_id' => '42', 'state' => 'active', 'ipv4' => '203.0.113.10', 'password' => 'Backend-Gen-Pw-77']);

        $view = ClientFactory::fromParams(WhmcsParams::service())->service('42', true);

        self::assertSame('Backend-Gen-Pw-77', $view['password']);
        $this->assertNothingSecret(Whmcs::$moduleLog[0], ['Backend-Gen-Pw-77', WhmcsParams::SECRET]);
        self::assertStringContainsString('include_password=true', Whmcs::$moduleLog[0]['request']['url']);
    }

    public function testFailedCallsAreLoggedToo(): void
    {
        $this->transport->answer(422, ['error' => ['code' => 'action_refused', 'message' => 'This service is suspended']]);

        contabo_start(WhmcsParams::service());

        self::assertSame('PowerStart', Whmcs::$moduleLog[0]['action']);
        self::assertSame('This service is suspended.', Whmcs::$moduleLog[0]['processed']);
        $this->assertNothingSecret(Whmcs::$moduleLog[0], [WhmcsParams::SECRET, 'Service-Pass-9f3a2']);
    }

    /**
     * @param array<string, mixed> $entry
     * @param list<string> $secrets
     */
    private function assertNothingSecret(array $entry, array $secrets): void
    {
        $logged = json_encode([$entry['request'], $entry['response'], $entry['processed']], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        foreach ($secrets as $secret) {
            self::assertStringNotContainsString($secret, (string) $logged);
        }
    }
}
