<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Addon\ContaboAdmin\Lang;
use WHMCS\Module\Server\Contabo\Api\ApiException;

/** The cloud-init template library: list, edit (validated by the backend), delete, preview. */
final class TemplatesPage extends Page
{
    /** @var array{name: string, description: string, content: string, service_id: string}|null the form as sent, kept after a refusal */
    private ?array $draft = null;
    /** @var array<string, mixed>|null */
    private ?array $preview = null;

    public static function slug(): string
    {
        return 'templates';
    }

    public function act(string $action): void
    {
        $this->draft = [
            'name' => trim($this->ctx->request->post('name')),
            'description' => trim($this->ctx->request->post('description')),
            'content' => str_replace("\r\n", "\n", $this->ctx->request->post('content')),
            'service_id' => trim($this->ctx->request->post('service_id')),
        ];
        match ($action) {
            'save' => $this->save(),
            'delete' => $this->delete(),
            'preview' => $this->previewDraft(),
            default => parent::act($action),
        };
    }

    public function render(): Raw
    {
        return Html::join([
            $this->section($this->t('templates_library'), fn (): Raw => $this->library()),
            $this->editor(),
            $this->preview === null ? new Raw('') : Html::join([Html::heading($this->t('templates_preview')), self::previewResult($this->preview, $this->ctx->lang)]),
        ]);
    }

    /** The preview answer (rendered text, variables, size, validity) as HTML; Tools uses it too. */
    public static function previewResult(array $preview, Lang $lang): Raw
    {
        $valid = (bool) ($preview['valid'] ?? false);
        $variables = [];
        foreach ((array) ($preview['variables'] ?? []) as $name => $value) {
            $variables[] = ['${' . $name . '}', (string) $value];
        }
        return Html::join([
            Html::alert($valid ? 'success' : 'danger', $valid ? $lang->get('preview_valid', (int) ($preview['bytes'] ?? 0)) : (string) ($preview['error'] ?? $lang->get('preview_invalid'))),
            Html::table([$lang->get('column_variable'), $lang->get('column_value')], $variables, $lang->get('none')),
            Html::paragraph($lang->get('preview_unknown', implode(', ', array_map('strval', (array) ($preview['unknown_variables'] ?? []))) ?: $lang->get('none'))),
            Html::code((string) ($preview['rendered'] ?? '')),
        ]);
    }

    private function library(): Raw
    {
        $rows = [];
        foreach ($this->ctx->api()->templates() as $template) {
            $name = (string) ($template['name'] ?? '');
            $rows[] = [
                $name,
                (string) ($template['description'] ?? ''),
                strlen((string) ($template['content'] ?? '')),
                $this->html()->link($this->t('action_edit'), 'templates', ['edit' => $name]),
                $this->html()->form('templates', 'delete', [$this->html()->hidden('name', $name)], $this->t('action_delete'), 'btn btn-danger btn-xs', $this->t('templates_delete_confirm', $name)),
            ];
        }
        return Html::table([$this->t('column_name'), $this->t('column_description'), $this->t('column_bytes'), '', ''], $rows, $this->t('templates_none'));
    }

    private function editor(): Raw
    {
        $draft = $this->draft ?? $this->stored($this->ctx->request->query('edit'));
        $html = $this->html();
        $fields = [
            $html->input('name', $this->t('field_template_name'), $draft['name'], 'text', 'web-server'),
            $html->input('description', $this->t('field_description'), $draft['description']),
            $html->textarea('content', $this->t('field_template_content'), $draft['content'], 14),
            $html->input('service_id', $this->t('field_preview_service'), $draft['service_id'], 'text', $this->t('field_preview_service_hint')),
        ];
        return Html::join([
            Html::heading($this->t('templates_edit')),
            Html::paragraph($this->t('templates_help'), 'text-muted'),
            Html::paragraph($this->t('templates_preview_help'), 'text-muted'),
            $html->form('templates', 'save', $fields, $this->t('action_save'), 'btn btn-primary', '', ['preview' => $this->t('action_preview')]),
        ]);
    }

    /** @return array{name: string, description: string, content: string, service_id: string} */
    private function stored(string $name): array
    {
        $empty = ['name' => '', 'description' => '', 'content' => "#cloud-config\n", 'service_id' => ''];
        if ($name === '') {
            return $empty;
        }
        try {
            foreach ($this->ctx->api()->templates() as $template) {
                if (($template['name'] ?? '') === $name) {
                    return ['name' => $name, 'description' => (string) ($template['description'] ?? ''), 'content' => (string) ($template['content'] ?? ''), 'service_id' => ''];
                }
            }
        } catch (ApiException) {
            return $empty;  // the library section above already says why
        }
        return $empty;
    }

    private function save(): void
    {
        $draft = $this->draft ?? [];
        $this->ctx->api()->saveTemplate($draft['name'], $draft['description'], $draft['content']);
        $this->succeed($this->t('templates_saved', $draft['name']));
    }

    private function delete(): void
    {
        $name = $this->draft['name'] ?? '';
        $this->ctx->api()->deleteTemplate($name);
        $this->draft = null;
        $this->succeed($this->t('templates_deleted', $name));
    }

    private function previewDraft(): void
    {
        $draft = $this->draft ?? [];
        $request = ['content' => $draft['content']];
        if ($draft['service_id'] !== '') {
            $request['service_id'] = $draft['service_id'];
        }
        $this->preview = $this->ctx->api()->previewTemplate($request);
    }
}
