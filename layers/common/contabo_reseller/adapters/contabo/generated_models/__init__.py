# Generated from docs/contabo/openapi.json by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
"""The generated models, one submodule per set of operations that needs them.

A model's submodule (and the siblings it imports) loads on its first access, so a cold call
loads only the models of the operations it makes. Split by scripts/split_contabo_models.py.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from contabo_reseller.adapters.contabo.model_base import ContaboModel as ContaboModel

if TYPE_CHECKING:
    from ._action import Action as Action
    from ._action5 import Action5 as Action5
    from ._action7 import Action7 as Action7
    from ._add_on_response import AddOnResponse as AddOnResponse, InstanceStatus as InstanceStatus
    from ._api_ptr_record_response import ApiPtrRecordResponse as ApiPtrRecordResponse
    from ._assign_instance_private_network_response import (
        AssignInstancePrivateNetworkResponse as AssignInstancePrivateNetworkResponse,
    )
    from ._assign_vip_response import AssignVipResponse as AssignVipResponse
    from ._assignment_response import AssignmentResponse as AssignmentResponse
    from ._auto_scaling_type_response import (
        AutoScalingTypeResponse as AutoScalingTypeResponse,
        State1 as State1,
    )
    from ._cancel_instance_request import (
        CancelInstanceRequest as CancelInstanceRequest,
        CancelInstanceResponse as CancelInstanceResponse,
        CancelInstanceResponseData as CancelInstanceResponseData,
    )
    from ._cancel_object_storage_request import (
        CancelObjectStorageRequest as CancelObjectStorageRequest,
    )
    from ._cancel_object_storage_response import (
        CancelObjectStorageResponse as CancelObjectStorageResponse,
        CancelObjectStorageResponseData as CancelObjectStorageResponseData,
    )
    from ._create_assignment_response import CreateAssignmentResponse as CreateAssignmentResponse
    from ._create_custom_image_fail_response import (
        CreateCustomImageFailResponse as CreateCustomImageFailResponse,
        CreateCustomImageRequest as CreateCustomImageRequest,
        CreateCustomImageResponse as CreateCustomImageResponse,
        CreateCustomImageResponseData as CreateCustomImageResponseData,
        OsType as OsType,
    )
    from ._create_instance_request import (
        AddOnRequest as AddOnRequest,
        CreateInstanceAddons as CreateInstanceAddons,
        CreateInstanceRequest as CreateInstanceRequest,
        CreateInstanceResponse as CreateInstanceResponse,
        CreateInstanceResponseData as CreateInstanceResponseData,
        ExtraStorageRequest as ExtraStorageRequest,
        License as License,
        Region as Region,
    )
    from ._create_object_storage_request import (
        AutoScalingTypeRequest as AutoScalingTypeRequest,
        CreateObjectStorageRequest as CreateObjectStorageRequest,
        CreateObjectStorageResponse as CreateObjectStorageResponse,
        CreateObjectStorageResponseData as CreateObjectStorageResponseData,
        State as State,
        Status as Status,
    )
    from ._create_private_network_request import (
        CreatePrivateNetworkRequest as CreatePrivateNetworkRequest,
        CreatePrivateNetworkResponse as CreatePrivateNetworkResponse,
    )
    from ._create_ptr_record_request import CreatePtrRecordRequest as CreatePtrRecordRequest
    from ._create_secret_request import (
        CreateSecretRequest as CreateSecretRequest,
        CreateSecretResponse as CreateSecretResponse,
        Type as Type,
    )
    from ._create_snapshot_request import (
        CreateSnapshotRequest as CreateSnapshotRequest,
        CreateSnapshotResponse as CreateSnapshotResponse,
    )
    from ._create_tag_request import (
        CreateTagRequest as CreateTagRequest,
        CreateTagResponse as CreateTagResponse,
        CreateTagResponseData as CreateTagResponseData,
    )
    from ._create_user_request import (
        CreateUserRequest as CreateUserRequest,
        CreateUserResponse as CreateUserResponse,
        CreateUserResponseData as CreateUserResponseData,
    )
    from ._credential_data import CredentialData as CredentialData
    from ._custom_images_stats_response import (
        CustomImagesStatsResponse as CustomImagesStatsResponse,
        CustomImagesStatsResponseData as CustomImagesStatsResponseData,
    )
    from ._default_user import DefaultUser as DefaultUser
    from ._find_assignment_response import FindAssignmentResponse as FindAssignmentResponse
    from ._find_client_response import (
        ClientResponse as ClientResponse,
        FindClientResponse as FindClientResponse,
    )
    from ._find_credential_response import FindCredentialResponse as FindCredentialResponse
    from ._find_image_response import (
        FindImageResponse as FindImageResponse,
        ImageResponse as ImageResponse,
    )
    from ._find_instance_response import (
        FindInstanceResponse as FindInstanceResponse,
        InstanceResponse as InstanceResponse,
    )
    from ._find_object_storage_response import (
        FindObjectStorageResponse as FindObjectStorageResponse,
    )
    from ._find_private_network_response import (
        FindPrivateNetworkResponse as FindPrivateNetworkResponse,
    )
    from ._find_secret_response import FindSecretResponse as FindSecretResponse
    from ._find_snapshot_response import FindSnapshotResponse as FindSnapshotResponse
    from ._find_tag_response import FindTagResponse as FindTagResponse
    from ._find_user_response import FindUserResponse as FindUserResponse
    from ._find_vip_response import FindVipResponse as FindVipResponse
    from ._format import Format as Format
    from ._instance_assignment_self_links import (
        InstanceAssignmentSelfLinks as InstanceAssignmentSelfLinks,
    )
    from ._instance_restart_action_response import (
        InstanceRestartActionResponse as InstanceRestartActionResponse,
        InstanceRestartActionResponseData as InstanceRestartActionResponseData,
    )
    from ._instance_shutdown_action_response import (
        InstanceShutdownActionResponse as InstanceShutdownActionResponse,
        InstanceShutdownActionResponseData as InstanceShutdownActionResponseData,
    )
    from ._instance_start_action_response import (
        InstanceStartActionResponse as InstanceStartActionResponse,
        InstanceStartActionResponseData as InstanceStartActionResponseData,
    )
    from ._instance_stop_action_response import (
        InstanceStopActionResponse as InstanceStopActionResponse,
        InstanceStopActionResponseData as InstanceStopActionResponseData,
    )
    from ._instances import (
        Instances as Instances,
        IpConfig as IpConfig,
        IpV41 as IpV41,
        PrivateIpConfig as PrivateIpConfig,
        Status1 as Status1,
    )
    from ._instances_actions_rescue_request import (
        InstanceRescueActionResponse as InstanceRescueActionResponse,
        InstanceRescueActionResponseData as InstanceRescueActionResponseData,
        InstancesActionsRescueRequest as InstancesActionsRescueRequest,
    )
    from ._instances_reset_password_actions_request import (
        InstanceResetPasswordActionResponse as InstanceResetPasswordActionResponse,
        InstanceResetPasswordActionResponseData as InstanceResetPasswordActionResponseData,
        InstancesResetPasswordActionsRequest as InstancesResetPasswordActionsRequest,
    )
    from ._ip_v4 import IpV4 as IpV4, IpVersion as IpVersion, ResourceType as ResourceType
    from ._ip_v6 import IpV6 as IpV6
    from ._links import Links as Links
    from ._list_assignment_response import ListAssignmentResponse as ListAssignmentResponse
    from ._list_credential_response import ListCredentialResponse as ListCredentialResponse
    from ._list_data_center_response import (
        Capability as Capability,
        DataCenterResponse as DataCenterResponse,
        ListDataCenterResponse as ListDataCenterResponse,
    )
    from ._list_image_response import (
        AssignedTagResponse as AssignedTagResponse,
        ListImageResponse as ListImageResponse,
        ListImageResponseData as ListImageResponseData,
    )
    from ._list_instances_actions_audit_response import (
        InstancesActionsAuditResponse as InstancesActionsAuditResponse,
        ListInstancesActionsAuditResponse as ListInstancesActionsAuditResponse,
    )
    from ._list_instances_audit_response import (
        InstancesAuditResponse as InstancesAuditResponse,
        ListInstancesAuditResponse as ListInstancesAuditResponse,
    )
    from ._list_instances_response import (
        ListInstancesResponse as ListInstancesResponse,
        ListInstancesResponseData as ListInstancesResponseData,
    )
    from ._list_object_storage_audit_response import (
        ListObjectStorageAuditResponse as ListObjectStorageAuditResponse,
        ObjectStorageAuditResponse as ObjectStorageAuditResponse,
    )
    from ._list_object_storage_response import (
        ListObjectStorageResponse as ListObjectStorageResponse,
    )
    from ._list_private_network_audit_response import (
        Action4 as Action4,
        ListPrivateNetworkAuditResponse as ListPrivateNetworkAuditResponse,
        PrivateNetworkAuditResponse as PrivateNetworkAuditResponse,
    )
    from ._list_private_network_response import (
        ListPrivateNetworkResponse as ListPrivateNetworkResponse,
        ListPrivateNetworkResponseData as ListPrivateNetworkResponseData,
    )
    from ._list_ptr_records_response import ListPtrRecordsResponse as ListPtrRecordsResponse
    from ._list_role_response import ListRoleResponse as ListRoleResponse
    from ._list_secret_audit_response import (
        ListSecretAuditResponse as ListSecretAuditResponse,
        SecretAuditResponse as SecretAuditResponse,
    )
    from ._list_secret_response import ListSecretResponse as ListSecretResponse
    from ._list_snapshot_response import ListSnapshotResponse as ListSnapshotResponse
    from ._list_snapshots_audit_response import (
        ListSnapshotsAuditResponse as ListSnapshotsAuditResponse,
        SnapshotsAuditResponse as SnapshotsAuditResponse,
    )
    from ._list_tag_audits_response import (
        ListTagAuditsResponse as ListTagAuditsResponse,
        TagAuditResponse as TagAuditResponse,
    )
    from ._list_tag_response import ListTagResponse as ListTagResponse
    from ._list_user_response import ListUserResponse as ListUserResponse
    from ._list_vip_audit_response import (
        ListVipAuditResponse as ListVipAuditResponse,
        VipAuditResponse as VipAuditResponse,
    )
    from ._list_vip_response import (
        ListVipResponse as ListVipResponse,
        ListVipResponseData as ListVipResponseData,
        Type1 as Type1,
    )
    from ._locale import Locale as Locale
    from ._object_storage_response import ObjectStorageResponse as ObjectStorageResponse
    from ._object_storages_stats_response import (
        ObjectStoragesStatsResponse as ObjectStoragesStatsResponse,
        ObjectStoragesStatsResponseData as ObjectStoragesStatsResponseData,
    )
    from ._pagination_meta import PaginationMeta as PaginationMeta
    from ._patch_instance_request import PatchInstanceRequest as PatchInstanceRequest
    from ._patch_instance_response import (
        PatchInstanceResponse as PatchInstanceResponse,
        PatchInstanceResponseData as PatchInstanceResponseData,
    )
    from ._patch_object_storage_request import (
        PatchObjectStorageRequest as PatchObjectStorageRequest,
    )
    from ._patch_private_network_request import (
        PatchPrivateNetworkRequest as PatchPrivateNetworkRequest,
        PatchPrivateNetworkResponse as PatchPrivateNetworkResponse,
    )
    from ._private_network_response import PrivateNetworkResponse as PrivateNetworkResponse
    from ._product_type import (
        AdditionalIp as AdditionalIp,
        IpConfig1 as IpConfig1,
        IpV42 as IpV42,
        ProductType as ProductType,
    )
    from ._ptr_record_response import PtrRecordResponse as PtrRecordResponse
    from ._reinstall_instance_request import (
        ReinstallInstanceRequest as ReinstallInstanceRequest,
        ReinstallInstanceResponse as ReinstallInstanceResponse,
        ReinstallInstanceResponseData as ReinstallInstanceResponseData,
    )
    from ._role_response import (
        Action3 as Action3,
        PermissionResponse as PermissionResponse,
        ResourcePermissionsResponse as ResourcePermissionsResponse,
        RoleResponse as RoleResponse,
    )
    from ._rollback_snapshot_request import (
        RollbackSnapshotRequest as RollbackSnapshotRequest,
        RollbackSnapshotResponse as RollbackSnapshotResponse,
    )
    from ._secret_response import SecretResponse as SecretResponse, Type2 as Type2
    from ._self_links import SelfLinks as SelfLinks
    from ._snapshot_response import SnapshotResponse as SnapshotResponse
    from ._status2 import Status2 as Status2
    from ._tag_assignment_self_links import TagAssignmentSelfLinks as TagAssignmentSelfLinks
    from ._tag_response import TagResponse as TagResponse
    from ._tenant_id import TenantId as TenantId
    from ._unassign_instance_private_network_response import (
        UnassignInstancePrivateNetworkResponse as UnassignInstancePrivateNetworkResponse,
    )
    from ._update_custom_image_request import (
        UpdateCustomImageRequest as UpdateCustomImageRequest,
        UpdateCustomImageResponse as UpdateCustomImageResponse,
        UpdateCustomImageResponseData as UpdateCustomImageResponseData,
    )
    from ._update_ptr_record_request import UpdatePtrRecordRequest as UpdatePtrRecordRequest
    from ._update_secret_request import (
        UpdateSecretRequest as UpdateSecretRequest,
        UpdateSecretResponse as UpdateSecretResponse,
    )
    from ._update_snapshot_request import (
        UpdateSnapshotRequest as UpdateSnapshotRequest,
        UpdateSnapshotResponse as UpdateSnapshotResponse,
    )
    from ._update_tag_request import (
        UpdateTagRequest as UpdateTagRequest,
        UpdateTagResponse as UpdateTagResponse,
    )
    from ._update_user_request import (
        UpdateUserRequest as UpdateUserRequest,
        UpdateUserResponse as UpdateUserResponse,
    )
    from ._upgrade_instance_request import (
        Backup as Backup,
        PrivateNetworkingUpgradeRequest as PrivateNetworkingUpgradeRequest,
        UpgradeInstanceRequest as UpgradeInstanceRequest,
    )
    from ._upgrade_object_storage_request import (
        State2 as State2,
        UpgradeAutoScalingType as UpgradeAutoScalingType,
        UpgradeObjectStorageRequest as UpgradeObjectStorageRequest,
        UpgradeObjectStorageResponse as UpgradeObjectStorageResponse,
        UpgradeObjectStorageResponseData as UpgradeObjectStorageResponseData,
    )
    from ._user_response import UserResponse as UserResponse
    from ._vip_response import Type3 as Type3, VipResponse as VipResponse

# Each model and the submodule defining it, in the generator's order.
_SUBMODULES: dict[str, str] = {
    "AddOnRequest": "_create_instance_request",
    "Region": "_create_instance_request",
    "License": "_create_instance_request",
    "ExtraStorageRequest": "_create_instance_request",
    "CreateInstanceAddons": "_create_instance_request",
    "CreateInstanceRequest": "_create_instance_request",
    "CreateInstanceResponseData": "_create_instance_request",
    "CreateInstanceResponse": "_create_instance_request",
    "AddOnResponse": "_add_on_response",
    "InstanceStatus": "_add_on_response",
    "AssignedTagResponse": "_list_image_response",
    "ListImageResponseData": "_list_image_response",
    "ListImageResponse": "_list_image_response",
    "AssignmentResponse": "_assignment_response",
    "State": "_create_object_storage_request",
    "AutoScalingTypeRequest": "_create_object_storage_request",
    "CreateObjectStorageRequest": "_create_object_storage_request",
    "Status": "_create_object_storage_request",
    "CreateObjectStorageResponseData": "_create_object_storage_request",
    "CreateObjectStorageResponse": "_create_object_storage_request",
    "State1": "_auto_scaling_type_response",
    "AutoScalingTypeResponse": "_auto_scaling_type_response",
    "Backup": "_upgrade_instance_request",
    "PrivateNetworkingUpgradeRequest": "_upgrade_instance_request",
    "UpgradeInstanceRequest": "_upgrade_instance_request",
    "CancelInstanceRequest": "_cancel_instance_request",
    "CancelInstanceResponseData": "_cancel_instance_request",
    "CancelInstanceResponse": "_cancel_instance_request",
    "CancelObjectStorageRequest": "_cancel_object_storage_request",
    "CancelObjectStorageResponseData": "_cancel_object_storage_response",
    "CancelObjectStorageResponse": "_cancel_object_storage_response",
    "ClientResponse": "_find_client_response",
    "FindClientResponse": "_find_client_response",
    "CreateCustomImageFailResponse": "_create_custom_image_fail_response",
    "OsType": "_create_custom_image_fail_response",
    "CreateCustomImageRequest": "_create_custom_image_fail_response",
    "CreateCustomImageResponseData": "_create_custom_image_fail_response",
    "CreateCustomImageResponse": "_create_custom_image_fail_response",
    "DefaultUser": "_default_user",
    "CreatePrivateNetworkRequest": "_create_private_network_request",
    "CreatePrivateNetworkResponse": "_create_private_network_request",
    "CreatePtrRecordRequest": "_create_ptr_record_request",
    "Type": "_create_secret_request",
    "CreateSecretRequest": "_create_secret_request",
    "CreateSecretResponse": "_create_secret_request",
    "CreateSnapshotRequest": "_create_snapshot_request",
    "CreateSnapshotResponse": "_create_snapshot_request",
    "CreateTagRequest": "_create_tag_request",
    "CreateTagResponseData": "_create_tag_request",
    "CreateTagResponse": "_create_tag_request",
    "Locale": "_locale",
    "CreateUserRequest": "_create_user_request",
    "CreateUserResponseData": "_create_user_request",
    "CreateUserResponse": "_create_user_request",
    "CredentialData": "_credential_data",
    "CustomImagesStatsResponseData": "_custom_images_stats_response",
    "CustomImagesStatsResponse": "_custom_images_stats_response",
    "Capability": "_list_data_center_response",
    "DataCenterResponse": "_list_data_center_response",
    "ListDataCenterResponse": "_list_data_center_response",
    "TenantId": "_tenant_id",
    "Format": "_format",
    "ImageResponse": "_find_image_response",
    "FindImageResponse": "_find_image_response",
    "InstanceAssignmentSelfLinks": "_instance_assignment_self_links",
    "InstanceRescueActionResponseData": "_instances_actions_rescue_request",
    "InstancesActionsRescueRequest": "_instances_actions_rescue_request",
    "InstanceRescueActionResponse": "_instances_actions_rescue_request",
    "InstanceResetPasswordActionResponseData": "_instances_reset_password_actions_request",
    "InstancesResetPasswordActionsRequest": "_instances_reset_password_actions_request",
    "InstanceResetPasswordActionResponse": "_instances_reset_password_actions_request",
    "ProductType": "_product_type",
    "IpV42": "_product_type",
    "AdditionalIp": "_product_type",
    "IpConfig1": "_product_type",
    "InstanceRestartActionResponseData": "_instance_restart_action_response",
    "InstanceRestartActionResponse": "_instance_restart_action_response",
    "InstanceShutdownActionResponseData": "_instance_shutdown_action_response",
    "InstanceShutdownActionResponse": "_instance_shutdown_action_response",
    "InstanceStartActionResponseData": "_instance_start_action_response",
    "InstanceStartActionResponse": "_instance_start_action_response",
    "InstanceStopActionResponseData": "_instance_stop_action_response",
    "InstanceStopActionResponse": "_instance_stop_action_response",
    "Status1": "_instances",
    "IpV41": "_instances",
    "PrivateIpConfig": "_instances",
    "IpConfig": "_instances",
    "Instances": "_instances",
    "Action": "_action",
    "InstancesActionsAuditResponse": "_list_instances_actions_audit_response",
    "ListInstancesActionsAuditResponse": "_list_instances_actions_audit_response",
    "InstancesAuditResponse": "_list_instances_audit_response",
    "ListInstancesAuditResponse": "_list_instances_audit_response",
    "IpV4": "_ip_v4",
    "ResourceType": "_ip_v4",
    "IpVersion": "_ip_v4",
    "IpV6": "_ip_v6",
    "Links": "_links",
    "Type1": "_list_vip_response",
    "ListVipResponseData": "_list_vip_response",
    "ListVipResponse": "_list_vip_response",
    "ObjectStorageAuditResponse": "_list_object_storage_audit_response",
    "ListObjectStorageAuditResponse": "_list_object_storage_audit_response",
    "Status2": "_status2",
    "ObjectStorageResponse": "_object_storage_response",
    "ObjectStoragesStatsResponseData": "_object_storages_stats_response",
    "ObjectStoragesStatsResponse": "_object_storages_stats_response",
    "PaginationMeta": "_pagination_meta",
    "PatchInstanceRequest": "_patch_instance_request",
    "PatchInstanceResponseData": "_patch_instance_response",
    "PatchInstanceResponse": "_patch_instance_response",
    "PatchObjectStorageRequest": "_patch_object_storage_request",
    "PatchPrivateNetworkRequest": "_patch_private_network_request",
    "PatchPrivateNetworkResponse": "_patch_private_network_request",
    "Action3": "_role_response",
    "ResourcePermissionsResponse": "_role_response",
    "PermissionResponse": "_role_response",
    "RoleResponse": "_role_response",
    "Action4": "_list_private_network_audit_response",
    "PrivateNetworkAuditResponse": "_list_private_network_audit_response",
    "ListPrivateNetworkAuditResponse": "_list_private_network_audit_response",
    "PtrRecordResponse": "_ptr_record_response",
    "ReinstallInstanceRequest": "_reinstall_instance_request",
    "ReinstallInstanceResponseData": "_reinstall_instance_request",
    "ReinstallInstanceResponse": "_reinstall_instance_request",
    "RollbackSnapshotRequest": "_rollback_snapshot_request",
    "RollbackSnapshotResponse": "_rollback_snapshot_request",
    "Action5": "_action5",
    "SecretAuditResponse": "_list_secret_audit_response",
    "ListSecretAuditResponse": "_list_secret_audit_response",
    "Type2": "_secret_response",
    "SecretResponse": "_secret_response",
    "SelfLinks": "_self_links",
    "SnapshotResponse": "_snapshot_response",
    "SnapshotsAuditResponse": "_list_snapshots_audit_response",
    "ListSnapshotsAuditResponse": "_list_snapshots_audit_response",
    "TagAssignmentSelfLinks": "_tag_assignment_self_links",
    "Action7": "_action7",
    "TagAuditResponse": "_list_tag_audits_response",
    "ListTagAuditsResponse": "_list_tag_audits_response",
    "TagResponse": "_tag_response",
    "UnassignInstancePrivateNetworkResponse": "_unassign_instance_private_network_response",
    "UpdateCustomImageRequest": "_update_custom_image_request",
    "UpdateCustomImageResponseData": "_update_custom_image_request",
    "UpdateCustomImageResponse": "_update_custom_image_request",
    "UpdatePtrRecordRequest": "_update_ptr_record_request",
    "UpdateSecretRequest": "_update_secret_request",
    "UpdateSecretResponse": "_update_secret_request",
    "UpdateSnapshotRequest": "_update_snapshot_request",
    "UpdateSnapshotResponse": "_update_snapshot_request",
    "UpdateTagRequest": "_update_tag_request",
    "UpdateTagResponse": "_update_tag_request",
    "UpdateUserRequest": "_update_user_request",
    "UpdateUserResponse": "_update_user_request",
    "State2": "_upgrade_object_storage_request",
    "UpgradeAutoScalingType": "_upgrade_object_storage_request",
    "UpgradeObjectStorageRequest": "_upgrade_object_storage_request",
    "UpgradeObjectStorageResponseData": "_upgrade_object_storage_request",
    "UpgradeObjectStorageResponse": "_upgrade_object_storage_request",
    "VipAuditResponse": "_list_vip_audit_response",
    "ListVipAuditResponse": "_list_vip_audit_response",
    "Type3": "_vip_response",
    "VipResponse": "_vip_response",
    "ApiPtrRecordResponse": "_api_ptr_record_response",
    "AssignInstancePrivateNetworkResponse": "_assign_instance_private_network_response",
    "AssignVipResponse": "_assign_vip_response",
    "CreateAssignmentResponse": "_create_assignment_response",
    "FindAssignmentResponse": "_find_assignment_response",
    "FindCredentialResponse": "_find_credential_response",
    "FindObjectStorageResponse": "_find_object_storage_response",
    "FindSecretResponse": "_find_secret_response",
    "FindSnapshotResponse": "_find_snapshot_response",
    "FindTagResponse": "_find_tag_response",
    "FindVipResponse": "_find_vip_response",
    "ListAssignmentResponse": "_list_assignment_response",
    "ListCredentialResponse": "_list_credential_response",
    "ListInstancesResponseData": "_list_instances_response",
    "ListInstancesResponse": "_list_instances_response",
    "ListObjectStorageResponse": "_list_object_storage_response",
    "ListPtrRecordsResponse": "_list_ptr_records_response",
    "ListSecretResponse": "_list_secret_response",
    "ListSnapshotResponse": "_list_snapshot_response",
    "ListTagResponse": "_list_tag_response",
    "UserResponse": "_user_response",
    "FindUserResponse": "_find_user_response",
    "InstanceResponse": "_find_instance_response",
    "FindInstanceResponse": "_find_instance_response",
    "ListPrivateNetworkResponseData": "_list_private_network_response",
    "ListPrivateNetworkResponse": "_list_private_network_response",
    "ListRoleResponse": "_list_role_response",
    "ListUserResponse": "_list_user_response",
    "PrivateNetworkResponse": "_private_network_response",
    "FindPrivateNetworkResponse": "_find_private_network_response",
}

__all__ = ["ContaboModel", *_SUBMODULES]

if not TYPE_CHECKING:  # mypy reads the imports above; an unknown name stays an error there

    def __getattr__(name: str) -> type:
        submodule = _SUBMODULES.get(name)
        if submodule is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        model: type = getattr(import_module(f".{submodule}", __name__), name)
        globals()[name] = model
        return model


def __dir__() -> list[str]:
    return sorted({*globals(), *_SUBMODULES})
