<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientArea\PageController;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * An object storage: usage, S3 endpoint, access keys (shown on request, regenerated with
 * confirmation). Size changes go through WHMCS's upgrade so they are invoiced.
 */
final class ObjectStoragePage implements Page
{
    public function name(): string
    {
        return 'objectstorage';
    }

    public function operations(): array
    {
        return ['reveal', 'regenerate'];
    }

    /** None: while suspended the backend has replaced the keys, so there is nothing to show. */
    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['regenerate' => 'cloudserver_storage_regenerate_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $storage = ClientFactory::objectStorage($context->params, $context->idempotencyKey($op));
        $credentials = $op === 'reveal' ? $storage->credentials($context->serviceId) : $storage->regenerateCredentials($context->serviceId);
        $shown = ['secret_key' => $credentials['secret_key'], 'access_key' => $credentials['access_key'], 'bucket' => $credentials['bucket']];
        if ($credentials['endpoint'] !== '') {
            $shown['endpoint'] = $credentials['endpoint'];
        }
        return ['message' => $op === 'reveal' ? '' : $context->text('cloudserver_storage_regenerated'), 'vars' => $shown];
    }

    /**
     * The storage as the service view describes it, with fresh usage. The access keys are not
     * read here: only "Show" (or "Create new") fetches them.
     */
    public function load(PageContext $context): array
    {
        $service = $context->service;
        $storage = is_array($service['object_storage'] ?? null) ? $service['object_storage'] : [];
        $vars = [
            'storage' => [
                'region' => (string) ($storage['region_name'] ?? $service['region'] ?? ''),
                'size_tb' => Format::number($storage['size_tb'] ?? null),
                'auto_scaling_limit_tb' => Format::number($storage['auto_scaling_limit_tb'] ?? null),
                'created' => Format::date($service['created_at'] ?? null),
                'cancel_date' => Format::date($service['cancel_date'] ?? null),
                'status_message' => (string) ($service['status_message'] ?? ''),
                'state' => (string) ($service['state'] ?? ''),
                'resize_pending' => is_array($storage['resize'] ?? null) ? self::resizeSentence($storage['resize'], $context->lang) : '',
            ],
            'usage' => null,
            'usage_error' => '',
            'endpoint' => (string) ($storage['s3_url'] ?? ''),
            'credentials_available' => !empty($storage['credentials_available']),
            'access_key' => '',
            'secret_key' => '',
            'bucket' => (string) ($storage['bucket'] ?? ''),
            'data_deleted_after' => Format::date($storage['data_deleted_after'] ?? null),
            'upgrade_url' => 'upgrade.php?type=configoptions&id=' . (int) $context->serviceId,
        ];
        if (!in_array($vars['storage']['state'], ['active', 'suspended'], true)) {
            return $vars;
        }
        try {
            $usage = ClientFactory::objectStorage($context->params)->usage($context->serviceId);
            $vars['usage'] = [
                'used_tb' => Format::number($usage['used_tb'] ?? 0, 3),
                'size_tb' => Format::number($usage['size_tb'] ?? ($storage['size_tb'] ?? 0)),
                'used_percent' => max(0, min(100, (int) round((float) ($usage['used_percent'] ?? 0)))),
                'objects' => (int) ($usage['objects'] ?? 0),
                'as_of' => Format::dateTime($usage['as_of'] ?? null),
                'over_quota' => (string) ($usage['quota_message'] ?? '') !== '',
            ];
        } catch (ApiException $error) {
            $vars['usage_error'] = PageController::customerMessage($error, $context->lang);
        }
        return $vars;
    }

    /**
     * A resize in progress (or waiting, or with the staff) in the customer's language.
     *
     * @param array<string, mixed> $resize
     * @param array<string, string> $lang
     */
    private static function resizeSentence(array $resize, array $lang): string
    {
        $english = (string) ($resize['message'] ?? '');
        $params = is_array($resize['params'] ?? null) ? $resize['params'] : ['reason' => $english];
        return Messages::coded((string) ($resize['message_code'] ?? ''), $params, $english, $lang);
    }
}
