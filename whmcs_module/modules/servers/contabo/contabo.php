<?php

/**
 * Cloud servers sold under the reseller's brand. Every function here is a thin WHMCS entry
 * point: it maps $params, calls the lifecycle backend through lib/, and turns the outcome into
 * what WHMCS expects ('success' or a sentence a person can act on).
 */

use WHMCS\Module\Server\Contabo\Api\ApiException;
use WHMCS\Module\Server\Contabo\Api\LifecycleClient;
use WHMCS\Module\Server\Contabo\ClientArea\ClientRequest;
use WHMCS\Module\Server\Contabo\ClientArea\Format;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\ClientArea\PageController;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\ActivityPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\FirewallPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\NetworkPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\ObjectStoragePage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\ReinstallPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\RescuePage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\ImagesPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\SnapshotsPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\DnsPage;
use WHMCS\Module\Server\Contabo\ClientArea\Pages\SshKeysPage;
use WHMCS\Module\Server\Contabo\ClientArea\ServiceOverview;
use WHMCS\Module\Server\Contabo\AdminArea\ServiceTab;
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
const CONTABO_CLIENT_PAGES = ['reinstall', 'images', 'snapshots', 'sshkeys', 'network', 'firewall', 'rescue', 'activity', 'objectstorage', 'dns'];

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
        'Product Type' => [
            'Type' => 'dropdown',
            'Options' => [ModuleSettings::COMPUTE => 'Cloud server (compute)', ModuleSettings::OBJECT_STORAGE => 'Object storage (S3)', ModuleSettings::PRIVATE_NETWORK => 'Private network'],
            'Default' => ModuleSettings::COMPUTE,
            'SimpleMode' => true,
            'Description' => 'Object storage uses Default Region, Default Storage Size and the "Region", "Storage Size" and "Auto-Scaling Limit" configurable options; the server settings above are ignored.',
        ],
        'Default Storage Size (TB)' => [
            'Type' => 'text',
            'Size' => '6',
            'Description' => 'Object storage only: the size when no "Storage Size" configurable option is offered, e.g. 0.25 or 1.',
        ],
        'Reverse DNS Shown' => [
            'Type' => 'text',
            'Size' => '40',
            'Description' => 'What customers see while an IP keeps the provider\'s default reverse DNS, e.g. {ip-dashed}.servers.example.com ({ip} and {ip-dashed} are filled in); empty shows "not set".',
        ],
        'Failure Notice' => [
            'Type' => 'dropdown',
            'Options' => ['email' => 'Admin email', 'ticket' => 'Support ticket'],
            'Default' => 'email',
            'Description' => 'How staff hear, once, that a server could not be set up after the order was accepted (always also in the Activity Log).',
        ],
        'Failure Ticket Department' => [
            'Type' => 'text',
            'Size' => '6',
            'Description' => 'Support department ID for those tickets (Support > Support Departments); an admin email is sent when empty.',
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
        if (ModuleSettings::fromParams($params)->isObjectStorage()) {
            ClientFactory::objectStorage($params)->create($serviceId, ServiceRequestMapper::objectStorageRequest($params));
            return;
        }
        if (ModuleSettings::fromParams($params)->isPrivateNetwork()) {
            ClientFactory::network($params)->createPrivateNetworkProduct($serviceId, ServiceRequestMapper::privateNetworkRequest($params));
            return;
        }
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
        if (ModuleSettings::fromParams($params)->isPrivateNetwork()) {
            // Detaches the client's servers still in it, then deletes it.
            ClientFactory::network($params)->terminatePrivateNetworkProduct($serviceId);
            return;
        }
        $client->terminate($serviceId, ModuleSettings::fromParams($params)->terminatePolicy);
    });
}

function contabo_ChangePackage(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        if (ModuleSettings::fromParams($params)->isObjectStorage()) {
            // Up only: the backend refuses a smaller size with a sentence saying so.
            $sizes = ServiceRequestMapper::storageSize($params);
            ClientFactory::objectStorage($params)->resize($serviceId, $sizes['size_tb'], $sizes['auto_scaling_limit_tb'] ?? null);
            return;
        }
        $client->changePackage($serviceId, ServiceRequestMapper::changePackageRequest($params));
    });
}

