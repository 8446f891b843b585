<?php

declare(strict_types=1);

namespace Tests\Php\Support;

use PHPUnit\Framework\TestCase;
use Tests\Php\Stubs\ActivityLog;
use Tests\Php\Stubs\FakeProductRepository;
use Tests\Php\Stubs\FakeServerSource;
use Tests\Php\Stubs\FakeSettingsStore;
use Tests\Php\Stubs\FakeTransport;
use Tests\Php\Stubs\FakeWhmcsDirectory;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\AdminArea;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Addon\ContaboAdmin\Http\AdminRequest;
use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Lang;
use WHMCS\Module\Addon\ContaboAdmin\PageContext;
use WHMCS\Module\Addon\ContaboAdmin\Products\ProductRepository;
use WHMCS\Module\Server\Contabo\ClientFactory;

/**
 * The admin addon's pages on fakes of WHMCS (products, services, settings) with a backend
 * reached through ClientFactory::$transport: a FakeTransport in unit tests, real HTTP (null)
 * against the local stack in integration tests.
 */
abstract class AddonTestCase extends TestCase
{
    public const MODULE_LINK = 'addonmodules.php?module=contabo_admin';

    protected FakeProductRepository $products;
    /** When set, the pages use it instead of $products (e.g. the Capsule repository). */
    protected ?ProductRepository $productRepository = null;
    protected FakeWhmcsDirectory $whmcs;
    protected FakeSettingsStore $store;
    protected FakeServerSource $servers;
    /** @var array<string, mixed> the addon's settings as WHMCS passes them in $vars */
    protected array $vars = [];
    /** The admin's WHMCS language the pages are drawn in. */
    protected string $language = 'english';

    protected function setUp(): void
    {
        Whmcs::reset();
        Capsule::reset();
        ActivityLog::$entries = [];
        $this->products = new FakeProductRepository();
        $this->whmcs = new FakeWhmcsDirectory();
        $this->store = new FakeSettingsStore();
        $this->servers = new FakeServerSource();
        $this->vars = [
            'backend_url' => 'https://api.example.test/Prod',
            'key_id' => 'whmcs-1',
            'key_secret' => WhmcsParams::SECRET,
            'modulelink' => self::MODULE_LINK,
        ];
    }

    protected function tearDown(): void
    {
        ClientFactory::$transport = null;
    }

    protected function fakeBackend(): FakeTransport
    {
        $transport = new FakeTransport();
        ClientFactory::$transport = $transport;
        return $transport;
    }

    /**
     * @param array<string, string> $query
     * @param array<string, mixed> $post sent with the session's token unless it has its own
     */
    protected function area(array $query = [], ?array $post = null): AdminArea
    {
        $request = $post === null
            ? new AdminRequest('GET', $query, [], Whmcs::CSRF_TOKEN)
            : new AdminRequest('POST', $query, $post + ['token' => Whmcs::CSRF_TOKEN], Whmcs::CSRF_TOKEN);
        $settings = AddonSettings::fromVars($this->vars);
        return new AdminArea(new PageContext(
            $request,
            Lang::of($this->language),
            new Html(self::MODULE_LINK, Whmcs::CSRF_TOKEN),
            $settings,
            new BackendConnection($settings, $this->servers),
            $this->productRepository ?? $this->products,
            $this->whmcs,
            $this->store,
        ));
    }

    /** The page's HTML for a GET (no $post) or a POST of a form. */
    protected function page(string $page, array $query = [], ?array $post = null): string
    {
        $output = $this->area(['page' => $page] + $query, $post)->handle();
        self::assertNotInstanceOf(Download::class, $output);
        return $output->html;
    }

    /** The page's alert texts, unescaped, by type (success, danger, warning, info). */
    protected static function alerts(string $html, string $type): array
    {
        preg_match_all('#<div class="alert alert-' . $type . '">(.*?)</div>#s', $html, $found);
        return array_map(static fn (string $text): string => html_entity_decode($text, ENT_QUOTES | ENT_HTML5), $found[1]);
    }
}
