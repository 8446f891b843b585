# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
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
    from ._assign_instance_firewall_response import (
        AssignInstanceFirewallResponse as AssignInstanceFirewallResponse,
    )
    from ._create_firewall_request import (
        CreateFirewallRequest as CreateFirewallRequest,
        CreateFirewallResponse as CreateFirewallResponse,
    )
    from ._find_firewall_response import FindFirewallResponse as FindFirewallResponse
    from ._firewall_response import FirewallResponse as FirewallResponse
    from ._instance_assignment_self_links1 import (
        InstanceAssignmentSelfLinks1 as InstanceAssignmentSelfLinks1,
    )
    from ._instance_status_representation import (
        Action1 as Action1,
        FirewallRuleResponse as FirewallRuleResponse,
        InstanceDetails as InstanceDetails,
        InstanceStatusRepresentation as InstanceStatusRepresentation,
        IpConfig1 as IpConfig1,
        IpV42 as IpV42,
        IpV6 as IpV6,
        Protocol as Protocol,
        Rules as Rules,
        SrcCidr as SrcCidr,
        Status as Status,
        Status4 as Status4,
    )
    from ._links import Links as Links, PaginationMeta as PaginationMeta
    from ._list_firewall_audit_response import (
        Action as Action,
        FirewallAuditResponse as FirewallAuditResponse,
        ListFirewallAuditResponse as ListFirewallAuditResponse,
    )
    from ._list_firewall_response import (
        ListFirewallResponse as ListFirewallResponse,
        ListFirewallResponseData as ListFirewallResponseData,
    )
    from ._list_preset_rules_response import (
        ListPresetRulesResponse as ListPresetRulesResponse,
        PresetRulesResponse as PresetRulesResponse,
    )
    from ._patch_firewall_request import (
        PatchFirewallRequest as PatchFirewallRequest,
        PatchFirewallResponse as PatchFirewallResponse,
    )
    from ._put_firewall_request import (
        PutFirewallRequest as PutFirewallRequest,
        PutFirewallResponse as PutFirewallResponse,
    )
    from ._rules_request import (
        DestPort as DestPort,
        FirewallRuleRequest as FirewallRuleRequest,
        RulesRequest as RulesRequest,
    )
    from ._self_links import SelfLinks as SelfLinks
    from ._status5 import Status5 as Status5
    from ._unassign_instance_firewall_response import (
        UnassignInstanceFirewallResponse as UnassignInstanceFirewallResponse,
    )

# Each model and the submodule defining it, in the generator's order.
_SUBMODULES: dict[str, str] = {
    "Status": "_instance_status_representation",
    "Protocol": "_instance_status_representation",
    "Action1": "_instance_status_representation",
    "Status4": "_instance_status_representation",
    "InstanceStatusRepresentation": "_instance_status_representation",
    "IpV42": "_instance_status_representation",
    "IpV6": "_instance_status_representation",
    "SrcCidr": "_instance_status_representation",
    "FirewallRuleResponse": "_instance_status_representation",
    "IpConfig1": "_instance_status_representation",
    "Rules": "_instance_status_representation",
    "InstanceDetails": "_instance_status_representation",
    "Action": "_list_firewall_audit_response",
    "FirewallAuditResponse": "_list_firewall_audit_response",
    "ListFirewallAuditResponse": "_list_firewall_audit_response",
    "DestPort": "_rules_request",
    "FirewallRuleRequest": "_rules_request",
    "RulesRequest": "_rules_request",
    "InstanceAssignmentSelfLinks1": "_instance_assignment_self_links1",
    "Links": "_links",
    "PaginationMeta": "_links",
    "Status5": "_status5",
    "PatchFirewallRequest": "_patch_firewall_request",
    "PatchFirewallResponse": "_patch_firewall_request",
    "PresetRulesResponse": "_list_preset_rules_response",
    "ListPresetRulesResponse": "_list_preset_rules_response",
    "SelfLinks": "_self_links",
    "UnassignInstanceFirewallResponse": "_unassign_instance_firewall_response",
    "AssignInstanceFirewallResponse": "_assign_instance_firewall_response",
    "CreateFirewallRequest": "_create_firewall_request",
    "CreateFirewallResponse": "_create_firewall_request",
    "ListFirewallResponseData": "_list_firewall_response",
    "ListFirewallResponse": "_list_firewall_response",
    "PutFirewallRequest": "_put_firewall_request",
    "PutFirewallResponse": "_put_firewall_request",
    "FirewallResponse": "_firewall_response",
    "FindFirewallResponse": "_find_firewall_response",
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
