<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/**
 * An id placed in a route path (snapshot, key, network, IP, preset). Only characters that
 * need no URL encoding pass, so the signed path is exactly the path the backend sees.
 */
final class PathSegment
{
    public static function of(string $value, string $what): string
    {
        if (!preg_match('/^[A-Za-z0-9._:-]{1,128}$/', $value)) {
            throw new \InvalidArgumentException(sprintf('That %s is not valid.', $what));
        }
        return $value;
    }
}
