<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Api;

use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\ServerSource;
use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\BackendApi;
use WHMCS\Module\Server\Contabo\Api\CurlTransport;
use WHMCS\Module\Server\Contabo\Api\ServerRecord;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\ModuleLog;

/**
 * Where the addon reaches the backend: its own URL and key (addon settings) or, when the URL
 * is empty, the first enabled WHMCS server of type contabo's URL. The backend runs admin tools
 * only for admin keys, so the addon's own key (when set) is used with that URL too.
 */
final class BackendConnection
{
    public function __construct(
        private readonly AddonSettings $settings,
        private readonly ServerSource $servers,
    ) {
    }

    public function api(): AdminApi
    {
        $server = $this->server();
        // The server module's transport hook: tests swap it there for both modules at once.
        $transport = ClientFactory::$transport ?? new CurlTransport();
        return new AdminApi(new BackendApi($server, $transport, new ModuleLog([$server->secret])));
    }

    /** What the Settings page shows: the address and key id in use (never the secret). */
    public function describe(): string
    {
        try {
            $server = $this->server();
        } catch (ApiException $error) {
            return $error->getMessage();
        }
        $record = fn (): string => 'server record "' . ($this->servers->firstContaboServer()['name'] ?? '') . '"';
        $source = match (true) {
            $this->settings->hasOwnBackend() => 'addon settings',
            $this->settings->keyId !== '' => 'addon settings, address from the ' . $record(),
            default => $record(),
        };
        return sprintf('%s (key %s, from the %s)', $server->baseUrl, $server->keyId, $source);
    }

    private function server(): ServerRecord
    {
        if ($this->settings->hasOwnBackend()) {
            $url = rtrim($this->settings->backendUrl, '/');
            if (!preg_match('#^https?://#i', $url)) {
                $url = 'https://' . $url;
            }
            if ($this->settings->keyId === '' || $this->settings->secret === '') {
                throw new ApiException(
                    'The addon settings name a backend URL but no signing key: enter the key id and its secret, or clear the URL to use the contabo server record.',
                    ApiException::NOT_CONFIGURED,
                );
            }
            return new ServerRecord($url, $this->settings->keyId, $this->settings->secret);
        }
        $params = $this->servers->firstContaboServer();
        if ($params === null) {
            throw new ApiException(
                'No backend is set: enter the backend URL and signing key in the addon settings, or add a server of type "contabo" under Setup > Servers.',
                ApiException::NOT_CONFIGURED,
            );
        }
        $server = ServerRecord::fromParams($params);
        if ($this->settings->keyId !== '' && $this->settings->secret !== '') {
            return new ServerRecord($server->baseUrl, $this->settings->keyId, $this->settings->secret);
        }
        return $server;
    }
}
