<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Validation;

/**
 * Checks what a customer typed before anything is sent, with the same rules the backend and
 * the provider apply, so the answer is an immediate sentence in the customer's language.
 * Every method returns the cleaned value or throws \InvalidArgumentException.
 */
final class InputRules
{
    public const SSH_KEY_TYPES = [
        'ssh-ed25519',
        'ssh-rsa',
        'ecdsa-sha2-nistp256',
        'ecdsa-sha2-nistp384',
        'ecdsa-sha2-nistp521',
        'sk-ssh-ed25519@openssh.com',
        'sk-ecdsa-sha2-nistp256@openssh.com',
    ];
    public const FIREWALL_PROTOCOLS = ['tcp', 'udp', 'icmp', 'any'];
    public const USER_DATA_MAX_BYTES = 16384;
    // Below 2048 bits an RSA key blob is shorter than this; the backend refuses those too.
    private const MIN_RSA_BLOB_BYTES = 256;

    /** @param array<string, string> $lang the module's strings */
    public function __construct(private readonly array $lang)
    {
    }

    /** The provider's rule: 1-30 letters, digits, spaces and dashes. */
    public function snapshotName(string $name): string
    {
        $name = trim($name);
        if (!preg_match('/^[A-Za-z0-9 -]{1,30}$/', $name)) {
            $this->fail('cloudserver_invalid_snapshot_name');
        }
        return $name;
    }

    /** Free text: one line, at most $max characters, no control characters. */
    public function description(string $text, int $max = 255): string
    {
        $text = trim((string) preg_replace('/[\x00-\x1F\x7F]+/u', ' ', $text));
        if (mb_strlen($text) > $max) {
            $this->fail('cloudserver_invalid_description');
        }
        return $text;
    }

    /** A key name in the vault: 1-64 of letters, digits, space and _ . @ + - (the backend's rule). */
    public function sshKeyName(string $name): string
    {
        $name = trim($name);
        if (!preg_match('/^[A-Za-z0-9 _.@+-]{1,64}$/', $name)) {
            $this->fail('cloudserver_invalid_ssh_key_name');
        }
        return $name;
    }

    /** A private network name: 1-64 of letters, digits and _ : - (the backend's rule). */
    public function privateNetworkName(string $name): string
    {
        $name = trim($name);
        if (!preg_match('/^[A-Za-z0-9_:-]{1,64}$/', $name)) {
            $this->fail('cloudserver_invalid_network_name');
        }
        return $name;
    }

    public function name(string $name, int $max = 64): string
    {
        $name = trim($name);
        if ($name === '' || mb_strlen($name) > $max || preg_match('/[\x00-\x1F\x7F<>"]/u', $name)) {
            $this->fail('cloudserver_invalid_name');
        }
        return $name;
    }

    /** An OpenSSH public key: known type, base64 data that names the same type. */
    public function sshPublicKey(string $key): string
    {
        $parts = preg_split('/\s+/', trim($key), 3) ?: [];
        if (count($parts) < 2 || !in_array($parts[0], self::SSH_KEY_TYPES, true)) {
            $this->fail('cloudserver_invalid_ssh_key');
        }
        $blob = base64_decode($parts[1], true);
        if ($blob === false || strlen($blob) < 4) {
            $this->fail('cloudserver_invalid_ssh_key_data');
        }
        $typeLength = unpack('N', substr($blob, 0, 4))[1];
        if (substr($blob, 4, $typeLength) !== $parts[0]) {
            $this->fail('cloudserver_invalid_ssh_key_data');
        }
        if ($parts[0] === 'ssh-rsa' && strlen($blob) < self::MIN_RSA_BLOB_BYTES) {
            $this->fail('cloudserver_invalid_ssh_key_short');
        }
        return implode(' ', $parts);
    }

    /** A host name for reverse DNS: at least two labels, letters, digits and hyphens. */
    public function hostname(string $hostname): string
    {
        $hostname = strtolower(self::asciiHostname($hostname));
        $label = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
        if (strlen($hostname) > 253 || !preg_match("/^{$label}(\\.{$label})+$/", $hostname)) {
            $this->fail('cloudserver_invalid_hostname');
        }
        return $hostname;
    }

