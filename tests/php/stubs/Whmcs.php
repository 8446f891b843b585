<?php

declare(strict_types=1);

namespace Tests\Php\Stubs;

/** What the WHMCS stand-in recorded during a test. */
final class Whmcs
{
    public const CSRF_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';

    /** @var list<array{module: string, action: string, request: mixed, response: mixed, processed: mixed, replaceVars: array<mixed>}> */
    public static array $moduleLog = [];

    /** @var list<array{command: string, values: array<string, mixed>}> */
    public static array $localApiCalls = [];

    /** @var array<string, array<string, mixed>|\Closure(array<string, mixed>): array<string, mixed>> */
    public static array $localApiResults = [];

    /** @var array<string, list<callable>> */
    public static array $hooks = [];

    public static function reset(): void
    {
        self::$moduleLog = [];
        self::$localApiCalls = [];
        self::$localApiResults = [];
    }

    /** @return list<array{command: string, values: array<string, mixed>}> */
    public static function localApiCalls(string $command): array
    {
        return array_values(array_filter(self::$localApiCalls, static fn (array $call): bool => $call['command'] === $command));
    }
}
