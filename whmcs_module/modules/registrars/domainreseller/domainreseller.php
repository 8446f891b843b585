<?php

/**
 * Registrar module: domains registered and transferred through the reseller's backend (the
 * same signed API as the server module), DNS hosted in the client's zones.
 *
 * What the provider does not offer is not pretended: no registrar lock and no ID protection
 * (the functions are not defined, so WHMCS offers neither); a domain renews itself every year
 * until cancelled, so RenewDomain keeps it renewing (revokes a cancellation) rather than buying.
 * Registration is for one year only. No TLD price import: the provider publishes no prices.
 */

declare(strict_types=1);

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/../../servers/contabo/lib/autoload.php';
require_once __DIR__ . '/lib/DomainClient.php';
require_once __DIR__ . '/lib/Lang.php';

use WHMCS\Module\Registrar\Domainreseller\DomainClient;
use WHMCS\Module\Registrar\Domainreseller\Lang;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\BackendApi;
use WHMCS\Module\Server\Contabo\Api\CurlTransport;
use WHMCS\Module\Server\Contabo\Api\ServerRecord;
use WHMCS\Module\Server\Contabo\Api\Transport;
use WHMCS\Module\Server\Contabo\ModuleLog;

const DOMAINRESELLER_DNS_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'SRV', 'TXT', 'CAA'];
/** WHMCS's additional domain fields the provider's contact handle has a field for. */
const DOMAINRESELLER_REGISTRY_FIELDS = [
    'Birthdate' => 'birth_date',
    'Birthplace City' => 'birth_city',
    'Birthplace Postcode' => 'birth_postcode',
    'Birthplace Country' => 'birth_country',
    'SIRET Number' => 'siret',
];
/** Per TLD: fields whose meaning depends on the TLD (a .de "Tax ID" has no provider field). */
const DOMAINRESELLER_TLD_REGISTRY_FIELDS = [
    'it' => ['Legal Type' => 'it_entity_type', 'Tax ID' => 'it_pin'],
];
/** WHMCS's .it legal types as the provider's NIC.it entity types. */
const DOMAINRESELLER_IT_ENTITY_TYPES = [
    'italian and foreign natural persons' => 'natural_person',
    'companies/one man companies' => 'company',
    'freelance workers/professionals' => 'individual_firm',
    'non-profit organizations' => 'non_profit',
    'public organizations' => 'public_org',
    'other subjects' => 'other',
    'non natural foreigners' => 'foreign_legal_entity',
];

/** @return array<string, mixed> */
function domainreseller_MetaData(): array
{
    return ['DisplayName' => 'Domains (reseller backend)', 'APIVersion' => '1.1'];
}

