<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Contabo\Lang;
use WHMCS\Module\Server\Contabo\Validation\InputRules;

/** The module's own checks match the backend's rules (snapshot names, keys, host names, rules). */
final class InputRulesTest extends TestCase
{
    private InputRules $rules;

    protected function setUp(): void
    {
        $this->rules = new InputRules(Lang::strings('english'));
    }

    public function testAcceptedValuesAreCleaned(): void
    {
        self::assertSame('nightly 2026-11 a', $this->rules->snapshotName(' nightly 2026-11 a '));
        self::assertSame('ada@laptop_2.old+x', $this->rules->sshKeyName(' ada@laptop_2.old+x '));
        self::assertSame('db_net:1-a', $this->rules->privateNetworkName(' db_net:1-a '));
        self::assertSame('mail.example.com', $this->rules->hostname('Mail.Example.COM.'));
        self::assertSame('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop', $this->rules->sshPublicKey("ssh-ed25519   AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ada@laptop\n"));
        self::assertSame("#cloud-config\npackages: [nginx]\n", $this->rules->userData("#cloud-config\r\npackages: [nginx]\r\n"));
        self::assertSame("#!/bin/sh\necho hi\n", $this->rules->userData("#!/bin/sh\necho hi"));
        self::assertSame('', $this->rules->userData("  \n"));
        self::assertSame('10.0.0.0/8', $this->rules->cidr('10.0.0.0/8'));
        self::assertSame('2001:db8::1/128', $this->rules->cidr('2001:db8::1'));
        self::assertSame('a b', $this->rules->description("a\tb"));
        self::assertSame(['direction' => 'inbound', 'protocol' => 'udp', 'ports' => '53', 'source' => '0.0.0.0/0', 'action' => 'accept'], $this->rules->firewallRule(['protocol' => 'UDP', 'ports' => ' 53 ']));
    }

    /** @return array<string, array{string, string}> */
    public static function refused(): array
    {
        return [
            'snapshot name too long' => ['snapshotName', str_repeat('a', 31)],
            'snapshot name empty' => ['snapshotName', '  '],
            'snapshot name symbols' => ['snapshotName', 'a;b'],
            'snapshot name underscore' => ['snapshotName', 'a_b'],
            'key name symbols' => ['sshKeyName', 'a/b'],
            'network name with space' => ['privateNetworkName', 'a b'],
            'host name one label' => ['hostname', 'localhost'],
            'host name underscore' => ['hostname', 'my_host.example.com'],
            'host name leading hyphen' => ['hostname', '-a.example.com'],
            'host name too long' => ['hostname', str_repeat('a', 63) . '.' . str_repeat('b', 63) . '.' . str_repeat('c', 63) . '.' . str_repeat('d', 63) . '.com'],
            'private key' => ['sshPublicKey', '-----BEGIN OPENSSH PRIVATE KEY-----'],
            'unknown key type' => ['sshPublicKey', 'ssh-dss AAAAB3NzaC1kc3M= x'],
            'key type mismatch' => ['sshPublicKey', 'ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x'],
            'short rsa key' => ['sshPublicKey', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAQQDL x'],
            'user data without header' => ['userData', 'packages: [nginx]'],
            'cidr nonsense' => ['cidr', 'anywhere'],
            'cidr prefix' => ['cidr', '2001:db8::/129'],
            'name with markup' => ['name', '<b>'],
            'name empty' => ['name', ''],
        ];
    }

    /** @dataProvider refused */
    public function testRefusedValuesGiveASentence(string $rule, string $value): void
    {
        try {
            $this->rules->{$rule}($value);
            self::fail("{$rule}('{$value}') must be refused");
        } catch (\InvalidArgumentException $invalid) {
            self::assertMatchesRegularExpression('/^[A-Z].{20,}[.)]$/s', $invalid->getMessage());
            self::assertStringNotContainsString('cloudserver_', $invalid->getMessage());
        }
    }

    public function testUserDataSizeLimitFollowsTheGuardrail(): void
    {
        $this->expectExceptionMessage('The user data is too large: at most 2 KiB.');
        $this->rules->userData("#cloud-config\n" . str_repeat('#', 2048), 2048);
    }

    public function testAdminTagsFollowTheProvidersRule(): void
    {
        self::assertSame('team:a_b-1', $this->rules->tag(' team:a_b-1 '));
        foreach (['whmcs-service-9', 'with space', str_repeat('a', 65)] as $refused) {
            try {
                $this->rules->tag($refused);
                self::fail("'{$refused}' must be refused");
            } catch (\InvalidArgumentException) {
            }
        }
        $this->expectException(\InvalidArgumentException::class);
        $this->rules->tag('<script>');
    }
}
