<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * DNS hosting for the customer's own domains: zones, records (checked per type by the
 * backend), bulk delete, and "point this domain at my server". The same zones appear in the
 * registrar module's DNS management.
 */
final class DnsPage implements Page
{
    private const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'SRV', 'TXT', 'CAA'];

    public function name(): string
    {
        return 'dns';
    }

    public function operations(): array
    {
        return ['create_zone', 'delete_zone', 'add_record', 'delete_records', 'point'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['delete_zone' => 'cloudserver_dns_delete_zone_warning', 'delete_records' => 'cloudserver_dns_delete_records_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $dns = ClientFactory::dns($context->params, $context->idempotencyKey($op));
        $request = $context->request;
        $zone = strtolower(trim($request->post('zone_name')));
        if ($zone === '') {
            throw new \InvalidArgumentException($context->text('cloudserver_dns_zone_required'));
        }
        if ($op === 'create_zone') {
            $dns->createZone($context->clientId, $zone);
            return ['message' => $context->text('cloudserver_dns_zone_created')];
        }
        if ($op === 'delete_zone') {
            $dns->deleteZone($context->clientId, $zone);
            return ['message' => $context->text('cloudserver_dns_zone_deleted')];
        }
        if ($op === 'point') {
            $dns->pointAtServer($context->serviceId, $context->clientId, $zone, trim($request->post('name')) ?: '@');
            return ['message' => $context->text('cloudserver_dns_pointed')];
        }
        if ($op === 'delete_records') {
            $ids = array_values(array_map('intval', array_filter($request->postArray('record_ids'), 'is_numeric')));
            if ($ids === []) {
                throw new \InvalidArgumentException($context->text('cloudserver_dns_nothing_selected'));
            }
            $dns->deleteRecords($context->clientId, $zone, $ids);
            return ['message' => $context->text('cloudserver_dns_records_deleted')];
        }
        $type = strtoupper($request->post('type'));
        if (!in_array($type, self::TYPES, true)) {
            throw new \InvalidArgumentException($context->text('cloudserver_dns_type_invalid'));
        }
        $record = ['type' => $type, 'name' => trim($request->post('name')) ?: '@', 'data' => trim($request->post('data'))];
        foreach (['ttl', 'prio', 'weight', 'port', 'flag'] as $field) {
            if (is_numeric($request->post($field))) {
                $record[$field] = (int) $request->post($field);
            }
        }
        if (trim($request->post('tag')) !== '') {
            $record['tag'] = trim($request->post('tag'));
        }
        $dns->addRecord($context->clientId, $zone, $record);
        return ['message' => $context->text('cloudserver_dns_record_added')];
    }

    public function load(PageContext $context): array
    {
        $dns = ClientFactory::dns($context->params);
        $overview = $dns->overview($context->clientId);
        $zones = $overview['zones'];
        $selected = strtolower($context->request->query('zone'));
        if (!in_array($selected, $zones, true)) {
            $selected = $zones[0] ?? '';
        }
        $records = [];
        foreach ($selected === '' ? [] : $dns->records($context->clientId, $selected) as $record) {
            $records[] = [
                'id' => (int) ($record['record_id'] ?? 0),
                'name' => (string) ($record['name'] ?? ''),
                'type' => (string) ($record['type'] ?? ''),
                'ttl' => (int) ($record['ttl'] ?? 0),
                'data' => (string) ($record['data'] ?? ''),
                'prio' => (int) ($record['prio'] ?? 0),
            ];
        }
        return [
            'dns_zones' => $zones,
            'dns_zone' => $selected,
            'dns_records' => $records,
            'dns_types' => self::TYPES,
            'dns_zone_usage' => self::usage($context->text('cloudserver_dns_zone_usage'), count($zones), $overview['limit']),
            'dns_record_usage' => self::usage($context->text('cloudserver_dns_record_usage'), count($records), $overview['record_limit']),
            'dns_zone_limit_reached' => $overview['limit'] > 0 && count($zones) >= $overview['limit'],
        ];
    }

    /** "3 of 20 zones": used and the product's limit (guardrails), empty when no limit is known. */
    private static function usage(string $sentence, int $used, int $limit): string
    {
        return $limit > 0 ? str_replace(['{used}', '{limit}'], [(string) $used, (string) $limit], $sentence) : '';
    }
}