/** @return array<string, array<string, mixed>> */
function domainreseller_getConfigArray(): array
{
    return [
        'FriendlyName' => ['Type' => 'System', 'Value' => 'Domains (reseller backend)'],
        'ApiHost' => ['FriendlyName' => 'API host', 'Type' => 'text', 'Size' => '60', 'Description' => 'Host and stage path of the backend API, e.g. abc123.execute-api.eu-central-1.amazonaws.com/prod'],
        'UseHttps' => ['FriendlyName' => 'HTTPS', 'Type' => 'yesno', 'Default' => 'on', 'Description' => 'Leave on; off only for a local test stack'],
        'KeyId' => ['FriendlyName' => 'Signing key id', 'Type' => 'text', 'Size' => '40'],
        'Secret' => ['FriendlyName' => 'Signing secret', 'Type' => 'password', 'Size' => '60'],
    ];
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_RegisterDomain(array $params): array
{
    return domainreseller_order($params, false);
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_TransferDomain(array $params): array
{
    if (trim((string) ($params['eppcode'] ?? '')) === '') {
        return ['error' => Lang::say($params, 'transfer_needs_code')];
    }
    return domainreseller_order($params, true);
}

/**
 * The provider renews every year by itself until the domain is cancelled: a paid renewal keeps
 * it renewing (a pending cancellation is revoked) and buys nothing twice.
 *
 * @param array<string, mixed> $params @return array<string, mixed>
 */
function domainreseller_RenewDomain(array $params): array
{
    if ((int) ($params['regperiod'] ?? 1) !== 1) {
        return ['error' => Lang::say($params, 'one_year_only')];
    }
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $domain = $api->details($id, $client);
        if (in_array($domain['status'] ?? null, ['transferred'], true) || ($domain['state'] ?? '') === 'terminated') {
            return ['error' => Lang::say($params, 'renewal_ended')];
        }
        if (!empty($domain['cancel_date'])) {
            $api->action($id, $client, 'revoke-cancellation', 'RenewDomain');
        }
        return ['success' => true];
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_GetNameservers(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client): array {
        $result = [];
        foreach (array_values((array) ($api->details($id, $client)['nameservers'] ?? [])) as $index => $host) {
            $result['ns' . ($index + 1)] = $host;
        }
        return $result;
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_SaveNameservers(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $api->saveNameservers($id, $client, domainreseller_nameservers($params));
        return ['success' => true];
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_GetContactDetails(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client): array {
        $contacts = (array) ($api->contacts($id, $client)['contacts'] ?? []);
        $labels = ['registrant' => 'Registrant', 'admin' => 'Admin', 'tech' => 'Technical'];
        $result = [];
        foreach ($labels as $role => $label) {
            if (isset($contacts[$role])) {
                $result[$label] = domainreseller_contact_to_whmcs((array) $contacts[$role]);
            }
        }
        return $result;
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_SaveContactDetails(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $details = (array) ($params['contactdetails'] ?? []);
        $contacts = ['registrant' => domainreseller_contact_from_whmcs((array) ($details['Registrant'] ?? []))];
        foreach (['admin' => 'Admin', 'tech' => 'Technical'] as $role => $label) {
            if (!empty($details[$label])) {
                $contacts[$role] = domainreseller_contact_from_whmcs((array) $details[$label]);
            }
        }
        $api->saveContacts($id, $client, $contacts);
        return ['success' => true];
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_GetEPPCode(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $code = $api->eppCode($id, $client);
        return $code === '' ? ['error' => Lang::say($params, 'no_epp_code')] : ['eppcode' => $code];
    });
}

/** RequestDelete: the domain ends at its renewal date (revocable until then). */
function domainreseller_RequestDelete(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client): array {
        $api->action($id, $client, 'cancel', 'RequestDelete');
        return ['success' => true];
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_Sync(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client): array {
        $domain = $api->details($id, $client);
        $status = (string) ($domain['status'] ?? '');
        if ($status === 'transferred') {
            return ['active' => false, 'cancelled' => true, 'transferredAway' => true];
        }
        if ($status === 'ended') {
            return ['active' => false, 'expired' => true];
        }
        $result = ['active' => ($domain['state'] ?? '') === 'active', 'cancelled' => false];
        if (!empty($domain['renewal_date'])) {
            $result['expirydate'] = substr((string) $domain['renewal_date'], 0, 10);
        }
        return $result;
    });
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_TransferSync(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $domain = $api->details($id, $client);
        if (!empty($domain['transfer_completed'])) {
            return ['completed' => true, 'expirydate' => substr((string) ($domain['renewal_date'] ?? ''), 0, 10)];
        }
        if (!empty($domain['transfer_failed'])) {
            $values = is_array($domain['message_params'] ?? null) ? $domain['message_params'] : [];
            return ['failed' => true, 'reason' => Lang::coded($params, (string) ($domain['message_code'] ?? ''), $values, (string) ($domain['message'] ?? ''))];
        }
        if (!empty($domain['needs_manual_action'])) {
            return ['failed' => true, 'reason' => Lang::say($params, 'transfer_manual_task')];
        }
        return [];
    });
}

/** @param array<string, mixed> $params @return array<string, mixed>|object */
function domainreseller_CheckAvailability(array $params): mixed
{
    $sld = (string) ($params['searchTerm'] ?? $params['sld'] ?? '');
    $tlds = (array) ($params['tldsToInclude'] ?? []);
    $names = array_map(static fn (string $tld): string => $sld . '.' . ltrim($tld, '.'), $tlds);
    try {
        $available = domainreseller_client($params)->availability(array_slice($names, 0, 20));
    } catch (ApiException $error) {
        return ['error' => Lang::error($params, $error)];
    }
    $results = new \WHMCS\Domains\DomainLookup\ResultsList();
    foreach ($names as $index => $name) {
        $result = new \WHMCS\Domains\DomainLookup\SearchResult($sld, ltrim((string) $tlds[$index], '.'));
        $result->setStatus(($available[strtolower($name)] ?? false)
            ? \WHMCS\Domains\DomainLookup\SearchResult::STATUS_NOT_REGISTERED
            : \WHMCS\Domains\DomainLookup\SearchResult::STATUS_REGISTERED);
        $results->append($result);
    }
    return $results;
}

/** @param array<string, mixed> $params @return array<int, array<string, mixed>>|array<string, string> */
function domainreseller_GetDNS(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $zone = $api->zone($client, domainreseller_name($params));
        $records = [];
        foreach ((array) ($zone['records'] ?? []) as $record) {
            $records[] = [
                'hostname' => domainreseller_relative((string) $record['name'], domainreseller_name($params)),
                'type' => $record['type'],
                'address' => $record['data'],
                'priority' => $record['prio'] ?? '',
                'recid' => $record['record_id'],
            ];
        }
        return $records;
    });
}

/**
 * WHMCS sends the whole record list: records it no longer lists are deleted, new ones
 * created (a changed record is a delete plus a create, as WHMCS has no record ids to keep).
 *
 * @param array<string, mixed> $params @return array<string, mixed>
 */
function domainreseller_SaveDNS(array $params): array
{
    return domainreseller_run($params, static function (DomainClient $api, string $id, string $client) use ($params): array {
        $name = domainreseller_name($params);
        $wanted = [];
        foreach ((array) ($params['dnsrecords'] ?? []) as $row) {
            if (trim((string) ($row['address'] ?? '')) === '') {
                continue;
            }
            $type = strtoupper((string) $row['type']);
            if (!in_array($type, DOMAINRESELLER_DNS_TYPES, true)) {
                return ['error' => Lang::say($params, 'dns_type_unsupported', ['type' => $type])];
            }
            $record = ['type' => $type, 'name' => trim((string) ($row['hostname'] ?? '')) ?: '@', 'data' => trim((string) $row['address'])];
            if (in_array($type, ['MX', 'SRV'], true) && is_numeric($row['priority'] ?? null)) {
                $record['prio'] = (int) $row['priority'];
            }
            $wanted[] = $record;
        }
        $zone = $api->zone($client, $name);
        if ($zone === null) {
            $api->createZone($client, $name);
            $zone = ['records' => []];
        }
        $keep = [];
        $stale = [];
        foreach ((array) $zone['records'] as $record) {
            $key = domainreseller_record_key($record['type'], domainreseller_relative((string) $record['name'], $name), (string) $record['data']);
            $keep[$key] = true;
            $stale[$key] = (int) $record['record_id'];
        }
        foreach ($wanted as $record) {
            $key = domainreseller_record_key($record['type'], $record['name'], $record['data']);
            if (isset($stale[$key])) {
                unset($stale[$key]);
                continue;
            }
            $api->createRecord($client, $name, $record);
        }
        if ($stale !== []) {
            $api->deleteRecords($client, $name, array_values($stale));
        }
        return ['success' => true];
    });
}

/** @param array<string, mixed> $params @return array<string, string> */
function domainreseller_AdminCustomButtonArray(array $params): array
{
    return [
        Lang::say($params, 'approve_transfer_out') => 'ApproveTransferOut',
        Lang::say($params, 'reject_transfer_out') => 'RejectTransferOut',
        Lang::say($params, 'revoke_cancellation') => 'RevokeCancellation',
    ];
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_ApproveTransferOut(array $params): array
{
    return domainreseller_button($params, 'transfer-out/confirm', 'ApproveTransferOut');
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_RejectTransferOut(array $params): array
{
    return domainreseller_button($params, 'transfer-out/revoke', 'RejectTransferOut');
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_RevokeCancellation(array $params): array
{
    return domainreseller_button($params, 'revoke-cancellation', 'RevokeCancellation');
}

// Helpers ---------------------------------------------------------------------------------------

/** The transport used by every call; tests put a fake here. */
function domainreseller_transport(?Transport $set = null): Transport
{
    static $transport = null;
    if ($set !== null) {
        $transport = $set;
    }
    return $transport ?? new CurlTransport();
}

/** @param array<string, mixed> $params */
function domainreseller_client(array $params): DomainClient
{
    $server = ServerRecord::fromParams([
        'serverhostname' => (string) ($params['ApiHost'] ?? ''),
        'serversecure' => ($params['UseHttps'] ?? 'on') === 'on' || ($params['UseHttps'] ?? '') === true ? 'on' : '',
        'serverusername' => (string) ($params['KeyId'] ?? ''),
        'serverpassword' => (string) ($params['Secret'] ?? ''),
    ]);
    $log = new ModuleLog(array_values(array_filter([(string) ($params['Secret'] ?? '')], 'strlen')));
    return new DomainClient(new BackendApi($server, domainreseller_transport(), $log));
}

/**
 * @param array<string, mixed> $params
 * @param callable(DomainClient, string, string): array<mixed> $work
 * @return array<mixed>
 */
function domainreseller_run(array $params, callable $work): array
{
    try {
        return $work(domainreseller_client($params), (string) ($params['domainid'] ?? ''), (string) ($params['userid'] ?? ''));
    } catch (ApiException $error) {
        return ['error' => Lang::error($params, $error)];
    }
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_button(array $params, string $route, string $logName): array
{
    $answer = domainreseller_run($params, static fn (DomainClient $api, string $id, string $client): array => $api->action($id, $client, $route, $logName));
    return isset($answer['error']) ? $answer : ['success' => true];
}

/** @param array<string, mixed> $params @return array<string, mixed> */
function domainreseller_order(array $params, bool $transfer): array
{
    if ((int) ($params['regperiod'] ?? 1) !== 1) {
        return ['error' => Lang::say($params, 'one_year_only')];
    }
    $contacts = ['registrant' => domainreseller_contact_from_params($params, '')];
    if (trim((string) ($params['adminfirstname'] ?? '')) !== '') {
        $contacts['admin'] = domainreseller_contact_from_params($params, 'admin');
    }
    $order = [
        'client_id' => (string) ($params['userid'] ?? ''),
        'domain' => domainreseller_name($params),
        'nameservers' => domainreseller_nameservers($params),
        'contacts' => $contacts,
    ];
    if ($transfer) {
        $order['auth_code'] = (string) $params['eppcode'];
    }
    $registry = domainreseller_registry_fields($params);
    if ($registry !== []) {
        $order['registry_fields'] = $registry;
    }
    return domainreseller_run($params, static function (DomainClient $api, string $id) use ($order, $transfer): array {
        $transfer ? $api->transfer($id, $order) : $api->register($id, $order);
        return ['success' => true];
    });
}

/**
 * WHMCS's additional domain fields ($params['additionalfields'], by field name) as the backend's
 * registry fields: what the provider's handle can carry is mapped, a consent tickbox or a legal
 * type the contact already says is acknowledged, and everything else filled in is sent as
 * "unsupported" so the backend refuses the order by name instead of it being dropped.
 *
 * @param array<string, mixed> $params @return array<string, mixed>
 */
function domainreseller_registry_fields(array $params): array
{
    $fields = [];
    $unsupported = [];
    $isCompany = trim((string) ($params['companyname'] ?? '')) !== '';
    $tld = ltrim(strtolower(trim((string) ($params['tld'] ?? ''))), '.');
    $forTld = DOMAINRESELLER_TLD_REGISTRY_FIELDS[$tld] ?? [];
    foreach ((array) ($params['additionalfields'] ?? []) as $name => $value) {
        $name = (string) $name;
        $value = trim((string) $value);
        if ($value === '') {
            continue;
        }
        if (isset($forTld[$name])) {
            $fields[$forTld[$name]] = $forTld[$name] === 'it_entity_type' ? (DOMAINRESELLER_IT_ENTITY_TYPES[strtolower($value)] ?? $value) : $value;
        } elseif (isset(DOMAINRESELLER_REGISTRY_FIELDS[$name])) {
            $fields[DOMAINRESELLER_REGISTRY_FIELDS[$name]] = $name === 'Birthplace Country' ? strtoupper($value) : $value;
        } elseif (!domainreseller_acknowledged($name, $value, (string) ($params['tld'] ?? ''), $isCompany)) {
            $unsupported[$name] = $value;
        }
    }
    if ($unsupported !== []) {
        $fields['unsupported'] = $unsupported;
    }
    return $fields;
}

/** A field with nothing to pass on: a consent the customer ticked, or a legal type the handle's own type (person or organization) already states. */
function domainreseller_acknowledged(string $name, string $value, string $tld, bool $isCompany): bool
{
    if (preg_match('/^(Agree|Accept)\b|^Address Confirmation$/i', $name) === 1) {
        return true;
    }
    if ($name !== 'Legal Type') {
        return false;
    }
    $individual = stripos($value, 'individual') !== false;
    return ($individual && !$isCompany) || (ltrim(strtolower($tld), '.') === 'fr' && !$individual && $isCompany);
}

/** @param array<string, mixed> $params */
function domainreseller_name(array $params): string
{
    return strtolower(trim((string) ($params['sld'] ?? '')) . '.' . ltrim(trim((string) ($params['tld'] ?? '')), '.'));
}

/** @param array<string, mixed> $params @return list<string> */
function domainreseller_nameservers(array $params): array
{
    $hosts = [];
    for ($n = 1; $n <= 5; $n++) {
        $host = trim((string) ($params['ns' . $n] ?? ''));
        if ($host !== '') {
            $hosts[] = $host;
        }
    }
    return $hosts;
}

/** WHMCS's contact fields (registrant: "firstname"; admin: "adminfirstname") as the backend's. */
function domainreseller_contact_from_params(array $params, string $prefix): array
{
    $field = static fn (string $name): string => trim((string) ($params[$prefix . $name] ?? ''));
    $contact = [
        'first_name' => $field('firstname'),
        'last_name' => $field('lastname'),
        'email' => $field('email'),
        'address1' => $field('address1'),
        'city' => $field('city'),
        'postcode' => $field('postcode'),
        'country' => strtoupper($field('country') ?: $field('countrycode')),
        'phone_country_code' => ltrim($field('phonecc') ?: '0', '+'),
        'phone_number' => preg_replace('/[^0-9 .\/-]/', '', $field('phonenumber')) ?: '000',
    ];
    foreach (['organization' => 'companyname', 'address2' => 'address2', 'state' => 'state'] as $key => $name) {
        if ($field($name) !== '') {
            $contact[$key] = $field($name);
        }
    }
    return $contact;
}

/** @param array<string, mixed> $contact the backend's contact @return array<string, string> WHMCS's labels */
function domainreseller_contact_to_whmcs(array $contact): array
{
    return [
        'First Name' => (string) ($contact['first_name'] ?? ''),
        'Last Name' => (string) ($contact['last_name'] ?? ''),
        'Company Name' => (string) ($contact['organization'] ?? ''),
        'Email Address' => (string) ($contact['email'] ?? ''),
        'Address 1' => (string) ($contact['address1'] ?? ''),
        'City' => (string) ($contact['city'] ?? ''),
        'State' => (string) ($contact['state'] ?? ''),
        'Postcode' => (string) ($contact['postcode'] ?? ''),
        'Country' => (string) ($contact['country'] ?? ''),
        'Phone Number' => '+' . ($contact['phone_country_code'] ?? '') . '.' . ($contact['phone_number'] ?? ''),
    ];
}

/** @param array<string, string> $labels WHMCS's labelled contact @return array<string, string> */
function domainreseller_contact_from_whmcs(array $labels): array
{
    $phone = (string) ($labels['Phone Number'] ?? '');
    [$cc, $number] = str_contains($phone, '.') ? explode('.', ltrim($phone, '+'), 2) : ['0', $phone];
    $contact = [
        'first_name' => trim((string) ($labels['First Name'] ?? '')),
        'last_name' => trim((string) ($labels['Last Name'] ?? '')),
        'email' => trim((string) ($labels['Email Address'] ?? $labels['Email'] ?? '')),
        'address1' => trim((string) ($labels['Address 1'] ?? $labels['Address'] ?? '')),
        'city' => trim((string) ($labels['City'] ?? '')),
        'postcode' => trim((string) ($labels['Postcode'] ?? $labels['ZIP Code'] ?? '')),
        'country' => strtoupper(trim((string) ($labels['Country'] ?? ''))),
        'phone_country_code' => preg_replace('/[^0-9]/', '', $cc) ?: '0',
        'phone_number' => preg_replace('/[^0-9 .\/-]/', '', $number) ?: '000',
    ];
    foreach (['organization' => 'Company Name', 'state' => 'State'] as $key => $label) {
        if (trim((string) ($labels[$label] ?? '')) !== '') {
            $contact[$key] = trim((string) $labels[$label]);
        }
    }
    return $contact;
}

function domainreseller_relative(string $name, string $zone): string
{
    if ($name === $zone || $name === '@' || $name === '') {
        return '@';
    }
    return str_ends_with($name, '.' . $zone) ? substr($name, 0, -strlen('.' . $zone)) : $name;
}

function domainreseller_record_key(string $type, string $name, string $data): string
{
    return strtoupper($type) . '|' . strtolower($name) . '|' . rtrim(strtolower($data), '.');
}
