# Generated from docs/contabo/openapi-2026-08.generator-normalized.yaml by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.
# Needed by createFirewall, patchFirewall, putFirewall, retrieveFirewall, retrieveFirewallList.

from __future__ import annotations

from enum import StrEnum

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import ConfigDict, Field


class Status(StrEnum):
    active = 'active'
    inactive = 'inactive'


class Protocol(StrEnum):
    tcp = 'tcp'
    udp = 'udp'
    icmp = 'icmp'
    field_ = ''


class Action1(StrEnum):
    accept = 'accept'
    drop = 'drop'


class Status4(StrEnum):
    ok = 'ok'
    processing = 'processing'
    deleting = 'deleting'
    error_processing = 'error_processing'
    error_deleting = 'error_deleting'


class InstanceStatusRepresentation(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='Instance id which is assigned to the firewall.',
        examples=[100],
    )
    status: Status4 = Field(
        ...,
        description='Instance status in firewall can be:<br/> `ok` - instance was successfully assigned <br/> `processing` -  creating firewall rules <br/> `deleting` - deleting firewall rules <br/> `error_processing` - error occurred while creating firewall rules <br/>  `error_deleting` - error occurred while deleting firewall rules',
        examples=['ok'],
    )
    error_message: str | None = Field(
        None,
        alias='errorMessage',
        description='More detailed error message in case of error status.',
        examples=['Failed to assign instance to firewall'],
    )


class IpV42(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=['192.168.0.1'])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[19]
    )
    gateway: str = Field(..., description='Gateway', examples=['1.1.1.1'])


class IpV6(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ip: str = Field(..., description='IP Address', examples=[2895057742028])
    netmask_cidr: int = Field(
        ..., alias='netmaskCidr', description='Netmask CIDR', examples=[64]
    )
    gateway: str = Field(..., description='Gateway', examples=[2895057742028])


class SrcCidr(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ipv4: list[str] | None = Field(
        None,
        description='IPv4 addresses in CIDR notation or "AnyIPv4" to allow all IPv4 sources (translates to 0.0.0.0/0)',
        examples=[['192.168.0.1/24', 'AnyIPv4']],
    )
    ipv6: list[str] | None = Field(
        None,
        description='IPv6 addresses in CIDR notation or "AnyIPv6" to allow all IPv6 sources (translates to ::/0)',
        examples=[['1:2:3:4:5:6:7:8/64', 'AnyIPv6']],
    )


class FirewallRuleResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    protocol: Protocol = Field(
        ...,
        description='Protocol for incoming traffic to be allowed. ‘tcp‘, ´udp´, ´icmp´ or ´´ empty value are allowed. Empty means any traffic.',
        examples=['tcp'],
    )
    dest_ports: list[str] = Field(
        ...,
        alias='destPorts',
        description='Ports to specify allowed traffic. Not available for protocol `ICMP`. Port ranges can specified like in example.',
        examples=['["80", "80-90"]'],
    )
    src_cidr: SrcCidr = Field(..., alias='srcCidr')
    action: Action1 = Field(
        ..., description='Currently only `accept` is supported.', examples=['accept']
    )
    status: Status = Field(
        ...,
        description='Status of the inbound rule. An inactive rule is removed from all assigned instances.',
        examples=['active'],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Display name for the firewall rule.',
        examples=['Allow HTTP Traffic'],
    )


class IpConfig1(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    v4: IpV42
    v6: IpV6


class Rules(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    inbound: list[FirewallRuleResponse]


class InstanceDetails(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    instance_id: int = Field(
        ...,
        alias='instanceId',
        description='Instance id which is assigned to firewall',
        examples=[100],
    )
    display_name: str = Field(
        ...,
        alias='displayName',
        description='Instance display name',
        examples=['Instance'],
    )
    name: str = Field(..., description='Instance name', examples=['vmd12345'])
    product_id: str = Field(
        ..., alias='productId', description='Product id', examples=['V1']
    )
    ip_config: IpConfig1 = Field(..., alias='ipConfig')
    region_slug: str = Field(
        ...,
        alias='regionSlug',
        description='Slug of the region where the instance is located.',
        examples=['EU'],
    )
    region_name: str = Field(
        ...,
        alias='regionName',
        description='Name of the region where the instance is located.',
        examples=['European Union (Germany)'],
    )
    data_center_slug: str = Field(
        ...,
        alias='dataCenterSlug',
        description='Slug of the data center where the instance is located.',
        examples=['EU1'],
    )
    data_center_name: str = Field(
        ...,
        alias='dataCenterName',
        description='Name of the data center where the instance is located.',
        examples=['European Union (Germany) 1'],
    )
