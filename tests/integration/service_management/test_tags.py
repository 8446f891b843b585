"""Tags: the service tag from provisioning, the admin's extra tags created and assigned at
Contabo (and taken off again), shared tags never duplicated, input validated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.service_management.conftest import suspend
from tests.integration.service_management.provider import Provider


@pytest.fixture
def provider(stack) -> Iterator[Provider]:
    client = Provider(stack)
    yield client
    client.close()


def _tag_id(provider: Provider, name: str) -> int:
    tags = provider.data("GET", "/v1/tags", params={"name": name})
    assert len(tags) == 1, tags
    return tags[0]["tagId"]


def _assigned(provider: Provider, name: str, instance_id: int) -> bool:
    path = f"/v1/tags/{_tag_id(provider, name)}/assignments/instance/{instance_id}"
    return provider.call("GET", path).status_code == 200


def _set(whmcs, sid: str, tags: list[str]):
    return whmcs.request("PUT", f"/admin/services/{sid}/tags", {"tags": tags})


def test_extra_tags_are_created_assigned_and_taken_off(whmcs, provider, active_service):
    sid = active_service
    service_tag = f"whmcs-service-{sid}"
    instance_id = whmcs.request("GET", f"/services/{sid}").json()["instance_id"]
    assert whmcs.request("GET", f"/services/{sid}/tags").json() == {"items": [service_tag]}

    tagged = _set(whmcs, sid, ["web", "prod:eu"])
    assert tagged.status_code == 200, tagged.text
    assert tagged.json() == {"items": [service_tag, "web", "prod:eu"]}
    assert _assigned(provider, "web", instance_id) and _assigned(provider, "prod:eu", instance_id)
    assert whmcs.request("GET", f"/services/{sid}/tags").json() == tagged.json()

    fewer = _set(whmcs, sid, ["web"])
    assert fewer.json() == {"items": [service_tag, "web"]}
    assert not _assigned(provider, "prod:eu", instance_id)  # taken off, the tag itself kept

    none = _set(whmcs, sid, [])
    assert none.json() == {"items": [service_tag]}
    assert _assigned(provider, service_tag, instance_id)  # the service tag always stays
    assert not _assigned(provider, "web", instance_id)


def test_a_tag_shared_by_servers_exists_once(whmcs, provider, service_factory):
    first, second = service_factory(), service_factory(client_id="8")
    assert _set(whmcs, first, ["shared-tag"]).status_code == 200
    assert _set(whmcs, second, ["shared-tag"]).status_code == 200
    tag_id = _tag_id(provider, "shared-tag")
    assignments = provider.data("GET", f"/v1/tags/{tag_id}/assignments")
    assert len(assignments) == 2


@pytest.mark.parametrize(
    ("tags", "says"),
    [
        (["whmcs-service-1"], "reserved"),
        (["two words"], "letters, digits"),
        ([f"t{n}" for n in range(21)], "at most 20"),
    ],
)
def test_invalid_tags_are_a_readable_400(whmcs, active_service, tags, says):
    refused = _set(whmcs, active_service, tags)
    assert refused.status_code == 400
    assert says in refused.json()["error"]["message"]


def test_the_admin_may_label_a_suspended_service(whmcs, active_service):
    suspend(whmcs, active_service)
    labelled = _set(whmcs, active_service, ["overdue"])
    assert labelled.status_code == 200, labelled.text
    assert "overdue" in whmcs.request("GET", f"/services/{active_service}/tags").json()["items"]


def test_a_server_being_set_up_or_unknown_cannot_be_tagged(whmcs, pending_service):
    refused = _set(whmcs, pending_service, ["web"])
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("This server is still being set up.")
    assert _set(whmcs, "999999994", ["web"]).status_code == 404
    assert whmcs.request("GET", "/services/999999994/tags").status_code == 404
