<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

final class CurlTransport implements Transport
{
    // Lifecycle calls answer in well under a second; anything slower is a fault, not load.
    public function __construct(
        private readonly int $connectTimeoutSeconds = 5,
        private readonly int $totalTimeoutSeconds = 15,
    ) {
    }

    public function send(string $method, string $url, array $headers, string $body): HttpResponse
    {
        if (strtolower((string) parse_url($url, PHP_URL_SCHEME)) !== 'https' && !self::isLoopback($url)) {
            throw new TransportFailure('The backend is reached over https only (plain http only on this machine): ' . $url, false);
        }
        $handle = curl_init($url);
        $responseHeaders = [];
        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = $name . ': ' . $value;
        }
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_CONNECTTIMEOUT => $this->connectTimeoutSeconds,
            CURLOPT_TIMEOUT => $this->totalTimeoutSeconds,
            CURLOPT_FOLLOWLOCATION => false,
            // Signing secrets, root passwords and S3 keys travel here: curl itself refuses plain http.
            CURLOPT_PROTOCOLS => self::protocolsFor($url),
            CURLOPT_REDIR_PROTOCOLS => CURLPROTO_HTTPS,
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$responseHeaders): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $responseHeaders[strtolower(trim($parts[0]))] = trim($parts[1]);
                }
                return strlen($line);
            },
        ]);
        if ($method !== 'GET') {
            curl_setopt($handle, CURLOPT_POSTFIELDS, $body);
        }

        $answer = curl_exec($handle);
        $errno = curl_errno($handle);
        $error = curl_error($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);

        if ($answer === false || $errno !== 0) {
            throw new TransportFailure($error !== '' ? $error : 'no answer', $errno === CURLE_OPERATION_TIMEDOUT);
        }

        return new HttpResponse($status, $responseHeaders, (string) $answer);
    }

    /** https only; plain http as well when the host is this machine (the local stack, tests). */
    public static function protocolsFor(string $url): int
    {
        return self::isLoopback($url) ? (CURLPROTO_HTTPS | CURLPROTO_HTTP) : CURLPROTO_HTTPS;
    }

    public static function isLoopback(string $url): bool
    {
        $host = strtolower(trim((string) parse_url($url, PHP_URL_HOST), '[]'));
        if ($host === 'localhost' || $host === '::1') {
            return true;
        }
        return filter_var($host, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false && str_starts_with($host, '127.');
    }
}