function contabo_ChangePassword(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        if (ModuleSettings::fromParams($params)->isObjectStorage()) {
            throw new InvalidArgumentException('Object storage has no password: the customer regenerates the access keys on the service page instead.');
        }
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
    return contabo_clientAreaRefusal($params) ?? contabo_power($params, 'start');
}

function contabo_stop(array $params): string
{
    return contabo_clientAreaRefusal($params) ?? contabo_power($params, 'stop');
}

function contabo_shutdown(array $params): string
{
    return contabo_clientAreaRefusal($params) ?? contabo_power($params, 'shutdown');
}

function contabo_restart(array $params): string
{
    return contabo_clientAreaRefusal($params) ?? contabo_power($params, 'restart');
}

function contabo_refresh(array $params): string
{
    return contabo_clientAreaRefusal($params) ?? contabo_run($params, static function (LifecycleClient $client, string $serviceId): void {
        $client->refresh($serviceId);
    });
}

function contabo_reinstall(array $params): array
{
    return PageController::render(new ReinstallPage(), $params);
}

function contabo_images(array $params): array
{
    return PageController::render(new ImagesPage(), $params);
}

function contabo_snapshots(array $params): array
{
    return PageController::render(new SnapshotsPage(), $params);
}

function contabo_sshkeys(array $params): array
{
    return PageController::render(new SshKeysPage(), $params);
}

function contabo_dns(array $params): array
{
    return PageController::render(new DnsPage(), $params);
}

function contabo_network(array $params): array
{
    return PageController::render(new NetworkPage(), $params);
}

function contabo_firewall(array $params): array
{
    return PageController::render(new FirewallPage(), $params);
}

function contabo_rescue(array $params): array
{
    return PageController::render(new RescuePage(), $params);
}

function contabo_activity(array $params): array
{
    return PageController::render(new ActivityPage(), $params);
}

function contabo_objectstorage(array $params): array
{
    return PageController::render(new ObjectStoragePage(), $params);
}

/** Admin: fetches the service's whole activity as CSV; the Services tab then offers the download. */
function contabo_exportActivity(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        ServiceTab::holdExport($serviceId, ClientFactory::activity($params)->activityCsv($serviceId));
    });
}

/** Admin: sends the stored extra tags again, repairing tags changed at the provider. */
function contabo_applyTags(array $params): string
{
    return contabo_run($params, static function (LifecycleClient $client, string $serviceId) use ($params): void {
        $activity = ClientFactory::activity($params);
        $activity->setAdminTags($serviceId, ServiceTab::extraTags($activity->tags($serviceId), $serviceId));
    });
}

function contabo_AdminCustomButtonArray(array $params = []): array
{
    $buttons = [
        'Start' => 'start',
        'Stop' => 'stop',
        'Shutdown' => 'shutdown',
        'Restart' => 'restart',
        'Refresh status' => 'refresh',
    ];
    $settings = ModuleSettings::fromParams($params);
    if ($settings->isObjectStorage() || $settings->isPrivateNetwork()) {
        $buttons = [];  // no server to power
    }
    return $buttons + [
        'Export activity CSV' => 'exportActivity',
        'Apply tags' => 'applyTags',
    ];
}

/** The sidebar links: the management pages (GET). Changes are forms posted from those pages. */
function contabo_ClientAreaCustomButtonArray(array $params = []): array
{
    $settings = ModuleSettings::fromParams($params);
    if ($settings->isObjectStorage() || $settings->isPrivateNetwork()) {
        return [];  // no server pages: a private network is joined from each server's Network page
    }
    $lang = Lang::strings(Lang::languageOf($params));
    $buttons = [];
    foreach (PageController::COMPUTE_PAGES as $page) {
        $buttons[$lang['cloudserver_page_' . $page]] = $page;
    }
    return $buttons;
}

function contabo_ClientAreaAllowedFunctions(): array
{
    return [...CONTABO_POWER_ACTIONS, 'refresh', ...CONTABO_CLIENT_PAGES];
}

