<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Http\Raw;
use WHMCS\Module\Addon\ContaboAdmin\Pages\ApplicationsPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\CatalogPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\ExtraIpsPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\ImportPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\LogsPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\Page;
use WHMCS\Module\Addon\ContaboAdmin\Pages\PoolsPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\QueuePage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\SettingsPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\TemplatesPage;
use WHMCS\Module\Addon\ContaboAdmin\Pages\ToolsPage;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\ClientArea\Format;

/**
 * One request to the addon: picks the page (?page=), runs a form's action only for a POST
 * with the session's token, answers file links, and draws the page. Every failure becomes a
 * clean sentence; anything unexpected is logged for the admin and never shown raw.
 */
final class AdminArea
{
    /** @var list<class-string<Page>> in menu order */
    public const PAGES = [SettingsPage::class, CatalogPage::class, TemplatesPage::class, LogsPage::class, QueuePage::class, ImportPage::class, ExtraIpsPage::class, PoolsPage::class, ApplicationsPage::class, ToolsPage::class];

    public function __construct(private readonly PageContext $ctx)
    {
        Html::$yes = $ctx->lang->get('yes');
        Html::$no = $ctx->lang->get('no');
        Format::useLanguage($ctx->lang->language);
    }

    public function handle(): Raw|Download
    {
        $page = $this->page();
        $request = $this->ctx->request;
        $errors = [];
        if (!$request->isPost() && $request->query('download') !== '') {
            $download = $this->guarded($page, $errors, static fn (): ?Download => $page->download($request->query('download')));
            if ($download instanceof Download) {
                return $download;
            }
        }
        if ($request->isPost()) {
            if ($request->isTrustedPost()) {
                $this->guarded($page, $errors, static fn () => $page->act($request->post('action')));
            } else {
                $errors[] = $this->ctx->lang->get('error_token');
            }
        }
        $body = $this->guarded($page, $errors, static fn (): Raw => $page->render());
        return Html::join([
            $this->menu($page::slug()),
            Html::join(array_map(static fn (string $error): Raw => Html::alert('danger', $error), $errors)),
            $page->notices(),
            $body instanceof Raw ? $body : new Raw(''),
        ]);
    }

    /** The pages as links (the tabs above each page and WHMCS's addon sidebar). */
    public function menu(string $current = ''): Raw
    {
        $links = [];
        foreach (self::PAGES as $page) {
            $links[] = $this->ctx->html->link($this->ctx->lang->get('page_' . $page::slug()), $page::slug(), [], $page::slug() === $current ? 'btn btn-primary btn-sm' : 'btn btn-default btn-sm');
            $links[] = ' ';
        }
        return Html::join([new Raw('<p class="contabo-admin-menu">'), Html::join($links), new Raw('</p>')]);
    }

    private function page(): Page
    {
        $wanted = $this->ctx->request->query('page');
        foreach (self::PAGES as $page) {
            if ($page::slug() === $wanted) {
                return new $page($this->ctx);
            }
        }
        return new SettingsPage($this->ctx);
    }

    /**
     * @param list<string> $errors
     * @param callable(): mixed $run
     */
    private function guarded(Page $page, array &$errors, callable $run): mixed
    {
        try {
            return $run();
        } catch (ApiException $error) {
            $errors[] = $page->apiMessage($error);
        } catch (AddonError | \InvalidArgumentException $error) {
            $errors[] = $error->getMessage();
        } catch (\Throwable $error) {
            // A WHMCS database or PHP error: details to the activity log, a sentence to the page.
            if (function_exists('logActivity')) {
                logActivity('Contabo admin addon: ' . get_class($error) . ': ' . $error->getMessage());
            }
            $errors[] = $this->ctx->lang->get('error_unexpected');
        }
        return null;
    }
}
