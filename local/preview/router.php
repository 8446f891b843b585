<?php

declare(strict_types=1);

// `make preview`: a small WHMCS-like shell on PHP's built-in server that draws the real module
// pages (client area of a cloud server, an object storage and a failed order; every addon page)
// against the running `make dev`, with Bootstrap as WHMCS's default themes use it. Not WHMCS: the
// shell only passes the module what WHMCS would ($params, $vars, the session token) and wraps
// its output. Run by local/preview.py, which writes the config this reads (PREVIEW_CONFIG).

require __DIR__ . '/whmcs.php';

const BOOTSTRAP_CSS = '/usr/share/javascript/bootstrap4/css/bootstrap.min.css';
const LANGUAGES = ['english' => 'English', 'german' => 'Deutsch', 'spanish' => 'Español', 'french' => 'Français', 'portuguese-br' => 'Português (Brasil)'];
/** The shell's own few words (WHMCS would supply its own), per language. */
const SHELL = [
    'english' => ['client' => 'Client area', 'admin' => 'Admin area', 'compute' => 'Cloud server', 'storage' => 'Object storage', 'failed' => 'Failed order', 'done' => 'Done.', 'note' => 'Preview of the module pages with example data, not WHMCS.'],
    'german' => ['client' => 'Kundenbereich', 'admin' => 'Adminbereich', 'compute' => 'Cloud-Server', 'storage' => 'Objektspeicher', 'failed' => 'Fehlgeschlagene Bestellung', 'done' => 'Erledigt.', 'note' => 'Vorschau der Modulseiten mit Beispieldaten, nicht WHMCS.'],
    'spanish' => ['client' => 'Área de cliente', 'admin' => 'Administración', 'compute' => 'Servidor cloud', 'storage' => 'Almacenamiento de objetos', 'failed' => 'Pedido fallido', 'done' => 'Hecho.', 'note' => 'Vista previa de las páginas del módulo con datos de ejemplo, no es WHMCS.'],
    'french' => ['client' => 'Espace client', 'admin' => 'Administration', 'compute' => 'Serveur cloud', 'storage' => 'Stockage objet', 'failed' => 'Commande échouée', 'done' => 'Terminé.', 'note' => 'Aperçu des pages du module avec des données d’exemple, pas WHMCS.'],
    'portuguese-br' => ['client' => 'Área do cliente', 'admin' => 'Administração', 'compute' => 'Servidor cloud', 'storage' => 'Armazenamento de objetos', 'failed' => 'Pedido com falha', 'done' => 'Concluído.', 'note' => 'Prévia das páginas do módulo com dados de exemplo, não é o WHMCS.'],
];
const POWER = ['start', 'stop', 'shutdown', 'restart', 'refresh'];

$path = (string) parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);
if ($path === '/assets/bootstrap.min.css') {
    header('Content-Type: text/css');
    readfile(is_file(BOOTSTRAP_CSS) ? BOOTSTRAP_CSS : __DIR__ . '/fallback.css');
    return true;
}
if ($path === '/favicon.ico') {
    http_response_code(204);
    return true;
}

$config = json_decode((string) file_get_contents((string) getenv('PREVIEW_CONFIG')), true, 512, JSON_THROW_ON_ERROR);
$language = preview_language();
if ($path === '/addonmodules.php') {
    define('ADMINAREA', true);
} else {
    define('CLIENTAREA', true);
}
generate_token();
require_once PREVIEW_ROOT . '/whmcs_module/modules/servers/contabo/contabo.php';
require_once PREVIEW_ROOT . '/whmcs_module/modules/addons/contabo_admin/contabo_admin.php';
require_once PREVIEW_SMARTY;
preview_database((string) $config['database']);

if ($path === '/addonmodules.php') {
    $body = preview_addon($config, $language);
    if ($body === null) {
        return true; // a file download was sent
    }
} elseif ($path === '/clientarea.php') {
    $body = preview_client_area($config, $language);
} else {
    header('Location: /clientarea.php?action=productdetails&id=' . $config['services']['compute'] . '&language=' . $language);
    return true;
}
echo preview_layout($config, $language, $body);
return true;

