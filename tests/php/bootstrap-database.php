<?php

/**
 * The module's database code on the real illuminate/database WHMCS ships (Debian's
 * php-illuminate-database), instead of the in-memory stand-in of stubs/Capsule.php: WHMCS's
 * Capsule is Laravel's Capsule Manager, so it is defined as exactly that before the usual
 * bootstrap (whose stand-in then steps aside).
 *
 * The database: SQLite in memory, or MariaDB/MySQL when CONTABO_TEST_DB_SOCKET (or _HOST) is
 * set (tests/php/Database/with-mariadb.sh starts a throw-away server and sets it).
 */

declare(strict_types=1);

namespace WHMCS\Database {
    foreach (['Contracts', 'Macroable', 'Collections', 'Support', 'Container', 'Database'] as $package) {
        require_once "/usr/share/php/Illuminate/{$package}/autoload.php";
    }

    class Capsule extends \Illuminate\Database\Capsule\Manager
    {
    }
}

namespace {
    require_once __DIR__ . '/bootstrap.php';
    require_once __DIR__ . '/Database/WhmcsSchema.php';
}
