# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
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
    from ._api_dns_zone_record_response import ApiDnsZoneRecordResponse as ApiDnsZoneRecordResponse
    from ._bulk_delete_dns_zone_records_request import (
        ApiBulkDeleteDnsZoneRecordsResponse as ApiBulkDeleteDnsZoneRecordsResponse,
        BulkDeleteDnsZoneRecordsRequest as BulkDeleteDnsZoneRecordsRequest,
        BulkDeleteResultResponse as BulkDeleteResultResponse,
    )
    from ._cancel_domain_request import (
        CancelDomainRequest as CancelDomainRequest,
        DomainCancel as DomainCancel,
        DomainCancelResponse as DomainCancelResponse,
        Reason as Reason,
    )
    from ._create_dns_zone_record_request import (
        CreateDnsZoneRecordRequest as CreateDnsZoneRecordRequest,
        Type as Type,
    )
    from ._create_dns_zone_request import (
        ApiDnsZoneResponse as ApiDnsZoneResponse,
        CreateDnsZoneRequest as CreateDnsZoneRequest,
    )
    from ._dns_zone_record_response import DnsZoneRecordResponse as DnsZoneRecordResponse
    from ._dns_zone_response import DnsZoneResponse as DnsZoneResponse
    from ._domain_audit_response import (
        DomainAuditResponse as DomainAuditResponse,
        DomainAuditResponseData as DomainAuditResponseData,
    )
    from ._domain_auth_code_regenerate_response import (
        ChangedAuthCode as ChangedAuthCode,
        DomainAuthCodeRegenerateResponse as DomainAuthCodeRegenerateResponse,
        DomainAuthCodeResponse as DomainAuthCodeResponse,
    )
    from ._domain_create_request import (
        DomainCreateRequest as DomainCreateRequest,
        DomainCreateResponse as DomainCreateResponse,
        ResourceType as ResourceType,
    )
    from ._domain_find_response import DomainFindResponse as DomainFindResponse
    from ._domain_patch_request import (
        DomainPatchRequest as DomainPatchRequest,
        DomainPatchResponse as DomainPatchResponse,
    )
    from ._domain_pending_actions_list_response import (
        DomainPendingActionResponse as DomainPendingActionResponse,
        DomainPendingActionsListResponse as DomainPendingActionsListResponse,
    )
    from ._domain_response import DomainResponse as DomainResponse
    from ._domains_list_response import DomainsListResponse as DomainsListResponse
    from ._handle_audit_response import (
        HandleAuditResponse as HandleAuditResponse,
        HandleAuditResponseData as HandleAuditResponseData,
    )
    from ._handle_create_request import (
        HandleCreateRequest as HandleCreateRequest,
        HandleCreateResponse as HandleCreateResponse,
    )
    from ._handle_find_response import HandleFindResponse as HandleFindResponse
    from ._handle_list_response import HandleListResponse as HandleListResponse
    from ._handle_patch_request import (
        HandlePatchRequest as HandlePatchRequest,
        HandlePatchResponse as HandlePatchResponse,
    )
    from ._handle_response import (
        Gender as Gender,
        HandleAddress as HandleAddress,
        HandleBirthInfo as HandleBirthInfo,
        HandlePhone as HandlePhone,
        HandleResponse as HandleResponse,
        HandleType as HandleType,
    )
    from ._links import Links as Links, PaginationMeta as PaginationMeta
    from ._list_dns_zone_records_response import (
        ListDnsZoneRecordsResponse as ListDnsZoneRecordsResponse,
    )
    from ._list_dns_zones_response import ListDnsZonesResponse as ListDnsZonesResponse
    from ._nameserver import Nameserver as Nameserver
    from ._record_audit_response import (
        RecordAuditResponse as RecordAuditResponse,
        RecordAuditResponseData as RecordAuditResponseData,
    )
    from ._self_links import SelfLinks as SelfLinks
    from ._status import (
        DomainDetails as DomainDetails,
        DomainHandles as DomainHandles,
        Status as Status,
    )
    from ._update_dns_zone_record_request import (
        UpdateDnsZoneRecordRequest as UpdateDnsZoneRecordRequest,
    )
    from ._zone_audit_response import (
        ZoneAuditResponse as ZoneAuditResponse,
        ZoneAuditResponseData as ZoneAuditResponseData,
    )

