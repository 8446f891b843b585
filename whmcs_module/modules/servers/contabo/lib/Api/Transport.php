<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

interface Transport
{
    /**
     * @param array<string, string> $headers
     * @throws TransportFailure when no HTTP answer arrived (refused, DNS, TLS, timeout)
     */
    public function send(string $method, string $url, array $headers, string $body): HttpResponse;
}
