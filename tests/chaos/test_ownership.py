"""Ownership: every route in docs/openapi.json that names a resource in its path (snapshot,
private network, IP address, SSH key), and every body that carries one (the vault keys of
rescue and reinstall), is tried on one client's service with another client's resource:
404 `not_found` every time, and the other client's resources are left as they were. DNS zones
and records (path, and the zone named in "point at my server") too. The
firewall has no id in its paths: one service's firewall changes never reach another's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from local.stack.template import REPO_ROOT
from tests.chaos.conftest import active_services, record_figures
from tests.integration.service_management.conftest import new_public_key

pytestmark = pytest.mark.slow

OPENAPI = json.loads(Path(REPO_ROOT, "docs", "openapi.json").read_text())
OWNERS = {"serviceId", "clientId"}  # who is asking: the attacker's service and client
NOT_RESOURCES = {"action", "preset"}  # a power action or a firewall preset name
BODIES = {
    ("POST", "/services/{serviceId}/snapshots/{snapshotId}/rollback"): {"confirm": True},
    ("POST", "/services/{serviceId}/private-networks/{networkId}/join"): {"confirm": True},
    ("POST", "/services/{serviceId}/private-networks/{networkId}/leave"): {"confirm": True},
    ("PUT", "/services/{serviceId}/reverse-dns/{ip}"): {"ptr": "attacker.example.com"},
    ("POST", "/clients/{clientId}/ssh-keys/{keyId}/default"): {},
    ("POST", "/clients/{clientId}/dns/zones/{zoneName}/records"): {
        "type": "A",
        "data": "203.0.113.66",
    },
    ("PUT", "/clients/{clientId}/dns/zones/{zoneName}/records/{recordId}"): {
        "type": "A",
        "data": "203.0.113.66",
    },
    ("POST", "/clients/{clientId}/dns/zones/{zoneName}/records/bulk-delete"): {"record_ids": [1]},
    # A real server of the victim's client as the target: for the victim's neighbour a valid
    # one, so what refuses is the address not being the path service's.
    ("POST", "/services/{serviceId}/ips/{ip}/move"): {"target_service_id": "{victimSid}"},
}
VICTIM_IMAGE = {
    "name": "victim-image",
    "url": "https://images.example.com/victim-1.0.qcow2",
    "os_type": "Linux",
    "version": "1.0",
}
VICTIM_ZONE = "victim-zone.example.org"
SSH_RULE = {
    "direction": "inbound",
    "protocol": "tcp",
    "ports": "22",
    "source": "0.0.0.0/0",
    "action": "accept",
}
VICTIM_CLIENT, ATTACKER_CLIENT = "8801", "8802"
CHECKED: list[str] = []


def resource_routes() -> list[tuple[str, str, str]]:
    """(method, path template, resource parameter) for every service- or client-scoped route
    with a resource id in its path."""
    found = []
    for template, operations in OPENAPI["paths"].items():
        if not template.startswith(("/services/{serviceId}/", "/clients/{clientId}/")):
            continue
        for method, operation in operations.items():
            names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            for name in sorted(names - OWNERS - NOT_RESOURCES):
                found.append((method.upper(), template, name))
    return found


ROUTES = resource_routes()


@pytest.fixture(scope="module")
def victim(stack, whmcs) -> dict[str, Any]:
    """Another client's server with one of everything: a snapshot, a private network it has
    joined, a reverse DNS name, a vault key (the default), a firewall."""
    [sid] = active_services(
        stack,
        whmcs,
        1,
        client_id=VICTIM_CLIENT,
        add_ons={"private_networking": True, "additional_ipv4": 1},
    )
    base = f"/services/{sid}"
    view = whmcs.request("GET", base).json()
    snapshot = _ok(whmcs.request("POST", f"{base}/snapshots", {"name": "victim"}), 201)
    network = _ok(whmcs.request("POST", f"{base}/private-networks", {"name": "victim-net"}), 201)
    stack.sim.state.clock.advance(120)
    stack.sim.state.tick()
    _ok(
        whmcs.request("POST", f"{base}/private-networks/{network['id']}/join", {"confirm": True}),
        202,
    )
    stack.sim.state.clock.advance(120)
    stack.sim.state.tick()
    _ok(whmcs.request("PUT", f"{base}/reverse-dns/{view['ipv4']}", {"ptr": "victim.example.com"}))
    key = _ok(
        whmcs.request(
            "POST",
            f"/clients/{VICTIM_CLIENT}/ssh-keys",
            {"name": "victim", "public_key": new_public_key()},
        ),
        201,
    )
    _ok(whmcs.request("PUT", f"{base}/firewall", {"rules": [SSH_RULE]}))
    image = _ok(whmcs.request("POST", f"{base}/custom-images", VICTIM_IMAGE), 201)
    zones = f"/clients/{VICTIM_CLIENT}/dns/zones"
    _ok(whmcs.request("POST", zones, {"zone_name": VICTIM_ZONE}), 201)
    record = _ok(
        whmcs.request(
            "POST", f"{zones}/{VICTIM_ZONE}/records", {"type": "A", "data": "203.0.113.9"}
        ),
        201,
    )
    return {
        "zoneName": VICTIM_ZONE,
        "recordId": str(record["record_id"]),
        "sid": sid,
        "snapshotId": snapshot["id"],
        "networkId": str(network["id"]),
        "ip": [view["ipv4"], view["ipv6"], *view["additional_ips"]],
        "keyId": key["id"],
        "imageId": str(image["id"]),
        "before": _belongings(whmcs, sid),
    }


@pytest.fixture(scope="module")
def attacker(stack, whmcs) -> str:
    [sid] = active_services(
        stack, whmcs, 1, client_id=ATTACKER_CLIENT, add_ons={"private_networking": True}
    )
    _ok(
        whmcs.request(
            "POST",
            f"/clients/{ATTACKER_CLIENT}/ssh-keys",
            {"name": "mine", "public_key": new_public_key()},
        ),
        201,
    )
    return sid


@pytest.fixture(scope="module")
def neighbour(stack, whmcs) -> str:
    """Another server of the victim's own client: the client's networks and keys are its
    too, but another service's snapshots and addresses are not."""
    return active_services(stack, whmcs, 1, client_id=VICTIM_CLIENT)[0]


