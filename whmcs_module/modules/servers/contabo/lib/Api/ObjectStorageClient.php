<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** Object storage sold as its own WHMCS product type. */
final class ObjectStorageClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /**
     * Records the order; the backend buys once, in the background.
     *
     * @param array<string, mixed> $request {client_id, client_email, region, size_tb, auto_scaling_limit_tb?, whmcs_product_id?}
     * @return array<string, mixed> ServiceView (kind object_storage)
     */
    public function create(string $serviceId, array $request): array
    {
        return $this->api->call('CreateObjectStorage', 'POST', "/services/{$serviceId}/object-storage", [], $request);
    }

    /** @return array<string, mixed> ServiceView */
    public function resize(string $serviceId, float $sizeTb, ?float $autoScalingLimitTb): array
    {
        $body = ['size_tb' => $sizeTb] + ($autoScalingLimitTb !== null ? ['auto_scaling_limit_tb' => $autoScalingLimitTb] : []);
        return $this->api->call('ResizeObjectStorage', 'POST', "/services/{$serviceId}/object-storage/resize", [], $body);
    }

    /** @return array<string, mixed> {used_tb, size_tb, used_percent, objects, as_of} */
    public function usage(string $serviceId): array
    {
        return $this->api->call('ObjectStorageUsage', 'GET', "/services/{$serviceId}/object-storage/usage");
    }

    /** @return array{endpoint: string, access_key: string, secret_key: string, bucket: string} */
    public function credentials(string $serviceId): array
    {
        return self::credentialsFrom($this->api->call('ObjectStorageCredentials', 'GET', "/services/{$serviceId}/object-storage/credentials"));
    }

    /** @return array{endpoint: string, access_key: string, secret_key: string, bucket: string} the new pair; the old one stops working */
    public function regenerateCredentials(string $serviceId): array
    {
        return self::credentialsFrom($this->api->call('RegenerateObjectStorageCredentials', 'POST', "/services/{$serviceId}/object-storage/credentials/regenerate"));
    }

    /**
     * @param array<string, mixed> $answer
     * @return array{endpoint: string, access_key: string, secret_key: string, bucket: string}
     */
    private static function credentialsFrom(array $answer): array
    {
        return [
            'endpoint' => (string) ($answer['endpoint'] ?? ''),
            'access_key' => (string) ($answer['access_key'] ?? ''),
            'secret_key' => (string) ($answer['secret_key'] ?? ''),
            'bucket' => (string) ($answer['bucket'] ?? ''),
        ];
    }
}
