"""Every Contabo operation the client calls: method, path, and whether a repeat is safe.

One table, read by the client (which retries only ``safe_to_repeat`` calls and never a
``purchase``), by scripts/trim_contabo_spec.py (which generates models only for these
operations) and by the contract tests (which check every one is exercised). No imports on
purpose: the regenerate script loads this file on its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    method: str
    path: str
    safe_to_repeat: bool = False
    purchase: bool = False
    # "raw": docs/contabo/openapi.json; "firewall": the normalized 2026-08 yaml (Firewalls);
    # "moves": the same yaml (an instance's plan offers and region change).
    # "domains": domains, handles and DNS zones (own models module, see trim_contabo_spec.py).
    spec: str = "raw"


def _get(operation_id: str, path: str) -> Operation:
    return Operation(operation_id, "GET", path, safe_to_repeat=True)


def _repeatable(operation_id: str, method: str, path: str, spec: str = "raw") -> Operation:
    return Operation(operation_id, method, path, safe_to_repeat=True, spec=spec)


def _once(operation_id: str, method: str, path: str, spec: str = "raw") -> Operation:
    return Operation(operation_id, method, path, spec=spec)


def _domains_get(operation_id: str, path: str) -> Operation:
    return Operation(operation_id, "GET", path, safe_to_repeat=True, spec="domains")


def _purchase(operation_id: str, path: str) -> Operation:
    return Operation(operation_id, "POST", path, purchase=True)


_INSTANCE = "/v1/compute/instances/{instanceId}"
_SNAPSHOT = _INSTANCE + "/snapshots/{snapshotId}"
_ASSIGNMENT = "/v1/tags/{tagId}/assignments/{resourceType}/{resourceId}"
_NETWORK = "/v1/private-networks/{privateNetworkId}"
_VIP = "/v1/vips/{ip}/{resourceType}/{resourceId}"
_STORAGE = "/v1/object-storages/{objectStorageId}"
_CREDENTIAL = "/v1/users/{userId}/object-storages/{objectStorageId}/credentials/{credentialId}"
_FIREWALL = "/v1/firewalls/{firewallId}"
_DOMAIN = "/v1/domains/{domain}"
_HANDLE = "/v1/domains/handles/{handleId}"
_ZONE = "/v1/dns/zones/{zoneName}"

_ALL = (
    # Instances
    _purchase("createInstance", "/v1/compute/instances"),
    _get("retrieveInstancesList", "/v1/compute/instances"),
    _get("retrieveInstance", _INSTANCE),
    _repeatable("patchInstance", "PATCH", _INSTANCE),
    _repeatable("reinstallInstance", "PUT", _INSTANCE),
    _repeatable("cancelInstance", "POST", _INSTANCE + "/cancel"),
    _purchase("upgradeInstance", _INSTANCE + "/upgrade"),
    # Plan offers and region change (2026-08 spec). A region change is asked once: Contabo
    # answers a support ticket and has no idempotency key.
    Operation(
        "retrieveAvailableInstanceProducts",
        "GET",
        _INSTANCE + "/products/available",
        True,
        spec="moves",
    ),
    Operation("checkSetNewHost", "GET", _INSTANCE + "/regionChange/check", True, spec="moves"),
    _once("requestRegionChange", "POST", _INSTANCE + "/regionChange", spec="moves"),
    # Instance actions: asking twice for the same power state is harmless.
    _repeatable("start", "POST", _INSTANCE + "/actions/start"),
    _repeatable("stop", "POST", _INSTANCE + "/actions/stop"),
    _repeatable("shutdown", "POST", _INSTANCE + "/actions/shutdown"),
    _repeatable("restart", "POST", _INSTANCE + "/actions/restart"),
    _repeatable("rescue", "POST", _INSTANCE + "/actions/rescue"),
    _repeatable("resetPasswordAction", "POST", _INSTANCE + "/actions/resetPassword"),
    # Snapshots
    _get("retrieveSnapshotList", _INSTANCE + "/snapshots"),
    _once("createSnapshot", "POST", _INSTANCE + "/snapshots"),
    _get("retrieveSnapshot", _SNAPSHOT),
    _repeatable("updateSnapshot", "PATCH", _SNAPSHOT),
    _repeatable("deleteSnapshot", "DELETE", _SNAPSHOT),
    _once("rollbackSnapshot", "POST", _SNAPSHOT + "/rollback"),
    # Images
    _get("retrieveImageList", "/v1/compute/images"),
    _once("createCustomImage", "POST", "/v1/compute/images"),
    _get("retrieveImage", "/v1/compute/images/{imageId}"),
    _repeatable("updateImage", "PATCH", "/v1/compute/images/{imageId}"),
    _repeatable("deleteImage", "DELETE", "/v1/compute/images/{imageId}"),
    _get("retrieveCustomImagesStats", "/v1/compute/images/stats"),
    # Secrets (SSH keys and passwords)
    _get("retrieveSecretList", "/v1/secrets"),
    _once("createSecret", "POST", "/v1/secrets"),
    _get("retrieveSecret", "/v1/secrets/{secretId}"),
    _repeatable("updateSecret", "PATCH", "/v1/secrets/{secretId}"),
    _repeatable("deleteSecret", "DELETE", "/v1/secrets/{secretId}"),
    # Tags and their assignments
    _get("retrieveTagList", "/v1/tags"),
    _once("createTag", "POST", "/v1/tags"),
    _get("retrieveTag", "/v1/tags/{tagId}"),
    _repeatable("updateTag", "PATCH", "/v1/tags/{tagId}"),
    _repeatable("deleteTag", "DELETE", "/v1/tags/{tagId}"),
    _get("retrieveAssignmentList", "/v1/tags/{tagId}/assignments"),
    _get("retrieveAssignment", _ASSIGNMENT),
    _once("createAssignment", "POST", _ASSIGNMENT),
    _repeatable("deleteAssignment", "DELETE", _ASSIGNMENT),
    # Private networks
    _get("retrievePrivateNetworkList", "/v1/private-networks"),
    _once("createPrivateNetwork", "POST", "/v1/private-networks"),
    _get("retrievePrivateNetwork", _NETWORK),
    _repeatable("patchPrivateNetwork", "PATCH", _NETWORK),
    _repeatable("deletePrivateNetwork", "DELETE", _NETWORK),
    _once("assignInstancePrivateNetwork", "POST", _NETWORK + "/instances/{instanceId}"),
    _repeatable("unassignInstancePrivateNetwork", "DELETE", _NETWORK + "/instances/{instanceId}"),
    # VIPs
    _get("retrieveVipList", "/v1/vips"),
    _get("retrieveVip", "/v1/vips/{ip}"),
    _once("assignIp", "POST", _VIP),
    _repeatable("unassignIp", "DELETE", _VIP),
    # Reverse DNS
    _get("retrievePtrRecordsList", "/v1/dns/ptrs"),
    _once("createPtrRecord", "POST", "/v1/dns/ptrs"),
    _get("retrievePtrRecord", "/v1/dns/ptrs/{ipAddress}"),
    _repeatable("updatePtrRecord", "PUT", "/v1/dns/ptrs/{ipAddress}"),
    _repeatable("deletePtrRecord", "DELETE", "/v1/dns/ptrs/{ipAddress}"),
    # Firewalls (only in the normalized spec)
    Operation("retrieveFirewallList", "GET", "/v1/firewalls", True, spec="firewall"),
    _once("createFirewall", "POST", "/v1/firewalls", spec="firewall"),
    Operation("retrieveFirewall", "GET", _FIREWALL, True, spec="firewall"),
    _repeatable("patchFirewall", "PATCH", _FIREWALL, spec="firewall"),
    _repeatable("putFirewall", "PUT", _FIREWALL, spec="firewall"),
    _repeatable("deleteFirewall", "DELETE", _FIREWALL, spec="firewall"),
    _once("assignInstanceFirewall", "POST", _FIREWALL + "/instances/{instanceId}", "firewall"),
    _repeatable(
        "unassignInstanceFirewall", "DELETE", _FIREWALL + "/instances/{instanceId}", "firewall"
    ),
    Operation("retrievePresetRules", "GET", "/v1/firewalls/preset-rules", True, spec="firewall"),
    Operation("retrieveFirewallAuditsList", "GET", "/v1/firewalls/audits", True, spec="firewall"),
    # Object storage and its S3 credentials
    _get("retrieveObjectStorageList", "/v1/object-storages"),
    _purchase("createObjectStorage", "/v1/object-storages"),
    _get("retrieveObjectStorage", _STORAGE),
    _repeatable("updateObjectStorage", "PATCH", _STORAGE),
    _purchase("upgradeObjectStorage", _STORAGE + "/resize"),
    _repeatable("CancelObjectStorage", "PATCH", _STORAGE + "/cancel"),
    _get("retrieveObjectStoragesStats", _STORAGE + "/stats"),
    _get("listObjectStorageCredentials", "/v1/users/{userId}/object-storages/credentials"),
    _get("getObjectStorageCredentials", _CREDENTIAL),
    _once("regenerateObjectStorageCredentials", "PATCH", _CREDENTIAL),
    # Account
    _get("retrieveUserList", "/v1/users"),
    _get("retrieveUser", "/v1/users/{userId}"),
    # One Contabo user per object storage customer (free, so not a purchase); creating twice
    # is prevented by looking the user up by its e-mail marker first.
    _once("createUser", "POST", "/v1/users"),
    _repeatable("updateUser", "PATCH", "/v1/users/{userId}"),
    _repeatable("deleteUser", "DELETE", "/v1/users/{userId}"),
    _get("retrieveUserClient", "/v1/users/client"),
    _get("retrieveRoleList", "/v1/roles"),
    _get("retrieveDataCenterList", "/v1/data-centers"),
    # Audit lists: how a purchase with an unknown outcome is reconciled (requestId filter).
    _get("retrieveInstancesAuditsList", "/v1/compute/instances/audits"),
    _get("retrieveInstancesActionsAuditsList", "/v1/compute/instances/actions/audits"),
    _get("retrieveSnapshotsAuditsList", "/v1/compute/snapshots/audits"),
    _get("retrieveObjectStorageAuditsList", "/v1/object-storages/audits"),
    _get("retrieveSecretAuditsList", "/v1/secrets/audits"),
    _get("retrieveTagAuditsList", "/v1/tags/audits"),
    _get("retrievePrivateNetworkAuditsList", "/v1/private-networks/audits"),
    _get("retrieveVipAuditsList", "/v1/vips/audits"),
    # Domains: orderDomain registers or transfers in, a purchase (settled by the domains audit)
    Operation("orderDomain", "POST", "/v1/domains", purchase=True, spec="domains"),
    _domains_get("listDomains", "/v1/domains"),
    _domains_get("retrieveDomain", _DOMAIN),
    _repeatable("updateDomain", "PATCH", _DOMAIN, "domains"),
    _once("cancelDomain", "POST", _DOMAIN + "/cancel", "domains"),
    _once("revokeCancelDomain", "POST", _DOMAIN + "/revoke-cancellation", "domains"),
    _repeatable("getAuthCode", "POST", _DOMAIN + "/generate-auth-code", "domains"),
    _once("confirmDomainTransferOut", "POST", _DOMAIN + "/transfer-out", "domains"),
    _once("revokeDomainTransferOut", "DELETE", _DOMAIN + "/transfer-out", "domains"),
    _repeatable(
        "validateDomainAvailability",
        "POST",
        "/v1/registries-domains/{domain}/check-availability",
        "domains",
    ),
    _domains_get("listPendingActions", "/v1/domains/pending-actions"),
    _domains_get("retrieveDomainsAuditsList", "/v1/domains/audits"),
    # Contact handles
    _domains_get("listHandles", "/v1/domains/handles"),
    _once("createHandle", "POST", "/v1/domains/handles", "domains"),
    _domains_get("retrieveHandle", _HANDLE),
    _repeatable("updateHandle", "PUT", _HANDLE, "domains"),
    _repeatable("removeHandle", "DELETE", _HANDLE, "domains"),
    _domains_get("retrieveHandlesAuditsList", "/v1/domains/handles/audits"),
    # DNS zones and records
    _domains_get("retrieveDnsZonesList", "/v1/dns/zones"),
    _once("createDnsZone", "POST", "/v1/dns/zones", "domains"),
    _domains_get("retrieveDnsZone", _ZONE),
    _repeatable("deleteDnsZone", "DELETE", _ZONE, "domains"),
    _domains_get("retrieveDnsZoneRecordsList", _ZONE + "/records"),
    _once("createDnsZoneRecord", "POST", _ZONE + "/records", "domains"),
    _repeatable("updateDnsZoneRecord", "PATCH", _ZONE + "/records/{recordId}", "domains"),
    _repeatable("deleteDnsZoneRecord", "DELETE", _ZONE + "/records/{recordId}", "domains"),
    _repeatable("bulkDeleteDnsZoneRecords", "DELETE", _ZONE + "/records/bulk", "domains"),
    _domains_get("retrieveDnsAuditsList", "/v1/dns/zones/audits"),
    _domains_get("retrieveRecordAuditsList", "/v1/dns/records/audits"),
)

OPERATIONS: dict[str, Operation] = {operation.operation_id: operation for operation in _ALL}
