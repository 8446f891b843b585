"""What a reseller's staff see in X-Ray for one WHMCS request: each AWS call once, named by its
operation and table. X-Ray's own "pynamodb" patch wrapped botocore's HTTP send, under the
botocore patch that already records every DynamoDB call (pynamodb's included), so each call
appeared twice and its answer was parsed a second time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tests.xray_capture import traced


def _entities(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield document
    for child in document.get("subsegments", []):
        yield from _entities(child)


def test_each_dynamodb_call_is_one_subsegment_with_its_operation_and_table(whmcs, service_factory):
    service_id = service_factory()

    with traced() as capture:
        response = whmcs.request("GET", f"/services/{service_id}")
        assert response.status_code == 200, response.text
        documents = [json.loads(document) for document in capture.documents]

    dynamodb_calls = [
        entity
        for document in documents
        for entity in _entities(document)
        if entity.get("namespace") == "aws" and entity.get("name", "").lower() == "dynamodb"
    ]
    assert dynamodb_calls, "the request made no DynamoDB call X-Ray recorded"
    request_ids = [call["aws"].get("request_id") for call in dynamodb_calls]
    assert all(request_ids), dynamodb_calls
    duplicated = {rid for rid in request_ids if request_ids.count(rid) > 1}
    assert not duplicated, f"{len(duplicated)} DynamoDB calls recorded more than once"
    for call in dynamodb_calls:
        assert call["aws"].get("operation"), call
        assert call["aws"].get("table_name"), call
