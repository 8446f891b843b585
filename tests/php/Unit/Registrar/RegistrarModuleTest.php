<?php

declare(strict_types=1);

namespace Tests\Php\Unit\Registrar;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;

/** The registrar module's entry points: what each sends to the backend and what WHMCS is told. */
final class RegistrarModuleTest extends TestCase
{
    private FakeTransport $transport;

    protected function setUp(): void
    {
        Whmcs::reset();
        $this->transport = new FakeTransport();
        domainreseller_transport($this->transport);
    }

    /** @return array<string, mixed> */
    private function params(array $extra = []): array
    {
        return $extra + [
            'ApiHost' => 'api.example.test/Prod',
            'UseHttps' => 'on',
            'KeyId' => 'key-1',
            'Secret' => 'signing-secret-123',
            'domainid' => '77',
            'userid' => '5',
            'sld' => 'Example-Shop',
            'tld' => 'com',
            'companyname' => 'Beispiel GmbH',
            'phonenumber' => '30 1234567',
        ] + WhmcsParams::DOMAIN_ORDER;
    }

    public function testConfigAsksForTheBackendAndSigningKey(): void
    {
        self::assertSame(['FriendlyName', 'ApiHost', 'UseHttps', 'KeyId', 'Secret'], array_keys(domainreseller_getConfigArray()));
        self::assertSame('password', domainreseller_getConfigArray()['Secret']['Type']);
    }

    public function testRegisterSendsTheOrderWithContactsAndNameservers(): void
    {
        $this->transport->route('POST', '/domains/77/register', 202, ['domain' => 'example-shop.com', 'state' => 'queued']);
        self::assertSame(['success' => true], domainreseller_RegisterDomain($this->params()));
        $body = json_decode($this->transport->requests[0]['body'], true);
        self::assertSame('example-shop.com', $body['domain']);
        self::assertSame('5', $body['client_id']);
        self::assertSame(['ns1.example.net', 'ns2.example.net'], $body['nameservers']);
        self::assertSame('Beispiel GmbH', $body['contacts']['registrant']['organization']);
        self::assertSame('49', $body['contacts']['registrant']['phone_country_code']);
        self::assertArrayNotHasKey('registry_fields', $body, 'no additional fields, none sent');
        self::assertSame('key-1', $this->transport->requests[0]['headers']['X-Whmcs-Key-Id']);
        self::assertStringStartsWith('https://api.example.test/Prod/domains/77', $this->transport->requests[0]['url']);
    }

    public function testMoreThanOneYearIsRefusedInTheCustomersLanguage(): void
    {
        $english = domainreseller_RegisterDomain($this->params(['regperiod' => 2]));
        self::assertStringContainsString('renew automatically', $english['error']);
        $german = domainreseller_RenewDomain($this->params(['regperiod' => 3, 'language' => 'german']));
        self::assertStringContainsString('automatisch', $german['error']);
        self::assertSame([], $this->transport->requests);
    }

    public function testTransferNeedsTheCodeAndSendsIt(): void
    {
        self::assertStringContainsString('auth code', domainreseller_TransferDomain($this->params())['error']);
        $this->transport->route('POST', '/domains/77/transfer', 202, ['state' => 'queued']);
        self::assertSame(['success' => true], domainreseller_TransferDomain($this->params(['eppcode' => 'S3CR3T-CODE'])));
        self::assertSame('S3CR3T-CODE', json_decode($this->transport->requests[0]['body'], true)['auth_code']);
    }

