<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\Api\PathSegment;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** The client's SSH key vault: shared by all of the client's servers. */
final class SshKeysPage implements Page
{
    public function name(): string
    {
        return 'sshkeys';
    }

    public function operations(): array
    {
        return ['add', 'delete', 'default'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['delete' => 'cloudserver_sshkey_delete_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        $vault = ClientFactory::sshKeys($context->params, $context->idempotencyKey($op));
        $request = $context->request;
        if ($op === 'add') {
            $vault->add($context->clientId, $context->rules->sshKeyName($request->post('name')), $context->rules->sshPublicKey($request->post('public_key')));
            return ['message' => $context->text('cloudserver_sshkey_added')];
        }
        $keyId = PathSegment::of($request->post('key_id'), 'SSH key');
        if ($op === 'default') {
            $vault->setDefault($context->clientId, $keyId);
            return ['message' => $context->text('cloudserver_sshkey_default_set')];
        }
        $vault->delete($context->clientId, $keyId);
        return ['message' => $context->text('cloudserver_sshkey_deleted')];
    }

    public function load(PageContext $context): array
    {
        return ['ssh_keys' => self::keys($context)];
    }

    /**
     * The vault for display and for pickers (reinstall, rescue).
     *
     * @return list<array{id: string, name: string, fingerprint: string, default: bool, created: string}>
     */
    public static function keys(PageContext $context): array
    {
        $keys = [];
        foreach (ClientFactory::sshKeys($context->params)->keys($context->clientId) as $key) {
            $keys[] = [
                'id' => (string) ($key['id'] ?? ''),
                'name' => (string) ($key['name'] ?? ''),
                'fingerprint' => (string) ($key['fingerprint'] ?? ''),
                'default' => !empty($key['default']),
                'created' => Format::date($key['created_at'] ?? null),
            ];
        }
        return $keys;
    }
}
