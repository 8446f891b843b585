"""The simulator's object storages against the spec, where the product depends on them: one
per region per account, PROVISIONING then READY, no shrinking, CANCELLED at the cancel date,
audits by x-request-id with their changes, S3 credentials per storage. Every success response
is checked by the independent validator (``api``)."""

import uuid

from local.contabo_sim.routes.object_storages import set_usage

from .conftest import CREDENTIALS, PROVISION_SECONDS, TOKEN_PATH

STORAGES = "/v1/object-storages"


def _create(api, region="EU", size=1, **extra):
    body = {"region": region, "totalPurchasedSpaceTB": size} | extra
    return api.data("POST", STORAGES, json=body, expect=201)[0]


def test_one_object_storage_per_region(sim, api):
    _create(api, "EU")
    refused = api.call(
        "POST", STORAGES, json={"region": "EU", "totalPurchasedSpaceTB": 1}, expect=409
    )
    assert "one object storage per location" in refused.json()["message"]
    assert sim.state.purchases["createObjectStorage"] == 1
    _create(api, "SIN")
    api.call("POST", STORAGES, json={"region": "UK", "totalPurchasedSpaceTB": 1}, expect=400)
    assert {s["region"] for s in api.data("GET", STORAGES)} == {
        "European Union",
        "Asia (Singapore)",
    }
    assert len(api.data("GET", STORAGES, params={"region": "SIN"})) == 1


def test_provisioning_then_ready(sim, api):
    created = _create(api, autoScaling={"state": "enabled", "sizeLimitTB": 3})
    assert created["status"] == "PROVISIONING" and created["usedSpaceTB"] == 0
    path = f"{STORAGES}/{created['objectStorageId']}"
    assert api.data("GET", path)[0]["autoScaling"] == {"state": "enabled", "sizeLimitTB": 3.0}
    sim.state.clock.advance(PROVISION_SECONDS)
    assert api.data("GET", path)[0]["status"] == "READY"


def test_resize_grows_never_shrinks_and_is_audited_by_request_id(api):
    storage_id = _create(api, size=2)["objectStorageId"]
    path = f"{STORAGES}/{storage_id}/resize"
    api.call("POST", path, json={"totalPurchasedSpaceTB": 1}, expect=400)
    request_id = str(uuid.uuid4())
    grown = api.data(
        "POST",
        path,
        json={"totalPurchasedSpaceTB": 3, "autoScaling": {"state": "disabled"}},
        headers={"x-request-id": request_id},
    )[0]
    assert grown["totalPurchasedSpaceTB"] == 3
    (audit,) = api.data("GET", f"{STORAGES}/audits", params={"requestId": request_id})
    assert audit["objectStorageId"] == storage_id and audit["action"] == "UPDATED"
    assert audit["changes"]["prev"]["totalPurchasedSpaceTB"] == 2
    assert audit["changes"]["new"]["totalPurchasedSpaceTB"] == 3


def test_cancelled_storage_ends_at_its_cancel_date_and_frees_the_region(sim, api):
    storage_id = _create(api)["objectStorageId"]
    path = f"{STORAGES}/{storage_id}"
    cancel_date = api.data("PATCH", f"{path}/cancel", json={})[0]["cancelDate"]
    api.call("PATCH", f"{path}/cancel", json={}, expect=409)
    api.call("POST", STORAGES, json={"region": "EU", "totalPurchasedSpaceTB": 1}, expect=409)
    sim.state.clock.advance(31 * 86400)
    api.token = api.http.post(TOKEN_PATH, data=CREDENTIALS).json()["access_token"]  # expired
    ended = api.data("GET", path)[0]
    assert ended["status"] == "CANCELLED" and ended["cancelDate"] == cancel_date
    api.call("POST", f"{path}/resize", json={"totalPurchasedSpaceTB": 2}, expect=409)
    _create(api, "EU")


