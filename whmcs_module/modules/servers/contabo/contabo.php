<?php

/**
 * Cloud servers sold under the reseller's brand. Every function here is a thin WHMCS entry
 * point: it maps $params, calls the lifecycle backend through lib/, and turns the outcome into
 * what WHMCS expects ('success' or a sentence a person can act on).
 */

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\LifecycleClient;
use WHMCS\Module\Server\Contabo\ClientArea\ServiceOverview;
use WHMCS\Module\Server\Contabo\ClientFactory;
use WHMCS\Module\Server\Contabo\Lang;
use WHMCS\Module\Server\Contabo\Mapping\ModuleSettings;
use WHMCS\Module\Server\Contabo\Mapping\ServiceRequestMapper;
use WHMCS\Module\Server\Contabo\ModuleLog;
use WHMCS\Module\Server\CustomAction;
use WHMCS\Module\Server\CustomActionCollection;

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/autoload.php';

const CONTABO_POWER_ACTIONS = ['start', 'stop', 'shutdown', 'restart'];

function contabo_MetaData(): array
{
    return [
        'DisplayName' => 'Cloud Servers',
        'APIVersion' => '1.1',
        'RequiresServer' => true,
        'ListAccountsUniqueIdentifierDisplayName' => 'Hostname',
        'ListAccountsUniqueIdentifierField' => 'domain',
        'ListAccountsProductField' => 'configoption1',
    ];
}

function contabo_ConfigOptions(): array
{
    return [
        'Server Product' => [
            'Type' => 'text',
            'Size' => '25',
            'Loader' => 'contabo_LoadProducts',
            'SimpleMode' => true,
            'Description' => 'Product ID at the provider; a "Plan" configurable option overrides it.',
        ],
        'Default Region' => [
            'Type' => 'text',
            'Size' => '25',
            'Loader' => 'contabo_LoadRegions',
            'SimpleMode' => true,
            'Description' => 'A "Region" configurable option overrides it.',
        ],
        'Default Image' => [
            'Type' => 'text',
            'Size' => '40',
            'Loader' => 'contabo_LoadImages',
            'SimpleMode' => true,
            'Description' => 'Image ID or name (e.g. ubuntu-22.04); an "Operating System" configurable option overrides it.',
        ],
        'Contract Period' => [
            'Type' => 'dropdown',
            'Options' => ['1' => '1 month', '3' => '3 months', '6' => '6 months', '12' => '12 months'],
            'Default' => '1',
            'SimpleMode' => true,
        ],
        'Default User' => [
            'Type' => 'dropdown',
            'Options' => ['root' => 'root', 'admin' => 'admin', 'administrator' => 'administrator (Windows)'],
            'Default' => 'root',
            'SimpleMode' => true,
        ],
        'Cloud-Init Template' => [
            'Type' => 'textarea',
            'Rows' => '6',
            'Cols' => '60',
            'Description' => 'Used when the customer leaves "Cloud-Init User Data" empty (#cloud-config or a #! script).',
        ],
        'Suspend Policy' => [
            'Type' => 'dropdown',
            'Options' => ['stop' => 'Stop (power off)', 'shutdown' => 'Shutdown (ACPI, graceful)'],
            'Default' => 'stop',
        ],
        'Terminate Policy' => [
            'Type' => 'dropdown',
            'Options' => ['delete' => 'Delete snapshots', 'keep' => 'Keep snapshots'],
            'Default' => 'delete',
        ],
    ];
}

function contabo_LoadProducts(array $params): array
{
    return contabo_loadCatalog($params, 'products');
}

function contabo_LoadRegions(array $params): array
{
    return contabo_loadCatalog($params, 'regions');
}

function contabo_LoadImages(array $params): array
{
    return contabo_loadCatalog($params, 'images');
}

function contabo_TestConnection(array $params): array
{
    try {
        $answer = ClientFactory::fromParams($params)->testConnection();
    } catch (ApiException $error) {
        return ['success' => false, 'error' => $error->getMessage()];
    }
    if (($answer['ok'] ?? false) !== true) {
        $failed = [];
        foreach ((array) ($answer['checks'] ?? []) as $name => $check) {
            if (is_array($check) && ($check['ok'] ?? true) !== true) {
                $failed[] = $name . (isset($check['detail']) ? ' (' . $check['detail'] . ')' : '');
            }
        }
        return ['success' => false, 'error' => 'The backend answered but not all checks passed' . ($failed ? ': ' . implode(', ', $failed) : '') . '.'];
    }
    return ['success' => true, 'error' => ''];
}

