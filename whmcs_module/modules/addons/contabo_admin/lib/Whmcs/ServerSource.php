<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\ContaboAdmin\Whmcs;

/** The WHMCS server records of type contabo (Setup > Servers). */
interface ServerSource
{
    /**
     * The first enabled one as module parameters (serverhostname, serverip, serversecure,
     * serverusername, serverpassword decrypted) plus its name; null when there is none.
     *
     * @return array<string, string>|null
     */
    public function firstContaboServer(): ?array;
}
