<?php

/**
 * Contabo admin addon: settings, catalog and pricing (with WHMCS product generation), the
 * cloud-init template library, the audit log, the action queue, the import wizard and tools,
 * all through the backend's admin routes (docs/service-management-api.md, "Admin").
 */

declare(strict_types=1);

use WHMCS\Module\Addon\ContaboAdmin\AddonSettings;
use WHMCS\Module\Addon\ContaboAdmin\AdminArea;
use WHMCS\Module\Addon\ContaboAdmin\Api\BackendConnection;
use WHMCS\Module\Addon\ContaboAdmin\Http\AdminRequest;
use WHMCS\Module\Addon\ContaboAdmin\Http\Download;
use WHMCS\Module\Addon\ContaboAdmin\Http\Html;
use WHMCS\Module\Addon\ContaboAdmin\Lang;
use WHMCS\Module\Addon\ContaboAdmin\PageContext;
use WHMCS\Module\Addon\ContaboAdmin\Products\CapsuleProductRepository;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleServerSource;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleParkedJobStore;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleSettingsStore;
use WHMCS\Module\Addon\ContaboAdmin\Whmcs\CapsuleWhmcsDirectory;

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

require_once __DIR__ . '/lib/autoload.php';

const CONTABO_ADMIN_VERSION = '1.1.0';

function contabo_admin_config(): array
{
    return [
        'name' => 'Contabo Admin',
        'description' => 'Catalog, pricing and WHMCS products, cloud-init templates, audit log, action queue, import and tools for the Contabo reseller backend.',
        'author' => 'Contabo reseller backend',
        'language' => 'english',
        'version' => CONTABO_ADMIN_VERSION,
        'fields' => [
            'backend_url' => [
                'FriendlyName' => 'Backend API URL',
                'Type' => 'text',
                'Size' => '60',
                'Description' => 'e.g. https://abc123.execute-api.eu-central-1.amazonaws.com/Prod. Empty: use the first server of type "contabo" (Setup > Servers).',
            ],
            'key_id' => [
                'FriendlyName' => 'Signing key id',
                'Type' => 'text',
                'Size' => '30',
                'Description' => 'An admin key (contabo-admin keys rotate --admin): the backend refuses admin tools to the server module\'s key.',
            ],
            'key_secret' => [
                'FriendlyName' => 'Signing secret',
                'Type' => 'password',
                'Size' => '60',
            ],
            'default_tags' => [
                'FriendlyName' => 'Default tags',
                'Type' => 'text',
                'Size' => '60',
                'Description' => 'Added to new servers once they are set up (comma separated).',
            ],
            'default_template' => [
                'FriendlyName' => 'Default cloud-init template',
                'Type' => 'text',
                'Size' => '30',
                'Description' => 'A template of the library, used as user data of generated products.',
            ],
            'ssh_policy' => [
                'FriendlyName' => 'SSH key policy',
                'Type' => 'dropdown',
                'Options' => ['none' => 'No SSH key field', 'optional' => 'Optional SSH key at order', 'required' => 'SSH key required (order and reinstall)'],
                'Default' => 'optional',
            ],
            'suspend_policy' => [
                'FriendlyName' => 'Suspend policy',
                'Type' => 'dropdown',
                'Options' => ['stop' => 'Stop (power off)', 'shutdown' => 'Shutdown (ACPI, graceful)'],
                'Default' => 'stop',
            ],
            'product_group' => [
                'FriendlyName' => 'Product group',
                'Type' => 'text',
                'Size' => '30',
                'Default' => AddonSettings::DEFAULT_GROUP,
                'Description' => 'Where generated products go.',
            ],
            'product_name_template' => [
                'FriendlyName' => 'Product name template',
                'Type' => 'text',
                'Size' => '60',
                'Default' => AddonSettings::DEFAULT_NAME_TEMPLATE,
                'Description' => 'Names of generated products: {cpu_cores}, {ram_gb}, {disk_gb}, {disk_type}, {kind} (VPS or VDS).',
            ],
        ],
    ];
}

/**
 * Checks that the server module this addon builds on is installed, then creates the addon's
 * one table (which parked jobs staff were told of).
 */
function contabo_admin_activate(): array
{
    if (!is_file(dirname(__DIR__, 2) . '/servers/contabo/contabo.php')) {
        return ['status' => 'error', 'description' => 'Upload the Contabo server module to modules/servers/contabo first: this addon uses its signed backend client.'];
    }
    CapsuleParkedJobStore::install();
    return ['status' => 'success', 'description' => 'Activated. Open Addons > Contabo Admin, test the connection, then generate products from the pricing.'];
}

/** Removes nothing: settings, generated products, options, the told-jobs table and the backend's data all stay. */
function contabo_admin_deactivate(): array
{
    return ['status' => 'success', 'description' => 'Deactivated. Settings, generated products and configurable options, and everything in the backend were kept.'];
}

/** Creates the table 1.1.0 added (parked jobs told to staff); settings need no change. */
function contabo_admin_upgrade(array $vars): void
{
    CapsuleParkedJobStore::install();
    if (function_exists('logActivity')) {
        logActivity(sprintf('Contabo admin addon upgraded from %s to %s (table %s is in place).', (string) ($vars['version'] ?? '?'), CONTABO_ADMIN_VERSION, CapsuleParkedJobStore::TABLE));
    }
}

/** @param array<string, mixed> $vars */
function contabo_admin_output(array $vars): void
{
    $output = contabo_admin_area($vars, AdminRequest::fromGlobals())->handle();
    if ($output instanceof Download) {
        $output->send();
        return;
    }
    echo $output->html;
}

/** @param array<string, mixed> $vars */
function contabo_admin_sidebar(array $vars): string
{
    return contabo_admin_area($vars, AdminRequest::fromGlobals())->menu()->html;
}

/**
 * The addon's page for one request, on WHMCS's own tables.
 *
 * @param array<string, mixed> $vars
 */
function contabo_admin_area(array $vars, AdminRequest $request): AdminArea
{
    $settings = AddonSettings::fromVars($vars);
    return new AdminArea(new PageContext(
        $request,
        Lang::fromVars($vars),
        new Html((string) ($vars['modulelink'] ?? 'addonmodules.php?module=contabo_admin'), AdminRequest::sessionToken()),
        $settings,
        new BackendConnection($settings, new CapsuleServerSource()),
        new CapsuleProductRepository(),
        new CapsuleWhmcsDirectory(),
        new CapsuleSettingsStore(),
    ));
}
