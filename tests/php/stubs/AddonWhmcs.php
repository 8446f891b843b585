<?php

/**
 * WHMCS functions the admin addon calls beyond the server module's (activity log, decrypting
 * stored passwords), recorded or faked for tests. Never shipped: WHMCS provides the real ones.
 */

declare(strict_types=1);

namespace Tests\Php\Stubs {
    final class ActivityLog
    {
        /** @var list<string> */
        public static array $entries = [];

        /** Stored passwords in the fake database are written "enc:<secret>". */
        public static function encrypted(string $secret): string
        {
            return 'enc:' . $secret;
        }
    }
}

namespace {
    if (!function_exists('logActivity')) {
        function logActivity(string $message, int $userId = 0): void
        {
            \Tests\Php\Stubs\ActivityLog::$entries[] = $message;
        }
    }

    if (!function_exists('decrypt')) {
        /** WHMCS answers an empty string for anything it did not encrypt. */
        function decrypt(string $value): string
        {
            return str_starts_with($value, 'enc:') ? substr($value, 4) : '';
        }
    }
}