    public function testRenewKeepsTheDomainRenewingInsteadOfBuying(): void
    {
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'active', 'status' => 'ready', 'cancel_date' => '2027-12-05T00:00:00+00:00']);
        $this->transport->route('POST', '/domains/77/revoke-cancellation', 200, ['state' => 'active']);
        self::assertSame(['success' => true], domainreseller_RenewDomain($this->params()));
        self::assertSame(['POST /domains/77/revoke-cancellation {"client_id":"5"}'], $this->transport->changes());

        $this->transport = new FakeTransport();
        domainreseller_transport($this->transport);
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'active', 'status' => 'ready', 'cancel_date' => null]);
        self::assertSame(['success' => true], domainreseller_RenewDomain($this->params()));
        self::assertSame([], $this->transport->changes());
    }

    public function testRenewingAGoneDomainIsAnError(): void
    {
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'active', 'status' => 'transferred']);
        self::assertStringContainsString('cannot be renewed', domainreseller_RenewDomain($this->params())['error']);
    }

    public function testNameserversSyncAndTransferSync(): void
    {
        $this->transport->route('GET', '/domains/77', 200, [
            'state' => 'active', 'status' => 'ready', 'nameservers' => ['a.example.org', 'b.example.org'],
            'renewal_date' => '2027-12-05T10:00:00+00:00', 'transfer_completed' => true,
        ]);
        self::assertSame(['ns1' => 'a.example.org', 'ns2' => 'b.example.org'], domainreseller_GetNameservers($this->params()));
        self::assertSame(['active' => true, 'cancelled' => false, 'expirydate' => '2027-12-05'], domainreseller_Sync($this->params()));
        self::assertSame(['completed' => true, 'expirydate' => '2027-12-05'], domainreseller_TransferSync($this->params()));
    }

    public function testSyncTellsTransferredAwayFromEnded(): void
    {
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'active', 'status' => 'ended']);
        self::assertSame(['active' => false, 'expired' => true], domainreseller_Sync($this->params()));
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'active', 'status' => 'transferred']);
        self::assertTrue(domainreseller_Sync($this->params())['transferredAway']);
    }

    public function testAFailedTransfersReasonIsSaidByItsCodeInTheLanguageElseInEnglish(): void
    {
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'failed', 'transfer_failed' => true,
            'message' => 'The order was refused: auth code wrong', 'message_code' => 'status_order_refused', 'message_params' => ['reason' => 'auth code wrong']]);
        self::assertSame('Die Bestellung wurde abgelehnt: auth code wrong', domainreseller_TransferSync($this->params(['language' => 'german']))['reason']);
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'failed', 'transfer_failed' => true, 'message' => 'The order was refused: auth code wrong']);
        self::assertSame('The order was refused: auth code wrong', domainreseller_TransferSync($this->params(['language' => 'german']))['reason']);
    }

    public function testTransferNeedingManualActionIsReportedAsFailedWithAReason(): void
    {
        $this->transport->route('GET', '/domains/77', 200, ['state' => 'provisioning', 'status' => 'manual_task', 'needs_manual_action' => true]);
        $answer = domainreseller_TransferSync($this->params());
        self::assertTrue($answer['failed']);
        self::assertStringContainsString('manual action', $answer['reason']);
    }

    public function testContactsRoundTripThroughWhmcsLabels(): void
    {
        $contact = ['first_name' => 'Erika', 'last_name' => 'Mustermann', 'email' => 'e@example.org', 'address1' => 'Hauptstrasse 12a', 'city' => 'Berlin', 'postcode' => '10115', 'country' => 'DE', 'phone_country_code' => '49', 'phone_number' => '301234567'];
        $this->transport->route('GET', '/domains/77/contacts', 200, ['domain' => 'example-shop.com', 'contacts' => ['registrant' => $contact, 'admin' => $contact, 'tech' => $contact]]);
        $shown = domainreseller_GetContactDetails($this->params());
        self::assertSame('+49.301234567', $shown['Registrant']['Phone Number']);
        self::assertSame(['Registrant', 'Admin', 'Technical'], array_keys($shown));
        $this->transport->route('PUT', '/domains/77/contacts', 200, ['contacts' => []]);
        domainreseller_SaveContactDetails($this->params(['contactdetails' => $shown]));
        $sent = json_decode($this->transport->requests[1]['body'], true)['contacts'];
        self::assertSame($contact, $sent['registrant']);
    }

    public function testEppCodeAndRequestDelete(): void
    {
        $this->transport->route('POST', '/domains/77/epp-code', 200, ['domain' => 'example-shop.com', 'epp_code' => 'AB12-CD34']);
        self::assertSame(['eppcode' => 'AB12-CD34'], domainreseller_GetEPPCode($this->params()));
        $this->transport->route('POST', '/domains/77/cancel', 200, ['state' => 'active']);
        self::assertSame(['success' => true], domainreseller_RequestDelete($this->params()));
    }

    public function testBackendErrorsReachWhmcsAsSentences(): void
    {
        $this->transport->route('GET', '/domains/77', 404, ['error' => ['code' => 'not_found', 'message' => 'Domain 77 is not known.']]);
        self::assertStringContainsString('not known', domainreseller_GetNameservers($this->params())['error']);
    }

    public function testTldFieldsTheHandleCarriesAreMappedTheRestSentForRefusal(): void
    {
        $this->transport->route('POST', '/domains/77/register', 202, ['domain' => 'example-shop.fr', 'state' => 'queued']);
        $french = $this->params(['tld' => 'fr', 'additionalfields' => [
            'Legal Type' => 'Company',
            'Birthdate' => '',
            'SIRET Number' => '73282932000074',
            'Birthplace Country' => 'fr',
            'Agree to Terms' => 'on',
            'VAT Number' => 'FR44732829320',
            'Info' => '',
        ]]);
        self::assertSame(['success' => true], domainreseller_RegisterDomain($french));
        $body = json_decode($this->transport->requests[0]['body'], true);
        self::assertSame([
            'siret' => '73282932000074',
            'birth_country' => 'FR',
            'unsupported' => ['VAT Number' => 'FR44732829320'],
        ], $body['registry_fields']);

        $uk = domainreseller_registry_fields($this->params(['tld' => 'co.uk', 'companyname' => '', 'additionalfields' => ['Legal Type' => 'Individual', 'Company ID Number' => '']]));
        self::assertSame([], $uk, 'an individual with nothing else filled in sends nothing');
        $ukCompany = domainreseller_registry_fields($this->params(['tld' => 'co.uk', 'additionalfields' => ['Legal Type' => 'UK Limited Company', 'Company ID Number' => '01234567']]));
        self::assertSame(['unsupported' => ['Legal Type' => 'UK Limited Company', 'Company ID Number' => '01234567']], $ukCompany);
        $italian = domainreseller_registry_fields($this->params(['tld' => 'it', 'additionalfields' => ['Legal Type' => 'Companies/one man companies', 'Tax ID' => '01234567890', 'Accept Section 3 of .IT registrar contract' => 'on']]));
        self::assertSame(['it_entity_type' => 'company', 'it_pin' => '01234567890'], $italian);
        $german = domainreseller_registry_fields($this->params(['tld' => 'de', 'additionalfields' => ['Tax ID' => 'DE123456789']]));
        self::assertSame(['unsupported' => ['Tax ID' => 'DE123456789']], $german, 'a .de tax id has no provider field');
        $us = domainreseller_registry_fields($this->params(['tld' => 'us', 'additionalfields' => ['Nexus Category' => 'C11', 'Application Purpose' => 'Personal Use']]));
        self::assertSame(['Nexus Category' => 'C11', 'Application Purpose' => 'Personal Use'], $us['unsupported']);
    }

    public function testBackendRefusalsAreSaidInTheCustomersLanguage(): void
    {
        $this->transport->route('POST', '/domains/77/register', 409, ['error' => [
            'code' => 'conflict',
            'message' => 'example-shop.com is already ordered through this reseller.',
            'message_code' => 'domain_already_ordered',
            'params' => ['domain' => 'example-shop.com'],
        ]]);
        $german = domainreseller_RegisterDomain($this->params(['language' => 'german']));
        self::assertSame(['error' => 'example-shop.com wurde bereits über diesen Anbieter bestellt.'], $german);
        $french = domainreseller_RegisterDomain($this->params(['language' => 'french']));
        self::assertSame('example-shop.com est déjà commandé auprès de ce fournisseur.', $french['error']);

        $this->transport->route('POST', '/clients/5/dns/zones', 422, ['error' => [
            'code' => 'quota_exceeded',
            'message' => 'Your plan allows 2 DNS zones and 2 are hosted; delete a zone or ask support for a larger plan.',
            'message_code' => 'dns_zone_limit',
            'params' => ['limit' => 2, 'used' => 2],
        ]]);
        $this->transport->route('GET', '/clients/5/dns/zones/example-shop.com', 404, ['error' => ['code' => 'not_found', 'message' => 'The zone example-shop.com is not known.', 'message_code' => 'dns_zone_not_found', 'params' => ['zone' => 'example-shop.com']]]);
        $records = [['hostname' => 'www', 'type' => 'A', 'address' => '203.0.113.1', 'priority' => '']];
        $refused = domainreseller_SaveDNS($this->params(['dnsrecords' => $records, 'language' => 'german']));
        self::assertSame('Ihr Tarif erlaubt 2 DNS-Zonen und 2 sind angelegt; löschen Sie eine Zone oder fragen Sie den Support nach einem größeren Tarif.', $refused['error']);

        $this->transport->route('GET', '/domains/77', 409, ['error' => ['code' => 'service_busy', 'message' => 'Another action is running.', 'message_code' => 'service_busy', 'params' => []]]);
        $shared = domainreseller_GetNameservers($this->params(['language' => 'german']));
        self::assertStringNotContainsString('Another action', $shared['error'], 'a code the server module knows is said in its words');
    }

    public function testSaveDnsCreatesNewAndDeletesRemovedRecords(): void
    {
        $this->transport->route('GET', '/clients/5/dns/zones/example-shop.com', 200, ['zone_name' => 'example-shop.com', 'records' => [
            ['record_id' => 1, 'name' => 'www', 'type' => 'A', 'data' => '203.0.113.1', 'prio' => 0],
            ['record_id' => 2, 'name' => 'example-shop.com', 'type' => 'TXT', 'data' => 'old', 'prio' => 0],
        ]]);
        $this->transport->route('POST', '/clients/5/dns/zones/example-shop.com/records', 201, ['record_id' => 3]);
        $this->transport->route('POST', '/clients/5/dns/zones/example-shop.com/records/bulk-delete', 200, ['deleted' => [2], 'failed' => []]);
        $records = [
            ['hostname' => 'www', 'type' => 'A', 'address' => '203.0.113.1', 'priority' => ''],
            ['hostname' => '@', 'type' => 'MX', 'address' => 'mail.example-shop.com', 'priority' => '10'],
        ];
        self::assertSame(['success' => true], domainreseller_SaveDNS($this->params(['dnsrecords' => $records])));
        self::assertSame([
            'POST /clients/5/dns/zones/example-shop.com/records {"type":"MX","name":"@","data":"mail.example-shop.com","prio":10}',
            'POST /clients/5/dns/zones/example-shop.com/records/bulk-delete {"record_ids":[2]}',
        ], $this->transport->changes());
        $shown = domainreseller_GetDNS($this->params());
        self::assertSame('@', $shown[1]['hostname']);
        $refused = domainreseller_SaveDNS($this->params(['dnsrecords' => [['hostname' => '@', 'type' => 'URL', 'address' => 'https://x']]]));
        self::assertStringContainsString('URL', $refused['error']);
    }

    public function testABadRecordIsRefusedInTheCustomersLanguage(): void
    {
        // The backend's validation answer for a field rule of ours: its code and parameters.
        $this->transport->route('GET', '/clients/5/dns/zones/example-shop.com', 200, ['zone_name' => 'example-shop.com', 'records' => []]);
        $this->transport->route('POST', '/clients/5/dns/zones/example-shop.com/records', 400, ['error' => [
            'code' => 'invalid_input',
            'message' => "The request is not valid: An AAAA record needs an IPv6 address such as 2001:db8::10, not '203.0.113.1'.",
            'message_code' => 'invalid_fields',
            'params' => [],
            'details' => ['fields' => [[
                'field' => '', 'problem' => 'custom', 'example' => '', 'message_code' => 'dns_ipv6_required',
                'params' => ['message' => "An AAAA record needs an IPv6 address such as 2001:db8::10, not '203.0.113.1'.", 'data' => '203.0.113.1'],
            ]]],
        ]]);
        $records = [['hostname' => 'www', 'type' => 'AAAA', 'address' => '203.0.113.1', 'priority' => '']];
        $german = domainreseller_SaveDNS($this->params(['dnsrecords' => $records, 'language' => 'german']));
        self::assertSame("Ein AAAA-Eintrag braucht eine IPv6-Adresse wie 2001:db8::10, nicht '203.0.113.1'.", $german['error']);
        $spanish = domainreseller_SaveDNS($this->params(['dnsrecords' => $records, 'language' => 'spanish']));
        self::assertStringStartsWith('Un registro AAAA necesita una dirección IPv6', $spanish['error']);
    }

    public function testAvailabilityIsAskedOnceForAllTlds(): void
    {
        $this->transport->route('POST', '/domains/availability', 200, ['items' => [['domain' => 'shop.com', 'available' => true], ['domain' => 'shop.de', 'available' => false]]]);
        $results = domainreseller_CheckAvailability($this->params(['searchTerm' => 'shop', 'tldsToInclude' => ['.com', '.de']]));
        self::assertSame(['available', 'registered'], array_map(static fn ($r) => $r->status, $results->getArrayCopy()));
        self::assertCount(1, $this->transport->requests);
    }

    public function testNoLockOrIdProtectionIsPretended(): void
    {
        foreach (['GetRegistrarLock', 'SaveRegistrarLock', 'IDProtectToggle', 'GetTldPricing'] as $function) {
            self::assertFalse(function_exists('domainreseller_' . $function), $function);
        }
    }

    public function testEveryLanguageFileHasEveryKey(): void
    {
        $keys = static function (string $file): array {
            $_LANG = [];
            include $file;
            return array_keys($_LANG);
        };
        $dir = dirname(__DIR__, 4) . '/whmcs_module/modules/registrars/domainreseller/lang';
        $english = $keys($dir . '/english.php');
        foreach (glob($dir . '/*.php') as $file) {
            self::assertSame([], array_values(array_diff($english, $keys($file))), basename($file));
        }
    }
}
