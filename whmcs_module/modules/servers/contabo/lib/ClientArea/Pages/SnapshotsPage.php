<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\PathSegment;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Guardrails;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Snapshots: list with expiry, create, roll back (newer snapshots are deleted), delete. */
final class SnapshotsPage implements Page
{
    public function name(): string
    {
        return 'snapshots';
    }

    public function operations(): array
    {
        return ['create', 'rollback', 'delete'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['rollback' => 'cloudserver_snapshot_rollback_warning', 'delete' => 'cloudserver_snapshot_delete_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $compute = ClientFactory::compute($context->params, $context->idempotencyKey($op));
        $request = $context->request;
        if ($op === 'create') {
            $compute->createSnapshot(
                $context->serviceId,
                $context->rules->snapshotName($request->post('name')),
                $context->rules->description($request->post('description')),
            );
            return ['message' => $context->text('cloudserver_snapshot_created')];
        }
        $snapshotId = PathSegment::of($request->post('snapshot_id'), 'snapshot');
        if ($op === 'rollback') {
            $compute->rollbackSnapshot($context->serviceId, $snapshotId);
            return ['message' => $context->text('cloudserver_snapshot_rolled_back')];
        }
        $compute->deleteSnapshot($context->serviceId, $snapshotId);
        return ['message' => $context->text('cloudserver_snapshot_deleted')];
    }

    public function load(PageContext $context): array
    {
        $list = ClientFactory::compute($context->params)->snapshots($context->serviceId);
        $guardrails = Guardrails::of($context);
        $snapshots = [];
        foreach ($list['items'] as $snapshot) {
            $snapshots[] = [
                'id' => (string) ($snapshot['id'] ?? ''),
                'name' => (string) ($snapshot['name'] ?? ''),
                'description' => (string) ($snapshot['description'] ?? ''),
                'created' => Format::dateTime($snapshot['created_at'] ?? null),
                'expires' => Format::date($snapshot['expires_at'] ?? null),
            ];
        }
        // The stricter of the provider's limit and the product's guardrail is the customer's limit.
        $limits = array_filter([$list['limit'], is_numeric($guardrails['max_snapshots']) ? (int) $guardrails['max_snapshots'] : null], 'is_int');
        $limit = $limits === [] ? null : min($limits);

        return [
            'snapshots' => $snapshots,
            'snapshot_summary' => $limit === null
                ? sprintf($context->text('cloudserver_snapshot_count'), count($snapshots))
                : sprintf($context->text('cloudserver_snapshot_usage'), count($snapshots), $limit),
            'snapshot_limit_text' => sprintf($context->text('cloudserver_snapshot_limit_reached'), (int) $limit),
            'snapshot_limit' => $limit,
            'snapshot_count' => count($snapshots),
            'snapshot_at_limit' => $limit !== null && count($snapshots) >= $limit,
            'can_rollback' => (bool) $guardrails['allow_snapshot_rollback'],
        ];
    }
}
