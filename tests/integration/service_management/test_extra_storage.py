"""Extra storage bought with the server: the create call carries it (one size per disk, per
medium), the provider's instance shows the add-on and the larger disk; a size outside 0.1-16
TB is a readable 400 before anything is recorded."""

from __future__ import annotations

from local.contabo_sim.catalog import ADDON_IDS
from tests.integration.lifecycle.conftest import _service_ids, purchases
from tests.integration.lifecycle.test_create_and_provision import order


def test_extra_disks_are_bought_once_with_the_server(whmcs, sim, stack, service_factory):
    plain = service_factory()
    plain_disk = stack.sim.state.instances[int(_instance(whmcs, plain))]["diskMb"]
    before = purchases(sim)
    disks = [{"type": "nvme", "size_tb": "1"}, {"type": "ssd", "size_tb": "0.5"}]
    sid = service_factory(add_ons={"extra_storage": disks})
    assert purchases(sim) == before + 1
    instance = stack.sim.state.instances[int(_instance(whmcs, sid))]
    assert {"id": ADDON_IDS["extraStorage"], "quantity": 2} in instance["addOns"]
    assert instance["diskMb"] == plain_disk + round(1.5 * 1024 * 1024)


def test_a_size_outside_the_range_is_refused_before_anything_is_recorded(whmcs):
    for size in ("0", "17", "1.25", "big"):
        sid = str(next(_service_ids))
        body = order(add_ons={"extra_storage": [{"type": "nvme", "size_tb": size}]})
        refused = whmcs.request("POST", f"/services/{sid}/create", body)
        assert refused.status_code == 400, size
        assert "size_tb" in refused.json()["error"]["message"]
        assert whmcs.request("GET", f"/services/{sid}").status_code == 404
    too_many = order(add_ons={"extra_storage": [{"type": "ssd", "size_tb": "1"}] * 5})
    assert (
        whmcs.request("POST", f"/services/{next(_service_ids)}/create", too_many).status_code == 400
    )


def _instance(whmcs, sid: str) -> str:
    return str(whmcs.request("GET", f"/services/{sid}").json()["instance_id"])
