<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientArea\PageController;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * An object storage: usage, S3 endpoint, credentials (revealed on request, regenerated with
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

    /** Revealing reads the credentials, which a suspended service may still do. */
    public function readOperations(): array
    {
        return ['reveal'];
    }

    public function confirmations(): array
    {
        return ['regenerate' => 'cloudserver_storage_regenerate_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $storage = ClientFactory::objectStorage($context->params, $context->idempotencyKey($op));
        if ($op === 'reveal') {
            $credentials = $storage->credentials($context->serviceId);
            return ['message' => '', 'vars' => ['secret_key' => $credentials['secret_key'], 'access_key' => $credentials['access_key']]];
        }
        $credentials = $storage->regenerateCredentials($context->serviceId);
        return [
            'message' => $context->text('cloudserver_storage_regenerated'),
            'vars' => ['secret_key' => $credentials['secret_key'], 'access_key' => $credentials['access_key']],
        ];
    }

    /** Usage and credentials load separately: either may be unavailable while the other works. */
    public function load(PageContext $context): array
    {
        $client = ClientFactory::objectStorage($context->params);
        $service = $context->service;
        $vars = [
            'storage' => [
                'region' => (string) ($service['region'] ?? ''),
                'size_tb' => Format::number($service['size_tb'] ?? null),
                'auto_scaling_limit_tb' => Format::number($service['auto_scaling_limit_tb'] ?? null),
                'created' => Format::date($service['created_at'] ?? null),
                'cancel_date' => Format::date($service['cancel_date'] ?? null),
                'status_message' => (string) ($service['status_message'] ?? ''),
                'state' => (string) ($service['state'] ?? ''),
            ],
            'usage' => null,
            'usage_error' => '',
            'endpoint' => '',
            'access_key' => '',
            'secret_key' => '',
            'credentials_error' => '',
            'upgrade_url' => 'upgrade.php?type=configoptions&id=' . (int) $context->serviceId,
        ];
        if (($service['state'] ?? '') !== 'active' && ($service['state'] ?? '') !== 'suspended') {
            return $vars;
        }
        try {
            $usage = $client->usage($context->serviceId);
            $vars['usage'] = [
                'used_tb' => Format::number($usage['used_tb'] ?? 0, 3),
                'size_tb' => Format::number($usage['size_tb'] ?? ($service['size_tb'] ?? 0)),
                'used_percent' => max(0, min(100, (int) round((float) ($usage['used_percent'] ?? 0)))),
                'objects' => (int) ($usage['objects'] ?? 0),
                'as_of' => Format::dateTime($usage['as_of'] ?? null),
            ];
            if ($vars['storage']['size_tb'] === '') {
                $vars['storage']['size_tb'] = $vars['usage']['size_tb'];
            }
        } catch (ApiException $error) {
            $vars['usage_error'] = PageController::customerMessage($error, $context->lang);
        }
        try {
            $credentials = $client->credentials($context->serviceId);
            // The secret is fetched with the endpoint but shown only after "Reveal".
            $vars['endpoint'] = $credentials['endpoint'];
            $vars['access_key'] = $credentials['access_key'];
        } catch (ApiException $error) {
            $vars['credentials_error'] = PageController::customerMessage($error, $context->lang);
        }
        return $vars;
    }
}
