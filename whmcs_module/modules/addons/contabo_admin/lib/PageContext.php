<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin;

use WHMCS\Module\Addon\ContaboAdmin\Api\AdminApi;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Addon\ContaboAdmin\Http\AdminRequest;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Products\ProductRepository;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\SettingsStore;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\WhmcsDirectory;

/** Everything a page works with for one request; WHMCS's parts behind interfaces for tests. */
final class PageContext
{
    private ?AdminApi $api = null;

    public function __construct(
        public readonly AdminRequest $request,
        public readonly Lang $lang,
        public readonly Html $html,
        public readonly AddonSettings $settings,
        public readonly BackendConnection $backend,
        public readonly ProductRepository $products,
        public readonly WhmcsDirectory $whmcs,
        public readonly SettingsStore $settingsStore,
    ) {
    }

    /** The backend, built on first use (so a page without backend calls never needs it). */
    public function api(): AdminApi
    {
        return $this->api ??= $this->backend->api();
    }
}
