<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\ClientArea\Pages;

use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Page;
use WHMCS\Module\Server\Contabo\ClientArea\PageContext;
use WHMCS\Module\Server\Contabo\ClientFactory;

/** What happened to the server: our actions and the provider's audit entries, newest first. */
final class ActivityPage implements Page
{
    private const PAGE_SIZE = 25;

    public function name(): string
    {
        return 'activity';
    }

    public function operations(): array
    {
        return [];
    }

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
        throw new \LogicException('The activity page has no actions.');
    }

    public function load(PageContext $context): array
    {
        $cursor = $context->request->query('cursor');
        // A cursor is the backend's opaque token; anything else is ignored rather than sent.
        $cursor = preg_match('/^[A-Za-z0-9_=.:-]{1,512}$/', $cursor) ? $cursor : null;
        $page = ClientFactory::activity($context->params)->activity($context->serviceId, self::PAGE_SIZE, $cursor);
        $entries = [];
        foreach ($page['items'] as $entry) {
            $entries[] = [
                'at' => Format::dateTime($entry['at'] ?? null),
                'source' => (string) ($entry['source'] ?? ''),
                'action' => self::said($context->lang, 'action', (string) ($entry['action'] ?? '')),
                'actor' => self::said($context->lang, 'actor', self::actorKind((string) ($entry['actor'] ?? ''))),
                'outcome' => self::said($context->lang, 'outcome', (string) ($entry['outcome'] ?? '')),
                'request_id' => (string) ($entry['request_id'] ?? ''),
                'message' => (string) ($entry['message'] ?? ''),
            ];
        }
        return [
            'activity' => $entries,
            'next_cursor' => $page['next_cursor'] ?? '',
            'activity_notice' => $page['notice'],
            'is_first_page' => $cursor === null,
        ];
    }

    /**
     * An action, actor or outcome in the customer's language; one this module has no words for
     * yet is shown as the backend names it, made readable.
     *
     * @param array<string, string> $lang
     */
    private static function said(array $lang, string $what, string $value): string
    {
        return $lang['cloudserver_activity_' . $what . '_' . $value] ?? str_replace('_', ' ', $value);
    }

    /** Who acted, as a customer understands it: this panel, the automatic system, or the hosting platform. */
    private static function actorKind(string $actor): string
    {
        return match (true) {
            str_starts_with($actor, 'whmcs') => 'panel',
            $actor === 'contabo' || $actor === 'provider' => 'platform',
            default => 'system',
        };
    }
}
