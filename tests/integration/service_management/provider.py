"""The simulator's Contabo API, called directly by the networking tests to do what happens
outside this backend (an additional IP assigned in Contabo's panel, a look at the truth)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from local.contabo_sim.auth import TOKEN_PATH
from local.stack.runner import RunningStack


class Provider:
    def __init__(self, stack: RunningStack) -> None:
        self.http = httpx.Client(base_url=stack.sim.base_url, timeout=10)
        self.token = self._new_token()

    def _new_token(self) -> str:
        credentials = {
            "client_id": "demo-client-id",
            "client_secret": "demo-client-secret",
            "username": "demo@reseller.example",
            "password": "demo-password",
            "grant_type": "password",
        }
        return str(self.http.post(TOKEN_PATH, data=credentials).json()["access_token"])

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self._send(method, path, **kwargs)
        if response.status_code == 401:  # the tests advance the simulator's clock past its TTL
            self.token = self._new_token()
            response = self._send(method, path, **kwargs)
        return response

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}", "x-request-id": str(uuid.uuid4())}
        return self.http.request(method, path, headers=headers, **kwargs)

    def data(self, method: str, path: str, **kwargs: Any) -> list[dict[str, Any]]:
        response = self.call(method, path, **kwargs)
        assert response.is_success, response.text
        return response.json()["data"]

    def instance(self, instance_id: int) -> dict[str, Any]:
        return self.data("GET", f"/v1/compute/instances/{instance_id}")[0]

    def free_vip(self, region: str) -> str:
        for vip in self.data("GET", "/v1/vips", params={"region": region, "size": 100}):
            if not vip["resourceId"]:
                return vip["v4"]["ip"]
        raise AssertionError(f"no free VIP left in {region}")

    def assign_vip(self, ip: str, instance_id: int) -> None:
        assert self.call("POST", f"/v1/vips/{ip}/instances/{instance_id}").status_code == 200

    def unassign_vip(self, ip: str, instance_id: int) -> None:
        self.call("DELETE", f"/v1/vips/{ip}/instances/{instance_id}")

    def close(self) -> None:
        self.http.close()
