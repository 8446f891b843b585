<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Pages;

use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Addon\ContaboAdmin\PageContext;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\Lang as ServerLang;

/**
 * One addon page: act() runs a form's action (only for a token-checked POST), download()
 * answers a file link (?download=), render() draws the page. Backend failures become clean messages.
 */
abstract class Page
{
    /** @var list<array{0: string, 1: string}> [type, message] shown above the page */
    private array $notices = [];

    public function __construct(protected readonly PageContext $ctx)
    {
    }

    /** The page's name in the URL (?page=...) and its lang key suffix (page_<slug>). */
    abstract public static function slug(): string;

    abstract public function render(): Raw;

    /** Runs a POST action of this page; unknown actions are refused. */
    public function act(string $action): void
    {
        $this->fail($this->t('error_unknown_action'));
    }

    /** A file for a GET link (?download=...), or null when the page has no such file. */
    public function download(string $what): ?Download
    {
        return null;
    }

    public function notices(): Raw
    {
        return Html::join(array_map(static fn (array $n): Raw => Html::alert($n[0], $n[1]), $this->notices));
    }

    protected function succeed(string $message): void
    {
        $this->notices[] = ['success', $message];
    }

    protected function fail(string $message): void
    {
        $this->notices[] = ['danger', $message];
    }

    protected function warn(string $message): void
    {
        $this->notices[] = ['warning', $message];
    }

    protected function t(string $key, string|int ...$args): string
    {
        return $this->ctx->lang->get($key, ...$args);
    }

    /** A state or outcome the backend names, in the admin's language where the lang file has it. */
    protected function said(string $prefix, string $value): string
    {
        return $this->ctx->lang->has($prefix . $value) ? $this->t($prefix . $value) : $value;
    }

    protected function html(): Html
    {
        return $this->ctx->html;
    }

    /**
     * Part of a page that reads the backend: its failure shows as one message in its place,
     * the rest of the page still renders.
     *
     * @param callable(): Raw $draw
     */
    protected function section(string $title, callable $draw): Raw
    {
        try {
            $body = $draw();
        } catch (ApiException $error) {
            $body = Html::alert($error->kind === ApiException::ROUTE_MISSING ? 'info' : 'danger', $this->apiMessage($error));
        }
        return Html::join([Html::heading($title), $body]);
    }

    /**
     * The message for a failed backend call in the admin's language: the backend's message code
     * said with the server module's sentences (one set of lang files for both), else its English
     * words; a route the backend lacks says so plainly.
     */
    public function apiMessage(ApiException $error): string
    {
        if ($error->kind === ApiException::ROUTE_MISSING) {
            return $this->t('error_not_available');
        }
        return Messages::error($error, ServerLang::strings($this->ctx->lang->language));
    }

    /** "a, b" or "none" */
    protected function listText(mixed $values): string
    {
        $values = array_map(static fn (mixed $v): string => is_scalar($v) ? (string) $v : (string) json_encode($v), array_values((array) $values));
        return $values === [] ? $this->t('none') : implode(', ', $values);
    }
}