function preview_language(): string
{
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start();
    }
    $asked = strtolower((string) ($_GET['language'] ?? ''));
    if (isset(LANGUAGES[$asked])) {
        $_SESSION['language'] = $asked;
    }
    return $_SESSION['language'] ?? 'english';
}

/** @param array<string, mixed> $config */
function preview_client_area(array $config, string $language): string
{
    $serviceId = (string) (int) ($_GET['id'] ?? $config['services']['compute']);
    $params = preview_params($config, $serviceId, $language);
    $custom = (string) ($_POST['a'] ?? $_GET['a'] ?? '');
    $flash = '';
    if (($_POST['modop'] ?? '') === 'custom' && in_array($custom, POWER, true)) {
        // WHMCS runs a custom button's function, then shows the overview with the outcome.
        $result = ('contabo_' . $custom)($params);
        $flash = $result === 'success'
            ? '<div class="alert alert-success">' . htmlspecialchars(SHELL[$language]['done']) . '</div>'
            : '<div class="alert alert-danger">' . htmlspecialchars($result) . '</div>';
        $custom = '';
    }
    $pages = [...\WHMCS\Module\Server\Contabo\ClientArea\PageController::COMPUTE_PAGES, 'objectstorage'];
    if (($_GET['modop'] ?? '') === 'custom' && in_array($custom, $pages, true)) {
        $answer = ('contabo_' . $custom)($params);
        return $flash . preview_smarty($answer['templatefile'] . '.tpl', $answer['vars']);
    }
    $answer = contabo_ClientArea($params);
    return $flash . preview_smarty($answer['tabOverviewReplacementTemplate'], $answer['templateVariables']);
}

/** @param array<string, mixed> $variables */
function preview_smarty(string $template, array $variables): string
{
    $smarty = new Smarty();
    $compileDir = sys_get_temp_dir() . '/cloudserver-preview-' . getmypid();
    if (!is_dir($compileDir)) {
        mkdir($compileDir, 0700, true);
    }
    $smarty->setCompileDir($compileDir);
    $smarty->escape_html = false; // as WHMCS: the templates escape what they show
    $smarty->assign('token', generate_token('plain'));
    $smarty->assign($variables);
    return $smarty->fetch(PREVIEW_ROOT . '/whmcs_module/modules/servers/contabo/' . $template);
}

/**
 * What WHMCS passes a server module for one of the preview's services.
 *
 * @param array<string, mixed> $config
 * @return array<string, mixed>
 */
function preview_params(array $config, string $serviceId, string $language): array
{
    $storage = $serviceId === (string) $config['services']['storage'];
    $server = $config['server'];
    return [
        'accountid' => (int) $serviceId,
        'serviceid' => (int) $serviceId,
        'userid' => 1,
        'pid' => $storage ? 2 : 1,
        'packageid' => $storage ? 2 : 1,
        'domain' => 'web' . $serviceId . '.example.com',
        'username' => 'root',
        'password' => '',
        'status' => 'Active',
        'serverhostname' => $server['hostname'],
        'serverusername' => $server['username'],
        'serverpassword' => $server['password'],
        'serversecure' => $server['secure'] ? 'on' : '',
        'serveraccesshash' => '',
        'configoption1' => $config['product'],
        'configoption2' => $storage ? $config['storage_region'] : 'EU',
        'configoption3' => 'ubuntu-22.04',
        'configoption4' => '1',
        'configoption5' => 'root',
        'configoption6' => '',
        'configoption7' => 'stop',
        'configoption8' => 'delete',
        'configoption9' => $storage ? 'object_storage' : 'compute',
        'configoption10' => $storage ? '0.25' : '',
        'configoption11' => '{ip-dashed}.servers.example.com',
        'configoptions' => [],
        'customfields' => [],
        'clientsdetails' => ['userid' => 1, 'id' => 1, 'email' => 'preview@example.com', 'firstname' => 'Ada', 'lastname' => 'Lovelace', 'language' => $language],
        'model' => (object) ['product' => (object) ['name' => $storage ? 'Object Storage 250 GB' : 'Cloud M']],
    ];
}

