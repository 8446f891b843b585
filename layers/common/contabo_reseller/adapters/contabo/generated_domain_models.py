# Generated from docs/contabo/openapi.json (+ listPendingActions from the normalized yaml) by scripts/regenerate_contabo_models.sh
# (datamodel-code-generator 0.89.0, only the schemas
# of adapters/contabo/operations.py). Never edit by hand: run the script again.

from __future__ import annotations

from enum import StrEnum
from typing import Any

from contabo_reseller.adapters.contabo.model_base import ContaboModel
from pydantic import AwareDatetime, ConfigDict, Field


class BulkDeleteDnsZoneRecordsRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    record_ids: list[int] = Field(
        ...,
        alias="recordIds",
        description="List of zone record ids to delete",
        examples=[[10111, 10211, 10311]],
    )


class BulkDeleteResultResponse(ContaboModel):
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
    failed_ids: list[int] = Field(
        ..., alias="failedIds", description="Failed zone record IDs", examples=[[103]]
    )


class Reason(StrEnum):
    technical_issues___outages___performance = "Technical issues / Outages / Performance"
    too_expensive___price = "Too expensive / price"
    product_not_needed_anymore = "Product not needed anymore"
    bad_customer_support = "Bad customer support"
    switch_to_a_different_contabo_product = "Switch to a different Contabo product"
    missing_features = "Missing features"
    other = "Other"


class CancelDomainRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    reason: Reason | None = Field(
        None,
        description="Reason for cancelling an domain",
        examples=["Product not needed anymore"],
    )
    reason_text: str | None = Field(
        None,
        alias="reasonText",
        description="Reason Text when `Other` reason got selected while cancelling an domain",
        examples=["Not satisfied with the service."],
    )
    cancel_date: AwareDatetime | None = Field(
        None,
        alias="cancelDate",
        description="Date of cancellation",
        examples=["15-8-2021"],
    )


