# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.

from __future__ import annotations

from enum import StrEnum
from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field, RootModel


class Status(StrEnum):
    active = "active"
    inactive = "inactive"


class Action(StrEnum):
    created = "CREATED"
    deleted = "DELETED"
    updated = "UPDATED"


class FirewallAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description="The identifier of the audit entry.", examples=[12345])
    firewall_id: str = Field(
        ...,
        alias="firewallId",
        description="The identifier of the Firewall",
        examples=["b943b25a-c8b5-4570-9135-4bbaa7615b81"],
    )
    action: Action = Field(..., description="Type of the action.", examples=["CREATED"])
    timestamp: AwareDatetime | None = Field(
        ...,
        description="When the change took place.",
        examples=["2021-03-30T11:35:06.177Z"],
    )
    tenant_id: str = Field(
        ...,
        alias="tenantId",
        description="Customer tenant id",
        examples=["DE"],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias="customerId",
        description="Customer number",
        examples=["54321"],
        min_length=1,
    )
    changed_by: str = Field(
        ..., alias="changedBy", description="User id", examples=["54321"], min_length=1
    )
    username: str = Field(..., description="User name which did the change.", examples=["John Doe"])
    request_id: str = Field(
        ...,
        alias="requestId",
        description="The requestId of the API call which led to the change.",
        examples=["A2F56FAF-18N0-4893-11HG-R312M1E4FEC5"],
    )
    trace_id: str = Field(
        ...,
        alias="traceId",
        description="The traceId of the API call which led to the change.",
        examples=["78E9A428-94E9-4A2A-92F5-26038C6884F"],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description="List of actual changes.",
        examples=[{"prev": {"name": "test"}, "new": {"name": "test1"}}],
    )


class Protocol(StrEnum):
    tcp = "tcp"
    udp = "udp"
    icmp = "icmp"
    field_ = ""


class DestPort(RootModel[str]):
    root: str = Field(..., max_length=15)


class Action1(StrEnum):
    accept = "accept"
    drop = "drop"


class InstanceAssignmentSelfLinks1(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description="Link to current resource.")
    firewall: str = Field(..., description="Link to related firewall.")
    instance: str = Field(..., description="Link to assigned instance.")


class Status4(StrEnum):
    ok = "ok"
    processing = "processing"
    deleting = "deleting"
    error_processing = "error_processing"
    error_deleting = "error_deleting"


class InstanceStatusRepresentation(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    instance_id: int = Field(
        ...,
        alias="instanceId",
        description="Instance id which is assigned to the firewall.",
        examples=[100],
    )
    status: Status4 = Field(
        ...,
        description="Instance status in firewall can be:<br/> `ok` - instance was successfully assigned <br/> `processing` -  creating firewall rules <br/> `deleting` - deleting firewall rules <br/> `error_processing` - error occurred while creating firewall rules <br/>  `error_deleting` - error occurred while deleting firewall rules",
        examples=["ok"],
    )
    error_message: str | None = Field(
        None,
        alias="errorMessage",
        description="More detailed error message in case of error status.",
        examples=["Failed to assign instance to firewall"],
    )


class IpV42(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description="IP Address", examples=["192.168.0.1"])
    netmask_cidr: int = Field(..., alias="netmaskCidr", description="Netmask CIDR", examples=[19])
    gateway: str = Field(..., description="Gateway", examples=["1.1.1.1"])


class IpV6(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description="IP Address", examples=[2895057742028])
    netmask_cidr: int = Field(..., alias="netmaskCidr", description="Netmask CIDR", examples=[64])
    gateway: str = Field(..., description="Gateway", examples=[2895057742028])


class Links(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description="Link to current resource.")
    first: str = Field(..., description="Link to first page, if applicable.")
    previous: str | None = Field(None, description="Link to previous page, if applicable.")
    next: str | None = Field(None, description="Link to next page, if applicable.")
    last: str = Field(..., description="Link to last page, if applicable.")


class Status5(StrEnum):
    active = "active"
    inactive = "inactive"


class PaginationMeta(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    size: float = Field(..., description="Number of elements per page.", examples=[10])
    total_elements: float = Field(
        ...,
        alias="totalElements",
        description="Number of overall matched elements.",
        examples=[100],
    )
    total_pages: float = Field(
        ..., alias="totalPages", description="Overall number of pages.", examples=[10]
    )
    page: float = Field(..., description="Current number of page.", examples=[1])


class PatchFirewallRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description="The name of the firewall",
        examples=["My Firewall"],
        max_length=255,
        min_length=1,
    )
    status: Status5 | None = Field(
        None,
        description="Active status of the firewall enables all rules, thus filtering traffic. Inactive status does not filter any traffic.",
        examples=["active"],
    )
    description: str | None = Field(
        None,
        description="The description of the firewall.",
        examples=["Allowing incoming HTTP traffic."],
    )


class PresetRulesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(..., description="Name of the preset rule", examples=["HTTPS"])
    macro: dict[str, Any] = Field(
        ...,
        description="Inbound rules options",
        examples=[
            '{\n      "inbound": [\n        {\n          "action": "accept",\n          "status": "active",\n          "srcCidr": {\n            "ipv4": [],\n            "ipv6": []\n          },\n          "protocol": "udp",\n          "destPorts": [\n            "53"\n          ]\n        }\n      ]\n    }'
        ],
    )


class SelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description="Link to current resource.")