function contabo_CustomActions(array $params): CustomActionCollection
{
    $lang = Lang::strings(Lang::languageOf($params));
    $active = ($params['status'] ?? '') === 'Active';
    $collection = new CustomActionCollection();
    if (ModuleSettings::fromParams($params)->isObjectStorage()) {
        return $collection;
    }
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
    if (ModuleSettings::fromParams($params)->isObjectStorage()) {
        return [
            'tabOverviewReplacementTemplate' => 'templates/objectstorage.tpl',
            'templateVariables' => PageController::variables(new ObjectStoragePage(), $params),
        ];
    }
    $lang = Lang::strings(Lang::languageOf($params));
    Format::useLanguage(Lang::languageOf($params));
    $variables = [
        'serviceid' => (int) ($params['serviceid'] ?? 0),
        'service' => null,
        'error' => '',
        'LANG' => array_merge(is_array($GLOBALS['_LANG'] ?? null) ? $GLOBALS['_LANG'] : [], $lang),
        'nav' => PageController::nav($params, $lang, 'overview', 'compute'),
        'read_only_reason' => '',
    ];
    try {
        $view = ClientFactory::fromParams($params)->service(ServiceRequestMapper::serviceId($params));
        $variables['service'] = (new ServiceOverview($view, ServiceOverview::planName($params)))->toTemplate();
        $variables['read_only_reason'] = PageController::readOnlyReason($params, $view, $lang);
    } catch (ApiException $error) {
        $variables['error'] = PageController::customerMessage($error, $lang);
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
    if (($view['kind'] ?? '') === 'object_storage' || ModuleSettings::fromParams($params)->isObjectStorage()) {
        return ServiceTab::objectStorageFields($params, $view);
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
    return array_map(static fn ($value): string => htmlspecialchars((string) $value, ENT_QUOTES), $fields)
        + ServiceTab::managementFields($params, $view);
}

/** Saves the admin's extra tags typed into the Services tab (see ServiceTab::managementFields). */
function contabo_AdminServicesTabFieldsSave(array $params): void
{
    ServiceTab::saveTags($params, $_POST);
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
    } catch (ApiException $error) {
        // A client's own action (power) is answered in the client's language.
        return ClientRequest::current()->inClientArea && $error->kind === ApiException::REJECTED
            ? Messages::error($error, Lang::strings(Lang::languageOf($params)))
            : $error->getMessage();
    } catch (InvalidArgumentException $error) {
        return $error->getMessage();
    } catch (Throwable $unexpected) {
        // Keep the detail for the admin's module log; the caller only gets a sentence.
        (new ModuleLog([(string) ($params['serverpassword'] ?? ''), (string) ($params['password'] ?? '')]))
            ->record('UnexpectedError', ['serviceid' => $serviceId], get_class($unexpected) . ': ' . $unexpected->getMessage(), 'unexpected error');
        return 'An unexpected error occurred in the server module. Details are in the module log.';
    }
}

/**
 * WHMCS runs a client's custom function for a plain link too and checks no form token for it;
 * a change from the client area therefore needs a POST carrying the session's token.
 */
function contabo_clientAreaRefusal(array $params): ?string
{
    $request = ClientRequest::current();
    if (!$request->inClientArea || $request->isTrustedPost()) {
        return null;
    }
    return Lang::strings(Lang::languageOf($params))['cloudserver_error_token'];
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

/**
 * WHMCS's daily usage import for this server: object storage space becomes the service's disk
 * usage and limit (the provider reports no disk or traffic use for servers).
 */
function contabo_UsageUpdate(array $params): string
{
    $result = \WHMCS\Module\Server\Contabo\Usage\UsageModule::updater($params, contabo_usageTenantField())
        ->run((int) ($params['serverid'] ?? 0));
    if ($result['failed'] === []) {
        return 'success';
    }
    return sprintf('Usage of %d service(s) could not be read: %s', count($result['failed']), implode('; ', $result['failed']));
}

/** WHMCS usage billing: object storage TB, additional IPv4 addresses and snapshots. */
function contabo_MetricProvider(array $params): \WHMCS\Module\Server\Contabo\Usage\MetricsProvider
{
    return \WHMCS\Module\Server\Contabo\Usage\UsageModule::provider($params, contabo_usageTenantField());
}

/** The service field WHMCS names a service by in usage billing (ListAccounts' identifier). */
function contabo_usageTenantField(): string
{
    return (string) (contabo_MetaData()['ListAccountsUniqueIdentifierField'] ?? 'domain');
}