    /**
     * A host name as DNS carries it: an international name (sérveur.münchen.example) becomes
     * punycode (xn--...) before any check. Left as typed when it is not a valid IDN, so the
     * check that follows explains what is wrong.
     */
    public static function asciiHostname(string $hostname): string
    {
        $hostname = rtrim(trim($hostname), '.');
        if ($hostname === '' || !preg_match('/[^\x00-\x7F]/', $hostname) || !function_exists('idn_to_ascii')) {
            return $hostname;
        }
        $ascii = idn_to_ascii($hostname, IDNA_NONTRANSITIONAL_TO_ASCII, INTL_IDNA_VARIANT_UTS46);
        return is_string($ascii) && $ascii !== '' ? $ascii : $hostname;
    }

    /** One of the offered values, e.g. an IP of this service or an image id from the list. */
    public function oneOf(string $value, array $allowed, string $errorKey): string
    {
        if (!in_array($value, array_map('strval', $allowed), true)) {
            $this->fail($errorKey);
        }
        return $value;
    }

    /** Cloud-init user data: #cloud-config YAML or a #! script, within the size limit. */
    public function userData(string $userData, int $maxBytes = self::USER_DATA_MAX_BYTES): string
    {
        $userData = str_replace("\r\n", "\n", trim($userData));
        if ($userData === '') {
            return '';
        }
        if (!str_starts_with($userData, '#cloud-config') && !str_starts_with($userData, '#!')) {
            $this->fail('cloudserver_invalid_user_data');
        }
        if (strlen($userData) + 1 > $maxBytes) {
            throw new \InvalidArgumentException(sprintf($this->text('cloudserver_invalid_user_data_size'), (int) ceil($maxBytes / 1024)));
        }
        return $userData . "\n";
    }

    /**
     * A firewall rule as the backend takes it; inbound accept rules only (what the provider offers).
     *
     * @param array<string, mixed> $rule protocol, ports, source
     * @return array{direction: string, protocol: string, ports: string, source: string, action: string}
     */
    public function firewallRule(array $rule): array
    {
        $protocol = strtolower(trim((string) ($rule['protocol'] ?? '')));
        if (!in_array($protocol, self::FIREWALL_PROTOCOLS, true)) {
            $this->fail('cloudserver_invalid_protocol');
        }
        $ports = str_replace(' ', '', (string) ($rule['ports'] ?? ''));
        if (in_array($protocol, ['icmp', 'any'], true)) {
            if ($ports !== '') {
                $this->fail('cloudserver_invalid_ports_for_protocol');
            }
        } elseif ($ports !== '') {
            if (!preg_match('/^(\d{1,5})(?:-(\d{1,5}))?$/', $ports, $match)) {
                $this->fail('cloudserver_invalid_ports');
            }
            $from = (int) $match[1];
            $to = isset($match[2]) ? (int) $match[2] : $from;
            if ($from < 1 || $to > 65535 || $from > $to) {
                $this->fail('cloudserver_invalid_ports');
            }
        }
        $source = trim((string) ($rule['source'] ?? ''));
        if ($source === '') {
            $source = '0.0.0.0/0';
        }

        return [
            'direction' => 'inbound',
            'protocol' => $protocol,
            'ports' => $ports,
            'source' => $this->cidr($source),
            'action' => 'accept',
        ];
    }

    /** An IPv4 or IPv6 network in CIDR form (a bare address means that one host). */
    public function cidr(string $cidr): string
    {
        [$address, $prefix] = array_pad(explode('/', trim($cidr), 2), 2, null);
        $isV4 = filter_var($address, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false;
        $isV6 = !$isV4 && filter_var($address, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6) !== false;
        $maxPrefix = $isV4 ? 32 : 128;
        if (!$isV4 && !$isV6) {
            $this->fail('cloudserver_invalid_cidr');
        }
        if ($prefix === null) {
            return $address . '/' . $maxPrefix;
        }
        if (!preg_match('/^\d{1,3}$/', $prefix) || (int) $prefix > $maxPrefix) {
            $this->fail('cloudserver_invalid_cidr');
        }
        return $address . '/' . (int) $prefix;
    }

    /** An admin's extra tag (the backend's rule); whmcs-service-* names are the module's own. */
    public function tag(string $tag): string
    {
        $tag = trim($tag);
        if (!preg_match('/^[A-Za-z0-9_:-]{1,64}$/', $tag) || str_starts_with($tag, 'whmcs-service-')) {
            throw new \InvalidArgumentException(sprintf('The tag "%s" is not valid: use 1 to 64 letters, digits and _ : - (names starting with whmcs-service- are reserved).', substr($tag, 0, 64)));
        }
        return $tag;
    }

    private function text(string $key): string
    {
        return $this->lang[$key] ?? $key;
    }

    /** @return never */
    private function fail(string $key): never
    {
        throw new \InvalidArgumentException($this->text($key));
    }
}
