<?php

/**
 * `make demo ARGS=--whmcs-module`: the test order through the WHMCS server module, on the
 * running `make dev`. WHMCS itself is replaced by the stand-ins the PHPUnit suite uses
 * (tests/php/stubs): localAPI calls and the module log are recorded, not performed.
 *
 * Usage: php local/demo_order.php <stack.json> <serviceId> <product> <region> <image> <timeout s>
 * (local/demo_order.py passes these; it prints the service view afterwards).
 */

declare(strict_types=1);

use Tests\Php\Stubs\FakePendingServiceRepository;
use Tests\Php\Stubs\Whmcs;
use Tests\Php\Stubs\WhmcsParams;
use WHMCS\Module\Server\Contabo\Provisioning\PendingService;
use WHMCS\Module\Server\Contabo\Provisioning\ProvisioningSync;

const PROVISIONING_JOB = 'ProvisioningWorkerFunction';
const WELCOME_EMAIL = 'Dedicated/VPS Server Welcome Email';

$root = dirname(__DIR__);
$module = $root . '/whmcs_module/modules/servers/contabo';
require_once $root . '/tests/php/stubs/Whmcs.php';
require_once $root . '/tests/php/stubs/whmcs_functions.php';
require_once $root . '/tests/php/stubs/CustomActions.php';
require_once $root . '/tests/php/stubs/UsageBilling.php';
require_once $module . '/lib/autoload.php';
require_once $root . '/tests/php/stubs/WhmcsParams.php';
require_once $root . '/tests/php/stubs/FakePendingServiceRepository.php';
require_once $module . '/contabo.php';

if ($argc !== 7) {
    fwrite(STDERR, "usage: php local/demo_order.php <stack.json> <serviceId> <product> <region> <image> <timeout>\n");
    exit(2);
}
[, $stateFile, $serviceId, $product, $region, $image, $timeout] = $argv;
$state = json_decode((string) file_get_contents($stateFile), true, 512, JSON_THROW_ON_ERROR);
$server = $state['whmcs_server'];

// What WHMCS passes to the module for this order: the server record from `make dev`'s output,
// the product's module settings (configoption1..5) and the order's custom fields.
$params = WhmcsParams::service([
    'serviceid' => (int) $serviceId,
    'accountid' => (int) $serviceId,
    'domain' => "demo{$serviceId}.example.com",
    'password' => 'Whmcs-Generated-' . bin2hex(random_bytes(4)),
    'pid' => 1,
    'packageid' => 1,
    'serverhostname' => (string) $server['hostname'],
    'serversecure' => !empty($server['secure']) ? 'on' : '',
    'serverusername' => (string) $server['username'],
    'serverpassword' => (string) $server['password'],
    'configoption1' => $product,
    'configoption2' => $region,
    'configoption3' => $image,
    'configoption4' => '1',
    'configoption5' => 'root',
    'customfields' => ['Cloud-Init User Data' => '', 'SSH Public Key' => '', 'Contabo Instance ID' => ''],
]);
$serverParams = array_intersect_key($params, array_flip(['serverhostname', 'serverip', 'serversecure', 'serverusername', 'serverpassword', 'userid']));

echo "\nWHMCS module (modules/servers/contabo) against {$server['hostname']}\n";
$test = contabo_TestConnection($params);
echo '  Test Connection: ' . ($test['success'] ? 'success' : 'failed: ' . $test['error']) . "\n";
if (!$test['success']) {
    exit(1);
}

$created = contabo_CreateAccount($params);
echo "  contabo_CreateAccount (service {$serviceId}): {$created}\n";
if ($created !== 'success') {
    exit(1);
}

// WHMCS's cron runs the module's AfterCronJob hook every 5 minutes; here it runs right after
// the provisioning job, which `make dev` would otherwise run once a minute.
$repository = new FakePendingServiceRepository([new PendingService((int) $serviceId, 1, $serverParams, WELCOME_EMAIL, (int) $params['userid'])]);
$sync = new ProvisioningSync($repository, 'localAPI');
$started = microtime(true);
$deadline = $started + (float) $timeout;
echo "  cron hook (AfterCronJob) after each " . PROVISIONING_JOB . " run (shown when its outcome changes):\n";
$shown = '';
do {
    runJob($state['api_root'] . '/__local/jobs/' . PROVISIONING_JOB . '/run');
    $outcome = $sync->run();
    if (json_encode($outcome) !== $shown) {
        $shown = (string) json_encode($outcome);
        printf("    %5.1f s  %s\n", microtime(true) - $started, $shown);
    }
    if ($outcome['ready'] === [] && $outcome['failed'] === []) {
        sleep(1);
    }
} while ($outcome['ready'] === [] && $outcome['failed'] === [] && microtime(true) < $deadline);
if ($outcome['ready'] === []) {
    fwrite(STDERR, "the server did not become ready in {$timeout} s\n");
    exit(1);
}

$update = Whmcs::localApiCalls('UpdateClientProduct')[0]['values'];
echo "  written into the WHMCS service (UpdateClientProduct):\n";
foreach ($update as $field => $value) {
    $shown = $field === 'servicepassword' ? '(set, not shown)' : str_replace("\n", ', ', (string) $value);
    echo "    {$field}: {$shown}\n";
}
echo '    Contabo Instance ID (custom field): ' . ($repository->instanceIds[(int) $serviceId] ?? '') . "\n";
echo '  welcome email sent: ' . (Whmcs::localApiCalls('SendEmail') !== [] ? WELCOME_EMAIL : 'no') . "\n";
echo '  module log entries: ' . count(Whmcs::$moduleLog) . " (Utilities > Logs > Module Log in WHMCS)\n";

function runJob(string $url): void
{
    $handle = curl_init($url);
    curl_setopt_array($handle, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120]);
    $body = curl_exec($handle);
    $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
    curl_close($handle);
    if ($status !== 200) {
        fwrite(STDERR, "running the provisioning job answered HTTP {$status}: {$body}\n");
        exit(1);
    }
}
