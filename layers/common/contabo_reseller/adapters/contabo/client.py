"""The Contabo API client: one method per operation the product uses, named for what it does.

Methods take plain values (or, for orders with many fields, the generated request model) and
return the generated response models, unwrapped from Contabo's envelope: single-object calls
return ``data[0]``, lists return an iterator that pages on demand. ``for_service`` binds the
service id and trace id every call is audited with.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.errors import ContaboUnavailable
from contabo_reseller.adapters.contabo.operations import OPERATIONS
from contabo_reseller.adapters.contabo.transport import PAGE_SIZE, CallContext, ContaboTransport
from contabo_reseller.domain.errors import NotFound, PurchaseOutcomeUnknown

if TYPE_CHECKING:
    from contabo_reseller.adapters.contabo import generated_domain_models as dm
    from contabo_reseller.adapters.contabo import generated_firewall_models as fw

ResourceType = str  # "instance" | "image" | "object-storage" | ... as Contabo names them


@lru_cache(maxsize=1)
def get_contabo_client() -> ContaboClient:
    """The container's client (one transport, one connection pool, one token cache)."""
    return ContaboClient(ContaboTransport())


def _firewall_models() -> Any:
    # Firewalls are rarely used: their models load on first use, not at cold start.
    from contabo_reseller.adapters.contabo import generated_firewall_models

    return generated_firewall_models


def _domain_models() -> Any:
    # Only the domain and DNS functions use these: loaded on first use, not at cold start.
    from contabo_reseller.adapters.contabo import generated_domain_models

    return generated_domain_models


