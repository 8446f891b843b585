"""What the module's ListAccounts reads from GET /services: the order's client email."""

from __future__ import annotations

from tests.integration.lifecycle.test_create_and_provision import order


def test_the_orders_client_email_is_in_the_view_and_the_list(whmcs, service_id):
    created = whmcs.request(
        "POST", f"/services/{service_id}/create", order(client_email="grace@example.com")
    )
    assert created.status_code == 202, created.text
    assert whmcs.request("GET", f"/services/{service_id}").json()["client_email"] == (
        "grace@example.com"
    )
    listed: dict = {}
    cursor = None
    while True:
        page = whmcs.request("GET", "/services" + (f"?cursor={cursor}" if cursor else "")).json()
        listed.update({s["service_id"]: s for s in page["services"]})
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert listed[service_id]["client_email"] == "grace@example.com"