function contabo_CreateAccount(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $client->createService($serviceId, ServiceRequestMapper::createRequest($params));
    });
}

function contabo_SuspendAccount(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $reason = trim((string) ($params['suspendreason'] ?? ''));
        $client->suspend($serviceId, $reason !== '' ? $reason : 'Suspended by billing', ModuleSettings::fromParams($params)->suspendPolicy);
    });
}

function contabo_UnsuspendAccount(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId): void {
        $client->unsuspend($serviceId);
    });
}

function contabo_TerminateAccount(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $client->terminate($serviceId, ModuleSettings::fromParams($params)->terminatePolicy);
    });
}

function contabo_ChangePackage(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $client->changePackage($serviceId, ServiceRequestMapper::changePackageRequest($params));
    });
}

function contabo_ChangePassword(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $password = (string) ($params['password'] ?? '');
        if ($password === '') {
            throw new InvalidArgumentException('Enter a new password first.');
        }
        $client->changePassword($serviceId, $password);
    });
}

function contabo_Renew(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $client->renew($serviceId, contabo_nextDueDate($params));
    });
}

function contabo_start(array $params): string
{
    return contabo_power($params, 'start');
}

function contabo_stop(array $params): string
{
    return contabo_power($params, 'stop');
}

function contabo_shutdown(array $params): string
{
    return contabo_power($params, 'shutdown');
}

function contabo_restart(array $params): string
{
    return contabo_power($params, 'restart');
}

function contabo_refresh(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId): void {
        $client->service($serviceId);
    });
}

function contabo_AdminCustomButtonArray(): array
{
    return [
        'Start' => 'start',
        'Stop' => 'stop',
        'Shutdown' => 'shutdown',
        'Restart' => 'restart',
        'Refresh status' => 'refresh',
    ];
}

function contabo_ClientAreaCustomButtonArray(array $params = []): array
{
    $lang = Lang::strings(Lang::languageOf($params));
    $buttons = [];
    foreach ([...CONTABO_POWER_ACTIONS, 'refresh'] as $action) {
        $buttons[$lang['cloudserver_action_' . $action]] = $action;
    }
    return $buttons;
}

function contabo_ClientAreaAllowedFunctions(): array
{
    return [...CONTABO_POWER_ACTIONS, 'refresh'];
}

function contabo_CustomActions(array $params): CustomActionCollection
{
    $lang = Lang::strings(Lang::languageOf($params));
    $active = ($params['status'] ?? '') === 'Active';
    $collection = new CustomActionCollection();
    foreach (CONTABO_POWER_ACTIONS as $action) {
        $collection->add(CustomAction::factory(
            'cloudserver_' . $action,
            $lang['cloudserver_action_' . $action],
            static function () use ($params, $action): array {
                $result = contabo_power($params, $action);
                return $result === 'success'
                    ? ['success' => true, 'redirectTo' => 'clientarea.php?action=productdetails&id=' . (int) $params['serviceid']]
                    : ['success' => false, 'errorMsg' => $result];
            },
            [],
            [],
            $active,
        ));
    }
    return $collection;
}

function contabo_ClientArea(array $params): array
{
    $lang = Lang::strings(Lang::languageOf($params));
    $variables = [
        'serviceid' => (int) ($params['serviceid'] ?? 0),
        'service' => null,
        'error' => '',
        'LANG' => array_merge(is_array($GLOBALS['_LANG'] ?? null) ? $GLOBALS['_LANG'] : [], $lang),
    ];
    try {
        $view = ClientFactory::fromParams($params)->service(ServiceRequestMapper::serviceId($params));
        $variables['service'] = (new ServiceOverview($view))->toTemplate();
    } catch (ApiException $error) {
        $variables['error'] = $error->kind === ApiException::REJECTED ? $error->getMessage() : $lang['cloudserver_error_unavailable'];
    }
    return [
        'tabOverviewReplacementTemplate' => 'templates/overview.tpl',
        'templateVariables' => $variables,
    ];
}

