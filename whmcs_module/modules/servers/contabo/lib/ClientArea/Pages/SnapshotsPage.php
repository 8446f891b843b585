<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\PathSegment;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Guardrails;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Snapshots: list with expiry, create, roll back (newer snapshots are deleted), delete; the automatic-snapshot policy. */
final class SnapshotsPage implements Page
{
    private const FREQUENCIES = ['off', 'daily', 'weekly'];
    private const MAX_KEEP = 10;

    public function name(): string
    {
        return 'snapshots';
    }

    public function operations(): array
    {
        return ['create', 'rollback', 'delete', 'policy'];
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
        if ($op === 'policy') {
            $frequency = $context->rules->oneOf($request->post('frequency'), self::FREQUENCIES, 'cloudserver_snapshot_policy_invalid');
            $keep = $context->rules->oneOf($request->post('keep'), array_map('strval', range(1, self::MAX_KEEP)), 'cloudserver_snapshot_policy_invalid');
            $compute->setSnapshotPolicy($context->serviceId, $frequency, (int) $keep);
            return ['message' => $context->text('cloudserver_snapshot_policy_saved')];
        }
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
            'can_schedule' => (bool) $guardrails['allow_automatic_snapshots'],
            'policy' => self::policy($context, $limit),
        ];
    }

    /** @return array<string, mixed> the policy as the form shows it (off when it cannot be read) */
    private static function policy(PageContext $context, ?int $limit): array
    {
        try {
            $policy = ClientFactory::compute($context->params)->snapshotPolicy($context->serviceId);
        } catch (ApiException) {
            $policy = [];
        }
        $automatic = array_map('strval', (array) ($policy['automatic_snapshot_ids'] ?? []));
        return [
            'frequency' => in_array($policy['frequency'] ?? 'off', self::FREQUENCIES, true) ? (string) ($policy['frequency'] ?? 'off') : 'off',
            'keep' => (int) ($policy['keep'] ?? 3),
            'keep_options' => range(1, $limit === null ? self::MAX_KEEP : max(1, min(self::MAX_KEEP, $limit))),
            'next_due' => Format::dateTime($policy['next_due_at'] ?? null),
            'last_taken' => Format::dateTime($policy['last_taken_at'] ?? null),
            'last_error' => (string) ($policy['last_error'] ?? ''),
            'automatic_ids' => $automatic,
        ];
    }
}
