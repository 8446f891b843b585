"""Secrets, tags, private networks, VIPs, PTRs, firewalls, object storage, account, audits."""

from .conftest import PROVISION_SECONDS, new_instance


def test_secrets_keep_values(api):
    created = api.data(
        "POST",
        "/v1/secrets",
        json={"name": "root", "type": "password", "value": "S3cret!Passw0rd"},
        expect=201,
    )
    secret_id = int(created[0]["secretId"])
    api.call("PATCH", f"/v1/secrets/{secret_id}", json={"value": "N3w!Passw0rd"}, expect=200)
    assert api.data("GET", f"/v1/secrets/{secret_id}")[0]["value"] == "N3w!Passw0rd"
    assert len(api.data("GET", "/v1/secrets", params={"type": "password"})) == 1
    new_instance(api, rootPassword=secret_id)
    api.call(
        "POST", "/v1/compute/instances", json={"period": 1, "sshKeys": [secret_id]}, expect=404
    )
    api.call("DELETE", f"/v1/secrets/{secret_id}", expect=204)
    assert [a["action"] for a in api.data("GET", "/v1/secrets/audits")] == [
        "CREATED",
        "UPDATED",
        "DELETED",
    ]


def test_tags_and_assignments(api):
    instance_id = new_instance(api)["instanceId"]
    tag_id = api.data("POST", "/v1/tags", json={"name": "web", "color": "#0A78C3"}, expect=201)[0][
        "tagId"
    ]
    api.call("PATCH", f"/v1/tags/{tag_id}", json={"description": "front"}, expect=200)
    assert api.data("GET", f"/v1/tags/{tag_id}")[0]["description"] == "front"
    assignment = f"/v1/tags/{tag_id}/assignments/instance/{instance_id}"
    api.call("POST", assignment, expect=201)
    assert api.data("GET", assignment)[0]["resourceName"] == f"vmi{instance_id}"
    assert len(api.data("GET", f"/v1/tags/{tag_id}/assignments")) == 1
    api.call("DELETE", assignment, expect=204)
    assert len(api.data("GET", "/v1/tags/assignments/audits")) == 2
    assert len(api.data("GET", "/v1/tags")) == 1
    api.call("DELETE", f"/v1/tags/{tag_id}", expect=204)
    assert len(api.data("GET", "/v1/tags/audits", params={"tagId": tag_id})) == 3


def test_private_network_assignment_needs_the_addon(sim, api):
    instance_id = new_instance(api)["instanceId"]
    network = api.data(
        "POST", "/v1/private-networks", json={"name": "lan", "region": "EU"}, expect=201
    )[0]
    base = f"/v1/private-networks/{network['privateNetworkId']}"
    api.call("POST", f"{base}/instances/{instance_id}", expect=400)
    api.call(
        "POST",
        f"/v1/compute/instances/{instance_id}/upgrade",
        json={"privateNetworking": {}},
        expect=200,
    )
    api.call("POST", f"{base}/instances/{instance_id}", expect=201)
    assert api.data("GET", base)[0]["instances"][0]["instanceId"] == instance_id
    api.call("PATCH", base, json={"description": "office"}, expect=200)
    api.call("DELETE", f"{base}/instances/{instance_id}", expect=201)
    assert len(api.data("GET", "/v1/private-networks")) == 1
    api.call("DELETE", base, expect=204)
    assert len(api.data("GET", "/v1/private-networks/audits")) == 5


def test_vips_assign_and_unassign(sim, api):
    instance_id = new_instance(api)["instanceId"]
    vip = api.data("GET", "/v1/vips", params={"region": "EU"})[0]
    assigned = api.data("POST", f"/v1/vips/{vip['ipAddress']}/instances/{instance_id}")[0]
    assert assigned["resourceId"] == str(instance_id)
    assert api.data("GET", f"/v1/vips/{vip['ipAddress']}")[0]["resourceId"] == str(instance_id)
    api.call("DELETE", f"/v1/vips/{vip['ipAddress']}/instances/{instance_id}", expect=204)
    assert len(api.data("GET", "/v1/vips/audits")) == 2


def test_ptr_records(api):
    instance = api.data("GET", f"/v1/compute/instances/{new_instance(api)['instanceId']}")[0]
    v4, v6 = instance["ipConfig"]["v4"]["ip"], instance["ipConfig"]["v6"]["ip"]
    default = f"{instance['name']}.contaboserver.net"
    assert api.data("GET", f"/v1/dns/ptrs/{v4}")[0]["ptr"] == default
    listed = api.data("GET", "/v1/dns/ptrs", params={"ips": f"{v4},{v6}"})
    assert {(p["ip"], p["ptr"]) for p in listed} == {(v4, default), (v6, default)}

    api.call("PUT", f"/v1/dns/ptrs/{v4}", json={"ptr": "mail.example.com"}, expect=204)
    changed = api.data("GET", f"/v1/dns/ptrs/{v4}")[0]
    assert (changed["ptr"], changed["ttl"]) == ("mail.example.com", 86400)
    assert api.data("GET", "/v1/dns/ptrs", params={"search": "mail"})[0]["ip"] == v4
    api.call("DELETE", f"/v1/dns/ptrs/{v4}", expect=400)  # "Only IPv6 can be deleted"
    api.call("GET", "/v1/dns/ptrs/192.0.2.99", expect=404)
    api.call("PUT", "/v1/dns/ptrs/192.0.2.99", json={"ptr": "x.example.com"}, expect=404)


