<?php

declare(strict_types=1);

// WHMCS loads addons without Composer: the addon maps its namespace to lib/ (PSR-4) and reuses
// the server module's signed backend client (modules/servers/contabo/lib) instead of copying it.
require_once dirname(__DIR__, 3) . '/servers/contabo/lib/autoload.php';

spl_autoload_register(static function (string $class): void {
    $prefix = 'WHMCS\\Module\\Addon\\ContaboAdmin\\';
    if (!str_starts_with($class, $prefix)) {
        return;
    }
    $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
