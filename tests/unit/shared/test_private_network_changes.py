"""What a customer is told after joining or leaving a private network, by what the provider
says the server needs (services.private_networks.apply_change)."""

from __future__ import annotations

from contabo_reseller.adapters.contabo.errors import ContaboConflict
from contabo_reseller.domain.private_networks import (
    NEEDS_REINSTALL,
    RESTART_YOURSELF,
    RESTARTING,
)
from contabo_reseller.services.private_networks import apply_change


class RestartOnly:
    """Only ``restart`` may be called; ``busy`` makes the provider refuse it (409)."""

    def __init__(self, busy: bool = False) -> None:
        self.busy = busy
        self.restarted: list[int] = []

    def restart(self, instance_id: int) -> None:
        if self.busy:
            raise ContaboConflict("Action restart is not possible now", request_id="r-1")
        self.restarted.append(instance_id)


def test_a_restart_is_asked_for_when_the_provider_needs_one():
    gateway = RestartOnly()
    assert apply_change(gateway, 42, "restart") == RESTARTING
    assert gateway.restarted == [42]


def test_a_needed_reinstall_is_said_never_done():
    gateway = RestartOnly()
    for needs in ("reinstall", "reinstallation failed"):
        assert apply_change(gateway, 42, needs) == NEEDS_REINSTALL
    assert gateway.restarted == []


def test_nothing_to_do_says_nothing():
    gateway = RestartOnly()
    assert apply_change(gateway, 42, "ok") is None
    assert gateway.restarted == []


def test_a_refused_restart_leaves_it_to_the_customer():
    assert apply_change(RestartOnly(busy=True), 42, "restart") == RESTART_YOURSELF
