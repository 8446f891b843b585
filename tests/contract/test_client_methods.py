"""Every ContaboClient method against the simulator; every request checked against the spec."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import httpx
import pytest
from moto import mock_aws
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from contabo_reseller.adapters.contabo import generated_domain_models as dm
from contabo_reseller.adapters.contabo import generated_firewall_models as fw
from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient
from contabo_reseller.adapters.contabo.errors import ContaboInvalidInput, ContaboNotFound
from contabo_reseller.adapters.contabo.operations import OPERATIONS, Operation
from contabo_reseller.adapters.contabo.transport import Backoff, CallContext, ContaboTransport
from contabo_reseller.adapters.tables import AuditEntry
from contabo_reseller.settings import get_settings
from local.contabo_sim import RunningSimulator
from local.stack.aws import create_tables, seed_secrets
from tests.conftest import TEST_NAMES
from tests.contract.conftest import PROVISION_SECONDS, TOKEN_PATH

CALLED: set[str] = set()


class RecordingTransport(ContaboTransport):
    def call(self, operation: Operation, context: CallContext, **kwargs: Any) -> Any:
        CALLED.add(operation.operation_id)
        return super().call(operation, context, **kwargs)


def spec_checking_hook(validator: OpenAPI) -> Any:
    """An httpx request hook: every API request the client sends must conform to the spec."""

    def check(request: httpx.Request) -> None:
        if request.url.path in (TOKEN_PATH,) or request.url.path.startswith("/__sim/"):
            return
        builder = EnvironBuilder(
            method=request.method,
            base_url=str(request.url.copy_with(path="/", query=None)),
            path=request.url.path,
            query_string=request.url.query.decode(),
            headers=dict(request.headers),
            data=request.content,
        )
        validator.validate_request(WerkzeugOpenAPIRequest(Request(builder.get_environ())))

    return check


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def transport(
    sim: RunningSimulator, spec_validator: OpenAPI, sleeps: list[float]
) -> Iterator[ContaboTransport]:
    from aws_lambda_powertools.utilities import parameters

    sim.state.reset()
    parameters.clear_caches()
    with (
        mock_aws(),
        httpx.Client(event_hooks={"request": [spec_checking_hook(spec_validator)]}) as http,
    ):
        create_tables(boto3.client("dynamodb"), TEST_NAMES)
        seed_secrets(boto3.client("secretsmanager"), TEST_NAMES)
        settings = get_settings().model_copy(
            update={"contabo_api_url": sim.base_url, "contabo_auth_url": sim.base_url + TOKEN_PATH}
        )
        yield RecordingTransport(settings=settings, http=http, backoff=Backoff(sleep=sleeps.append))
    parameters.clear_caches()


@pytest.fixture
def client(transport: ContaboTransport) -> ContaboClient:
    return ContaboClient(transport).for_service("svc-contract", "trace-contract")


def advance(sim: RunningSimulator, seconds: float) -> None:
    httpx.post(sim.base_url + "/__sim/clock/advance", json={"seconds": seconds})


def buy_instance(client: ContaboClient, name: str = "svc-contract") -> tuple[int, str]:
    request_id = str(uuid.uuid4())
    order = gm.CreateInstanceRequest(
        product_id="V92",
        region="EU",
        display_name=name,
        period=1,
        add_ons=gm.CreateInstanceAddons(private_networking={}),
    )
    return client.create_instance(order, request_id=request_id).instance_id, request_id


def test_instances(client: ContaboClient, sim: RunningSimulator) -> None:
    password = client.create_secret("root-svc", "Str0ng-Passw0rd!x", "password")
    key = client.create_secret("key-svc", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG test", "ssh")
    order = gm.CreateInstanceRequest(
        product_id="V92",
        region="EU",
        display_name="svc-1001",
        period=1,
        root_password=password.secret_id,
        ssh_keys=[key.secret_id],
    )
    request_id = str(uuid.uuid4())
    created = client.create_instance(order, request_id=request_id)

    (audit,) = client.instance_audits(request_id=request_id)
    assert audit.instance_id == created.instance_id
    instance = client.get_instance(created.instance_id)
    assert instance.display_name == "svc-1001"
    assert [i.instance_id for i in client.list_instances(display_name="svc-1001")] == [
        created.instance_id
    ]
    assert [i.instance_id for i in client.list_instances(search="svc-1001")] == [
        created.instance_id
    ]
    assert list(client.list_instances(display_name="nobody")) == []

    advance(sim, PROVISION_SECONDS + 1)
    assert client.get_instance(created.instance_id).status == gm.InstanceStatus.running
    assert list(client.list_instances(status="running"))
    client.stop_instance(created.instance_id)
    client.start_instance(created.instance_id)
    client.shutdown_instance(created.instance_id)
    client.start_instance(created.instance_id)
    client.restart_instance(created.instance_id)
    client.reset_password(created.instance_id, root_password_secret_id=password.secret_id)
    advance(sim, PROVISION_SECONDS + 1)
    client.rescue_instance(created.instance_id, root_password_secret_id=password.secret_id)
    advance(sim, PROVISION_SECONDS + 1)
    assert list(client.instance_action_audits(instance_id=created.instance_id))

    client.rename_instance(created.instance_id, "svc-1001-renamed")
    image_id = next(iter(client.list_images(standard_image=True))).image_id
    client.reinstall_instance(created.instance_id, gm.ReinstallInstanceRequest(image_id=image_id))
    advance(sim, PROVISION_SECONDS + 1)
    client.upgrade_instance(
        created.instance_id,
        gm.UpgradeInstanceRequest(private_networking=gm.PrivateNetworkingUpgradeRequest()),
        request_id=str(uuid.uuid4()),
    )
    client.cancel_instance(created.instance_id)

    rows = list(AuditEntry.query("svc-contract"))
    assert {row.action for row in rows} >= {"createInstance", "retrieveInstance", "start"}
    assert {row.trace_id for row in rows} == {"trace-contract"}
    assert all("Passw0rd" not in str(row.attribute_values) for row in AuditEntry.scan())


def test_snapshots(client: ContaboClient, sim: RunningSimulator) -> None:
    instance_id, _ = buy_instance(client)
    advance(sim, PROVISION_SECONDS + 1)
    snapshot = client.create_snapshot(instance_id, "before-upgrade", description="first")
    assert [s.snapshot_id for s in client.list_snapshots(instance_id)] == [snapshot.snapshot_id]
    assert client.get_snapshot(instance_id, snapshot.snapshot_id).name == "before-upgrade"
    client.update_snapshot(instance_id, snapshot.snapshot_id, name="renamed")
    client.rollback_snapshot(instance_id, snapshot.snapshot_id)
    client.delete_snapshot(instance_id, snapshot.snapshot_id)
    assert list(client.snapshot_audits(instance_id=instance_id))


def test_images(client: ContaboClient) -> None:
    standard = list(client.list_images(standard_image=True))
    assert standard and client.get_image(standard[0].image_id).name == standard[0].name
    custom = client.create_custom_image(
        gm.CreateCustomImageRequest(
            name="custom",
            url="https://images.example/custom.qcow2",
            os_type=gm.OsType.linux,
            version="1.0",
        )
    )
    assert custom.image_id in {i.image_id for i in client.list_images(standard_image=False)}
    client.update_image(custom.image_id, description="updated")
    assert client.custom_image_stats() is not None
    client.delete_image(custom.image_id)


def test_secrets(client: ContaboClient) -> None:
    secret = client.create_secret("pw", "Str0ng-Passw0rd!y", "password")
    assert [s.secret_id for s in client.list_secrets(name="pw")] == [secret.secret_id]
    assert client.get_secret(secret.secret_id).name == "pw"
    client.update_secret(secret.secret_id, name="pw2")
    client.delete_secret(secret.secret_id)
    assert list(client.secret_audits(secret_id=secret.secret_id))


def test_tags(client: ContaboClient) -> None:
    instance_id, _ = buy_instance(client)
    tag = client.create_tag("whmcs-1001", "#0A78C3", description="service 1001")
    assert [t.tag_id for t in client.list_tags(name="whmcs-1001")] == [tag.tag_id]
    assert client.get_tag(tag.tag_id).name == "whmcs-1001"
    client.update_tag(tag.tag_id, description="still 1001")
    client.assign_tag(tag.tag_id, "instance", instance_id)
    assert [a.resource_id for a in client.list_tag_assignments(tag.tag_id)] == [str(instance_id)]
    assert client.get_tag_assignment(tag.tag_id, "instance", instance_id).tag_id == tag.tag_id
    client.unassign_tag(tag.tag_id, "instance", instance_id)
    client.delete_tag(tag.tag_id)
    assert list(client.tag_audits(tag_id=tag.tag_id))


def test_private_networks(client: ContaboClient, sim: RunningSimulator) -> None:
    instance_id, _ = buy_instance(client)
    advance(sim, PROVISION_SECONDS + 1)
    network = client.create_private_network("EU", "lan-1", description="backend")
    assert [n.private_network_id for n in client.list_private_networks(name="lan-1")] == [
        network.private_network_id
    ]
    assert client.get_private_network(network.private_network_id).name == "lan-1"
    client.update_private_network(network.private_network_id, description="renamed")
    client.assign_private_network(network.private_network_id, instance_id)
    assert list(client.list_private_networks(instance_ids=[instance_id]))
    client.unassign_private_network(network.private_network_id, instance_id)
    client.delete_private_network(network.private_network_id)
    assert list(client.private_network_audits(private_network_id=network.private_network_id))


def test_vips_and_reverse_dns(client: ContaboClient, sim: RunningSimulator) -> None:
    instance_id, _ = buy_instance(client)
    advance(sim, PROVISION_SECONDS + 1)
    vip = next(iter(client.list_vips()))
    assert vip.v4 is not None
    assert client.get_vip(vip.v4.ip).vip_id == vip.vip_id
    client.assign_vip(vip.v4.ip, "instances", instance_id)
    client.unassign_vip(vip.v4.ip, "instances", instance_id)
    list(client.vip_audits())

    instance = client.get_instance(instance_id)
    ip = instance.ip_config.v4.ip
    assert client.get_ptr_record(ip).ptr == f"{instance.name}.contaboserver.net"
    client.update_ptr_record(ip, "host.reseller.example")
    assert client.get_ptr_record(ip).ptr == "host.reseller.example"
    assert [p.ptr for p in client.list_ptr_records(ips=[ip])] == ["host.reseller.example"]
    with pytest.raises(ContaboInvalidInput):  # Contabo: only IPv6 records can be deleted
        client.delete_ptr_record(ip)

    ipv6 = instance.ip_config.v6.ip.replace("::1", "::2")
    created = client.create_ptr_record(ipv6, "v6.reseller.example", ttl=3600)
    assert (created.ip, created.ptr, created.ttl) == (ipv6, "v6.reseller.example", 3600)
    client.delete_ptr_record(ipv6)
    with pytest.raises(ContaboNotFound):
        client.get_ptr_record(ipv6)


def test_firewalls(client: ContaboClient, sim: RunningSimulator) -> None:
    instance_id, _ = buy_instance(client)
    advance(sim, PROVISION_SECONDS + 1)
    created = client.create_firewall(
        fw.CreateFirewallRequest(name="web", status=fw.Status("active"))
    )
    assert [f.firewall_id for f in client.list_firewalls(name="web")] == [created.firewall_id]
    assert client.get_firewall(created.firewall_id).name == "web"
    client.update_firewall(created.firewall_id, fw.PatchFirewallRequest(description="web tier"))
    client.replace_firewall(
        created.firewall_id, fw.PutFirewallRequest(rules=fw.RulesRequest(inbound=[]))
    )
    client.assign_firewall(created.firewall_id, instance_id)
    client.unassign_firewall(created.firewall_id, instance_id)
    assert list(client.list_firewall_preset_rules())
    client.delete_firewall(created.firewall_id)
    assert list(client.firewall_audits(firewall_id=created.firewall_id))


def test_object_storage(client: ContaboClient) -> None:
    request_id = str(uuid.uuid4())
    created = client.create_object_storage(
        gm.CreateObjectStorageRequest(region="EU", total_purchased_space_tb=1),
        request_id=request_id,
    )
    (audit,) = client.object_storage_audits(request_id=request_id)
    assert audit.object_storage_id == created.object_storage_id
    assert [o.object_storage_id for o in client.list_object_storages()] == [
        created.object_storage_id
    ]
    assert client.get_object_storage(created.object_storage_id).region
    client.rename_object_storage(created.object_storage_id, "backups")
    client.resize_object_storage(
        created.object_storage_id,
        gm.UpgradeObjectStorageRequest(total_purchased_space_tb=2),
        request_id=str(uuid.uuid4()),
    )
    assert client.object_storage_stats(created.object_storage_id) is not None

    user_id = next(iter(client.list_users())).user_id
    credential = next(iter(client.list_s3_credentials(user_id)))
    same = client.get_s3_credentials(
        user_id, credential.object_storage_id, credential.credential_id
    )
    assert same.access_key == credential.access_key
    client.regenerate_s3_credentials(
        user_id, credential.object_storage_id, credential.credential_id
    )
    client.cancel_object_storage(created.object_storage_id)


def test_account(client: ContaboClient) -> None:
    user = next(iter(client.list_users()))
    assert client.get_user(user.user_id).email == user.email
    assert client.get_api_client().client_id
    assert list(client.list_roles()) is not None
    assert list(client.list_data_centers())


def test_sub_users(client: ContaboClient) -> None:
    (role,) = client.list_roles(name="S3 Read and Write")
    request = gm.CreateUserRequest(
        email="tenant@reseller.example",
        enabled=True,
        totp=False,
        locale=gm.Locale.en,
        roles=[role.role_id],
    )
    user_id = client.create_user(request)
    client.update_user(user_id, gm.UpdateUserRequest(enabled=False))
    assert client.get_user(user_id).enabled is False
    client.delete_user(user_id)
    assert [u for u in client.list_users(email="tenant@reseller.example")] == []


def test_plan_offers_and_region_change(client: ContaboClient, sim: RunningSimulator) -> None:
    order = gm.CreateInstanceRequest(product_id="V92", region="EU", display_name="mv", period=1)
    created = client.create_instance(order, request_id=str(uuid.uuid4()))
    offers = client.available_products(created.instance_id)
    assert offers and all(o["productId"] != "V92" and o["offerId"] for o in offers)
    with pytest.raises(ContaboInvalidInput):  # still provisioning: the provider refuses
        client.check_region_change(created.instance_id)
    advance(sim, PROVISION_SECONDS + 1)
    client.check_region_change(created.instance_id)
    ticket = client.request_region_change(created.instance_id, "UK", "migration", str(uuid.uuid4()))
    assert ticket > 0


def test_domains_handles_and_dns_zones(sim: RunningSimulator, client: ContaboClient) -> None:
    from local.contabo_sim.routes.domains import register_elsewhere, request_transfer_out

    address = dm.HandleAddress(
        street="Main", street_number="1", city="Berlin", country="DE", zip_code="10115"
    )
    handle = client.create_handle(
        dm.HandleCreateRequest(
            handle_type="person",
            first_name="Erika",
            last_name="Mustermann",
            email="erika@example.org",
            gender="female",
            address=address,
            phone=dm.HandlePhone(prefix="+49", number="301234567"),
        )
    )
    assert client.get_handle(handle.handle_id).email == "erika@example.org"
    assert [h.handle_id for h in client.list_handles(search="erika")] == [handle.handle_id]
    change = dm.HandlePatchRequest(
        email="new@example.org",
        gender="female",
        address=address,
        phone=dm.HandlePhone(prefix="+49", number="1"),
    )
    assert client.update_handle(handle.handle_id, change).email == "new@example.org"
    assert next(client.handle_audits(handle_id=handle.handle_id)).action == "CREATED"
    assert client.domain_available("example-shop.com") is True
    roles = dm.DomainHandles(
        owner=handle.handle_id, admin=handle.handle_id, tech=handle.handle_id, zone=handle.handle_id
    )
    nameservers = [
        dm.Nameserver(hostname=["ns1.example.net"]),
        dm.Nameserver(hostname=["ns2.example.net"]),
    ]
    request_id = str(uuid.uuid4())
    bought = client.order_domain(
        dm.DomainCreateRequest(domain="example-shop.com", handles=roles, nameservers=nameservers),
        request_id=request_id,
    )
    assert bought.status == "processing" and bought.cancel_date is None
    assert client.domain_available("example-shop.com") is False
    assert next(client.domain_audits(request_id=request_id)).domain == "example-shop.com"
    advance(sim, PROVISION_SECONDS)
    assert client.get_domain("example-shop.com").status == "ready"
    assert [d.domain for d in client.list_domains(tld="com")] == ["example-shop.com"]
    moved = client.update_domain(
        "example-shop.com", dm.DomainPatchRequest(nameservers=nameservers[::-1])
    )
    assert moved.nameservers[0] == "ns2.example.net"
    assert client.generate_auth_code("example-shop.com").auth_code
    assert client.cancel_domain("example-shop.com").cancel_date is not None
    client.revoke_domain_cancellation("example-shop.com")
    assert client.get_domain("example-shop.com").cancel_date is None
    request_transfer_out(sim.state, "example-shop.com")
    (pending,) = client.list_pending_domain_actions()
    assert pending.domain == "example-shop.com"
    client.revoke_transfer_out("example-shop.com")
    request_transfer_out(sim.state, "example-shop.com")
    client.confirm_transfer_out("example-shop.com")
    with pytest.raises(ContaboNotFound):
        client.get_domain("example-shop.com")
    register_elsewhere(sim.state, "incoming.org", "CODE-1")
    transfer = dm.DomainCreateRequest(
        domain="incoming.org", auth_code="CODE-1", handles=roles, nameservers=nameservers
    )
    assert client.order_domain(transfer, request_id=str(uuid.uuid4())).status == "transferring in"
    zone = client.create_dns_zone("example-shop.com")
    with pytest.raises(ContaboInvalidInput):
        client.create_dns_record(
            "example-shop.com", dm.CreateDnsZoneRecordRequest(type="A", ttl=60, prio=0, data="x")
        )
    assert client.get_dns_zone(zone.zone_name)["zoneName"] == "example-shop.com"
    assert [z.zone_name for z in client.list_dns_zones(zone_name="example-shop.com")] == [
        "example-shop.com"
    ]
    record = client.create_dns_record(
        "example-shop.com",
        dm.CreateDnsZoneRecordRequest(name="www", type="A", ttl=3600, prio=0, data="203.0.113.5"),
    )
    changed = client.update_dns_record(
        "example-shop.com",
        int(record.record_id),
        dm.UpdateDnsZoneRecordRequest(ttl=600, prio=0, data="203.0.113.6"),
    )
    assert changed.data == "203.0.113.6"
    assert [r.data for r in client.list_dns_records("example-shop.com", search="www")] == [
        "203.0.113.6"
    ]
    second = client.create_dns_record(
        "example-shop.com",
        dm.CreateDnsZoneRecordRequest(type="TXT", ttl=3600, prio=0, data="hello"),
    )
    assert client.bulk_delete_dns_records("example-shop.com", [int(second.record_id), 424242]) == [
        424242
    ]
    client.delete_dns_record("example-shop.com", int(record.record_id))
    assert next(client.dns_record_audits(record_id=int(record.record_id))).action == "CREATED"
    assert next(client.dns_zone_audits(name="example-shop.com")).action == "CREATED"
    client.delete_dns_zone("example-shop.com")
    other = client.create_handle(
        dm.HandleCreateRequest(
            handle_type="organization",
            organization="Beispiel GmbH",
            first_name="Max",
            last_name="Muster",
            email="max@example.org",
            gender="male",
            address=address,
            phone=dm.HandlePhone(prefix="+49", number="2"),
        )
    )
    client.remove_handle(other.handle_id)


def test_every_operation_is_exercised() -> None:
    """Runs last (file order): the tests above must call every operation in OPERATIONS."""
    assert set(OPERATIONS) - CALLED == set()
