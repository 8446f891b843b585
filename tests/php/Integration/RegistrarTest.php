<?php

declare(strict_types=1);

namespace Tests\Php\Integration;

use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use Tests\Php\Support\LocalStackTestCase;

/**
 * The registrar module's functions against the local backend and simulator: a registration
 * and a transfer through their whole story, DNS management, and one client walled off another.
 */
final class RegistrarTest extends LocalStackTestCase
{
    /** @return array<string, mixed> */
    private function registrarParams(string $domain, array $extra = []): array
    {
        $server = $this->stack->state['whmcs_server'];
        [$sld, $tld] = explode('.', $domain, 2);
        return $extra + [
            'ApiHost' => (string) $server['hostname'],
            'UseHttps' => '',
            'KeyId' => (string) $server['username'],
            'Secret' => (string) $server['password'],
            'domainid' => (string) random_int(100_000, 999_999),
            'userid' => '41',
            'sld' => $sld,
            'tld' => $tld,
            'phonenumber' => '301234567',
        ] + WhmcsParams::DOMAIN_ORDER;
    }

    private function sim(string $path, array $body): array
    {
        $context = stream_context_create(['http' => ['method' => 'POST', 'header' => 'Content-Type: application/json', 'content' => json_encode($body), 'ignore_errors' => true]]);
        return (array) json_decode((string) file_get_contents($this->stack->state['simulator_url'] . '/__sim/' . $path, false, $context), true);
    }

    /** @param callable(array): bool $done */
    private function waitFor(callable $check, callable $done): array
    {
        $answer = [];
        for ($i = 0; $i < 20; $i++) {
            $this->stack->runJob(self::PROVISIONING_JOB);
            $answer = $check();
            if ($done($answer)) {
                return $answer;
            }
            usleep(500_000);
        }
        self::fail('never reached: ' . json_encode($answer));
    }

    public function testRefusalsAndTldFieldsAreSaidInTheCustomersLanguage(): void
    {
        domainreseller_transport(new \WHMCS\Module\Server\Contabo\Api\CurlTransport());
        $us = domainreseller_RegisterDomain($this->registrarParams('php-nexus-' . bin2hex(random_bytes(3)) . '.us', ['language' => 'german', 'additionalfields' => ['Nexus Category' => 'C11']]));
        self::assertStringContainsString('kann hier nicht registriert werden: .us verlangt den US-Bezug', $us['error']);
        $taxed = domainreseller_RegisterDomain($this->registrarParams('php-taxed-' . bin2hex(random_bytes(3)) . '.de', ['language' => 'spanish', 'additionalfields' => ['Tax ID' => 'DE123456789']]));
        self::assertStringStartsWith("El campo 'Tax ID' de php-taxed-", $taxed['error']);
        $params = $this->registrarParams('php-unknown-' . bin2hex(random_bytes(3)) . '.com', ['language' => 'german']);
        self::assertSame(['error' => 'Die Domain ' . $params['domainid'] . ' ist nicht bekannt.'], domainreseller_GetNameservers($params));
    }

    public function testRegisterManageDnsAndDelete(): void
    {
        domainreseller_transport(new \WHMCS\Module\Server\Contabo\Api\CurlTransport());
        $params = $this->registrarParams('php-registrar-' . bin2hex(random_bytes(3)) . '.com');
        $found = domainreseller_CheckAvailability($params + ['searchTerm' => $params['sld'], 'tldsToInclude' => ['.com']]);
        self::assertSame('available', $found->getArrayCopy()[0]->status);
        self::assertSame(['success' => true], domainreseller_RegisterDomain($params));
        $sync = $this->waitFor(static fn (): array => domainreseller_Sync($params), static fn (array $s): bool => ($s['active'] ?? false) === true);
        self::assertMatchesRegularExpression('/^\d{4}-\d{2}-\d{2}$/', $sync['expirydate']);

        self::assertSame(['success' => true], domainreseller_SaveNameservers(['ns1' => 'a.example.org', 'ns2' => 'b.example.org'] + $params));
        self::assertSame(['ns1' => 'a.example.org', 'ns2' => 'b.example.org'], domainreseller_GetNameservers($params));
        $contacts = domainreseller_GetContactDetails($params);
        self::assertSame('Erika', $contacts['Registrant']['First Name']);
        $contacts['Registrant']['Last Name'] = 'Musterfrau';
        self::assertSame(['success' => true], domainreseller_SaveContactDetails(['contactdetails' => $contacts] + $params));
        self::assertSame('Musterfrau', domainreseller_GetContactDetails($params)['Registrant']['Last Name']);
        self::assertNotSame('', domainreseller_GetEPPCode($params)['eppcode'] ?? '');

        $records = [['hostname' => 'www', 'type' => 'A', 'address' => '203.0.113.20', 'priority' => ''], ['hostname' => '@', 'type' => 'MX', 'address' => 'mail.example.org', 'priority' => '10']];
        self::assertSame(['success' => true], domainreseller_SaveDNS(['dnsrecords' => $records] + $params));
        $shown = domainreseller_GetDNS($params);
        self::assertEqualsCanonicalizing(['A', 'MX'], array_column($shown, 'type'));
        $bad = domainreseller_SaveDNS(['dnsrecords' => [['hostname' => 'www', 'type' => 'A', 'address' => 'not-an-ip', 'priority' => '']]] + $params);
        self::assertCleanMessage((string) ($bad['error'] ?? 'success'));

        $stranger = ['userid' => '42'] + $params;
        self::assertArrayHasKey('error', domainreseller_GetNameservers($stranger));
        self::assertArrayHasKey('error', domainreseller_GetEPPCode($stranger));
        self::assertSame([], domainreseller_GetDNS($stranger));

        self::assertSame(['success' => true], domainreseller_RequestDelete($params));
        self::assertSame(['success' => true], domainreseller_RenewDomain($params), 'a paid renewal keeps the domain');
        self::assertSame(['active' => true, 'cancelled' => false], array_intersect_key(domainreseller_Sync($params), ['active' => 1, 'cancelled' => 1]));
        self::assertNotSame([], Whmcs::$moduleLog ?? [1]);
    }

    public function testTransferCompletesAndTransferOutIsAnswered(): void
    {
        domainreseller_transport(new \WHMCS\Module\Server\Contabo\Api\CurlTransport());
        $domain = 'php-transfer-' . bin2hex(random_bytes(3)) . '.org';
        $code = (string) $this->sim('registry', ['domain' => $domain])['auth_code'];
        $params = $this->registrarParams($domain, ['eppcode' => $code]);
        self::assertSame(['success' => true], domainreseller_TransferDomain($params));
        $done = $this->waitFor(static fn (): array => domainreseller_TransferSync($params), static fn (array $s): bool => $s !== []);
        self::assertTrue($done['completed'] ?? false, json_encode($done));
        $this->sim('domains/transfer-out', ['domain' => $domain]);
        self::assertSame(['success' => true], domainreseller_RejectTransferOut($params));
        $this->sim('domains/transfer-out', ['domain' => $domain]);
        self::assertSame(['success' => true], domainreseller_ApproveTransferOut($params));
        self::assertTrue(domainreseller_Sync($params)['transferredAway'] ?? false);
    }
}
