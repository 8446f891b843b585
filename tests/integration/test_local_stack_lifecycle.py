"""The stack's own schedules fire (sped up), and stopping leaves no thread or port behind."""

import os
import socket
import threading
import time

from local.signed_client import SignedClient
from local.stack import start_local_stack
from local.stack.aws import DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET
from tests.conftest import TEST_NAMES


def _port_is_free(port: int) -> bool:
    """Nothing listens there: a restarted server could bind it (SO_REUSEADDR, as servers do;
    without it the closed connections' TIME_WAIT would block the bind for a minute)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_schedules_fire_and_stop_leaves_nothing_behind():
    threads_before = set(threading.enumerate())
    environ_before = dict(os.environ)
    # rate(5 minutes) / 3000 = every 0.1 s.
    stack = start_local_stack(api_port=0, moto_port=0, sim_port=0, speedup=3000, names=TEST_NAMES)
    ports = [stack.api_port, stack.moto.port, stack.sim.port]
    api = SignedClient(stack.api_url, DEMO_SIGNING_KEY_ID, DEMO_SIGNING_SECRET)
    try:

        def heartbeat_seen():
            report = api.request("GET", "/connection").json()
            return report["schedules"].get("schedule_heartbeat", {}).get("outcome") == "ok"

        assert _wait_for(heartbeat_seen), "the heartbeat schedule never fired"
    finally:
        api.close()
        stack.stop()

    assert all(_port_is_free(port) for port in ports), ports
    # Request threads of the servers end right after their response: give them a moment.
    assert _wait_for(lambda: set(threading.enumerate()) <= threads_before, 5), [
        t.name for t in set(threading.enumerate()) - threads_before
    ]
    assert dict(os.environ) == environ_before
