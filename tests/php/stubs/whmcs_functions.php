<?php

/**
 * The parts of WHMCS the module touches, recorded instead of performed. Never shipped with
 * the module: WHMCS provides the real ones.
 */

declare(strict_types=1);

use Tests\Php\Stubs\Whmcs;

if (!defined('WHMCS')) {
    define('WHMCS', true);
}

function logModuleCall(string $module, string $action, mixed $request, mixed $response, mixed $processed = '', array $replaceVars = []): void
{
    Whmcs::$moduleLog[] = compact('module', 'action', 'request', 'response', 'processed', 'replaceVars');
}

/** @return array<string, mixed> */
function localAPI(string $command, array $values = [], ?string $adminUser = null): array
{
    Whmcs::$localApiCalls[] = ['command' => $command, 'values' => $values];
    $result = Whmcs::$localApiResults[$command] ?? ['result' => 'success'];
    // A closure answers from the values sent (e.g. AddProduct writing to the fake Capsule).
    return $result instanceof \Closure ? $result($values) : $result;
}

function add_hook(string $hookPoint, int $priority, callable $function): void
{
    Whmcs::$hooks[$hookPoint][] = $function;
}

/** WHMCS's CSRF token of the current session ('plain' form), as {$token} holds it in templates. */
function generate_token(string $type = 'form'): string
{
    return $type === 'plain' ? Whmcs::CSRF_TOKEN : '<input type="hidden" name="token" value="' . Whmcs::CSRF_TOKEN . '" />';
}