class SrcCidr(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ipv4: list[str] | None = Field(
        None,
        description='IPv4 addresses in CIDR notation or "AnyIPv4" to allow all IPv4 sources (translates to 0.0.0.0/0)',
        examples=[["192.168.0.1/24", "AnyIPv4"]],
    )
    ipv6: list[str] | None = Field(
        None,
        description='IPv6 addresses in CIDR notation or "AnyIPv6" to allow all IPv6 sources (translates to ::/0)',
        examples=[["1:2:3:4:5:6:7:8/64", "AnyIPv6"]],
    )


class UnassignInstanceFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: InstanceAssignmentSelfLinks1 = Field(
        ...,
        alias="_links",
        description="Links for easy navigation.",
        examples=[
            {
                "self": "/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca/instances/100",
                "firewall": "/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca",
                "instance": "/v1/compute/instances/100",
            }
        ],
    )


class AssignInstanceFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_links: InstanceAssignmentSelfLinks1 = Field(
        ...,
        alias="_links",
        description="Links for easy navigation.",
        examples=[
            {
                "self": "/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca/instances/100",
                "firewall": "/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca",
                "instance": "/v1/compute/instances/100",
            }
        ],
    )


class FirewallRuleRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    protocol: Protocol = Field(
        ...,
        description="Protocol for incoming traffic to be allowed. ‘tcp‘, ´udp´, ´icmp´ or ´´ empty value are allowed. Empty means any traffic.",
        examples=["tcp"],
    )
    dest_ports: list[DestPort] = Field(
        ...,
        alias="destPorts",
        description="Ports to specify allowed traffic. Not available for protocol `ICMP`. Port ranges can specified like in example.",
        examples=['["80", "80-90"]'],
    )
    src_cidr: SrcCidr = Field(
        ...,
        alias="srcCidr",
        description='Source CIDR configuration. Use "AnyIPv4" to allow all IPv4 sources (0.0.0.0/0) or "AnyIPv6" to allow all IPv6 sources (::/0). Both can be combined to allow all IP sources. Regular CIDR notation is also supported.',
    )
    action: Action1 = Field(
        ..., description="Currently only `accept` is supported.", examples=["accept"]
    )
    status: Status = Field(
        ...,
        description="Status of the inbound rule. An inactive rule is removed from all assigned instances.",
        examples=["active"],
    )
    display_name: str | None = Field(
        None,
        alias="displayName",
        description="Display name for the firewall rule.",
        examples=["Allow HTTP Traffic"],
    )


class FirewallRuleResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    protocol: Protocol = Field(
        ...,
        description="Protocol for incoming traffic to be allowed. ‘tcp‘, ´udp´, ´icmp´ or ´´ empty value are allowed. Empty means any traffic.",
        examples=["tcp"],
    )
    dest_ports: list[str] = Field(
        ...,
        alias="destPorts",
        description="Ports to specify allowed traffic. Not available for protocol `ICMP`. Port ranges can specified like in example.",
        examples=['["80", "80-90"]'],
    )
    src_cidr: SrcCidr = Field(..., alias="srcCidr")
    action: Action1 = Field(
        ..., description="Currently only `accept` is supported.", examples=["accept"]
    )
    status: Status = Field(
        ...,
        description="Status of the inbound rule. An inactive rule is removed from all assigned instances.",
        examples=["active"],
    )
    display_name: str = Field(
        ...,
        alias="displayName",
        description="Display name for the firewall rule.",
        examples=["Allow HTTP Traffic"],
    )


class IpConfig1(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV42
    v6: IpV6


class ListFirewallAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[FirewallAuditResponse]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "/v1/firewalls/audits?page=2",
                "previous": "/v1/firewalls/audits?page=2",
                "next": "/v1/firewalls/audits?page=3",
                "last": "/v1/firewalls/audits?page=10",
                "self": "/v1/firewalls/audits",
            }
        ],
    )


class ListPresetRulesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[PresetRulesResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/firewalls/preset-rules"}]
    )


