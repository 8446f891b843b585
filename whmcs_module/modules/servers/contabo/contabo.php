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
    // The keys name the settings in code and docs (WHMCS stores them by position as
    // configoption1..13); what the admin reads comes from the lang file in the admin's language.
    $lang = Lang::admin();
    $t = static fn (string $key): string => $lang['cloudserver_admin_' . $key];
    $months = static fn (int $n): string => $n === 1 ? $t('setting_period_one') : sprintf($t('setting_period_months'), $n);
    return [
        'Server Product' => [
            'FriendlyName' => $t('setting_product'),
            'Type' => 'text',
            'Size' => '25',
            'Loader' => 'contabo_LoadProducts',
            'SimpleMode' => true,
            'Description' => $t('setting_product_help'),
        ],
        'Default Region' => [
            'FriendlyName' => $t('setting_region'),
            'Type' => 'text',
            'Size' => '25',
            'Loader' => 'contabo_LoadRegions',
            'SimpleMode' => true,
            'Description' => $t('setting_region_help'),
        ],
        'Default Image' => [
            'FriendlyName' => $t('setting_image'),
            'Type' => 'text',
            'Size' => '40',
            'Loader' => 'contabo_LoadImages',
            'SimpleMode' => true,
            'Description' => $t('setting_image_help'),
        ],
        'Contract Period' => [
            'FriendlyName' => $t('setting_period'),
            'Type' => 'dropdown',
            'Options' => ['1' => $months(1), '3' => $months(3), '6' => $months(6), '12' => $months(12)],
            'Default' => '1',
            'SimpleMode' => true,
        ],
        'Default User' => [
            'FriendlyName' => $t('setting_user'),
            'Type' => 'dropdown',
            'Options' => ['root' => 'root', 'admin' => 'admin', 'administrator' => 'administrator (Windows)'],
            'Default' => 'root',
            'SimpleMode' => true,
        ],
        'Cloud-Init Template' => [
            'FriendlyName' => $t('setting_cloud_init'),
            'Type' => 'textarea',
            'Rows' => '6',
            'Cols' => '60',
            'Description' => $t('setting_cloud_init_help'),
        ],
        'Suspend Policy' => [
            'FriendlyName' => $t('setting_suspend'),
            'Type' => 'dropdown',
            'Options' => ['stop' => $t('setting_suspend_stop'), 'shutdown' => $t('setting_suspend_shutdown')],
            'Default' => 'stop',
        ],
        'Terminate Policy' => [
            'FriendlyName' => $t('setting_terminate'),
            'Type' => 'dropdown',
            'Options' => ['delete' => $t('setting_terminate_delete'), 'keep' => $t('setting_terminate_keep')],
            'Default' => 'delete',
        ],
        'Product Type' => [
            'FriendlyName' => $t('setting_type'),
            'Type' => 'dropdown',
            'Options' => [
                ModuleSettings::COMPUTE => $t('setting_type_compute'),
                ModuleSettings::OBJECT_STORAGE => $t('setting_type_object_storage'),
                ModuleSettings::PRIVATE_NETWORK => $t('setting_type_private_network'),
            ],
            'Default' => ModuleSettings::COMPUTE,
            'SimpleMode' => true,
            'Description' => $t('setting_type_help'),
        ],
        'Default Storage Size (TB)' => [
            'FriendlyName' => $t('setting_storage_size'),
            'Type' => 'text',
            'Size' => '6',
            'Description' => $t('setting_storage_size_help'),
        ],
        'Reverse DNS Shown' => [
            'FriendlyName' => $t('setting_ptr'),
            'Type' => 'text',
            'Size' => '40',
            'Description' => $t('setting_ptr_help'),
        ],
        'Failure Notice' => [
            'FriendlyName' => $t('setting_failure_notice'),
            'Type' => 'dropdown',
            'Options' => ['email' => $t('setting_failure_notice_email'), 'ticket' => $t('setting_failure_notice_ticket')],
            'Default' => 'email',
            'Description' => $t('setting_failure_notice_help'),
        ],
        'Failure Ticket Department' => [
            'FriendlyName' => $t('setting_failure_department'),
            'Type' => 'text',
            'Size' => '6',
            'Description' => $t('setting_failure_department_help'),
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
    $lang = Lang::admin();
    try {
        $answer = ClientFactory::fromParams($params)->testConnection();
    } catch (ApiException $error) {
        return ['success' => false, 'error' => Messages::error($error, $lang)];
    }
    if (($answer['ok'] ?? false) !== true) {
        $failed = [];
        foreach ((array) ($answer['checks'] ?? []) as $name => $check) {
            if (is_array($check) && ($check['ok'] ?? true) !== true) {
                $failed[] = $name . (isset($check['detail']) ? ' (' . $check['detail'] . ')' : '');
            }
        }
        return ['success' => false, 'error' => $failed
            ? sprintf($lang['cloudserver_admin_test_checks_failed'], implode(', ', $failed))
            : $lang['cloudserver_admin_test_checks_failed_plain']];
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
    // WHMCS shows the keys and calls contabo_<value>: the labels are the admin's language.
    $lang = Lang::admin();
    $buttons = [
        $lang['cloudserver_admin_button_start'] => 'start',
        $lang['cloudserver_admin_button_stop'] => 'stop',
        $lang['cloudserver_admin_button_shutdown'] => 'shutdown',
        $lang['cloudserver_admin_button_restart'] => 'restart',
        $lang['cloudserver_admin_button_refresh'] => 'refresh',
    ];
    $settings = ModuleSettings::fromParams($params);
    if ($settings->isObjectStorage() || $settings->isPrivateNetwork()) {
        $buttons = [];  // no server to power
    }
    return $buttons + [
        $lang['cloudserver_admin_button_export_activity'] => 'exportActivity',
        $lang['cloudserver_admin_button_apply_tags'] => 'applyTags',
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
    $lang = Lang::admin();
    try {
        $view = ClientFactory::fromParams($params)->service(ServiceRequestMapper::serviceId($params));
    } catch (ApiException $error) {
        return [$lang['cloudserver_admin_tab_server_status'] => htmlspecialchars(Messages::error($error, $lang), ENT_QUOTES)];
    }
    if (($view['kind'] ?? '') === 'object_storage' || ModuleSettings::fromParams($params)->isObjectStorage()) {
        return ServiceTab::objectStorageFields($params, $view);
    }
    return ServiceTab::statusFields($view, $lang) + ServiceTab::managementFields($params, $view);
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
    $lang = Lang::admin();
    $what = $lang['cloudserver_admin_loader_' . $kind] ?? $kind;
    try {
        $items = ClientFactory::fromParams($params)->catalog($kind);
    } catch (ApiException $error) {
        if ($error->kind === ApiException::ROUTE_MISSING) {
            throw new Exception(sprintf($lang['cloudserver_admin_loader_not_listed'], $what, 'GET /catalog/' . $kind));
        }
        throw new Exception(sprintf($lang['cloudserver_admin_loader_failed'], $what, Messages::error($error, $lang)));
    }
    if ($items === []) {
        throw new Exception(sprintf($lang['cloudserver_admin_loader_empty'], $what));
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