class ChangedAuthCode(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    changed: bool | None = Field(
        None,
        description="Flag that indicates if the auth code got changed",
        examples=["true"],
    )
    date: AwareDatetime | None = Field(
        None,
        description="The date when auth code got changed",
        examples=["2021-06-03T06:27:12.000Z"],
    )


class Type(StrEnum):
    a = "A"
    aaaa = "AAAA"
    caa = "CAA"
    cname = "CNAME"
    mx = "MX"
    srv = "SRV"
    txt = "TXT"


class CreateDnsZoneRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    name: str | None = Field(
        None,
        description="Name, if empty the zone name will be used",
        examples=["test"],
        min_length=1,
    )
    type: Type = Field(..., description="DNS record type", examples=["A"])
    ttl: float = Field(..., description="TTL", examples=[86400])
    prio: float = Field(..., description="Prio", examples=[0])
    data: str = Field(..., description="Data", examples=["10.0.0.1"], min_length=1)
    port: float | None = Field(None, description="Port", examples=[""])
    weight: float | None = Field(None, description="Weight", examples=[""])
    flag: float | None = Field(None, description="Flag", examples=[""])
    tag: str | None = Field(None, description="Tag", examples=[""])


class CreateDnsZoneRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    zone_name: str = Field(..., alias="zoneName", description="Zone name", examples=["example.com"])


class DnsZoneRecordResponse(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    record_id: float = Field(..., alias="recordId", description="RecordId", examples=[1122])
    name: str = Field(
        ...,
        description="Name, if empty the zone name will be used",
        examples=["example.com"],
        min_length=1,
    )
    type: str = Field(..., description="Type", examples=["A"], min_length=1)
    ttl: float = Field(..., description="TTL", examples=[86400])
    prio: float = Field(..., description="Prio", examples=[0])
    data: str = Field(..., description="Data", examples=["10.0.0.1"], min_length=1)
    port: float = Field(..., description="Port", examples=["1234"])
    weight: float = Field(..., description="Weight", examples=[1])
    flag: float = Field(..., description="Flag", examples=[1])
    tag: str = Field(..., description="Tag", examples=["issue"])


class DnsZoneResponse(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    zone_name: str = Field(..., alias="zoneName", description="Zone name", examples=["abcdefg"])


class Action(StrEnum):
    created = "CREATED"
    updated = "UPDATED"
    deleted = "DELETED"


class DomainAuditResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description="The ID of the audit entry.", examples=["12345"])
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
        description="Customer ID",
        examples=["54321"],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias="changedBy",
        description="Id of user who performed the change",
        examples=["c4c800ff-e524-47dd-9543-71dfc8b91113"],
        min_length=1,
    )
    username: str = Field(
        ...,
        description="Name of the user which led to the change.",
        examples=["John.Doe"],
    )
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
    domain: str = Field(..., description="The identifier of the domain", examples=["testDom.com"])
    changes: dict[str, Any] | None = Field(
        None,
        description="List of actual changes.",
        examples=[{"prev": {"sld": "com"}, "new": {"sld": "de"}}],
    )


class Status(StrEnum):
    ready = "ready"
    processing = "processing"
    transferring_in = "transferring in"
    transferring_out = "transferring out"
    manual_task = "manual_task"
    transferred = "transferred"


class DomainCancel(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    domain: str = Field(..., description="Domain name", examples=["testDomain.com"])
    sld: str = Field(..., description="Domain SLD", examples=["testDomain"])
    tld: str = Field(..., description="Domain TLD", examples=["com"])
    cancel_date: AwareDatetime | None = Field(
        ...,
        alias="cancelDate",
        description="The cancel date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )


class ResourceType(StrEnum):
    instance = "instance"
    server = "server"
    package = "package"


class DomainDetails(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    sld: str = Field(..., description="Domain SLD", examples=["testDomain"])
    tld: str = Field(..., description="Domain TLD", examples=["com"])
    domain_puny: str = Field(
        ...,
        alias="domainPuny",
        description="Domain Puny",
        examples=["xn--testdomain-6r6y"],
    )


class DomainHandles(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    owner: str = Field(..., description="Domain's owner handle", examples=["CA1423255"])
    admin: str = Field(..., description="Domain's admin handle", examples=["CA1423222"])
    tech: str = Field(..., description="Domain's tech handle", examples=["CA1223122"])
    zone: str = Field(..., description="Domain's zone handle", examples=["CA3655838"])


class DomainPendingActionResponse(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    domain_id: str = Field(
        ...,
        alias="domainId",
        description="OpusDNS domain id (mirrors the local domain `opusId`)",
        examples=["domain_01HZX8ABCDEFGHJKMNPQRSTV"],
    )
    domain: str = Field(..., description="Domain name (sld.tld)", examples=["example.com"])
    event_type: str = Field(
        ...,
        alias="eventType",
        description="Event type — always OUTBOUND_TRANSFER for this endpoint",
        examples=["OUTBOUND_TRANSFER"],
    )
    event_id: str = Field(
        ...,
        alias="eventId",
        description="OpusDNS event id to ACK/NACK against",
        examples=["event_01HZX8ABCDEFGHJKMNPQRSTV"],
    )
    created_on: AwareDatetime | None = Field(
        ...,
        alias="createdOn",
        description="When OpusDNS created the transfer-out event",
        examples=["2026-06-23T08:15:30Z"],
    )


class DomainResponse(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    domain: str = Field(..., description="Domain name", examples=["testDomain.com"])
    domain_details: DomainDetails = Field(..., alias="domainDetails", description="Domain Details")
    status: Status = Field(..., description="Domain Status", examples=["ready"])
    nameservers: list[str] = Field(
        ...,
        description="Nameservers",
        examples=['["a1.test.com", "a2.test.com", "a3.test.com"]'],
    )
    handles: DomainHandles = Field(..., description="The handles of the domain")
    registration_date: AwareDatetime | None = Field(
        ...,
        alias="registrationDate",
        description="The registration date of domain",
        examples=["2021-06-03T06:27:12.000Z"],
    )
    renewal_date: AwareDatetime | None = Field(
        ...,
        alias="renewalDate",
        description="The renewal date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )
    termination_date: AwareDatetime | None = Field(
        ...,
        alias="terminationDate",
        description="The termination date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )
    cancel_date: AwareDatetime | None = Field(
        ...,
        alias="cancelDate",
        description="The cancel date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )
    dnssec_keys: list[str] = Field(
        ...,
        alias="dnssecKeys",
        description="DNSSEC keys",
        examples=[
            '["test-secdns.org. 3600 IN DNSKEY 256 3 8 AwEAAb7eE4c6PFpHI0IyM1U23Dimgjt6YlafZlzOkKf42tIlArvGu1lf iSLnzyGvkJlwfzZ4tkpSgKkLiQ6vgKptM7Ij6iCA/fQYRwK0vizWmE5+ pZ0DfBBz+9MU3bGkVhVe4T8YggQvXmQ6gYrYfLHMDJaE2v7bn5VZFMCY ESxFbS/h"]'
        ],
    )
    transfer_out_confirmation: bool = Field(
        ...,
        alias="transferOutConfirmation",
        description="Transfer out confirmation",
        examples=["true"],
    )


class HandleAddress(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    street: str = Field(
        ..., description="Street", examples=["My Street"], max_length=255, min_length=1
    )
    street_number: str = Field(
        ...,
        alias="streetNumber",
        description="Street Number",
        examples=["12"],
        max_length=255,
        min_length=1,
    )
    city: str = Field(..., description="City", examples=["Munich"], max_length=100, min_length=1)
    country: str = Field(..., description="Country", examples=["DE"], max_length=100, min_length=1)
    zip_code: str = Field(
        ...,
        alias="zipCode",
        description="ZipCode",
        examples=["12345"],
        max_length=50,
        min_length=1,
    )
    siret: str | None = Field(
        None, description="Siret", examples=["12345"], max_length=255, min_length=1
    )
    region: str | None = Field(
        None, description="Region", examples=["region"], max_length=255, min_length=1
    )


class HandleAuditResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description="The ID of the audit entry.", examples=["12345"])
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
        description="Customer ID",
        examples=["54321"],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias="changedBy",
        description="Id of user who performed the change",
        examples=["c4c800ff-e524-47dd-9543-71dfc8b91113"],
        min_length=1,
    )
    username: str = Field(
        ...,
        description="Name of the user which led to the change.",
        examples=["John.Doe"],
    )
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
    handle_id: str = Field(
        ...,
        alias="handleId",
        description="The identifier of the handle",
        examples=["CA123O1"],
    )
    changes: dict[str, Any] | None = Field(
        None,
        description="List of actual changes.",
        examples=[{"prev": {"firstName": "test"}, "new": {"firstName": "test1"}}],
    )


class HandleBirthInfo(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    date: AwareDatetime | None = Field(
        None, description="Date", examples=["2023-03-03T12:32:03.363Z"]
    )
    city: str | None = Field(
        None, description="City", examples=["Munich"], max_length=255, min_length=1
    )
    zip_code: str | None = Field(
        None,
        alias="zipCode",
        description="Zipcode",
        examples=["12345"],
        max_length=50,
        min_length=1,
    )
    country: str | None = Field(
        None, description="Country", examples=["DE"], max_length=100, min_length=1
    )


class HandleType(StrEnum):
    person = "person"
    organization = "organization"


class Gender(StrEnum):
    male = "male"
    female = "female"
    na = "na"


class HandlePhone(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    prefix: str = Field(..., description="prefix", examples=["+40"], max_length=5, min_length=1)
    number: str = Field(
        ..., description="number", examples=["123456789"], max_length=50, min_length=1
    )


class HandleResponse(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    handle_id: str = Field(..., alias="handleId", description="Handle ID", examples=["CA1234O1"])
    handle_type: HandleType = Field(
        ..., alias="handleType", description="Handle Type", examples=["person"]
    )
    is_default: bool = Field(
        ...,
        alias="isDefault",
        description="Flag if the handle is default or not",
        examples=[True],
    )
    first_name: str = Field(
        ...,
        alias="firstName",
        description="Handle first name",
        examples=["John"],
        max_length=255,
        min_length=1,
    )
    last_name: str = Field(
        ...,
        alias="lastName",
        description="Handle last name",
        examples=["Doe"],
        max_length=255,
        min_length=1,
    )
    organization: str | None = Field(
        None,
        description="The organization of the handle",
        examples=["Test Organization"],
        max_length=255,
        min_length=1,
    )
    email: str = Field(
        ...,
        description="Handle email",
        examples=["john.doe@test.com"],
        max_length=255,
        min_length=1,
    )
    gender: Gender = Field(..., description="Handle gender", examples=["male"])
    birth_info: HandleBirthInfo | None = Field(
        None, alias="birthInfo", description="The birth info of the handle"
    )
    address: HandleAddress = Field(..., description="Address details for handle")
    phone: HandlePhone = Field(..., description="Handle phone")
    fax: HandlePhone | None = Field(None, description="Handle fax")


class Links(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description="Link to current resource.")
    first: str = Field(..., description="Link to first page, if applicable.")
    previous: str | None = Field(None, description="Link to previous page, if applicable.")
    next: str | None = Field(None, description="Link to next page, if applicable.")
    last: str = Field(..., description="Link to last page, if applicable.")


class Nameserver(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    hostname: list[str] = Field(..., description="Nameservers", examples=["ns1.example.com"])
    ip_v4: list[str] | None = Field(
        None, alias="ipV4", description="IPv4 of nameserver", examples=["132.1.1.1"]
    )
    ip_v6: list[str] | None = Field(
        None,
        alias="ipV6",
        description="IPv6 of nameserver",
        examples=["2001:db8:85a3::8a2e:370:7334"],
    )


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


class RecordAuditResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description="The ID of the audit entry.", examples=["12345"])
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
        description="Customer ID",
        examples=["54321"],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias="changedBy",
        description="Id of user who performed the change",
        examples=["c4c800ff-e524-47dd-9543-71dfc8b91113"],
        min_length=1,
    )
    username: str = Field(
        ...,
        description="Name of the user which led to the change.",
        examples=["John.Doe"],
    )
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
    record_id: int = Field(
        ...,
        alias="recordId",
        description="The identifier of the Zone recordd",
        examples=[12345],
        ge=0,
    )
    zone_name: str = Field(
        ..., alias="zoneName", description="DNS Zone name", examples=["example.com"]
    )
    changes: dict[str, Any] | None = Field(
        None,
        description="List of actual changes.",
        examples=[{"prev": {"name": "example.com"}, "new": {"name": "example1.com"}}],
    )


class SelfLinks(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    self: str = Field(..., description="Link to current resource.")


class UpdateDnsZoneRecordRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    ttl: float = Field(..., description="TTL", examples=[86400])
    prio: float = Field(..., description="Prio", examples=[0])
    data: str = Field(..., description="Data", examples=["10.0.0.1"], min_length=1)
    port: float | None = Field(None, description="Port", examples=[""])
    weight: float | None = Field(None, description="Weight", examples=[""])
    flag: float | None = Field(None, description="Flag", examples=[""])
    tag: str | None = Field(None, description="Tag", examples=[""])


class ZoneAuditResponseData(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., description="The ID of the audit entry.", examples=["12345"])
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
        description="Customer ID",
        examples=["54321"],
        min_length=1,
    )
    changed_by: str = Field(
        ...,
        alias="changedBy",
        description="Id of user who performed the change",
        examples=["c4c800ff-e524-47dd-9543-71dfc8b91113"],
        min_length=1,
    )
    username: str = Field(
        ...,
        description="Name of the user which led to the change.",
        examples=["John.Doe"],
    )
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
    name: str = Field(..., description="DNS Zone name", examples=["example.com"])
    changes: dict[str, Any] | None = Field(
        None,
        description="List of actual changes.",
        examples=[{"prev": {"name": "example.com"}, "new": {"name": "example1.com"}}],
    )


class ApiBulkDeleteDnsZoneRecordsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[BulkDeleteResultResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "/v1/dns/zones/:zoneName/records/bulk"}]
    )


class ApiDnsZoneRecordResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DnsZoneRecordResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "/v1/dns/zones/:zoneName/records"}]
    )


class ApiDnsZoneResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DnsZoneResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "/v1/dns/zones/example.com"}]
    )


class DomainAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[DomainAuditResponseData]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "v1/domains/audits?page=2",
                "previous": "v1/domains/audits?page=2",
                "next": "v1/domains/audits?page=3",
                "last": "v1/domains/audits?page=10",
                "self": "v1/domains/audits",
            }
        ],
    )