function contabo_AdminServicesTabFields(array $params): array
{
    try {
        $view = ClientFactory::fromParams($params)->service(ServiceRequestMapper::serviceId($params));
    } catch (ApiException $error) {
        return ['Server status' => htmlspecialchars($error->getMessage(), ENT_QUOTES)];
    }
    $fields = [
        'Server status' => trim(($view['state'] ?? '') . ' / ' . ($view['instance_status'] ?? ''), ' /'),
        'Status message' => $view['status_message'] ?? '',
        'Instance ID' => $view['instance_id'] ?? '',
        'Product / region' => trim(($view['product_id'] ?? '') . ' / ' . ($view['region'] ?? ''), ' /'),
        'Operating system' => $view['os'] ?? ($view['image_id'] ?? ''),
        'IPv4 / IPv6' => trim(($view['ipv4'] ?? '') . ' / ' . ($view['ipv6'] ?? ''), ' /'),
        'Additional IPs' => implode(', ', array_map('strval', (array) ($view['additional_ips'] ?? []))),
        'Created' => $view['created_at'] ?? '',
        'Cancel date' => $view['cancel_date'] ?? '',
        'Lock' => is_array($view['lock'] ?? null) ? (string) json_encode($view['lock']) : (string) ($view['lock'] ?? ''),
    ];
    return array_map(static fn ($value): string => htmlspecialchars((string) $value, ENT_QUOTES), $fields);
}

function contabo_ListAccounts(array $params): array
{
    try {
        $client = ClientFactory::fromParams($params);
        $accounts = [];
        $cursor = null;
        do {
            $page = $client->listServices($cursor);
            foreach ($page['services'] as $service) {
                if (($service['state'] ?? '') === 'terminated') {
                    continue;
                }
                $accounts[] = [
                    'email' => (string) ($service['client_email'] ?? ''),
                    'username' => (string) ($service['username'] ?? ''),
                    'domain' => (string) ($service['hostname'] ?? ''),
                    'uniqueIdentifier' => (string) ($service['hostname'] ?? $service['service_id'] ?? ''),
                    'product' => (string) ($service['product_id'] ?? ''),
                    'primaryip' => (string) ($service['ipv4'] ?? ''),
                    'created' => isset($service['created_at']) ? gmdate('Y-m-d H:i:s', (int) strtotime((string) $service['created_at'])) : '',
                    'status' => !empty($service['suspended']) ? 'Suspended' : 'Active',
                ];
            }
            $cursor = $page['next_cursor'];
        } while ($cursor !== null);
        return ['success' => true, 'accounts' => $accounts];
    } catch (ApiException $error) {
        return ['success' => false, 'error' => $error->getMessage()];
    }
}

/**
 * Runs one lifecycle operation and reduces every outcome to WHMCS's 'success' or a sentence.
 *
 * @param callable(LifecycleClient, string): void $operation
 */
function contabo_run(array $params, callable $operation): string
{
    $serviceId = ServiceRequestMapper::serviceId($params);
    try {
        $operation(ClientFactory::fromParams($params), $serviceId);
        return 'success';
    } catch (ApiException | InvalidArgumentException $error) {
        return $error->getMessage();
    } catch (Throwable $unexpected) {
        // Keep the detail for the admin's module log; the caller only gets a sentence.
        (new ModuleLog([(string) ($params['serverpassword'] ?? ''), (string) ($params['password'] ?? '')]))
            ->record('UnexpectedError', ['serviceid' => $serviceId], get_class($unexpected) . ': ' . $unexpected->getMessage(), 'unexpected error');
        return 'An unexpected error occurred in the server module. Details are in the module log.';
    }
}

function contabo_power(array $params, string $action): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($action): void {
        $client->power($serviceId, $action);
    });
}

/** @return array<string, string> */
function contabo_loadCatalog(array $params, string $kind): array
{
    try {
        $items = ClientFactory::fromParams($params)->catalog($kind);
    } catch (ApiException $error) {
        if ($error->kind === ApiException::ROUTE_MISSING) {
            throw new Exception(sprintf('The backend does not list %s yet (GET /catalog/%s). Switch to Advanced Mode and type the ID instead.', $kind, $kind));
        }
        throw new Exception('Could not load ' . $kind . ': ' . $error->getMessage());
    }
    if ($items === []) {
        throw new Exception(sprintf('The backend returned no %s. Switch to Advanced Mode and type the ID instead.', $kind));
    }
    return $items;
}

function contabo_nextDueDate(array $params): string
{
    $date = (string) ($params['nextduedate'] ?? '');
    if ($date === '' && isset($params['model']) && is_object($params['model'])) {
        $date = (string) ($params['model']->nextduedate ?? '');
    }
    $timestamp = strtotime($date);
    if ($date === '' || $timestamp === false) {
        throw new InvalidArgumentException('The service has no next due date to renew to.');
    }
    return gmdate('Y-m-d', $timestamp);
}
