<?php

declare(strict_types=1);

namespace WHMCS\Module\Server\Contabo\Api;

/** Compute routes of docs/service-management-api.md: rescue, images, reinstall, snapshots. */
final class ComputeClient
{
    public function __construct(private readonly BackendApi $api)
    {
    }

    /**
     * @param list<string> $sshKeyIds vault key ids
     * @return array{service: array<string, mixed>, rescue_password: string}
     */
    public function rescue(string $serviceId, array $sshKeyIds = [], string $userData = ''): array
    {
        $body = [];
        if ($sshKeyIds !== []) {
            $body['ssh_key_ids'] = array_values($sshKeyIds);
        }
        if ($userData !== '') {
            $body['user_data'] = $userData;
        }
        $answer = $this->api->call('Rescue', 'POST', "/services/{$serviceId}/rescue", [], $body ?: null);
        return [
            'service' => is_array($answer['service'] ?? null) ? $answer['service'] : [],
            'rescue_password' => (string) ($answer['rescue_password'] ?? ''),
        ];
    }

    /** @return list<array{id: string, name: string, os_type: string, version: string, standard: bool}> */
    public function images(string $serviceId): array
    {
        $answer = $this->api->call('ListImages', 'GET', "/services/{$serviceId}/images");
        $images = [];
        foreach (Items::of($answer) as $image) {
            if (($image['id'] ?? '') === '') {
                continue;
            }
            $images[] = [
                'id' => (string) $image['id'],
                'name' => (string) ($image['name'] ?? $image['id']),
                'os_type' => (string) ($image['os_type'] ?? ''),
                'version' => (string) ($image['version'] ?? ''),
                'standard' => (bool) ($image['standard'] ?? true),
            ];
        }
        return $images;
    }

    /**
     * Wipes the disk: the caller has shown the customer the warning and sends confirm.
     *
     * @param list<string> $sshKeyIds
     * @return array<string, mixed> ServiceView with the new root password
     */
    public function reinstall(string $serviceId, string $imageId, array $sshKeyIds, ?string $cloudInitTemplate, ?string $userData, string $application = ''): array
    {
        $body = ['image_id' => $imageId, 'ssh_key_ids' => array_values($sshKeyIds), 'confirm' => true];
        if ($application !== '') {
            $body['application'] = $application;
        }
        if ($cloudInitTemplate !== null && $cloudInitTemplate !== '') {
            $body['cloud_init_template'] = $cloudInitTemplate;
        }
        if ($userData !== null && $userData !== '') {
            $body['user_data'] = $userData;
        }
        return $this->api->call('Reinstall', 'POST', "/services/{$serviceId}/reinstall", [], $body);
    }

    /** @return array{items: list<array<string, mixed>>, limit: ?int} */
    public function snapshots(string $serviceId): array
    {
        $answer = $this->api->call('ListSnapshots', 'GET', "/services/{$serviceId}/snapshots");
        return [
            'items' => Items::of($answer),
            'limit' => isset($answer['limit']) && is_numeric($answer['limit']) ? (int) $answer['limit'] : null,
        ];
    }

    /** @return array<string, mixed> {items, quota, allowed, limit}: the client's own images */
    public function customImages(string $serviceId): array
    {
        return $this->api->call('ListCustomImages', 'GET', "/services/{$serviceId}/custom-images");
    }

    /**
     * @param array{name: string, url: string, os_type: string, version: string} $image
     * @return array<string, mixed> the image (downloading)
     */
    public function uploadCustomImage(string $serviceId, array $image): array
    {
        return $this->api->call('UploadCustomImage', 'POST', "/services/{$serviceId}/custom-images", [], $image);
    }

    public function deleteCustomImage(string $serviceId, string $imageId): void
    {
        $image = PathSegment::of($imageId, 'image');
        $this->api->call('DeleteCustomImage', 'DELETE', "/services/{$serviceId}/custom-images/{$image}");
    }

    /** @return array<string, mixed> {frequency, keep, limit, last_taken_at, next_due_at, last_error, automatic_snapshot_ids} */
    public function snapshotPolicy(string $serviceId): array
    {
        return $this->api->call('GetSnapshotPolicy', 'GET', "/services/{$serviceId}/snapshot-policy");
    }

    /** @return array<string, mixed> the policy as saved */
    public function setSnapshotPolicy(string $serviceId, string $frequency, int $keep): array
    {
        return $this->api->call('SetSnapshotPolicy', 'PUT', "/services/{$serviceId}/snapshot-policy", [], ['frequency' => $frequency, 'keep' => $keep]);
    }

    /** @return array<string, mixed> the snapshot */
    public function createSnapshot(string $serviceId, string $name, string $description = ''): array
    {
        $body = ['name' => $name] + ($description !== '' ? ['description' => $description] : []);
        return $this->api->call('CreateSnapshot', 'POST', "/services/{$serviceId}/snapshots", [], $body);
    }

    /** @return array<string, mixed> ServiceView */
    public function rollbackSnapshot(string $serviceId, string $snapshotId): array
    {
        $snapshot = PathSegment::of($snapshotId, 'snapshot');
        return $this->api->call('RollbackSnapshot', 'POST', "/services/{$serviceId}/snapshots/{$snapshot}/rollback", [], ['confirm' => true]);
    }

    public function deleteSnapshot(string $serviceId, string $snapshotId): void
    {
        $snapshot = PathSegment::of($snapshotId, 'snapshot');
        $this->api->call('DeleteSnapshot', 'DELETE', "/services/{$serviceId}/snapshots/{$snapshot}");
    }
}