def test_ptr_records_are_created_for_ipv6_only(api):
    instance = api.data("GET", f"/v1/compute/instances/{new_instance(api)['instanceId']}")[0]
    v4, v6 = instance["ipConfig"]["v4"], instance["ipConfig"]["v6"]
    in_network = v6["ip"].replace("::1", "::25")
    record = {"ip": in_network, "ptr": "v6.example.com", "ttl": 3600}

    created = api.data("POST", "/v1/dns/ptrs", json=record, expect=201)[0]
    assert created == {"tenantId": "DE", "customerId": created["customerId"], **record}
    api.call("POST", "/v1/dns/ptrs", json=record, expect=409)
    assert api.data("GET", "/v1/dns/ptrs", params={"search": "v6.example"})[0]["ip"] == in_network
    api.call("PUT", f"/v1/dns/ptrs/{in_network}", json={"ptr": "new.example.com"}, expect=204)
    assert api.data("GET", f"/v1/dns/ptrs/{in_network}")[0]["ttl"] == 3600
    api.call("DELETE", f"/v1/dns/ptrs/{in_network}", expect=204)
    api.call("GET", f"/v1/dns/ptrs/{in_network}", expect=404)

    api.call("POST", "/v1/dns/ptrs", json={**record, "ip": "2001:db8:ffff::1"}, expect=404)
    api.call("POST", "/v1/dns/ptrs", json={**record, "ip": v4["ip"]}, expect=400)
    api.call("POST", "/v1/dns/ptrs", json={"ip": in_network, "ptr": "x"}, expect=400)  # no ttl

    # The instance's own IPv6 has its default record; deleting a change restores it.
    api.call("PUT", f"/v1/dns/ptrs/{v6['ip']}", json={"ptr": "own.example.com"}, expect=204)
    api.call("DELETE", f"/v1/dns/ptrs/{v6['ip']}", expect=204)
    assert api.data("GET", f"/v1/dns/ptrs/{v6['ip']}")[0]["ptr"] == (
        f"{instance['name']}.contaboserver.net"
    )


def test_firewalls(sim, api):
    instance_id = new_instance(api)["instanceId"]
    rule = {
        "protocol": "tcp",
        "destPorts": ["22"],
        "srcCidr": {"ipv4": ["0.0.0.0/0"]},
        "action": "accept",
        "status": "active",
    }
    body = {"name": "ssh-only", "status": "active", "rules": {"inbound": [rule]}}
    firewall_id = api.data("POST", "/v1/firewalls", json=body, expect=201)[0]["firewallId"]
    base = f"/v1/firewalls/{firewall_id}"
    api.call("PATCH", base, json={"description": "only ssh"}, expect=200)
    api.call(
        "PUT", base, json={"rules": {"inbound": [rule, rule | {"destPorts": ["443"]}]}}, expect=200
    )
    api.call("POST", f"{base}/instances/{instance_id}", expect=201)
    firewall = api.data("GET", base)[0]
    assert (
        len(firewall["rules"]["inbound"]) == 2
        and firewall["instances"][0]["instanceId"] == instance_id
    )
    api.call("DELETE", f"{base}/instances/{instance_id}", expect=200)
    assert {p["name"] for p in api.data("GET", "/v1/firewalls/preset-rules")} >= {"SSH", "HTTPS"}
    assert len(api.data("GET", "/v1/firewalls")) == 1
    api.call("DELETE", base, expect=204)
    assert len(api.data("GET", "/v1/firewalls/audits", params={"firewallId": firewall_id})) == 6


def test_object_storage_lifecycle_and_credentials(sim, api):
    created = api.data(
        "POST", "/v1/object-storages", json={"region": "EU", "totalPurchasedSpaceTB": 1}, expect=201
    )[0]
    base = f"/v1/object-storages/{created['objectStorageId']}"
    assert sim.state.purchases["createObjectStorage"] == 1
    api.call("PATCH", base, json={"displayName": "backups"}, expect=200)
    api.call("POST", f"{base}/resize", json={"totalPurchasedSpaceTB": 2}, expect=200)
    assert api.data("GET", base)[0]["totalPurchasedSpaceTB"] == 2
    assert api.data("GET", f"{base}/stats")[0]["numberOfObjects"] == 0
    assert api.data("PATCH", f"{base}/cancel", json={})[0]["cancelDate"]
    assert len(api.data("GET", "/v1/object-storages", params={"region": "EU"})) == 1
    user_id = api.data("GET", "/v1/users")[0]["userId"]
    credential = api.data("GET", f"/v1/users/{user_id}/object-storages/credentials")[0]
    storage_path = f"/v1/users/{user_id}/object-storages/{created['objectStorageId']}"
    path = f"{storage_path}/credentials/{int(credential['credentialId'])}"
    assert api.data("GET", path)[0]["accessKey"] == credential["accessKey"]
    assert api.data("PATCH", path)[0]["accessKey"] != credential["accessKey"]
    assert len(api.data("GET", "/v1/object-storages/audits")) == 4


def test_account_roles_and_data_centers(api):
    user = api.data("GET", "/v1/users")[0]
    assert api.data("GET", f"/v1/users/{user['userId']}")[0]["email"] == "demo@reseller.example"
    assert api.data("GET", "/v1/users/client")[0]["clientId"] == "demo-client-id"
    assert api.data("GET", "/v1/roles")[0]["admin"] is True
    regions = {d["regionSlug"] for d in api.data("GET", "/v1/data-centers", params={"size": 20})}
    assert regions == {"EU", "US-central", "US-east", "US-west", "SIN", "UK", "AUS", "JPN", "IND"}


def test_no_validation_failures_recorded(sim, api):
    new_instance(api)
    sim.state.clock.advance(PROVISION_SECONDS)
    api.call("GET", "/v1/compute/instances", expect=200)
    assert sim.state.validation_failures == []
