<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Server\Contabo\Api\ApiException;

/**
 * The import wizard: instances the last status sync found with no service (candidates), each
 * mapped to a WHMCS service of the contabo module (its client comes from WHMCS) and imported;
 * and the last status sync's drift.
 */
final class ImportPage extends Page
{
    public static function slug(): string
    {
        return 'import';
    }

    public function act(string $action): void
    {
        if ($action !== 'import') {
            parent::act($action);
            return;
        }
        $serviceId = trim($this->ctx->request->post('service_id'));
        $instanceId = trim($this->ctx->request->post('instance_id'));
        if (!ctype_digit($serviceId) || !ctype_digit($instanceId)) {
            $this->fail($this->t('error_import_ids'));
            return;
        }
        $service = $this->ctx->whmcs->service((int) $serviceId);
        if ($service === null) {
            $this->fail($this->t('error_no_service', $serviceId));
            return;
        }
        if ($service['module'] !== 'contabo') {
            $this->fail($this->t('error_not_contabo_service', $serviceId, $service['product']));
            return;
        }
        $view = $this->ctx->api()->import($serviceId, (string) $service['client_id'], (int) $instanceId);
        $this->succeed($this->t('import_done', $instanceId, $serviceId, (string) ($view['state'] ?? '')));
        $this->applyDefaultTags($serviceId);
    }

    public function render(): Raw
    {
        return Html::join([
            Html::paragraph($this->t('import_help'), 'text-muted'),
            $this->section($this->t('import_candidates'), fn (): Raw => $this->candidates()),
            $this->section($this->t('drift_title'), fn (): Raw => $this->drift()),
        ]);
    }

    private function candidates(): Raw
    {
        try {
            $answer = $this->ctx->api()->importCandidates();
        } catch (ApiException $error) {
            if ($error->httpStatus === 404) {  // no status sync yet: the backend says what to do
                return Html::paragraph($this->apiMessage($error), 'text-muted');
            }
            throw $error;
        }
        $rows = [];
        foreach ((array) ($answer['items'] ?? []) as $candidate) {
            $instanceId = (string) ($candidate['instance_id'] ?? '');
            $suggestions = array_filter((array) ($candidate['suggestions'] ?? []), 'is_array');
            $suggested = (string) (reset($suggestions)['service_id'] ?? '');
            $rows[] = [
                $instanceId,
                (string) ($candidate['display_name'] ?? ''),
                $this->said('server_state_', (string) ($candidate['status'] ?? '')),
                (string) ($candidate['ipv4'] ?? ''),
                sprintf('%s, %s', $candidate['product_id'] ?? '', $candidate['region'] ?? ''),
                implode(', ', array_map(static fn (array $s): string => sprintf('#%s (%s)', $s['service_id'] ?? '', $s['by'] ?? ''), $suggestions)),
                (string) ($candidate['note'] ?? ''),
                $this->html()->form('import', 'import', [
                    $this->html()->hidden('instance_id', $instanceId),
                    new Raw(sprintf('<input type="text" class="form-control input-sm" name="service_id" value="%s" placeholder="%s" size="8" />', Html::e($suggested), Html::e($this->t('column_service')))),
                ], $this->t('action_import'), 'btn btn-primary btn-xs', $this->t('import_confirm', $instanceId)),
            ];
        }
        return Html::join([
            Html::paragraph($this->t('import_as_of', isset($answer['as_of']) ? Format::dateTime($answer['as_of']) : $this->t('never'), (int) ($answer['total'] ?? count($rows)))),
            Html::table(
                [$this->t('column_instance'), $this->t('column_name'), $this->t('column_status'), $this->t('column_ip'), $this->t('column_product'), $this->t('column_suggestions'), $this->t('column_note'), $this->t('column_map_to')],
                $rows,
                $this->t('import_none'),
            ),
        ]);
    }

    private function drift(): Raw
    {
        try {
            $report = $this->ctx->api()->driftReport();
        } catch (ApiException $error) {
            if ($error->httpStatus === 404) {
                return Html::paragraph($this->t('drift_never'), 'text-muted');
            }
            throw $error;
        }
        $rows = [];
        foreach ((array) ($report['drift'] ?? []) as $entry) {
            $rows[] = [(string) ($entry['kind'] ?? ''), (string) ($entry['service_id'] ?? ''), (string) ($entry['instance_id'] ?? ''), (string) ($entry['message'] ?? '')];
        }
        $finished = Format::dateTime($report['finished_at'] ?? $report['started_at'] ?? '');
        $orphans = count((array) ($report['orphan_instances'] ?? []));
        $unlinked = count((array) ($report['orphan_services'] ?? []));
        return Html::join([
            Html::paragraph($this->t('drift_summary', $finished, (int) ($report['instances'] ?? 0), $orphans, $unlinked)),
            Html::table([$this->t('column_kind'), $this->t('column_service'), $this->t('column_instance'), $this->t('column_message')], $rows, $this->t('drift_none')),
        ]);
    }

    /** An imported server gets the default tags at once (new orders get them from the daily hook). */
    private function applyDefaultTags(string $serviceId): void
    {
        $tags = $this->ctx->settings->defaultTags;
        if ($tags === []) {
            return;
        }
        try {
            $this->ctx->api()->setServiceTags($serviceId, $tags);
            $this->succeed($this->t('tags_applied', implode(', ', $tags), $serviceId));
        } catch (ApiException $error) {
            $this->warn($this->t('tags_not_applied', $serviceId, $this->apiMessage($error)));
        }
    }
}