PER_SERVICE = {"snapshotId", "ip"}


def _values(victim: dict[str, Any], template: str, resource: str) -> list[str]:
    values = victim[resource] if isinstance(victim[resource], list) else [victim[resource]]
    if template.endswith("/move"):  # only IPv4 moves: an IPv6 is refused as such (400)
        values = [value for value in values if ":" not in value]
    return values


def _body(method: str, template: str, victim: dict[str, Any]) -> dict[str, Any] | None:
    body = BODIES.get((method, template))
    if body is None:
        return None
    return {
        name: victim["sid"] if value == "{victimSid}" else value for name, value in body.items()
    }


def test_the_document_has_resource_routes():
    names = {name for _, _, name in ROUTES}
    assert {"snapshotId", "networkId", "ip", "keyId"} <= names, ROUTES


@pytest.mark.parametrize(("method", "template", "resource"), ROUTES, ids=lambda v: str(v))
def test_another_clients_resource_in_the_path_is_not_found(
    whmcs, victim, attacker, method, template, resource
):
    for value in _values(victim, template, resource):
        path = (
            template.replace("{serviceId}", attacker)
            .replace("{clientId}", ATTACKER_CLIENT)
            .replace("{" + resource + "}", value)
        )
        for other in ("zoneName", "recordId"):  # a record is named by its zone and its id
            path = path.replace("{" + other + "}", str(victim[other]))
        response = whmcs.request(method, path, _body(method, template, victim))
        assert response.status_code == 404, f"{method} {path}: {response.text}"
        assert response.json()["error"]["code"] == "not_found"
        CHECKED.append(f"{method} {template}")
    assert _belongings(whmcs, victim["sid"]) == victim["before"]


