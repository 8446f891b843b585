<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Addon\ContaboAdmin\Api\AdminApi;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Addon\ContaboAdmin\JobWords;
use WHMCS\Module\Server\Contabo\Lang as ModuleLang;

/**
 * The action queue (GET /admin/jobs): what waits or was parked, the action and the error in
 * the admin's words; retry/skip/done. The cron hook tells staff of each parked job (hooks.php).
 */
final class QueuePage extends Page
{
    private const ACTIONS = ['retry', 'skip', 'done'];

    public static function slug(): string
    {
        return 'queue';
    }

    public function act(string $action): void
    {
        if (!in_array($action, self::ACTIONS, true)) {
            parent::act($action);
            return;
        }
        $jobId = $this->ctx->request->post('job_id');
        $job = $this->ctx->api()->jobAction($jobId, $action);
        $this->succeed($this->t('queue_' . $action . '_done', $jobId, $this->said('job_status_', (string) ($job['status'] ?? ''))));
    }

    public function render(): Raw
    {
        $status = $this->status();
        $tabs = [];
        foreach (AdminApi::JOB_STATUSES as $each) {
            $tabs[] = $this->html()->link($this->t('job_status_' . $each), 'queue', ['status' => $each], $each === $status ? 'btn btn-primary btn-sm' : 'btn btn-default btn-sm');
            $tabs[] = ' ';
        }
        return Html::join([
            Html::paragraph($this->t('queue_help'), 'text-muted'),
            Html::join($tabs),
            $this->section($this->t('job_status_' . $status), fn (): Raw => $this->jobs($status)),
        ]);
    }

    private function jobs(string $status): Raw
    {
        $page = $this->ctx->api()->jobs($status, $this->ctx->request->query('cursor'));
        $words = new JobWords($this->ctx->lang, ModuleLang::strings($this->ctx->lang->language));
        $rows = [];
        foreach ($page['items'] as $job) {
            $jobId = (string) ($job['job_id'] ?? '');
            $buttons = [];
            if (in_array($job['status'] ?? '', ['parked', 'queued'], true)) {
                foreach (self::ACTIONS as $action) {
                    $buttons[] = $this->html()->form('queue', $action, [$this->html()->hidden('job_id', $jobId)], $this->t('action_job_' . $action), $action === 'retry' ? 'btn btn-primary btn-xs' : 'btn btn-default btn-xs', $action === 'retry' ? '' : $this->t('queue_confirm_' . $action, $jobId));
                }
            }
            $rows[] = [
                $jobId,
                (string) ($job['service_id'] ?? ''),
                $words->action((string) ($job['action'] ?? '')),
                $this->said('job_status_', (string) ($job['status'] ?? '')),
                sprintf('%s / %s', $job['attempts'] ?? 0, $job['max_attempts'] ?? '-'),
                $words->error($job),
                (string) ($job['message'] ?? ''),
                Format::dateTime($job['updated_at'] ?? ''),
                Html::join($buttons),
            ];
        }
        $parts = [Html::table(
            [$this->t('column_job'), $this->t('column_service'), $this->t('column_action'), $this->t('column_status'), $this->t('column_attempts'), $this->t('column_error'), $this->t('column_message'), $this->t('column_updated'), ''],
            $rows,
            $this->t('queue_none'),
        )];
        if ($page['next_cursor'] !== null) {
            $parts[] = $this->html()->link($this->t('action_next_page'), 'queue', ['status' => $status, 'cursor' => $page['next_cursor']], 'btn btn-default');
        }
        return Html::join($parts);
    }

    private function status(): string
    {
        $status = $this->ctx->request->query('status');
        return in_array($status, AdminApi::JOB_STATUSES, true) ? $status : 'parked';
    }
}
