<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Guardrails;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** Rescue mode: the server restarts into a rescue system; its temporary password is shown once. */
final class RescuePage implements Page
{
    public function name(): string
    {
        return 'rescue';
    }

    public function operations(): array
    {
        return ['start'];
    }

    public function readOperations(): array
    {
        return [];
    }

    public function confirmations(): array
    {
        return ['start' => 'cloudserver_rescue_warning'];
    }

    public function perform(string $op, PageContext $context): array
    {
        if (!Guardrails::of($context)['allow_rescue']) {
            throw new \InvalidArgumentException($context->text('cloudserver_rescue_disabled'));
        }
        $offered = array_column(SshKeysPage::keys($context), 'id');
        $keyIds = [];
        foreach ($context->request->postArray('ssh_key_ids') as $keyId) {
            $keyIds[] = $context->rules->oneOf(is_scalar($keyId) ? (string) $keyId : '', $offered, 'cloudserver_invalid_ssh_key_choice');
        }
        $answer = ClientFactory::compute($context->params, $context->idempotencyKey($op))->rescue($context->serviceId, array_values(array_unique($keyIds)));
        $password = $answer['rescue_password'];
        return [
            'message' => $context->text('cloudserver_rescue_started'),
            'vars' => ['shown_once' => $password !== '' ? ['label' => $context->text('cloudserver_rescue_password'), 'value' => $password] : []],
        ];
    }

    public function load(PageContext $context): array
    {
        return [
            'ssh_keys' => SshKeysPage::keys($context),
            'rescue_allowed' => (bool) Guardrails::of($context)['allow_rescue'],
        ];
    }
}