@pytest.mark.parametrize(
    ("method", "template", "resource"),
    [route for route in ROUTES if route[2] in PER_SERVICE],
    ids=lambda v: str(v),
)
def test_another_service_of_the_same_client_cannot_use_its_snapshots_or_addresses(
    whmcs, victim, neighbour, method, template, resource
):
    for value in _values(victim, template, resource):
        path = template.replace("{serviceId}", neighbour).replace("{" + resource + "}", value)
        response = whmcs.request(method, path, _body(method, template, victim))
        assert response.status_code == 404, f"{method} {path}: {response.text}"
        assert response.json()["error"]["code"] == "not_found"
        CHECKED.append(f"{method} {template} (same client)")
    assert _belongings(whmcs, victim["sid"]) == victim["before"]


@pytest.mark.parametrize(
    ("route", "body"),
    [
        ("rescue", {}),
        ("reinstall", {"image_id": "ubuntu-22.04", "confirm": True}),
    ],
)
def test_another_clients_vault_key_in_the_body_is_not_found(whmcs, victim, attacker, route, body):
    response = whmcs.request(
        "POST", f"/services/{attacker}/{route}", {**body, "ssh_key_ids": [victim["keyId"]]}
    )
    assert response.status_code == 404, response.text
    assert response.json()["error"]["code"] == "not_found"
    CHECKED.append(f"POST /services/{{serviceId}}/{route} (ssh_key_ids)")
    assert _belongings(whmcs, victim["sid"]) == victim["before"]


def test_another_clients_zone_in_the_body_is_not_found(whmcs, victim, attacker):
    body = {"client_id": ATTACKER_CLIENT, "zone_name": VICTIM_ZONE, "name": "@"}
    response = whmcs.request("POST", f"/services/{attacker}/dns/point", body)
    assert response.status_code == 404, response.text
    taken = whmcs.request(
        "POST", f"/clients/{ATTACKER_CLIENT}/dns/zones", {"zone_name": VICTIM_ZONE}
    )
    assert taken.status_code == 409, taken.text
    CHECKED.append("POST /services/{serviceId}/dns/point (zone_name)")
    assert _belongings(whmcs, victim["sid"]) == victim["before"]


def test_a_firewall_change_never_reaches_another_services_firewall(whmcs, victim, attacker):
    base = f"/services/{attacker}/firewall"
    assert whmcs.request("PUT", base, {"rules": []}).status_code == 200
    assert whmcs.request("POST", f"{base}/presets/deny-all-inbound", {}).status_code == 200
    assert whmcs.request("DELETE", base).status_code == 200
    CHECKED.append("PUT/POST/DELETE /services/{serviceId}/firewall")
    assert _belongings(whmcs, victim["sid"]) == victim["before"]
    record_figures(
        f"ownership: {len(set(CHECKED))} route checks with another client's or service's resources "
        f"({len(CHECKED)} requests): all 404 not_found, the owner's resources unchanged"
    )


def _belongings(whmcs, sid: str) -> dict[str, Any]:
    """What the victim's client area shows of its resources."""
    view = whmcs.request("GET", f"/services/{sid}").json()
    client = view.get("client_id") or VICTIM_CLIENT
    return {
        "snapshots": _ok(whmcs.request("GET", f"/services/{sid}/snapshots"))["items"],
        "networks": _ok(whmcs.request("GET", f"/services/{sid}/private-networks"))["items"],
        "ips": _ok(whmcs.request("GET", f"/services/{sid}/ips"))["items"],
        "keys": _ok(whmcs.request("GET", f"/clients/{client}/ssh-keys"))["items"],
        "dns": _ok(whmcs.request("GET", f"/clients/{VICTIM_CLIENT}/dns/zones/{VICTIM_ZONE}")),
        "firewall": _ok(whmcs.request("GET", f"/services/{sid}/firewall"))["firewall"],
        "state": view["state"],
        "instance_status": view.get("instance_status"),
    }


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()