/** @param array<string, mixed> $config */
function preview_addon(array $config, string $language): ?string
{
    $vars = [
        'modulelink' => 'addonmodules.php?module=contabo_admin',
        'backend_url' => $config['api_url'],
        'key_id' => $config['server']['username'],
        'key_secret' => $config['server']['password'],
        '_lang' => \WHMCS\Module\Addon\ContaboAdmin\Lang::file($language) + \WHMCS\Module\Addon\ContaboAdmin\Lang::file('english'),
        'language' => $language,
    ];
    ob_start();
    contabo_admin_output($vars);
    $html = (string) ob_get_clean();
    foreach (headers_list() as $header) {
        if (stripos($header, 'Content-Disposition:') === 0) {
            echo $html;
            return null;
        }
    }
    return $html;
}

/** @param array<string, mixed> $config */
function preview_layout(array $config, string $language, string $body): string
{
    $words = SHELL[$language];
    $query = $_GET;
    $switch = '';
    foreach (LANGUAGES as $name => $label) {
        $query['language'] = $name;
        $switch .= sprintf('<a class="dropdown-item%s" href="%s">%s</a>', $name === $language ? ' active' : '', htmlspecialchars('?' . http_build_query($query)), htmlspecialchars($label));
    }
    $services = $config['services'];
    $nav = '';
    foreach (['compute', 'storage', 'failed'] as $kind) {
        $nav .= sprintf('<a class="list-group-item list-group-item-action" href="/clientarea.php?action=productdetails&amp;id=%d">%s</a>', (int) $services[$kind], htmlspecialchars($words[$kind]));
    }
    $admin = '';
    foreach (\WHMCS\Module\Addon\ContaboAdmin\AdminArea::PAGES as $page) {
        $label = \WHMCS\Module\Addon\ContaboAdmin\Lang::of($language)->get('page_' . $page::slug());
        $admin .= sprintf('<a class="list-group-item list-group-item-action" href="/addonmodules.php?module=contabo_admin&amp;page=%s">%s</a>', $page::slug(), htmlspecialchars($label));
    }
    $htmlLanguage = ['english' => 'en', 'german' => 'de', 'spanish' => 'es', 'french' => 'fr', 'portuguese-br' => 'pt-BR'][$language];
    return <<<HTML
<!DOCTYPE html>
<html lang="{$htmlLanguage}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example Hosting</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css">
<style>.btn-default{color:#212529;background:#f8f9fa;border-color:#ced4da}.panel-heading{font-weight:600}.label{display:inline-block;padding:.25em .4em;font-size:75%;font-weight:700;border-radius:.25rem}.form-inline .form-control{max-width:100%}pre,code{white-space:pre-wrap;word-break:break-all}</style>
</head>
<body>
<nav class="navbar navbar-expand navbar-dark bg-dark mb-3">
  <span class="navbar-brand">Example Hosting</span>
  <div class="dropdown ml-auto">
    <details class="text-light"><summary>{$words['client']} &middot; {$htmlLanguage}</summary><div class="bg-white p-1 position-absolute" style="right:1rem;z-index:10">{$switch}</div></details>
  </div>
</nav>
<div class="container-fluid">
  <div class="row">
    <aside class="col-md-3 mb-3">
      <div class="list-group mb-3"><span class="list-group-item active">{$words['client']}</span>{$nav}</div>
      <div class="list-group"><span class="list-group-item active">{$words['admin']}</span>{$admin}</div>
    </aside>
    <main class="col-md-9" id="main-body">
{$body}
      <p class="text-muted small mt-4">{$words['note']}</p>
    </main>
  </div>
</div>
</body>
</html>
HTML;
}
