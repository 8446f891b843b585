<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;

/** The audit log (GET /admin/audit): search by service, action, request id and date; CSV. */
final class LogsPage extends Page
{
    public const FILTERS = ['service_id', 'action', 'request_id', 'from', 'to'];

    public static function slug(): string
    {
        return 'logs';
    }

    public function download(string $what): ?Download
    {
        if ($what !== 'csv') {
            return null;
        }
        return new Download('audit-' . gmdate('Ymd-His') . '.csv', 'text/csv; charset=utf-8', $this->ctx->api()->auditCsv($this->filters()));
    }

    public function render(): Raw
    {
        $html = $this->html();
        $filters = $this->filters();
        $fields = [];
        foreach (self::FILTERS as $name) {
            $fields[] = $html->input($name, $this->t('filter_' . $name), $filters[$name], 'text', $this->t('filter_' . $name . '_hint'));
        }
        return Html::join([
            Html::heading($this->t('logs_search')),
            Html::paragraph($this->t('logs_help'), 'text-muted'),
            $html->searchForm('logs', $fields, $this->t('action_search')),
            $this->section($this->t('logs_results'), fn (): Raw => $this->results($filters)),
        ]);
    }

    /** @param array<string, string> $filters */
    private function results(array $filters): Raw
    {
        $cursor = $this->ctx->request->query('cursor');
        $page = $this->ctx->api()->audit($filters + ['limit' => '50', 'cursor' => $cursor]);
        $rows = [];
        foreach ($page['items'] as $item) {
            $call = ($item['method'] ?? null) !== null
                ? sprintf('%s %s -> %s (%s ms)', $item['method'], $item['path'] ?? '', $item['status_code'] ?? '-', $item['duration_ms'] ?? '-')
                : '';
            $requestId = (string) ($item['request_id'] ?? '');
            $rows[] = [
                Format::dateTime($item['at'] ?? ''),
                (string) ($item['service_id'] ?? '-'),
                $this->said('audit_kind_', (string) ($item['kind'] ?? '')),
                $this->said('audit_action_', str_replace('.', '_', (string) ($item['action'] ?? ''))),
                $this->said('outcome_', (string) ($item['outcome'] ?? '')),
                (string) ($item['actor'] ?? ''),
                $call,
                $this->html()->link($requestId, 'logs', ['request_id' => $requestId]),
                $this->readable((string) ($item['message'] ?? '')),
            ];
        }
        $parts = [];
        if ($page['notice'] !== '') {
            $parts[] = Html::alert('info', $page['notice']);
        }
        $parts[] = Html::table(
            [$this->t('column_time'), $this->t('column_service'), $this->t('column_kind'), $this->t('column_action'), $this->t('column_outcome'), $this->t('column_actor'), $this->t('column_call'), $this->t('column_request_id'), $this->t('column_message')],
            $rows,
            $this->t('logs_none'),
        );
        $present = array_filter($filters, 'strlen');
        if ($page['next_cursor'] !== null) {
            $parts[] = $this->html()->link($this->t('action_next_page'), 'logs', $present + ['cursor' => $page['next_cursor']], 'btn btn-default');
            $parts[] = ' ';
        }
        $parts[] = $this->html()->link($this->t('action_export_csv'), 'logs', $present + ['download' => 'csv'], 'btn btn-default');
        return Html::join($parts);
    }

    /**
     * A message that is a JSON object reads as "name: value" pairs (nested values the same way,
     * yes/no in the admin's language); any other message as it is.
     */
    private function readable(string $message): string
    {
        $decoded = str_starts_with(ltrim($message), '{') ? json_decode($message, true) : null;
        return is_array($decoded) ? $this->pairs($decoded) : $message;
    }

    /** @param array<mixed> $values */
    private function pairs(array $values): string
    {
        $parts = [];
        foreach ($values as $name => $value) {
            $text = match (true) {
                is_bool($value) => $this->t($value ? 'audit_detail_yes' : 'audit_detail_no'),
                $value === null => '-',
                is_array($value) => array_is_list($value) ? $this->listText(array_map(fn (mixed $v): string => is_array($v) ? '(' . $this->pairs($v) . ')' : (string) (is_bool($v) ? $this->t($v ? 'audit_detail_yes' : 'audit_detail_no') : $v), $value)) : '(' . $this->pairs($value) . ')',
                default => (string) $value,
            };
            $parts[] = is_int($name) ? $text : str_replace('_', ' ', (string) $name) . ': ' . $text;
        }
        return implode('; ', $parts);
    }

    /** @return array<string, string> */
    private function filters(): array
    {
        $filters = [];
        foreach (self::FILTERS as $name) {
            $filters[$name] = mb_substr($this->ctx->request->query($name), 0, 100);
        }
        return $filters;
    }
}
