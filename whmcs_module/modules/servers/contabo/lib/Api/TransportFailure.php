<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

final class TransportFailure extends \RuntimeException
{
    public function __construct(string $message, public readonly bool $timedOut)
    {
        parent::__construct($message);
    }
}
