"""TestConnection's Contabo checks read one item per area, not a page of a hundred (a large
account's first page is tens of kB for Contabo to build and for the cold function to validate)."""

from __future__ import annotations

from typing import Any

import pytest

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient
from contabo_reseller.adapters.contabo.gateway import ClientGateway
from contabo_reseller.domain.errors import DomainError
from tests.unit.contabo.conftest import FakeContabo, contabo_error, ok

PATHS = {"instances": "/v1/compute/instances", "secrets": "/v1/secrets", "tags": "/v1/tags"}


def one_item_page(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "_pagination": {"size": 1, "totalElements": len(items), "totalPages": 1, "page": 1},
        "_links": {"first": "/", "previous": "/", "self": "/", "next": "/", "last": "/"},
        "data": items,
    }


@pytest.mark.parametrize("area", sorted(PATHS))
def test_each_area_is_checked_with_a_one_item_page(
    client: ContaboClient, contabo: FakeContabo, area: str
) -> None:
    contabo.replies.append(ok(one_item_page([])))
    ClientGateway(service_id="-", trace_id="t", client=client).check_area(area)

    (request,) = contabo.requests
    assert request.url.path == PATHS[area]
    assert request.url.params["size"] == "1" and request.url.params["page"] == "1"


def test_an_area_the_credentials_cannot_read_still_fails(
    client: ContaboClient, contabo: FakeContabo
) -> None:
    contabo.replies.append(contabo_error(403, "Forbidden"))
    with pytest.raises(DomainError):
        ClientGateway(service_id="-", trace_id="t", client=client).check_area("secrets")


def test_the_first_item_is_returned_and_an_empty_list_is_none(
    client: ContaboClient, contabo: FakeContabo
) -> None:
    tag = {
        "tenantId": "INT",
        "customerId": "1",
        "tagId": 7,
        "name": "a",
        "color": "#000000",
        "description": "",
    }
    contabo.replies += [ok(one_item_page([tag])), ok(one_item_page([]))]
    assert client.first_item("retrieveTagList", gm.ListTagResponse).tag_id == 7
    assert client.first_item("retrieveTagList", gm.ListTagResponse) is None
