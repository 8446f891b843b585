<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

/** The $params array WHMCS passes to a module function, with test-friendly defaults. */
final class WhmcsParams
{
    public const SECRET = 'unit-signing-secret-0123456789';

    /** A registrar function's domain order besides the backend and the domain: period, nameservers, registrant. */
    public const DOMAIN_ORDER = [
        'regperiod' => 1,
        'ns1' => 'ns1.example.net',
        'ns2' => 'ns2.example.net',
        'firstname' => 'Erika',
        'lastname' => 'Mustermann',
        'email' => 'erika@example.org',
        'address1' => 'Hauptstrasse 12a',
        'city' => 'Berlin',
        'postcode' => '10115',
        'countrycode' => 'DE',
        'phonecc' => '49',
    ];

    /**
     * @param array<string, mixed> $overrides replaced key by key (configoptions/customfields whole)
     * @return array<string, mixed>
     */
    public static function service(array $overrides = []): array
    {
        return array_merge([
            'accountid' => 42,
            'serviceid' => 42,
            'userid' => 7,
            'domain' => 'web1.example.com',
            'username' => 'root',
            'password' => 'Service-Pass-9f3a2',
            'packageid' => 3,
            'pid' => 3,
            'status' => 'Active',
            'serverid' => 1,
            'server' => true,
            'serverip' => '',
            'serverhostname' => 'api.example.test/Prod',
            'serverusername' => 'whmcs-1',
            'serverpassword' => self::SECRET,
            'serversecure' => 'on',
            'serveraccesshash' => '',
            'configoption1' => 'V92',
            'configoption2' => 'EU',
            'configoption3' => 'ubuntu-22.04',
            'configoption4' => '1',
            'configoption5' => 'root',
            'configoption6' => '',
            'configoption7' => 'stop',
            'configoption8' => 'delete',
            'configoptions' => [],
            'customfields' => [],
            'clientsdetails' => [
                'userid' => 7,
                'id' => 7,
                'email' => 'ada@example.com',
                'firstname' => 'Ada',
                'lastname' => 'Lovelace',
                'language' => '',
            ],
            'nextduedate' => '2027-01-01',
        ], $overrides);
    }
}
