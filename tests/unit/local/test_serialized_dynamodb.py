"""The local moto gives DynamoDB's one-winner guarantee for conditional writes: its DynamoDB
calls run one at a time (moto alone lets two concurrent conditional writes both pass)."""

from __future__ import annotations

import threading
import time

from local.stack.moto_server import SerializedDynamoDB


class _CountingApp:
    def __init__(self, barrier: threading.Barrier | None = None) -> None:
        self.inside = 0
        self.most_inside = 0
        self._count = threading.Lock()
        self._barrier = barrier

    def __call__(self, environ, start_response):
        with self._count:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        if self._barrier is not None:
            self._barrier.wait(timeout=5)  # only passes if the calls really run together
        else:
            time.sleep(0.05)
        with self._count:
            self.inside -= 1
        return [b"{}"]


def _call_concurrently(app, target: str, callers: int) -> None:
    environ = {"HTTP_X_AMZ_TARGET": target}
    threads = [
        threading.Thread(target=lambda: app(environ, lambda *_: None)) for _ in range(callers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_dynamodb_calls_run_one_at_a_time():
    inner = _CountingApp()
    _call_concurrently(SerializedDynamoDB(inner), "DynamoDB_20120810.UpdateItem", callers=4)
    assert inner.most_inside == 1


def test_other_services_stay_concurrent():
    inner = _CountingApp(barrier=threading.Barrier(2))
    _call_concurrently(SerializedDynamoDB(inner), "secretsmanager.GetSecretValue", callers=2)
    assert inner.most_inside == 2
