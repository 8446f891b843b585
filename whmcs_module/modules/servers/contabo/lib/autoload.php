<?php

declare(strict_types=1);

// WHMCS loads modules without Composer, so the module maps its own namespace to lib/ (PSR-4).
spl_autoload_register(static function (string $class): void {
    $prefix = 'WHMCS\\Module\\Server\\Contabo\\';
    if (!str_starts_with($class, $prefix)) {
        return;
    }
    $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
