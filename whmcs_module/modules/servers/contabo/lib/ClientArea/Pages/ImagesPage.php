<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\PathSegment;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** The client's own images: upload from a URL (qcow2 or ISO), status and size, delete. */
final class ImagesPage implements Page
{
    private const OS_TYPES = ['Linux', 'Windows'];

    public function name(): string
    {
        return 'images';
    }

    public function operations(): array
    {
        return ['upload', 'delete'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['delete' => 'cloudserver_image_delete_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $compute = ClientFactory::compute($context->params, $context->idempotencyKey($op));
        $request = $context->request;
        if ($op === 'upload') {
            $url = trim($request->post('url'));
            if (!preg_match('~^https?://\S+\.(qcow2|iso)(\?\S*)?$~i', $url)) {
                throw new \InvalidArgumentException($context->text('cloudserver_image_url_rules'));
            }
            $compute->uploadCustomImage($context->serviceId, [
                'name' => trim($request->post('name')),
                'url' => $url,
                'os_type' => $context->rules->oneOf($request->post('os_type'), self::OS_TYPES, 'cloudserver_image_os_invalid'),
                'version' => trim($request->post('version')),
            ]);
            return ['message' => $context->text('cloudserver_image_uploading')];
        }
        $compute->deleteCustomImage($context->serviceId, PathSegment::of($request->post('image_id'), 'image'));
        return ['message' => $context->text('cloudserver_image_deleted')];
    }

    public function load(PageContext $context): array
    {
        $list = ClientFactory::compute($context->params)->customImages($context->serviceId);
        $images = [];
        foreach ((array) ($list['items'] ?? []) as $image) {
            $images[] = [
                'id' => (string) ($image['id'] ?? ''),
                'name' => (string) ($image['name'] ?? ''),
                'status' => (string) ($image['status'] ?? ''),
                'usable' => !empty($image['usable']),
                'size' => isset($image['size_mb']) ? sprintf('%.1f GB', (float) $image['size_mb'] / 1024) : '',
                'format' => (string) ($image['format'] ?? ''),
                'os' => trim(($image['os_type'] ?? '') . ' ' . ($image['version'] ?? '')),
                'error' => (string) ($image['error'] ?? ''),
            ];
        }
        $quota = is_array($list['quota'] ?? null) ? $list['quota'] : null;
        $limit = isset($list['limit']) && is_numeric($list['limit']) ? (int) $list['limit'] : null;
        return [
            'images' => $images,
            'images_allowed' => (bool) ($list['allowed'] ?? true),
            'images_at_limit' => $limit !== null && count($images) >= $limit,
            'images_quota' => $quota === null ? '' : sprintf($context->text('cloudserver_image_quota'), (float) $quota['free_mb'] / 1024, (float) $quota['total_mb'] / 1024),
        ];
    }
}
