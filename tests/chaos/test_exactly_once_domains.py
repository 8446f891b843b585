"""Exactly-once domain registration and transfer under randomized faults, ``CHAOS_RUNS``
(>= 200) runs each: a purchase committed but answered with a 500 or a dropped connection, a
500 before the commit, a 429 burst, 5xx on the reads reconciliation relies on (domains audit
list, domain look-up), two orders at once, two workers at once.

WHMCS behaves as it does: a 5xx or 409 is asked again a moment later. What the simulated
registry really did is counted there: CREATED entries in its domains audit per name (a second
one is a double order) and the account's domains against the backend's rows (unlinked).
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter

import pytest

from contabo_reseller.adapters import service_store
from contabo_reseller.domain.domains import row_id
from local.contabo_sim.routes.domains import register_elsewhere
from tests.chaos.conftest import RUNS, record_figures
from tests.chaos.exactly_once_support import (
    plan,
    quick_contabo_retries,  # noqa: F401 (fixture)
)
from tests.integration.lifecycle.conftest import run_worker
from tests.simulator_faults import PURCHASE_FAULTS, apply_common_fault, together

pytestmark = pytest.mark.slow

FAULTS = (
    *PURCHASE_FAULTS,
    "read_errors",
    "concurrent_requests",
    "concurrent_workers",
)
CLIENT = "31"
CONTACT = {
    "first_name": "Chaos",
    "last_name": "Monkey",
    "email": "chaos@example.org",
    "address1": "Teststrasse 1",
    "city": "Berlin",
    "postcode": "10115",
    "country": "DE",
    "phone_country_code": "49",
    "phone_number": "301234567",
}


# The reads reconciliation relies on: the domains audit list and the domain look-up.
READ_ERROR_RATES = {"retrieveDomainsAuditsList": 0.5, "retrieveDomain": 0.3, "listDomains": 0.5}


def _order(whmcs, domain_id: str, body: dict, route: str) -> int:
    """WHMCS asks until it gets its 202 (a 409 busy or 5xx is asked again)."""
    status = 0
    for _ in range(8):
        status = whmcs.request("POST", f"/domains/{domain_id}/{route}", body).status_code
        if status == 202:
            return status
        time.sleep(0.05)
    return status


def _run(stack, whmcs, sim, index: int, fault: str, transfer: bool) -> dict:
    kind = "transfer" if transfer else "register"
    name = f"chaos-{kind}-{index}-{random.getrandbits(24):x}.com"
    domain_id = str(700_000 + index + (100_000 if transfer else 0))
    body = {
        "client_id": CLIENT,
        "domain": name,
        "nameservers": ["ns1.example.net", "ns2.example.net"],
        "contacts": {"registrant": CONTACT},
    }
    if transfer:
        body["auth_code"] = register_elsewhere(stack.sim.state, name)
    apply_common_fault(fault, sim, READ_ERROR_RATES)
    if fault == "concurrent_requests":
        together([functools.partial(_order, whmcs, domain_id, body, kind)] * 2)
        status = 202
    else:
        status = _order(whmcs, domain_id, body, kind)
    if fault == "concurrent_workers":
        together([functools.partial(run_worker, stack)] * 2)
    state = ""
    for _ in range(10):
        run_worker(stack)
        record = service_store.get(row_id(domain_id))
        state = record.state if record else ""
        if state == "active":
            break
        stack.sim.state.clock.advance(300)
        sim.post("/faults/reset")
    sim.post("/faults/reset")
    return {"name": name, "domain_id": domain_id, "status": status, "state": state}


@pytest.mark.parametrize("transfer", [False, True], ids=["registration", "transfer"])
def test_domain_orders_are_bought_exactly_once(stack, whmcs, sim, transfer):
    rng = random.Random(17 + transfer)
    faults = plan(rng, FAULTS)
    results = [_run(stack, whmcs, sim, i, fault, transfer) for i, fault in enumerate(faults)]
    created = Counter(
        entry["domain"]
        for entry in stack.sim.state.audits["domains"]
        if entry["action"] == "CREATED"
    )
    tally = Counter(runs=len(results), faulted=sum(1 for f in faults if f != "none"))
    for result in results:
        bought = created[result["name"]]
        record = service_store.get(row_id(result["domain_id"]))
        tally["purchases"] += bought
        tally["double_orders"] += bought > 1
        tally["unlinked"] += bought == 1 and (
            record is None or record.resource_id != result["name"]
        )
        tally["stuck"] += result["state"] != "active"
    figures = ", ".join(f"{key} {value}" for key, value in sorted(tally.items()))
    mix = ", ".join(f"{fault} {count}" for fault, count in sorted(Counter(faults).items()))
    kind = "transfer" if transfer else "registration"
    record_figures(f"exactly-once domain {kind}: {figures}", f"  fault mix: {mix}")
    assert tally["runs"] >= RUNS
    assert tally["double_orders"] == 0, tally
    assert tally["unlinked"] == 0, tally
    assert tally["stuck"] == 0, tally
