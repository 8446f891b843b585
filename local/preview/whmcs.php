<?php

declare(strict_types=1);

// The few parts of WHMCS the modules call, for `make preview` only (never shipped): the session
// token, module/activity logs, localAPI, and WHMCS's database through the real Illuminate Capsule
// WHMCS itself uses (Debian's php-illuminate-database) on an SQLite file with the tables the addon reads.

namespace WHMCS\Database {
    require_once '/usr/share/php/Illuminate/Database/autoload.php';

    final class Capsule extends \Illuminate\Database\Capsule\Manager
    {
    }
}

namespace {
    const PREVIEW_ROOT = __DIR__ . '/../..';
    const PREVIEW_SMARTY = '/usr/share/php/smarty4/Smarty.class.php';

    if (!defined('WHMCS')) {
        define('WHMCS', true);
    }

    function generate_token(string $type = 'link'): string
    {
        if (session_status() !== PHP_SESSION_ACTIVE) {
            session_start();
        }
        $_SESSION['token'] ??= bin2hex(random_bytes(20));
        return $type === 'plain' ? $_SESSION['token'] : 'token=' . $_SESSION['token'];
    }

    function logModuleCall(string $module, string $action, mixed $request, mixed $response, mixed $processed = '', array $replace = []): void
    {
        preview_log(sprintf('%s %s', $module, $action));
    }

    function logActivity(string $message, int $userId = 0): void
    {
        preview_log($message);
    }

    /** @param array<string, mixed> $values */
    function localAPI(string $command, array $values = [], string $admin = ''): array
    {
        preview_log('localAPI ' . $command);
        return ['result' => 'success'];
    }

    function decrypt(string $value): string
    {
        return $value;
    }

    function preview_log(string $line): void
    {
        $file = getenv('PREVIEW_LOG') ?: '';
        if ($file !== '') {
            file_put_contents($file, gmdate('H:i:s ') . $line . "\n", FILE_APPEND);
        }
    }

    /** WHMCS's database for the addon: the tables and columns its repositories read and write. */
    function preview_database(string $file): void
    {
        $fresh = !is_file($file);
        if ($fresh) {
            touch($file);
        }
        $capsule = new \WHMCS\Database\Capsule();
        $capsule->addConnection(['driver' => 'sqlite', 'database' => $file, 'prefix' => '']);
        $capsule->setAsGlobal();
        if (!$fresh) {
            return;
        }
        $schema = \WHMCS\Database\Capsule::schema();
        $schema->create('tbladdonmodules', static function ($t): void {
            $t->string('module');
            $t->string('setting');
            $t->text('value')->nullable();
        });
        $schema->create('tblservers', static function ($t): void {
            $t->increments('id');
            foreach (['name', 'type', 'hostname', 'ipaddress', 'username', 'password', 'secure'] as $column) {
                $t->string($column)->default('');
            }
            $t->integer('disabled')->default(0);
        });
        $schema->create('tblproductgroups', static function ($t): void {
            $t->increments('id');
            $t->string('name');
            $t->string('slug')->default('');
            $t->integer('hidden')->default(0);
            $t->integer('order')->default(0);
        });
        $schema->create('tblproducts', static function ($t): void {
            $t->increments('id');
            $t->integer('gid')->default(0);
            foreach (['name', 'type', 'paytype', 'servertype', 'description'] as $column) {
                $t->string($column)->default('');
            }
            for ($n = 1; $n <= 24; $n++) {
                $t->text('configoption' . $n)->nullable();
            }
            $t->integer('hidden')->default(0);
            $t->integer('showdomainoptions')->default(0);
        });
        $schema->create('tblhosting', static function ($t): void {
            $t->increments('id');
            $t->integer('userid')->default(1);
            $t->integer('packageid')->default(0);
            $t->string('domainstatus')->default('Active');
            $t->string('regdate')->default('');
            $t->string('domain')->default('');
        });
        $schema->create('tblcurrencies', static function ($t): void {
            $t->increments('id');
            $t->string('code');
            $t->integer('default')->default(0);
        });
        $schema->create('tblpricing', static function ($t): void {
            $t->increments('id');
            $t->string('type');
            $t->integer('currency');
            $t->integer('relid');
            foreach (['msetupfee', 'qsetupfee', 'ssetupfee', 'asetupfee', 'bsetupfee', 'tsetupfee', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially'] as $column) {
                $t->string($column)->default('0.00');
            }
        });
        $schema->create('tblcustomfields', static function ($t): void {
            $t->increments('id');
            foreach (['type', 'fieldname', 'fieldtype', 'description', 'fieldoptions', 'regexpr', 'adminonly', 'required', 'showorder', 'showinvoice'] as $column) {
                $t->string($column)->default('');
            }
            $t->integer('relid')->default(0);
            $t->integer('sortorder')->default(0);
        });
        $schema->create('tblcustomfieldsvalues', static function ($t): void {
            $t->integer('fieldid');
            $t->integer('relid');
            $t->text('value')->nullable();
        });
        $schema->create('tblproductconfiggroups', static function ($t): void {
            $t->increments('id');
            $t->string('name');
            $t->string('description')->default('');
        });
        $schema->create('tblproductconfiglinks', static function ($t): void {
            $t->increments('id');
            $t->integer('gid');
            $t->integer('pid');
        });
        $schema->create('tblproductconfigoptions', static function ($t): void {
            $t->increments('id');
            $t->integer('gid');
            $t->string('optionname');
            $t->integer('optiontype')->default(1);
            $t->integer('qtyminimum')->default(0);
            $t->integer('qtymaximum')->default(0);
            $t->integer('order')->default(0);
            $t->integer('hidden')->default(0);
        });
        $schema->create('tblproductconfigoptionssub', static function ($t): void {
            $t->increments('id');
            $t->integer('configid');
            $t->string('optionname');
            $t->integer('sortorder')->default(0);
            $t->integer('hidden')->default(0);
        });
        $db = \WHMCS\Database\Capsule::class;
        $db::table('tblcurrencies')->insert(['code' => 'EUR', 'default' => 1]);
        $db::table('tblproductgroups')->insert(['name' => 'Cloud Servers']);
        $db::table('tblproducts')->insert(['gid' => 1, 'name' => 'Cloud M', 'type' => 'server', 'paytype' => 'recurring', 'servertype' => 'contabo', 'configoption1' => 'V92', 'configoption9' => 'compute']);
        $db::table('tblproducts')->insert(['gid' => 1, 'name' => 'Object Storage 250 GB', 'type' => 'server', 'paytype' => 'recurring', 'servertype' => 'contabo', 'configoption9' => 'object_storage']);
    }
}