def test_stats_and_one_key_pair_per_user_across_locations(sim, api):
    first, second = _create(api, "EU"), _create(api, "US-central", size=2)
    set_usage(sim.state, second["objectStorageId"], 0.5, 7)
    stats = api.data("GET", f"{STORAGES}/{second['objectStorageId']}/stats")[0]
    assert stats["usedSpaceTB"] == 0.5 and stats["usedSpacePercentage"] == 25
    assert stats["numberOfObjects"] == 7
    user_id = api.data("GET", "/v1/users")[0]["userId"]
    listing = f"/v1/users/{user_id}/object-storages/credentials"
    (mine,) = api.data("GET", listing, params={"objectStorageId": first["objectStorageId"]})
    assert mine["region"] == "European Union"
    (theirs,) = api.data("GET", listing, params={"regionName": "United States (Central)"})
    assert theirs["objectStorageId"] == second["objectStorageId"]
    # "All purchased object storages in different locations share the same credentials."
    assert (mine["accessKey"], mine["secretKey"]) == (theirs["accessKey"], theirs["secretKey"])
    wrong = f"/v1/users/{user_id}/object-storages/{second['objectStorageId']}/credentials"
    api.call("GET", f"{wrong}/{int(mine['credentialId'])}", expect=404)
    first_path = f"/v1/users/{user_id}/object-storages/{first['objectStorageId']}/credentials"
    renewed = api.data("PATCH", f"{first_path}/{int(mine['credentialId'])}")[0]
    assert renewed["accessKey"] != mine["accessKey"]
    (theirs_now,) = api.data("GET", listing, params={"regionName": "United States (Central)"})
    assert theirs_now["accessKey"] == renewed["accessKey"]  # replaced in every location


def test_sub_users_have_their_own_keys_roles_and_can_be_disabled(sim, api):
    storage = _create(api, "EU")
    roles = {r["name"]: r for r in api.data("GET", "/v1/roles")}
    s3_role = roles["S3 Read and Write"]
    assert not s3_role["admin"] and not s3_role["accessAllResources"]
    body = {"email": "c1@s3.example", "enabled": True, "totp": False, "locale": "en"}
    created = api.call("POST", "/v1/users", json={**body, "roles": [s3_role["roleId"]]}, expect=201)
    user_id = created.json()["data"][0]["userId"]
    api.call("POST", "/v1/users", json=body, expect=409)  # one user per e-mail
    (user,) = api.data("GET", "/v1/users", params={"email": "c1@s3.example"})
    assert [r["name"] for r in user["roles"]] == ["S3 Read and Write"] and not user["owner"]
    owner_id = api.data("GET", "/v1/users", params={"owner": "true"})[0]["userId"]
    mine = api.data("GET", f"/v1/users/{user_id}/object-storages/credentials")
    owners = api.data("GET", f"/v1/users/{owner_id}/object-storages/credentials")
    assert [c["objectStorageId"] for c in mine] == [storage["objectStorageId"]]
    assert mine[0]["accessKey"] != owners[0]["accessKey"]
    api.call("PATCH", f"/v1/users/{user_id}", json={"enabled": False}, expect=200)
    assert api.data("GET", f"/v1/users/{user_id}")[0]["enabled"] is False
    api.call("DELETE", f"/v1/users/{user_id}", expect=204)
    api.call("GET", f"/v1/users/{user_id}/object-storages/credentials", expect=404)
    api.call("DELETE", f"/v1/users/{owner_id}", expect=403)


def test_purchase_faults_cover_create_and_resize(sim, api):
    sim.state.faults.configure({"commit_then_fail": {"count": 1, "mode": "500"}})
    api.call("POST", STORAGES, json={"region": "EU", "totalPurchasedSpaceTB": 1}, expect=500)
    (storage,) = sim.state.object_storages.values()  # bought although the answer failed
    resize = f"{STORAGES}/{storage['objectStorageId']}/resize"
    sim.state.faults.configure({"commit_then_fail": {"count": 1, "mode": "500"}})
    api.call("POST", resize, json={"totalPurchasedSpaceTB": 2}, expect=500)
    assert storage["totalPurchasedSpaceTB"] == 2
    sim.state.faults.configure({"fail_before_commit": 1})
    api.call("POST", resize, json={"totalPurchasedSpaceTB": 3}, expect=500)
    assert storage["totalPurchasedSpaceTB"] == 2
    assert sim.state.purchases == {"createObjectStorage": 1, "upgradeObjectStorage": 1}