class ContaboClient:
    def __init__(self, transport: ContaboTransport, context: CallContext | None = None) -> None:
        self._transport = transport
        self.context = context or CallContext()

    def for_service(self, service_id: str, trace_id: str | None = None) -> ContaboClient:
        """A view whose calls are audited under ``service_id`` and grouped by ``trace_id``."""
        return ContaboClient(self._transport, CallContext(service_id, trace_id or _new_id()))

    # Instances ---------------------------------------------------------------------------

    def create_instance(
        self, order: gm.CreateInstanceRequest, *, request_id: str
    ) -> gm.CreateInstanceResponseData:
        """Buys an instance. Never retried: see ``PurchaseOutcomeUnknown``."""
        body = self._call("createInstance", body=order, request_id=request_id)
        return _bought(gm.CreateInstanceResponse, body, request_id)

    def get_instance(self, instance_id: int) -> gm.InstanceResponse:
        return _first(
            gm.FindInstanceResponse, self._call("retrieveInstance", instanceId=instance_id)
        )

    def list_instances(
        self,
        *,
        display_name: str | None = None,
        name: str | None = None,
        status: str | None = None,
        search: str | None = None,
        region: str | None = None,
        data_center: str | None = None,
        instance_ids: list[int] | None = None,
        product_ids: list[str] | None = None,
        product_types: list[str] | None = None,
    ) -> Iterator[gm.ListInstancesResponseData]:
        filters = {
            "displayName": display_name,
            "name": name,
            "status": status,
            "search": search,
            "region": region,
            "dataCenter": data_center,
            "instanceIds": instance_ids,
            "productIds": product_ids,
            "productTypes": product_types,
        }
        return self._items("retrieveInstancesList", gm.ListInstancesResponse, filters)

    def list_instances_page(
        self, page: int, *, size: int = PAGE_SIZE
    ) -> tuple[list[gm.ListInstancesResponseData], int]:
        """One page of every instance (pages count from 1) and how many pages there are, so a
        long sync can stop after any page and resume with the next."""
        body = self._transport.call(
            OPERATIONS["retrieveInstancesList"], self.context, params={"page": page, "size": size}
        )
        if not body:
            return [], 0
        envelope = gm.ListInstancesResponse.model_validate(body)
        return list(envelope.data), int(envelope.field_pagination.total_pages or 0)

    def rename_instance(self, instance_id: int, display_name: str) -> gm.PatchInstanceResponseData:
        body = self._call(
            "patchInstance",
            body=gm.PatchInstanceRequest(display_name=display_name),
            instanceId=instance_id,
        )
        return _first(gm.PatchInstanceResponse, body)

    def reinstall_instance(
        self, instance_id: int, order: gm.ReinstallInstanceRequest
    ) -> gm.ReinstallInstanceResponseData:
        body = self._call("reinstallInstance", body=order, instanceId=instance_id)
        return _first(gm.ReinstallInstanceResponse, body)

    def cancel_instance(
        self, instance_id: int, *, cancel_date: datetime | None = None
    ) -> gm.CancelInstanceResponseData:
        body = self._call(
            "cancelInstance",
            body=gm.CancelInstanceRequest(cancel_date=cancel_date),
            instanceId=instance_id,
        )
        return _first(gm.CancelInstanceResponse, body)

    def upgrade_instance(
        self, instance_id: int, order: gm.UpgradeInstanceRequest, *, request_id: str
    ) -> gm.PatchInstanceResponseData:
        """Buys add-ons for an instance. Never retried: see ``PurchaseOutcomeUnknown``."""
        body = self._call(
            "upgradeInstance", body=order, request_id=request_id, instanceId=instance_id
        )
        return _bought(gm.PatchInstanceResponse, body, request_id)

    # Instance actions --------------------------------------------------------------------

    def start_instance(self, instance_id: int) -> gm.InstanceStartActionResponseData:
        return _first(gm.InstanceStartActionResponse, self._call("start", instanceId=instance_id))

    def stop_instance(self, instance_id: int) -> gm.InstanceStopActionResponseData:
        return _first(gm.InstanceStopActionResponse, self._call("stop", instanceId=instance_id))

    def shutdown_instance(self, instance_id: int) -> gm.InstanceShutdownActionResponseData:
        body = self._call("shutdown", instanceId=instance_id)
        return _first(gm.InstanceShutdownActionResponse, body)

    def restart_instance(self, instance_id: int) -> gm.InstanceRestartActionResponseData:
        body = self._call("restart", instanceId=instance_id)
        return _first(gm.InstanceRestartActionResponse, body)

    def rescue_instance(
        self,
        instance_id: int,
        *,
        root_password_secret_id: int | None = None,
        ssh_key_secret_ids: list[int] | None = None,
        user_data: str | None = None,
    ) -> gm.InstanceRescueActionResponseData:
        order = gm.InstancesActionsRescueRequest(
            root_password=root_password_secret_id, ssh_keys=ssh_key_secret_ids, user_data=user_data
        )
        body = self._call("rescue", body=order, instanceId=instance_id)
        return _first(gm.InstanceRescueActionResponse, body)

    def reset_password(
        self,
        instance_id: int,
        *,
        root_password_secret_id: int | None = None,
        ssh_key_secret_ids: list[int] | None = None,
        user_data: str | None = None,
    ) -> gm.InstanceResetPasswordActionResponseData:
        order = gm.InstancesResetPasswordActionsRequest(
            root_password=root_password_secret_id, ssh_keys=ssh_key_secret_ids, user_data=user_data
        )
        body = self._call("resetPasswordAction", body=order, instanceId=instance_id)
        return _first(gm.InstanceResetPasswordActionResponse, body)

    # Snapshots ---------------------------------------------------------------------------

    def list_snapshots(
        self, instance_id: int, *, name: str | None = None
    ) -> Iterator[gm.SnapshotResponse]:
        return self._items(
            "retrieveSnapshotList", gm.ListSnapshotResponse, {"name": name}, instanceId=instance_id
        )

    def create_snapshot(
        self, instance_id: int, name: str, *, description: str | None = None
    ) -> gm.SnapshotResponse:
        body = self._call(
            "createSnapshot",
            body=gm.CreateSnapshotRequest(name=name, description=description),
            instanceId=instance_id,
        )
        return _first(gm.CreateSnapshotResponse, body)

    def get_snapshot(self, instance_id: int, snapshot_id: str) -> gm.SnapshotResponse:
        body = self._call("retrieveSnapshot", instanceId=instance_id, snapshotId=snapshot_id)
        return _first(gm.FindSnapshotResponse, body)

    def update_snapshot(
        self,
        instance_id: int,
        snapshot_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> gm.SnapshotResponse:
        body = self._call(
            "updateSnapshot",
            body=gm.UpdateSnapshotRequest(name=name, description=description),
            instanceId=instance_id,
            snapshotId=snapshot_id,
        )
        return _first(gm.UpdateSnapshotResponse, body)

    def delete_snapshot(self, instance_id: int, snapshot_id: str) -> None:
        self._call("deleteSnapshot", instanceId=instance_id, snapshotId=snapshot_id)

    def rollback_snapshot(self, instance_id: int, snapshot_id: str) -> None:
        self._call(
            "rollbackSnapshot",
            body=gm.RollbackSnapshotRequest(),
            instanceId=instance_id,
            snapshotId=snapshot_id,
        )

    # Images ------------------------------------------------------------------------------

    def list_images(
        self,
        *,
        standard_image: bool | None = None,
        name: str | None = None,
        search: str | None = None,
    ) -> Iterator[gm.ListImageResponseData]:
        """Standard images (``standard_image=True``), custom ones (False), or both (None)."""
        filters = {"standardImage": standard_image, "name": name, "search": search}
        return self._items("retrieveImageList", gm.ListImageResponse, filters)

    def get_image(self, image_id: str) -> gm.ImageResponse:
        return _first(gm.FindImageResponse, self._call("retrieveImage", imageId=image_id))

    def create_custom_image(
        self, order: gm.CreateCustomImageRequest
    ) -> gm.CreateCustomImageResponseData:
        body = self._call("createCustomImage", body=order)
        return _first(gm.CreateCustomImageResponse, body)

    def update_image(
        self, image_id: str, *, name: str | None = None, description: str | None = None
    ) -> gm.UpdateCustomImageResponseData:
        body = self._call(
            "updateImage",
            body=gm.UpdateCustomImageRequest(name=name, description=description),
            imageId=image_id,
        )
        return _first(gm.UpdateCustomImageResponse, body)

    def delete_image(self, image_id: str) -> None:
        self._call("deleteImage", imageId=image_id)

    def custom_image_stats(self) -> gm.CustomImagesStatsResponseData:
        return _first(gm.CustomImagesStatsResponse, self._call("retrieveCustomImagesStats"))

    # Secrets -----------------------------------------------------------------------------

    def list_secrets(
        self, *, name: str | None = None, secret_type: str | None = None
    ) -> Iterator[gm.SecretResponse]:
        filters = {"name": name, "type": secret_type}
        return self._items("retrieveSecretList", gm.ListSecretResponse, filters)

    def create_secret(self, name: str, value: str, secret_type: str) -> gm.SecretResponse:
        """``secret_type`` is "password" or "ssh". The value is never logged nor audited."""
        order = gm.CreateSecretRequest(name=name, value=value, type=gm.Type(secret_type))
        return _first(gm.CreateSecretResponse, self._call("createSecret", body=order))

    def get_secret(self, secret_id: int) -> gm.SecretResponse:
        return _first(gm.FindSecretResponse, self._call("retrieveSecret", secretId=secret_id))

    def update_secret(
        self, secret_id: int, *, name: str | None = None, value: str | None = None
    ) -> None:
        order = gm.UpdateSecretRequest(name=name, value=value)
        self._call("updateSecret", body=order, secretId=secret_id)

    def delete_secret(self, secret_id: int) -> None:
        self._call("deleteSecret", secretId=secret_id)

    # Tags and assignments ----------------------------------------------------------------

    def list_tags(self, *, name: str | None = None) -> Iterator[gm.TagResponse]:
        return self._items("retrieveTagList", gm.ListTagResponse, {"name": name})

    def create_tag(
        self, name: str, color: str, *, description: str | None = None
    ) -> gm.CreateTagResponseData:
        order = gm.CreateTagRequest(name=name, color=color, description=description)
        return _first(gm.CreateTagResponse, self._call("createTag", body=order))

    def get_tag(self, tag_id: int) -> gm.TagResponse:
        return _first(gm.FindTagResponse, self._call("retrieveTag", tagId=tag_id))

    def update_tag(
        self,
        tag_id: int,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> None:
        order = gm.UpdateTagRequest(name=name, color=color, description=description)
        self._call("updateTag", body=order, tagId=tag_id)

    def delete_tag(self, tag_id: int) -> None:
        self._call("deleteTag", tagId=tag_id)

    def list_tag_assignments(
        self, tag_id: int, *, resource_type: ResourceType | None = None
    ) -> Iterator[gm.AssignmentResponse]:
        return self._items(
            "retrieveAssignmentList",
            gm.ListAssignmentResponse,
            {"resourceType": resource_type},
            tagId=tag_id,
        )

    def get_tag_assignment(
        self, tag_id: int, resource_type: ResourceType, resource_id: str | int
    ) -> gm.AssignmentResponse:
        body = self._call(
            "retrieveAssignment", tagId=tag_id, resourceType=resource_type, resourceId=resource_id
        )
        return _first(gm.FindAssignmentResponse, body)

    def assign_tag(self, tag_id: int, resource_type: ResourceType, resource_id: str | int) -> None:
        self._call(
            "createAssignment", tagId=tag_id, resourceType=resource_type, resourceId=resource_id
        )

    def unassign_tag(
        self, tag_id: int, resource_type: ResourceType, resource_id: str | int
    ) -> None:
        self._call(
            "deleteAssignment", tagId=tag_id, resourceType=resource_type, resourceId=resource_id
        )

    # Private networks --------------------------------------------------------------------

    def list_private_networks(
        self,
        *,
        name: str | None = None,
        instance_ids: list[int] | None = None,
        region: str | None = None,
        data_center: str | None = None,
    ) -> Iterator[gm.ListPrivateNetworkResponseData]:
        filters = {
            "name": name,
            "instanceIds": instance_ids,
            "region": region,
            "dataCenter": data_center,
        }
        return self._items("retrievePrivateNetworkList", gm.ListPrivateNetworkResponse, filters)

    def create_private_network(
        self, region: str, name: str, *, description: str | None = None
    ) -> gm.PrivateNetworkResponse:
        order = gm.CreatePrivateNetworkRequest(region=region, name=name, description=description)
        body = self._call("createPrivateNetwork", body=order)
        return _first(gm.CreatePrivateNetworkResponse, body)

    def get_private_network(self, private_network_id: int) -> gm.PrivateNetworkResponse:
        body = self._call("retrievePrivateNetwork", privateNetworkId=private_network_id)
        return _first(gm.FindPrivateNetworkResponse, body)

    def update_private_network(
        self,
        private_network_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> gm.PrivateNetworkResponse:
        order = gm.PatchPrivateNetworkRequest(name=name, description=description)
        body = self._call("patchPrivateNetwork", body=order, privateNetworkId=private_network_id)
        return _first(gm.PatchPrivateNetworkResponse, body)

    def delete_private_network(self, private_network_id: int) -> None:
        self._call("deletePrivateNetwork", privateNetworkId=private_network_id)

    def assign_private_network(self, private_network_id: int, instance_id: int) -> None:
        self._call(
            "assignInstancePrivateNetwork",
            privateNetworkId=private_network_id,
            instanceId=instance_id,
        )

    def unassign_private_network(self, private_network_id: int, instance_id: int) -> None:
        self._call(
            "unassignInstancePrivateNetwork",
            privateNetworkId=private_network_id,
            instanceId=instance_id,
        )

    # Plan offers and region change (2026-08 spec) ------------------------------------------

    def available_products(self, instance_id: int) -> list[dict[str, Any]]:
        """The plans the instance can be upgraded to (``offerId`` each; no submit operation)."""
        body = self._call("retrieveAvailableInstanceProducts", instanceId=instance_id) or {}
        return [dict(item) for item in body.get("data") or []]

    def check_region_change(self, instance_id: int) -> None:
        """Contabo's precondition check; a refusal raises with its error codes."""
        self._call("checkSetNewHost", instanceId=instance_id)

    def request_region_change(
        self, instance_id: int, region: str, method: str, request_id: str
    ) -> int:
        """Starts the move; answers the support ticket number."""
        body = self._call(
            "requestRegionChange",
            body=_RegionChange(region=region, method=method),
            request_id=request_id,
            instanceId=instance_id,
        )
        return int(((body or {}).get("data") or [{}])[0]["ticketNumber"])

    # VIPs --------------------------------------------------------------------------------

    def list_vips(
        self,
        *,
        resource_id: str | None = None,
        resource_type: ResourceType | None = None,
        ip_version: str | None = None,
        vip_type: str | None = None,
        region: str | None = None,
    ) -> Iterator[gm.ListVipResponseData]:
        filters = {
            "resourceId": resource_id,
            "resourceType": resource_type,
            "ipVersion": ip_version,
            "type": vip_type,
            "region": region,
        }
        return self._items("retrieveVipList", gm.ListVipResponse, filters)

    def get_vip(self, ip: str) -> gm.VipResponse:
        return _first(gm.FindVipResponse, self._call("retrieveVip", ip=ip))

    def assign_vip(
        self, ip: str, resource_type: ResourceType, resource_id: str | int
    ) -> gm.VipResponse:
        body = self._call("assignIp", ip=ip, resourceType=resource_type, resourceId=resource_id)
        return _first(gm.AssignVipResponse, body)

    def unassign_vip(self, ip: str, resource_type: ResourceType, resource_id: str | int) -> None:
        self._call("unassignIp", ip=ip, resourceType=resource_type, resourceId=resource_id)

    # Reverse DNS -------------------------------------------------------------------------

    def list_ptr_records(
        self, *, ips: list[str] | None = None, search: str | None = None
    ) -> Iterator[gm.PtrRecordResponse]:
        filters = {"ips": ips, "search": search}
        return self._items("retrievePtrRecordsList", gm.ListPtrRecordsResponse, filters)

    def get_ptr_record(self, ip: str) -> gm.PtrRecordResponse:
        return _first(gm.ApiPtrRecordResponse, self._call("retrievePtrRecord", ipAddress=ip))

    def create_ptr_record(self, ip: str, ptr: str, *, ttl: int = 86400) -> gm.PtrRecordResponse:
        order = gm.CreatePtrRecordRequest(ip=ip, ptr=ptr, ttl=ttl)
        return _first(gm.ApiPtrRecordResponse, self._call("createPtrRecord", body=order))

    def update_ptr_record(self, ip: str, ptr: str) -> None:
        self._call("updatePtrRecord", body=gm.UpdatePtrRecordRequest(ptr=ptr), ipAddress=ip)

    def delete_ptr_record(self, ip: str) -> None:
        self._call("deletePtrRecord", ipAddress=ip)

    # Firewalls ---------------------------------------------------------------------------

    def list_firewalls(
        self, *, name: str | None = None, instance_ids: list[int] | None = None
    ) -> Iterator[fw.ListFirewallResponseData]:
        filters = {"name": name, "instanceIds": instance_ids}
        models = _firewall_models()
        return self._items("retrieveFirewallList", models.ListFirewallResponse, filters)

    def create_firewall(self, order: fw.CreateFirewallRequest) -> fw.FirewallResponse:
        body = self._call("createFirewall", body=order)
        return _first(_firewall_models().CreateFirewallResponse, body)

    def get_firewall(self, firewall_id: str) -> fw.FirewallResponse:
        body = self._call("retrieveFirewall", firewallId=firewall_id)
        return _first(_firewall_models().FindFirewallResponse, body)

    def update_firewall(
        self, firewall_id: str, order: fw.PatchFirewallRequest
    ) -> fw.FirewallResponse:
        body = self._call("patchFirewall", body=order, firewallId=firewall_id)
        return _first(_firewall_models().PatchFirewallResponse, body)

    def replace_firewall(
        self, firewall_id: str, order: fw.PutFirewallRequest
    ) -> fw.FirewallResponse:
        body = self._call("putFirewall", body=order, firewallId=firewall_id)
        return _first(_firewall_models().PutFirewallResponse, body)

    def delete_firewall(self, firewall_id: str) -> None:
        self._call("deleteFirewall", firewallId=firewall_id)

    def assign_firewall(self, firewall_id: str, instance_id: int) -> None:
        self._call("assignInstanceFirewall", firewallId=firewall_id, instanceId=instance_id)

    def unassign_firewall(self, firewall_id: str, instance_id: int) -> None:
        self._call("unassignInstanceFirewall", firewallId=firewall_id, instanceId=instance_id)

    def list_firewall_preset_rules(self) -> Iterator[fw.PresetRulesResponse]:
        models = _firewall_models()
        return self._items("retrievePresetRules", models.ListPresetRulesResponse, {})

    # Object storage and S3 credentials ---------------------------------------------------

    def list_object_storages(
        self,
        *,
        display_name: str | None = None,
        region: str | None = None,
        data_center_name: str | None = None,
    ) -> Iterator[gm.ObjectStorageResponse]:
        filters = {
            "displayName": display_name,
            "region": region,
            "dataCenterName": data_center_name,
        }
        return self._items("retrieveObjectStorageList", gm.ListObjectStorageResponse, filters)

    def create_object_storage(
        self, order: gm.CreateObjectStorageRequest, *, request_id: str
    ) -> gm.CreateObjectStorageResponseData:
        """Buys object storage. Never retried: see ``PurchaseOutcomeUnknown``."""
        body = self._call("createObjectStorage", body=order, request_id=request_id)
        return _bought(gm.CreateObjectStorageResponse, body, request_id)

    def get_object_storage(self, object_storage_id: str) -> gm.ObjectStorageResponse:
        body = self._call("retrieveObjectStorage", objectStorageId=object_storage_id)
        return _first(gm.FindObjectStorageResponse, body)

    def rename_object_storage(
        self, object_storage_id: str, display_name: str
    ) -> gm.CancelObjectStorageResponseData:
        order = gm.PatchObjectStorageRequest(display_name=display_name)
        body = self._call("updateObjectStorage", body=order, objectStorageId=object_storage_id)
        return _first(gm.CancelObjectStorageResponse, body)

    def resize_object_storage(
        self, object_storage_id: str, order: gm.UpgradeObjectStorageRequest, *, request_id: str
    ) -> gm.UpgradeObjectStorageResponseData:
        """Buys more space or changes auto-scaling. Never retried."""
        body = self._call(
            "upgradeObjectStorage",
            body=order,
            request_id=request_id,
            objectStorageId=object_storage_id,
        )
        return _bought(gm.UpgradeObjectStorageResponse, body, request_id)

    def cancel_object_storage(
        self, object_storage_id: str, *, cancel_date: datetime | None = None
    ) -> gm.CancelObjectStorageResponseData:
        order = gm.CancelObjectStorageRequest(cancel_date=cancel_date)
        body = self._call("CancelObjectStorage", body=order, objectStorageId=object_storage_id)
        return _first(gm.CancelObjectStorageResponse, body)

    def object_storage_stats(self, object_storage_id: str) -> gm.ObjectStoragesStatsResponseData:
        body = self._call("retrieveObjectStoragesStats", objectStorageId=object_storage_id)
        return _first(gm.ObjectStoragesStatsResponse, body)

    def list_s3_credentials(
        self, user_id: str, *, object_storage_id: str | None = None
    ) -> Iterator[gm.CredentialData]:
        return self._items(
            "listObjectStorageCredentials",
            gm.ListCredentialResponse,
            {"objectStorageId": object_storage_id},
            userId=user_id,
        )

    def get_s3_credentials(
        self, user_id: str, object_storage_id: str, credential_id: int
    ) -> gm.CredentialData:
        body = self._call(
            "getObjectStorageCredentials",
            userId=user_id,
            objectStorageId=object_storage_id,
            credentialId=credential_id,
        )
        return _first(gm.FindCredentialResponse, body)

    def regenerate_s3_credentials(
        self, user_id: str, object_storage_id: str, credential_id: int
    ) -> gm.CredentialData:
        body = self._call(
            "regenerateObjectStorageCredentials",
            userId=user_id,
            objectStorageId=object_storage_id,
            credentialId=credential_id,
        )
        return _first(gm.FindCredentialResponse, body)

    # Account -----------------------------------------------------------------------------

    def list_users(self, *, email: str | None = None) -> Iterator[gm.UserResponse]:
        return self._items("retrieveUserList", gm.ListUserResponse, {"email": email})

    def get_user(self, user_id: str) -> gm.UserResponse:
        return _first(gm.FindUserResponse, self._call("retrieveUser", userId=user_id))

    def create_user(self, user: gm.CreateUserRequest) -> str:
        """Creates a user (free; the caller looks it up by e-mail first); its id."""
        return _first(gm.CreateUserResponse, self._call("createUser", body=user)).user_id

    def update_user(self, user_id: str, change: gm.UpdateUserRequest) -> None:
        self._call("updateUser", body=change, userId=user_id)

    def delete_user(self, user_id: str) -> None:
        self._call("deleteUser", userId=user_id)

    def get_api_client(self) -> gm.ClientResponse:
        """The OAuth client of these credentials (``/v1/users/client``)."""
        return _first(gm.FindClientResponse, self._call("retrieveUserClient"))

    def list_roles(self, *, name: str | None = None) -> Iterator[gm.RoleResponse]:
        return self._items("retrieveRoleList", gm.ListRoleResponse, {"name": name})

    def list_data_centers(
        self, *, region_slug: str | None = None
    ) -> Iterator[gm.DataCenterResponse]:
        filters = {"regionSlug": region_slug}
        return self._items("retrieveDataCenterList", gm.ListDataCenterResponse, filters)

    # Audit lists (reconciling purchases by x-request-id) ---------------------------------

    def instance_audits(
        self, *, request_id: str | None = None, instance_id: int | None = None
    ) -> Iterator[gm.InstancesAuditResponse]:
        filters = {"requestId": request_id, "instanceId": instance_id}
        return self._items("retrieveInstancesAuditsList", gm.ListInstancesAuditResponse, filters)

    def instance_action_audits(
        self, *, request_id: str | None = None, instance_id: int | None = None
    ) -> Iterator[gm.InstancesActionsAuditResponse]:
        filters = {"requestId": request_id, "instanceId": instance_id}
        return self._items(
            "retrieveInstancesActionsAuditsList", gm.ListInstancesActionsAuditResponse, filters
        )

    def snapshot_audits(
        self, *, request_id: str | None = None, instance_id: int | None = None
    ) -> Iterator[gm.SnapshotsAuditResponse]:
        filters = {"requestId": request_id, "instanceId": instance_id}
        return self._items("retrieveSnapshotsAuditsList", gm.ListSnapshotsAuditResponse, filters)

    def object_storage_audits(
        self, *, request_id: str | None = None, object_storage_id: str | None = None
    ) -> Iterator[gm.ObjectStorageAuditResponse]:
        filters = {"requestId": request_id, "objectStorageId": object_storage_id}
        return self._items(
            "retrieveObjectStorageAuditsList", gm.ListObjectStorageAuditResponse, filters
        )

    def secret_audits(
        self, *, request_id: str | None = None, secret_id: int | None = None
    ) -> Iterator[gm.SecretAuditResponse]:
        filters = {"requestId": request_id, "secretId": secret_id}
        return self._items("retrieveSecretAuditsList", gm.ListSecretAuditResponse, filters)

    def tag_audits(
        self, *, request_id: str | None = None, tag_id: int | None = None
    ) -> Iterator[gm.TagAuditResponse]:
        filters = {"requestId": request_id, "tagId": tag_id}
        return self._items("retrieveTagAuditsList", gm.ListTagAuditsResponse, filters)

    def private_network_audits(
        self, *, request_id: str | None = None, private_network_id: int | None = None
    ) -> Iterator[gm.PrivateNetworkAuditResponse]:
        filters = {"requestId": request_id, "privateNetworkId": private_network_id}
        return self._items(
            "retrievePrivateNetworkAuditsList", gm.ListPrivateNetworkAuditResponse, filters
        )

    def vip_audits(
        self, *, request_id: str | None = None, vip_id: str | None = None
    ) -> Iterator[gm.VipAuditResponse]:
        filters = {"requestId": request_id, "vipId": vip_id}
        return self._items("retrieveVipAuditsList", gm.ListVipAuditResponse, filters)

    def firewall_audits(
        self, *, request_id: str | None = None, firewall_id: str | None = None
    ) -> Iterator[fw.FirewallAuditResponse]:
        filters = {"requestId": request_id, "firewallId": firewall_id}
        models = _firewall_models()
        return self._items("retrieveFirewallAuditsList", models.ListFirewallAuditResponse, filters)

    # Domains -----------------------------------------------------------------------------

    def order_domain(self, order: dm.DomainCreateRequest, *, request_id: str) -> dm.DomainResponse:
        """Registers (no auth code) or transfers in a domain. A purchase: never retried."""
        body = self._call("orderDomain", body=order, request_id=request_id)
        return _bought(_domain_models().DomainCreateResponse, body, request_id)

    def get_domain(self, domain: str) -> dm.DomainResponse:
        return _first(
            _domain_models().DomainFindResponse, self._call("retrieveDomain", domain=domain)
        )

    def list_domains(
        self, *, sld: str | None = None, tld: str | None = None, status: str | None = None
    ) -> Iterator[dm.DomainResponse]:
        filters = {"sld": sld, "tld": tld, "status": status}
        return self._items("listDomains", _domain_models().DomainsListResponse, filters)

    def update_domain(self, domain: str, change: dm.DomainPatchRequest) -> dm.DomainResponse:
        body = self._call("updateDomain", body=change, domain=domain)
        return _first(_domain_models().DomainPatchResponse, body)

    def cancel_domain(self, domain: str, *, cancel_date: datetime | None = None) -> dm.DomainCancel:
        models = _domain_models()
        request = models.CancelDomainRequest(cancel_date=cancel_date)
        body = self._call("cancelDomain", body=request, domain=domain)
        return _first(models.DomainCancelResponse, body)

    def revoke_domain_cancellation(self, domain: str) -> None:
        self._call("revokeCancelDomain", domain=domain)

    def generate_auth_code(self, domain: str) -> dm.DomainAuthCodeResponse:
        body = self._call("getAuthCode", domain=domain)
        return _first(_domain_models().DomainAuthCodeRegenerateResponse, body)

    def confirm_transfer_out(self, domain: str) -> None:
        self._call("confirmDomainTransferOut", domain=domain)

    def revoke_transfer_out(self, domain: str) -> None:
        self._call("revokeDomainTransferOut", domain=domain)

    def domain_available(self, domain: str) -> bool:
        """Contabo answers 204 (free) or 404 (taken)."""
        try:
            self._call("validateDomainAvailability", domain=domain)
        except NotFound:
            return False
        return True

    def list_pending_domain_actions(self) -> list[dm.DomainPendingActionResponse]:
        body = self._call("listPendingActions")
        return list(_domain_models().DomainPendingActionsListResponse.model_validate(body).data)

    def domain_audits(
        self, *, request_id: str | None = None, domain: str | None = None
    ) -> Iterator[dm.DomainAuditResponseData]:
        filters = {"requestId": request_id, "domain": domain}
        return self._items(
            "retrieveDomainsAuditsList", _domain_models().DomainAuditResponse, filters
        )

    # Contact handles ---------------------------------------------------------------------

    def create_handle(self, handle: dm.HandleCreateRequest) -> dm.HandleResponse:
        body = self._call("createHandle", body=handle)
        return _first(_domain_models().HandleCreateResponse, body)

    def get_handle(self, handle_id: str) -> dm.HandleResponse:
        body = self._call("retrieveHandle", handleId=handle_id)
        return _first(_domain_models().HandleFindResponse, body)

    def list_handles(self, *, search: str | None = None) -> Iterator[dm.HandleResponse]:
        return self._items("listHandles", _domain_models().HandleListResponse, {"search": search})

    def update_handle(self, handle_id: str, change: dm.HandlePatchRequest) -> dm.HandleResponse:
        body = self._call("updateHandle", body=change, handleId=handle_id)
        return _first(_domain_models().HandlePatchResponse, body)

    def remove_handle(self, handle_id: str) -> None:
        self._call("removeHandle", handleId=handle_id)

    def handle_audits(
        self, *, request_id: str | None = None, handle_id: str | None = None
    ) -> Iterator[dm.HandleAuditResponseData]:
        filters = {"requestId": request_id, "handleId": handle_id}
        return self._items(
            "retrieveHandlesAuditsList", _domain_models().HandleAuditResponse, filters
        )

    # DNS zones ---------------------------------------------------------------------------

    def create_dns_zone(self, zone_name: str) -> dm.DnsZoneResponse:
        models = _domain_models()
        body = self._call("createDnsZone", body=models.CreateDnsZoneRequest(zone_name=zone_name))
        return _first(models.ApiDnsZoneResponse, body)

    def get_dns_zone(self, zone_name: str) -> dict[str, Any]:
        """The spec declares no schema for this answer: its ``data[0]`` as sent."""
        body = self._call("retrieveDnsZone", zoneName=zone_name) or {}
        return dict((body.get("data") or [{}])[0])

    def list_dns_zones(self, *, zone_name: str | None = None) -> Iterator[dm.DnsZoneResponse]:
        filters = {"zoneName": zone_name}
        return self._items("retrieveDnsZonesList", _domain_models().ListDnsZonesResponse, filters)

    def delete_dns_zone(self, zone_name: str) -> None:
        self._call("deleteDnsZone", zoneName=zone_name)

    def list_dns_records(
        self, zone_name: str, *, search: str | None = None
    ) -> Iterator[dm.DnsZoneRecordResponse]:
        return self._items(
            "retrieveDnsZoneRecordsList",
            _domain_models().ListDnsZoneRecordsResponse,
            {"search": search},
            zoneName=zone_name,
        )

    def create_dns_record(
        self, zone_name: str, record: dm.CreateDnsZoneRecordRequest
    ) -> dm.DnsZoneRecordResponse:
        body = self._call("createDnsZoneRecord", body=record, zoneName=zone_name)
        return _first(_domain_models().ApiDnsZoneRecordResponse, body)

    def update_dns_record(
        self, zone_name: str, record_id: int, change: dm.UpdateDnsZoneRecordRequest
    ) -> dm.DnsZoneRecordResponse:
        body = self._call(
            "updateDnsZoneRecord", body=change, zoneName=zone_name, recordId=record_id
        )
        return _first(_domain_models().ApiDnsZoneRecordResponse, body)

    def delete_dns_record(self, zone_name: str, record_id: int) -> None:
        self._call("deleteDnsZoneRecord", zoneName=zone_name, recordId=record_id)

    def bulk_delete_dns_records(self, zone_name: str, record_ids: list[int]) -> list[int]:
        """Deletes the records; returns the ids Contabo could not delete."""
        models = _domain_models()
        request = models.BulkDeleteDnsZoneRecordsRequest(record_ids=record_ids)
        body = self._call("bulkDeleteDnsZoneRecords", body=request, zoneName=zone_name)
        return [int(i) for i in _first(models.ApiBulkDeleteDnsZoneRecordsResponse, body).failed_ids]

    def dns_zone_audits(
        self, *, request_id: str | None = None, name: str | None = None
    ) -> Iterator[dm.ZoneAuditResponseData]:
        filters = {"requestId": request_id, "name": name}
        return self._items("retrieveDnsAuditsList", _domain_models().ZoneAuditResponse, filters)

    def dns_record_audits(
        self, *, request_id: str | None = None, record_id: int | None = None
    ) -> Iterator[dm.RecordAuditResponseData]:
        filters = {"requestId": request_id, "recordId": record_id}
        return self._items(
            "retrieveRecordAuditsList", _domain_models().RecordAuditResponse, filters
        )

    # Helpers -----------------------------------------------------------------------------

    def _call(
        self,
        operation_id: str,
        *,
        body: Any = None,
        request_id: str | None = None,
        **path_params: Any,
    ) -> dict[str, Any] | None:
        return self._transport.call(
            OPERATIONS[operation_id],
            self.context,
            path_params=path_params,
            body=body,
            request_id=request_id,
        )

    def first_item(self, operation_id: str, envelope: type[Any]) -> Any | None:
        """A list's first item (None when empty) from a one-item page: proves the credentials
        may read the list without fetching and validating a page of a hundred."""
        body = self._transport.call(
            OPERATIONS[operation_id], self.context, params={"page": 1, "size": 1}
        )
        items = envelope.model_validate(body).data if body else []
        return items[0] if items else None

    def _items(
        self,
        operation_id: str,
        envelope: type[Any],
        filters: dict[str, Any],
        **path_params: Any,
    ) -> Iterator[Any]:
        pages = self._transport.pages(
            OPERATIONS[operation_id], self.context, path_params=path_params, params=filters
        )
        for page in pages:
            yield from envelope.model_validate(page).data


class _RegionChange(gm.ContaboModel):
    """RegionChangeRequest of the 2026-08 spec (no generated model: that copy is not trimmed)."""

    region: str
    method: str


def _first(envelope: type[Any], body: dict[str, Any] | None) -> Any:
    """Contabo's ``data`` is always an array; single-object calls answer ``data[0]``.

    A success answer without its object is a broken answer, not a 404: only Contabo's 404
    may say a resource is gone (status sync and terminate act on NotFound)."""
    data = envelope.model_validate(body or {"data": []}).data if body else []
    if not data:
        raise ContaboUnavailable(
            "The hosting platform answered without the expected object; please try again shortly.",
            request_id="-",
            message_code="provider_unreadable_answer",
        )
    return data[0]


def _bought(envelope: type[Any], body: dict[str, Any] | None, request_id: str) -> Any:
    """A purchase's ``data[0]``. Contabo said yes (2xx), so an answer we cannot read is a
    purchase with an unknown outcome, never a refusal: it is reconciled by request id."""
    try:
        data = envelope.model_validate(body).data if body else []
    except ValueError:  # pydantic's ValidationError
        data = []
    if not data:
        raise PurchaseOutcomeUnknown(
            "The hosting platform accepted the purchase but its answer could not be read; "
            "whether it was made is being checked.",
            request_id=request_id,
        )
    return data[0]


def _new_id() -> str:
    return str(uuid.uuid4())