class DomainAuthCodeResponse(ContaboModel):
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
        examples=["3f184ab8-a600-4e7c-8c9b-3413e21a3752"],
        min_length=1,
    )
    domain: str = Field(..., description="Domain name", examples=["testDomain.com"])
    domain_details: DomainDetails = Field(..., alias="domainDetails", description="Domain Details")
    status: Status = Field(..., description="Domain Status", examples=["ready"])
    nameservers: list[str] = Field(
        ...,
        description="Nameservers",
        examples=['["a1.test.com", "a2.test.com", "a3.test.com"]'],
    )
    handles: DomainHandles = Field(..., description="The handles of the domain")
    registration_date: AwareDatetime | None = Field(
        ...,
        alias="registrationDate",
        description="The registration date of domain",
        examples=["2021-06-03T06:27:12.000Z"],
    )
    renewal_date: AwareDatetime | None = Field(
        ...,
        alias="renewalDate",
        description="The renewal date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )
    termination_date: AwareDatetime | None = Field(
        ...,
        alias="terminationDate",
        description="The termination date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )
    cancel_date: AwareDatetime | None = Field(
        ...,
        alias="cancelDate",
        description="The cancel date of domain",
        examples=["2021-07-03T06:27:12.000Z"],
    )
    dnssec_keys: list[str] = Field(
        ...,
        alias="dnssecKeys",
        description="DNSSEC keys",
        examples=[
            '["test-secdns.org. 3600 IN DNSKEY 256 3 8 AwEAAb7eE4c6PFpHI0IyM1U23Dimgjt6YlafZlzOkKf42tIlArvGu1lf iSLnzyGvkJlwfzZ4tkpSgKkLiQ6vgKptM7Ij6iCA/fQYRwK0vizWmE5+ pZ0DfBBz+9MU3bGkVhVe4T8YggQvXmQ6gYrYfLHMDJaE2v7bn5VZFMCY ESxFbS/h"]'
        ],
    )
    transfer_out_confirmation: bool = Field(
        ...,
        alias="transferOutConfirmation",
        description="Transfer out confirmation",
        examples=["true"],
    )
    auth_code: str = Field(
        ...,
        alias="authCode",
        description="Your auth code of the domain",
        examples=["XXXX-AAAA-BBBB-CCCC"],
    )
    auth_code_changed: ChangedAuthCode = Field(
        ...,
        alias="authCodeChanged",
        description="Details if the auth code has been changed",
    )


class DomainCancelResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainCancel]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/testDomain.com"}]
    )


class DomainCreateRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    domain: str = Field(..., description="Domain name", examples=["testDomain.com"])
    auth_code: str | None = Field(
        None, alias="authCode", description="The domain auth code", examples=["1234"]
    )
    handles: DomainHandles = Field(..., description="The handles of the domain")
    nameservers: list[Nameserver] = Field(..., description="Nameservers")
    resource_type: ResourceType | None = Field(
        None,
        alias="resourceType",
        description="The identifier of the resource type",
        examples=["instance"],
    )
    resource_id: str | None = Field(
        None,
        alias="resourceId",
        description="The identifier of the resource id",
        examples=["1234"],
    )


class DomainCreateResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/testDomain.com"}]
    )


class DomainFindResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/testDomain.com"}]
    )


class DomainPatchRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    nameservers: list[Nameserver] | None = Field(None, description="Nameservers")
    handles: DomainHandles | None = Field(None, description="The handles of the domain")


class DomainPatchResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/testDomain.com"}]
    )


class DomainPendingActionsListResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainPendingActionResponse] = Field(
        ..., description="Domains with an unacknowledged outbound transfer"
    )
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/pending-actions"}]
    )


class DomainsListResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[DomainResponse]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "v1/domains?page=1",
                "next": "v1/domains?page=19",
                "self": "v1/domains",
                "previous": "v1/domains?page=18",
                "last": "v1/domains?page=100",
            }
        ],
    )


class HandleAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[HandleAuditResponseData]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "v1/domains/handles/audits?page=2",
                "previous": "v1/domains/handles/audits?page=2",
                "next": "v1/domains/handles/audits?page=3",
                "last": "v1/domains/handles/audits?page=10",
                "self": "v1/domains/handles/audits",
            }
        ],
    )


class HandleCreateRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    handle_type: HandleType = Field(
        ...,
        alias="handleType",
        description="The type of the handle",
        examples=["organization"],
    )
    first_name: str = Field(
        ...,
        alias="firstName",
        description="Handle first name",
        examples=["John"],
        max_length=255,
        min_length=1,
    )
    last_name: str = Field(
        ...,
        alias="lastName",
        description="Handle last name",
        examples=["Doe"],
        max_length=255,
        min_length=1,
    )
    organization: str | None = Field(
        None,
        description="The organization of the handle",
        examples=["Test Organization"],
        max_length=255,
        min_length=1,
    )
    email: str = Field(
        ...,
        description="Handle email",
        examples=["john.doe@test.com"],
        max_length=255,
        min_length=1,
    )
    gender: Gender = Field(..., description="Handle gender", examples=["male"])
    birth_info: HandleBirthInfo | None = Field(
        None, alias="birthInfo", description="The birth info of the handle"
    )
    address: HandleAddress = Field(..., description="Address details for handle")
    phone: HandlePhone = Field(..., description="Handle phone")
    fax: HandlePhone | None = Field(None, description="Handle fax")
    nic_it_entity_type: str | None = Field(
        None,
        alias="nicItEntityType",
        description="NIC.it entity type (required for .it registrant contacts). Valid values: natural_person, individual_firm, non_profit, public_org, other, company, foreign_legal_entity.",
        examples=["natural_person"],
    )
    pin: str | None = Field(
        None,
        description="Registration code / fiscal code. Required for .it registrant contacts (NIC.it NIC_IT_REG_CODE — codice fiscale or VAT number).",
        examples=["MRORSS77T05E472I"],
        max_length=255,
        min_length=1,
    )


class HandleCreateResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[HandleResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/handles/CA1234O1"}]
    )


class HandleFindResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[HandleResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/handles/CA1234O1"}]
    )


class HandleListResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[HandleResponse]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "v1/domains/handles?page=1",
                "next": "v1/domains/handles?page=19",
                "self": "v1/domains/handles",
                "previous": "v1/domains/handles?page=18",
                "last": "v1/domains/handles?page=100",
            }
        ],
    )


class HandlePatchRequest(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    email: str = Field(
        ...,
        description="Handle email",
        examples=["john.doe@test.com"],
        max_length=255,
        min_length=1,
    )
    gender: Gender = Field(..., description="Handle gender", examples=["male"])
    birth_info: HandleBirthInfo | None = Field(
        None, alias="birthInfo", description="The birth info of the handle"
    )
    address: HandleAddress = Field(..., description="Address details for handle")
    phone: HandlePhone = Field(..., description="Handle phone")
    fax: HandlePhone | None = Field(None, description="Handle fax")
    nic_it_entity_type: str | None = Field(
        None,
        alias="nicItEntityType",
        description="NIC.it entity type (required for .it registrant contacts). Valid values: natural_person, individual_firm, non_profit, public_org, other, company, foreign_legal_entity.",
        examples=["natural_person"],
    )
    pin: str | None = Field(
        None,
        description="Registration code / fiscal code. Required for .it registrant contacts (NIC.it NIC_IT_REG_CODE — codice fiscale or VAT number).",
        examples=["MRORSS77T05E472I"],
        max_length=255,
        min_length=1,
    )


class HandlePatchResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[HandleResponse]
    field_links: SelfLinks = Field(
        ..., alias="_links", examples=[{"self": "v1/domains/handles/CA1234O1"}]
    )


class ListDnsZoneRecordsResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[DnsZoneRecordResponse]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "/v1/dns/zones/example/records?page=1",
                "previous": "/v1/dns/zones/example/records?page=19",
                "self": "/v1/dns/zones/example/records?page=20",
                "next": "/v1/dns/zones/example/records?page=21",
                "last": "/v1/dns/zones/example/records?page=101",
            }
        ],
    )


class ListDnsZonesResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[DnsZoneResponse]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "/v1/dns/zones?page=1",
                "previous": "/v1/dns/zones?page=19",
                "self": "/v1/dns/zones?page=20",
                "next": "/v1/dns/zones?page=21",
                "last": "/v1/dns/zones?page=101",
            }
        ],
    )


class RecordAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[RecordAuditResponseData]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "/v1/dns/records/audits?page=2",
                "previous": "/v1/dns/records/audits?page=2",
                "next": "/v1/dns/records/audits?page=3",
                "last": "/v1/dns/records/audits?page=10",
                "self": "/v1/dns/records/audits",
            }
        ],
    )


class ZoneAuditResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    field_pagination: PaginationMeta = Field(
        ...,
        alias="_pagination",
        description="Data about pagination like how many results, pages, page size.",
    )
    data: list[ZoneAuditResponseData]
    field_links: Links = Field(
        ...,
        alias="_links",
        examples=[
            {
                "first": "/v1/dns/zones/audits?page=2",
                "previous": "/v1/dns/zones/audits?page=2",
                "next": "/v1/dns/zones/audits?page=3",
                "last": "/v1/dns/zones/audits?page=10",
                "self": "/v1/dns/zones/audits",
            }
        ],
    )


class DomainAuthCodeRegenerateResponse(ContaboModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: list[DomainAuthCodeResponse]
    field_links: SelfLinks = Field(
        ...,
        alias="_links",
        examples=[{"self": "v1/domains/testDomain.com/generate-auth-code"}],
    )
