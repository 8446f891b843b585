<?php

declare(strict_types=1);

namespace Tests\Php\Support;

/**
 * The real local backend (`python -m local.stack`) on free ports with its state in a temp dir,
 * started once per PHPUnit run and stopped with SIGINT when PHP exits.
 */
final class LocalStack
{
    private const START_TIMEOUT_SECONDS = 90;
    private const SIGINT = 2;
    private const SIGKILL = 9;

    private static ?self $running = null;

    /** @var resource */
    private $process;

    /** @param array<string, mixed> $state stack.json */
    private function __construct($process, public readonly array $state, public readonly string $logFile)
    {
        $this->process = $process;
    }

    public static function shared(): self
    {
        if (self::$running === null) {
            self::$running = self::start();
            register_shutdown_function([self::$running, 'stop']);
        }
        return self::$running;
    }

    /** @return array<string, mixed> WHMCS server params for this stack */
    public function serverParams(): array
    {
        $server = $this->state['whmcs_server'];
        return [
            'serverhostname' => (string) $server['hostname'],
            'serverip' => '',
            'serversecure' => !empty($server['secure']) ? 'on' : '',
            'serverusername' => (string) $server['username'],
            'serverpassword' => (string) $server['password'],
        ];
    }

    /** Runs a scheduled function now (the stack's run-now endpoint) and returns its JSON answer. */
    public function runJob(string $functionLogicalId): array
    {
        [$status, $body] = self::http('POST', $this->state['api_root'] . '/__local/jobs/' . $functionLogicalId . '/run');
        if ($status !== 200) {
            throw new \RuntimeException("run-now of {$functionLogicalId} answered HTTP {$status}: {$body}");
        }
        return (array) json_decode($body, true);
    }

    public function stop(): void
    {
        $status = proc_get_status($this->process);
        if ($status['running']) {
            proc_terminate($this->process, self::SIGINT);
            $deadline = microtime(true) + 15;
            while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
                usleep(100_000);
            }
            if (proc_get_status($this->process)['running']) {
                proc_terminate($this->process, self::SIGKILL);
            }
        }
        proc_close($this->process);
    }

    private static function start(): self
    {
        $root = dirname(__DIR__, 3);
        $python = $root . '/.venv/bin/python';
        if (!is_executable($python)) {
            throw new \RuntimeException("No {$python}: run `make venv` before the PHP integration tests.");
        }
        $stateDir = sys_get_temp_dir() . '/whmcs-module-stack-' . bin2hex(random_bytes(4));
        mkdir($stateDir, 0700, true);
        $logFile = $stateDir . '/stack.log';
        $command = [
            $python, '-m', 'local.stack',
            '--api-port', (string) self::freePort(),
            '--moto-port', (string) self::freePort(),
            '--sim-port', (string) self::freePort(),
            '--no-schedules',
            '--provision-seconds', '1',
            '--state-dir', $stateDir,
        ];
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $logFile, 'a'], 2 => ['file', $logFile, 'a']], $pipes, $root);
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start the local stack.');
        }

        $stateFile = $stateDir . '/stack.json';
        $deadline = microtime(true) + self::START_TIMEOUT_SECONDS;
        while (microtime(true) < $deadline) {
            if (!proc_get_status($process)['running']) {
                throw new \RuntimeException("The local stack exited during start-up:\n" . (string) file_get_contents($logFile));
            }
            $state = is_file($stateFile) ? json_decode((string) file_get_contents($stateFile), true) : null;
            if (is_array($state) && self::http('GET', $state['api_url'] . '/health')[0] === 200) {
                return new self($process, $state, $logFile);
            }
            usleep(250_000);
        }
        proc_terminate($process, self::SIGKILL);
        throw new \RuntimeException('The local stack did not become healthy in ' . self::START_TIMEOUT_SECONDS . " s:\n" . (string) file_get_contents($logFile));
    }

    private static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $name = stream_socket_get_name($socket, false);
        fclose($socket);
        return (int) substr((string) $name, strrpos((string) $name, ':') + 1);
    }

    /** @return array{0: int, 1: string} */
    private static function http(string $method, string $url): array
    {
        $handle = curl_init($url);
        curl_setopt_array($handle, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120, CURLOPT_CONNECTTIMEOUT => 2]);
        $body = curl_exec($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);
        return [$status, is_string($body) ? $body : ''];
    }
}
