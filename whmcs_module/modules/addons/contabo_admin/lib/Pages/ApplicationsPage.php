<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;

/**
 * The one-click application catalogue (/admin/applications): the provider lists no
 * applications, so the admin records each (key, name, the provider's application id, the images
 * it installs on). Customers choose one at order (the "Application" option, value = key) and on
 * the reinstall page.
 */
final class ApplicationsPage extends Page
{
    public static function slug(): string
    {
        return 'applications';
    }

    public function act(string $action): void
    {
        $request = $this->ctx->request;
        $key = strtolower(trim($request->post('key')));
        if (!preg_match('/^[a-z0-9][a-z0-9-]{0,39}$/', $key)) {
            $this->fail($this->t('error_application_key'));
            return;
        }
        if ($action === 'delete_application') {
            $this->ctx->api()->deleteApplication($key);
            $this->succeed($this->t('application_deleted', $key));
            return;
        }
        if ($action !== 'save_application') {
            parent::act($action);
            return;
        }
        $images = array_values(array_filter(array_map('trim', explode(',', $request->post('compatible_images'))), static fn (string $i): bool => $i !== ''));
        $this->ctx->api()->saveApplication($key, [
            'name' => trim($request->post('name')),
            'application_id' => trim($request->post('application_id')),
            'compatible_images' => $images,
            'enabled' => $request->checked('enabled'),
        ]);
        $this->succeed($this->t('application_saved', $key));
    }

    public function render(): Raw
    {
        return Html::join([
            Html::paragraph($this->t('applications_help'), 'text-muted'),
            $this->section($this->t('page_applications'), fn (): Raw => $this->catalogue()),
            Html::heading($this->t('application_add'), 4),
            $this->html()->form('applications', 'save_application', [
                $this->html()->input('key', $this->t('column_key'), '', 'text', 'wordpress'),
                $this->html()->input('name', $this->t('column_name')),
                $this->html()->input('application_id', $this->t('column_application_id')),
                $this->html()->input('compatible_images', $this->t('column_compatible_images'), '', 'text', 'ubuntu-22.04, debian-12'),
                $this->html()->checkbox('enabled', $this->t('application_enabled'), true),
            ], $this->t('action_save')),
        ]);
    }

    private function catalogue(): Raw
    {
        $rows = [];
        foreach ($this->ctx->api()->applications() as $application) {
            $key = (string) ($application['key'] ?? '');
            $rows[] = [
                $key,
                (string) ($application['name'] ?? ''),
                (string) ($application['application_id'] ?? ''),
                $this->listText($application['compatible_images'] ?? []),
                !empty($application['enabled']) ? '✓' : '–',
                $this->html()->form('applications', 'delete_application', [$this->html()->hidden('key', $key)], $this->t('action_delete'), 'btn btn-default btn-xs', $this->t('application_delete_confirm', $key)),
            ];
        }
        return Html::table([$this->t('column_key'), $this->t('column_name'), $this->t('column_application_id'), $this->t('column_compatible_images'), $this->t('column_enabled'), ''], $rows, $this->t('applications_none'));
    }
}
