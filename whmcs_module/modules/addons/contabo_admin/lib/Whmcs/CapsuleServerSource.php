<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

use WHMCS\Database\Capsule;

final class CapsuleServerSource implements ServerSource
{
    public function firstContaboServer(): ?array
    {
        $row = Capsule::table('tblservers')->where('type', 'contabo')->where('disabled', 0)->orderBy('id')->first();
        if ($row === null) {
            return null;
        }
        return [
            'name' => (string) $row->name,
            'serverhostname' => (string) $row->hostname,
            'serverip' => (string) $row->ipaddress,
            'serversecure' => (string) $row->secure,
            'serverusername' => (string) $row->username,
            // tblservers keeps the password encrypted with the installation's key.
            'serverpassword' => function_exists('decrypt') ? (string) decrypt((string) $row->password) : '',
        ];
    }
}
