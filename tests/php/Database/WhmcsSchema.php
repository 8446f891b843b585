<?php

declare(strict_types=1);

namespace Tests\Php\Database;

use Illuminate\Database\Schema\Blueprint;
use WHMCS\Database\Capsule;

/** A fresh database with the WHMCS tables (and columns) the module and addon read and write. */
final class WhmcsSchema
{
    public static function fresh(): void
    {
        $capsule = new Capsule();
        $socket = (string) getenv('CONTABO_TEST_DB_SOCKET');
        $host = (string) getenv('CONTABO_TEST_DB_HOST');
        if ($socket !== '' || $host !== '') {
            $capsule->addConnection([
                'driver' => 'mysql',
                'unix_socket' => $socket,
                'host' => $host !== '' ? $host : 'localhost',
                'database' => (string) (getenv('CONTABO_TEST_DB_NAME') ?: 'whmcs_test'),
                'username' => (string) (getenv('CONTABO_TEST_DB_USER') ?: 'root'),
                'password' => (string) getenv('CONTABO_TEST_DB_PASSWORD'),
                'charset' => 'utf8mb4',
                'collation' => 'utf8mb4_unicode_ci',
            ]);
        } else {
            $capsule->addConnection(['driver' => 'sqlite', 'database' => ':memory:']);
        }
        $capsule->setAsGlobal();

        $schema = Capsule::schema();
        foreach (self::tables() as $name => $columns) {
            $schema->dropIfExists($name);
            $schema->create($name, $columns);
        }
        foreach (['mod_cloudserver_welcome_emails', 'mod_cloudserver_failure_notices'] as $moduleTable) {
            $schema->dropIfExists($moduleTable);
        }
    }

    public static function driver(): string
    {
        return Capsule::connection()->getDriverName();
    }

    /** @return array<string, \Closure(Blueprint): void> */
    private static function tables(): array
    {
        return [
            'tblhosting' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->integer('userid')->default(0);
                $t->integer('packageid');
                $t->integer('server')->default(0);
                $t->string('domainstatus', 20);
                $t->text('dedicatedip')->nullable();
            },
            'tblproducts' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->integer('gid')->default(0);
                $t->string('name')->default('');
                $t->string('servertype')->default('');
                $t->integer('welcomeemail')->default(0);
                foreach (range(1, 24) as $n) {
                    $t->text('configoption' . $n)->nullable();
                }
            },
            'tblservers' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->string('hostname')->default('');
                $t->string('ipaddress')->default('');
                $t->string('secure', 10)->default('on');
                $t->string('username')->default('');
                $t->text('password')->nullable();
            },
            'tblemailtemplates' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->string('name');
            },
            'tblcustomfields' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->string('type', 20);
                $t->integer('relid');
                $t->string('fieldname');
            },
            'tblcustomfieldsvalues' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->integer('fieldid');
                $t->integer('relid');
                $t->text('value');
            },
            'tbladdonmodules' => static function (Blueprint $t): void {
                $t->string('module');
                $t->string('setting');
                $t->text('value');
            },
            'tblproductgroups' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->string('name');
                $t->string('slug')->default('');
                $t->boolean('hidden')->default(false);
                $t->integer('order')->default(0);
            },
            'tblpricing' => static function (Blueprint $t): void {
                $t->increments('id');
                $t->string('type', 20);
                $t->integer('currency');
                $t->integer('relid');
                $t->decimal('monthly', 10, 2)->default(0);
                $t->decimal('annually', 10, 2)->default(0);
            },
        ];
    }
}
