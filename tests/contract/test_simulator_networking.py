"""The simulator's VIP and firewall behaviour the networking routes rely on."""

from .conftest import PROVISION_SECONDS, new_instance


def test_an_assigned_vip_is_listed_in_the_instance_additional_ips(sim, api):
    instance = new_instance(api)
    instance_id = instance["instanceId"]
    vip = next(
        v
        for v in api.data("GET", "/v1/vips", params={"region": instance["region"]})
        if not v["resourceId"]
    )
    ip = vip["v4"]["ip"]
    api.call("POST", f"/v1/vips/{ip}/instances/{instance_id}", expect=200)
    shown = api.data("GET", f"/v1/compute/instances/{instance_id}")[0]["additionalIps"]
    assert [a["v4"]["ip"] for a in shown] == [ip]
    assigned = api.data("GET", "/v1/vips", params={"resourceId": str(instance_id)})
    assert [v["v4"]["ip"] for v in assigned] == [ip]

    api.call("DELETE", f"/v1/vips/{ip}/instances/{instance_id}", expect=204)
    assert api.data("GET", f"/v1/compute/instances/{instance_id}")[0]["additionalIps"] == []


def test_a_firewall_with_an_instance_attached_cannot_be_deleted(sim, api):
    instance_id = new_instance(api)["instanceId"]
    sim.state.clock.advance(PROVISION_SECONDS + 1)
    rule = {
        "protocol": "tcp",
        "destPorts": ["22"],
        "srcCidr": {"ipv4": ["AnyIPv4"], "ipv6": []},
        "action": "accept",
        "status": "active",
        "displayName": "ssh",
    }
    created = api.data(
        "POST",
        "/v1/firewalls",
        json={"name": f"fw-{instance_id}", "status": "active", "rules": {"inbound": [rule]}},
        expect=201,
    )[0]
    assert created["rules"]["inbound"][0]["srcCidr"] == {"ipv4": ["AnyIPv4"], "ipv6": []}
    base = f"/v1/firewalls/{created['firewallId']}"
    api.call("POST", f"{base}/instances/{instance_id}", expect=201)
    api.call("DELETE", base, expect=409)
    api.call("DELETE", f"{base}/instances/{instance_id}", expect=200)
    api.call("DELETE", base, expect=204)


def test_an_ordered_additional_ipv4_is_a_new_vip_assigned_to_the_instance(sim, api):
    instance_id = new_instance(api, addOns={"additionalIps": {}})["instanceId"]

    shown = api.data("GET", f"/v1/compute/instances/{instance_id}")[0]["additionalIps"]
    assert len(shown) == 1
    assigned = api.data("GET", "/v1/vips", params={"resourceId": str(instance_id)})
    assert [v["v4"]["ip"] for v in assigned] == [shown[0]["v4"]["ip"]]
    plain_id = new_instance(api)["instanceId"]
    assert api.data("GET", "/v1/vips", params={"resourceId": str(plain_id)}) == []


def test_addons_ids_buy_a_quantity_of_additional_ipv4_and_unknown_ids_are_refused(sim, api):
    from local.contabo_sim.catalog import ADDITIONAL_IPV4_ADDON_ID

    wanted = [{"id": ADDITIONAL_IPV4_ADDON_ID, "quantity": 3}]
    instance_id = new_instance(api, addOns={"addonsIds": wanted})["instanceId"]
    instance = api.data("GET", f"/v1/compute/instances/{instance_id}")[0]
    assert len({a["v4"]["ip"] for a in instance["additionalIps"]}) == 3
    assert {"id": ADDITIONAL_IPV4_ADDON_ID, "quantity": 3} in instance["addOns"]
    assigned = api.data("GET", "/v1/vips", params={"resourceId": str(instance_id)})
    assert len(assigned) == 3

    unknown = [{"id": 999999, "quantity": 1}]
    body = {"imageId": instance["imageId"], "productId": "V91", "addOns": {"addonsIds": unknown}}
    api.call("POST", "/v1/compute/instances", json=body, expect=400)