class Rules(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    inbound: list[FirewallRuleResponse]


class RulesRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    inbound: list[FirewallRuleRequest]


class CreateFirewallRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str = Field(
        ...,
        description="The name of the firewall.",
        examples=["My Firewall"],
        max_length=255,
    )
    description: str | None = Field(
        None,
        description="The description of the firewall.",
        examples=["Allowing incoming HTTP traffic."],
        max_length=255,
    )
    status: Status = Field(
        ...,
        description="The status of the firewall determines whether the rules are active or not.",
        examples=["active"],
    )
    rules: RulesRequest | None = None


class InstanceDetails(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    instance_id: int = Field(
        ...,
        alias="instanceId",
        description="Instance id which is assigned to firewall",
        examples=[100],
    )
    display_name: str = Field(
        ...,
        alias="displayName",
        description="Instance display name",
        examples=["Instance"],
    )
    name: str = Field(..., description="Instance name", examples=["vmd12345"])
    product_id: str = Field(..., alias="productId", description="Product id", examples=["V1"])
    ip_config: IpConfig1 = Field(..., alias="ipConfig")
    region_slug: str = Field(
        ...,
        alias="regionSlug",
        description="Slug of the region where the instance is located.",
        examples=["EU"],
    )
    region_name: str = Field(
        ...,
        alias="regionName",
        description="Name of the region where the instance is located.",
        examples=["European Union (Germany)"],
    )
    data_center_slug: str = Field(
        ...,
        alias="dataCenterSlug",
        description="Slug of the data center where the instance is located.",
        examples=["EU1"],
    )
    data_center_name: str = Field(
        ...,
        alias="dataCenterName",
        description="Name of the data center where the instance is located.",
        examples=["European Union (Germany) 1"],
    )


class ListFirewallResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ...,
        alias="tenantId",
        description="Your customer tenant id",
        examples=["DE"],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias="customerId",
        description="Your customer number",
        examples=["54321"],
        min_length=1,
    )
    firewall_id: str = Field(
        ...,
        alias="firewallId",
        description="Your firewall id.",
        examples=["b943b25a-c8b5-4570-9135-4bbaa7615b81"],
        min_length=1,
    )
    name: str = Field(
        ...,
        description="The name of the firewall.",
        examples=["My Firewall"],
        max_length=255,
    )
    description: str = Field(
        ...,
        description="The description of the firewall.",
        examples=["Allowing incoming HTTP traffic."],
        max_length=255,
    )
    status: Status5 = Field(
        ...,
        description="Inactive status means no rules of this firewall are set for all assigned instances.",
        examples=["active"],
    )
    instance_status: list[InstanceStatusRepresentation] = Field(..., alias="instanceStatus")
    instances: list[InstanceDetails]
    rules: Rules
    created_date: AwareDatetime | None = Field(
        ...,
        alias="createdDate",
        description="The creation date time for the firewall",
        examples=["2021-06-03T06:27:12Z"],
    )
    updated_date: AwareDatetime | None = Field(
        ...,
        alias="updatedDate",
        description="The update date time for the firewall",
        examples=["2021-06-13T06:27:12Z"],
    )


class PutFirewallRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    rules: RulesRequest | None = None


class FirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    tenant_id: str = Field(
        ...,
        alias="tenantId",
        description="Your customer tenant id",
        examples=["DE"],
        min_length=1,
    )
    customer_id: str = Field(
        ...,
        alias="customerId",
        description="Your customer number",
        examples=["54321"],
        min_length=1,
    )
    firewall_id: str = Field(
        ...,
        alias="firewallId",
        description="Your firewall id.",
        examples=["b943b25a-c8b5-4570-9135-4bbaa7615b81"],
        min_length=1,
    )
    name: str = Field(
        ...,
        description="The name of the firewall.",
        examples=["My Firewall"],
        max_length=255,
    )
    description: str = Field(
        ...,
        description="The description of the firewall.",
        examples=["Allowing incoming HTTP traffic."],
        max_length=255,
    )
    status: Status = Field(
        ...,
        description="Inactive status means no rules of this firewall are set for all assigned instances.",
        examples=["active"],
    )
    instance_status: list[InstanceStatusRepresentation] = Field(..., alias="instanceStatus")
    instances: list[InstanceDetails]
    rules: Rules
    created_date: AwareDatetime | None = Field(
        ...,
        alias="createdDate",
        description="The creation date time for the firewall",
        examples=["2021-06-03T06:27:12Z"],
    )
    updated_date: AwareDatetime | None = Field(
        ...,
        alias="updatedDate",
        description="The update date time for the firewall",
        examples=["2021-06-13T06:27:12Z"],
    )


class ListFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[ListFirewallResponseData]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "/v1/firewalls?page=1",
                "previous": "/v1/firewalls?page=19",
                "self": "/v1/firewalls?page=20",
                "next": "/v1/firewalls?page=21",
                "last": "/v1/firewalls?page=101",
            }
        ],
    )


class PatchFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias="_links",
        examples=[{"self": "/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca"}],
    )


class PutFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias="_links",
        examples=[{"self": "/v1/firewalls/b943b25a-c8b5-4570-9135-4bbaa7615b81"}],
    )


class CreateFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias="_links",
        examples=[{"self": "/v1/firewalls/2c93b255-286e-41f0-9b23-e7bddc1d95ca"}],
    )


class FindFirewallResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[FirewallResponse]
    field_links: SelfLinks = Field(
        ...,
        alias="_links",
        examples=[{"self": "/v1/firewalls/b943b25a-c8b5-4570-9135-4bbaa7615b81"}],
    )
