<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Guardrails;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * Reinstall in two steps: choose (image, vault keys, cloud-init) and review, then confirm that
 * the disk is wiped. Everything is validated at the review step, before anything happens.
 */
final class ReinstallPage implements Page
{
    /** @var array<string, mixed>|null loaded once per request: the review and the page both need them */
    private ?array $choices = null;

    public function name(): string
    {
        return 'reinstall';
    }

    public function operations(): array
    {
        return ['review', 'reinstall'];
    }

    /** The review step is this page's confirmation: it shows exactly what will happen. */
    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return [];
    }

    public function perform(string $op, PageContext $context): array
    {
        $choices = $this->choices($context);
        if (!$choices['guardrails']['allow_reinstall']) {
            throw new \InvalidArgumentException($context->text('cloudserver_reinstall_disabled'));
        }
        $selection = $this->selection($context, $choices);
        if ($op === 'review') {
            return ['message' => '', 'vars' => ['review' => $selection]];
        }
        if ($context->request->post('confirm_wipe') !== '1') {
            return ['message' => '', 'vars' => ['review' => $selection, 'review_error' => $context->text('cloudserver_reinstall_confirm_required')]];
        }
        $view = ClientFactory::compute($context->params, $context->idempotencyKey($op))->reinstall(
            $context->serviceId,
            $selection['image_id'],
            $selection['ssh_key_ids'],
            $selection['cloud_init'] === 'template' ? $selection['cloud_init_template'] : null,
            $selection['cloud_init'] === 'own' ? $selection['user_data'] : null,
            $selection['application'],
        );
        $password = (string) ($view['password'] ?? '');
        if ($password !== '') {
            self::storeServicePassword($context, $password);
        }
        return [
            'message' => $context->text('cloudserver_reinstall_started'),
            'vars' => ['shown_once' => $password !== '' ? ['label' => $context->text('cloudserver_new_root_password'), 'value' => $password] : []],
        ];
    }

    public function load(PageContext $context): array
    {
        $choices = $this->choices($context);
        $standard = array_values(array_filter($choices['images'], static fn (array $image): bool => $image['standard']));
        $custom = array_values(array_filter($choices['images'], static fn (array $image): bool => !$image['standard']));
        return [
            'review' => null,
            'review_error' => '',
            'images_standard' => $standard,
            'images_custom' => $custom,
            'ssh_keys' => $choices['keys'],
            'cloud_init_templates' => $choices['templates'],
            'applications' => $choices['applications'],
            'guardrails' => $choices['guardrails'],
            'user_data_max_kib' => (int) ceil(((int) $choices['guardrails']['cloud_init_max_bytes']) / 1024),
            'current_image' => (string) ($context->service['image_id'] ?? ''),
        ];
    }

    /**
     * The customer's choices, each checked against what was offered.
     *
     * @param array<string, mixed> $choices
     * @return array{application: string, application_name: string, image_id: string, image_name: string, ssh_key_ids: list<string>, ssh_key_names: list<string>, cloud_init: string, cloud_init_template: string, user_data: string}
     */
    private function selection(PageContext $context, array $choices): array
    {
        $request = $context->request;
        $rules = $context->rules;
        $imageNames = array_column($choices['images'], 'name', 'id');
        $imageId = $rules->oneOf($request->post('image_id'), array_keys($imageNames), 'cloudserver_invalid_image');

        $keyNames = array_column($choices['keys'], 'name', 'id');
        $keyIds = [];
        foreach ($request->postArray('ssh_key_ids') as $keyId) {
            $keyIds[] = $rules->oneOf(is_scalar($keyId) ? (string) $keyId : '', array_keys($keyNames), 'cloudserver_invalid_ssh_key_choice');
        }
        $keyIds = array_values(array_unique($keyIds));
        if ($keyIds === [] && $choices['guardrails']['require_ssh_key']) {
            throw new \InvalidArgumentException($context->text('cloudserver_reinstall_key_required'));
        }

        $mode = $rules->oneOf($request->post('cloud_init') ?: 'none', ['none', 'template', 'own'], 'cloudserver_invalid_cloud_init_choice');
        $template = '';
        $userData = '';
        if ($mode === 'template') {
            $template = $rules->oneOf($request->post('cloud_init_template'), array_column($choices['templates'], 'name'), 'cloudserver_invalid_cloud_init_template');
        } elseif ($mode === 'own') {
            $userData = $rules->userData($request->post('user_data'), (int) $choices['guardrails']['cloud_init_max_bytes']);
            if ($userData === '') {
                throw new \InvalidArgumentException($context->text('cloudserver_invalid_user_data'));
            }
        }

        // Offered applications only; the backend checks the image (the page lists it beside each).
        $applications = array_column($choices['applications'], 'name', 'key');
        $application = $request->post('application') === '' ? '' : $rules->oneOf($request->post('application'), array_map('strval', array_keys($applications)), 'cloudserver_invalid_application');

        return [
            'application' => $application,
            'application_name' => $application === '' ? '' : (string) $applications[$application],
            'image_id' => $imageId,
            'image_name' => (string) $imageNames[$imageId],
            'ssh_key_ids' => $keyIds,
            'ssh_key_names' => array_map(static fn (string $id): string => (string) $keyNames[$id], $keyIds),
            'cloud_init' => $mode,
            'cloud_init_template' => $template,
            'user_data' => $userData,
        ];
    }

    /** @return array{images: list<array<string, mixed>>, keys: list<array<string, mixed>>, templates: list<array{name: string, description: string}>, guardrails: array<string, mixed>} */
    private function choices(PageContext $context): array
    {
        if ($this->choices === null) {
            try {
                $templates = ClientFactory::admin($context->params)->cloudInitTemplates();
            } catch (ApiException) {
                // The library is optional: without it the customer can still paste user data.
                $templates = [];
            }
            try {
                $applications = ClientFactory::admin($context->params)->applications();
            } catch (ApiException) {
                $applications = [];  // none offered: the reinstall goes on without
            }
            $this->choices = [
                'images' => ClientFactory::compute($context->params)->images($context->serviceId),
                'keys' => SshKeysPage::keys($context),
                'templates' => $templates,
                'applications' => $applications,
                'guardrails' => Guardrails::of($context),
            ];
        }
        return $this->choices;
    }

    /** WHMCS keeps the service password: the reinstall replaced it. */
    private static function storeServicePassword(PageContext $context, string $password): void
    {
        if (function_exists('localAPI')) {
            localAPI('UpdateClientProduct', ['serviceid' => (int) $context->serviceId, 'servicepassword' => $password]);
        }
    }
}