# Each model and the submodule defining it, in the generator's order.
_SUBMODULES: dict[str, str] = {
    "BulkDeleteDnsZoneRecordsRequest": "_bulk_delete_dns_zone_records_request",
    "BulkDeleteResultResponse": "_bulk_delete_dns_zone_records_request",
    "ApiBulkDeleteDnsZoneRecordsResponse": "_bulk_delete_dns_zone_records_request",
    "Reason": "_cancel_domain_request",
    "CancelDomainRequest": "_cancel_domain_request",
    "DomainCancel": "_cancel_domain_request",
    "DomainCancelResponse": "_cancel_domain_request",
    "ChangedAuthCode": "_domain_auth_code_regenerate_response",
    "DomainAuthCodeResponse": "_domain_auth_code_regenerate_response",
    "DomainAuthCodeRegenerateResponse": "_domain_auth_code_regenerate_response",
    "Type": "_create_dns_zone_record_request",
    "CreateDnsZoneRecordRequest": "_create_dns_zone_record_request",
    "CreateDnsZoneRequest": "_create_dns_zone_request",
    "ApiDnsZoneResponse": "_create_dns_zone_request",
    "DnsZoneRecordResponse": "_dns_zone_record_response",
    "DnsZoneResponse": "_dns_zone_response",
    "Action": "_action",
    "DomainAuditResponseData": "_domain_audit_response",
    "DomainAuditResponse": "_domain_audit_response",
    "Status": "_status",
    "DomainDetails": "_status",
    "DomainHandles": "_status",
    "ResourceType": "_domain_create_request",
    "DomainCreateRequest": "_domain_create_request",
    "DomainCreateResponse": "_domain_create_request",
    "DomainPendingActionResponse": "_domain_pending_actions_list_response",
    "DomainPendingActionsListResponse": "_domain_pending_actions_list_response",
    "DomainResponse": "_domain_response",
    "HandleAddress": "_handle_response",
    "HandleBirthInfo": "_handle_response",
    "HandleType": "_handle_response",
    "Gender": "_handle_response",
    "HandlePhone": "_handle_response",
    "HandleResponse": "_handle_response",
    "HandleAuditResponseData": "_handle_audit_response",
    "HandleAuditResponse": "_handle_audit_response",
    "Links": "_links",
    "PaginationMeta": "_links",
    "Nameserver": "_nameserver",
    "RecordAuditResponseData": "_record_audit_response",
    "RecordAuditResponse": "_record_audit_response",
    "SelfLinks": "_self_links",
    "UpdateDnsZoneRecordRequest": "_update_dns_zone_record_request",
    "ZoneAuditResponseData": "_zone_audit_response",
    "ZoneAuditResponse": "_zone_audit_response",
    "ApiDnsZoneRecordResponse": "_api_dns_zone_record_response",
    "DomainFindResponse": "_domain_find_response",
    "DomainPatchRequest": "_domain_patch_request",
    "DomainPatchResponse": "_domain_patch_request",
    "DomainsListResponse": "_domains_list_response",
    "HandleCreateRequest": "_handle_create_request",
    "HandleCreateResponse": "_handle_create_request",
    "HandleFindResponse": "_handle_find_response",
    "HandleListResponse": "_handle_list_response",
    "HandlePatchRequest": "_handle_patch_request",
    "HandlePatchResponse": "_handle_patch_request",
    "ListDnsZoneRecordsResponse": "_list_dns_zone_records_response",
    "ListDnsZonesResponse": "_list_dns_zones_response",
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
