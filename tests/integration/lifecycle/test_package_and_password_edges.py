"""ChangePassword on Windows, and ChangePackage when Contabo's answer to the upgrade is lost."""

from __future__ import annotations

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.services import manage_service
from tests.integration.lifecycle.conftest import settle
from tests.integration.lifecycle.test_create_and_provision import order

WINDOWS_IMAGE = "windows-server-2022-standard"


def _active(stack, whmcs, sim, service_id: str, **overrides) -> dict:
    created = whmcs.request("POST", f"/services/{service_id}/create", order(**overrides))
    assert created.status_code == 202, created.text
    settle(stack, whmcs, service_id, "provisioning")
    sim.post("/clock/advance", json={"seconds": 120})
    return settle(stack, whmcs, service_id, "active")


def _upgrades(sim) -> int:
    return sim.get("/state").json()["purchases"].get("upgradeInstance", 0)


def _add_ons(stack, instance_id: int) -> list[int]:
    return [add_on["id"] for add_on in stack.sim.state.instances[instance_id]["addOns"]]


def test_windows_servers_get_a_clear_refusal_of_password_reset(stack, whmcs, sim, service_id):
    view = _active(
        stack,
        whmcs,
        sim,
        service_id,
        image_id=WINDOWS_IMAGE,
        default_user="administrator",
        ssh_keys=[],
        user_data=None,
    )
    assert view["os"] == WINDOWS_IMAGE

    refused = whmcs.request(
        "POST", f"/services/{service_id}/change-password", {"password": "N3w!Pass#word"}
    )
    assert refused.status_code == 422, refused.text
    message = refused.json()["error"]["message"]
    assert "Windows" in message and "within Windows" in message
    assert "N3w!Pass#word" not in refused.text
    # Nothing was asked of Contabo: a reset would have put the instance in reset_password.
    assert stack.sim.state.instances[view["instance_id"]]["status"] == "running"


@pytest.mark.parametrize("mode", ["500", "drop"])
def test_an_upgrade_whose_answer_was_lost_is_bought_once_and_converges(
    stack, whmcs, sim, service_id, mode
):
    view = _active(stack, whmcs, sim, service_id)
    before, add_ons_before = _upgrades(sim), _add_ons(stack, view["instance_id"])
    body = {"add_ons": {"backup": True}}

    sim.post("/faults", json={"commit_then_fail": {"count": 1, "mode": mode}})
    lost = whmcs.request(
        "POST", f"/services/{service_id}/change-package", body, idempotency_key="upgrade-0001"
    )
    assert lost.status_code == 503, lost.text  # outcome unknown: WHMCS may retry
    assert _upgrades(sim) == before + 1  # it was bought
    assert len(_add_ons(stack, view["instance_id"])) == len(add_ons_before) + 1

    retried = whmcs.request(
        "POST", f"/services/{service_id}/change-package", body, idempotency_key="upgrade-0001"
    )
    assert retried.status_code == 200, retried.text
    assert _upgrades(sim) == before + 1  # the retry recognised the purchase: not bought again

    again = whmcs.request("POST", f"/services/{service_id}/change-package", body)
    assert again.status_code == 200
    assert _upgrades(sim) == before + 1  # the add-on is recorded now: nothing to buy
    assert len(_add_ons(stack, view["instance_id"])) == len(add_ons_before) + 1


def test_an_upgrade_that_never_reached_contabo_is_bought_once_its_window_has_passed(
    stack, whmcs, sim, service_id
):
    view = _active(stack, whmcs, sim, service_id)
    before = _upgrades(sim)
    body = {"add_ons": {"private_networking": True}}

    sim.post("/faults", json={"fail_before_commit": 1})
    failed = whmcs.request("POST", f"/services/{service_id}/change-package", body)
    assert failed.status_code == 503, failed.text
    assert _upgrades(sim) == before

    at_once = whmcs.request("POST", f"/services/{service_id}/change-package", body)
    assert at_once.status_code == 200, at_once.text  # told "being confirmed", not refused
    assert "being confirmed" in at_once.json()["status_message"]
    assert _upgrades(sim) == before  # the lists may still lag: nothing bought twice

    record = service_store.require(service_id)
    pending = dict(record.details["upgrade_pending"])
    pending["started_at"] -= manage_service.UPGRADE_SETTLE_SECONDS + 1
    service_store.update(record, details={"upgrade_pending": pending})
    retried = whmcs.request("POST", f"/services/{service_id}/change-package", body)
    assert retried.status_code == 200, retried.text
    assert _upgrades(sim) == before + 1
    assert len(_add_ons(stack, view["instance_id"])) == 1
