"""The lifecycle's Contabo port (services.contabo_gateway.ContaboGateway), on the real client.

Translates between the lifecycle's words (order, service tag, power action) and Contabo's
operations and generated models, so services never see Contabo's field names.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.client import ContaboClient, get_contabo_client
from contabo_reseller.adapters.contabo.errors import ContaboNotFound
from contabo_reseller.adapters.contabo.orders import create_instance_request
from contabo_reseller.domain.errors import DomainError
from contabo_reseller.domain.instance import InstanceFacts

SERVICE_TAG_COLOR = "#0A78C3"


class ClientGateway:
    def __init__(self, service_id: str, trace_id: str, client: ContaboClient | None = None):
        self._service_id = service_id
        self._client = (client or get_contabo_client()).for_service(service_id, trace_id)

    # Purchases and their reconciliation ----------------------------------------------------

    def create_instance(
        self,
        *,
        request_id: str,
        order: dict[str, Any],
        display_name: str,
        root_password_secret_id: int,
        ssh_key_secret_ids: list[int],
    ) -> int:
        request = create_instance_request(
            order, display_name, root_password_secret_id, ssh_key_secret_ids
        )
        return self._client.create_instance(request, request_id=request_id).instance_id

    def find_instance_by_request_id(self, request_id: str | None) -> int | None:
        if not request_id:
            return None
        for audit in self._client.instance_audits(request_id=request_id):
            if str(getattr(audit.action, "value", audit.action)).upper() == "CREATED":
                return audit.instance_id
        return None

    def find_instance_by_display_name(self, display_name: str | None) -> int | None:
        if not display_name:
            return None
        for instance in self._client.list_instances(display_name=display_name):
            if instance.display_name == display_name:  # the filter may match substrings
                return instance.instance_id
        return None

    def upgrade_instance(
        self, instance_id: int, *, private_networking: bool, backup: bool, request_id: str
    ) -> None:
        request = gm.UpgradeInstanceRequest(
            private_networking=gm.PrivateNetworkingUpgradeRequest() if private_networking else None,
            backup=gm.Backup() if backup else None,
        )
        self._client.upgrade_instance(instance_id, request, request_id=request_id)

    def instance_changed_by_request_id(self, instance_id: int, request_id: str) -> bool:
        return any(
            audit.instance_id == instance_id
            for audit in self._client.instance_audits(request_id=request_id)
        )

    # Instances -----------------------------------------------------------------------------

    def get_instance(self, instance_id: int) -> InstanceFacts:
        return instance_facts(self._client.get_instance(instance_id))

    def power(self, instance_id: int, action: str) -> None:
        calls = {
            "start": self._client.start_instance,
            "stop": self._client.stop_instance,
            "shutdown": self._client.shutdown_instance,
            "restart": self._client.restart_instance,
        }
        calls[action](instance_id)

    def reset_password(self, instance_id: int, root_password_secret_id: int) -> None:
        self._client.reset_password(instance_id, root_password_secret_id=root_password_secret_id)

    def cancel_instance(self, instance_id: int) -> str | None:
        result = self._client.cancel_instance(instance_id)
        return cancel_day(getattr(result, "cancel_date", None))

    def delete_snapshots(self, instance_id: int) -> int:
        snapshots = list(self._client.list_snapshots(instance_id))
        for snapshot in snapshots:
            _ignore_gone(self._client.delete_snapshot, instance_id, snapshot.snapshot_id)
        return len(snapshots)

    def leave_private_networks(self, instance_id: int) -> int:
        networks = list(self._client.list_private_networks(instance_ids=[instance_id]))
        for network in networks:
            _ignore_gone(
                self._client.unassign_private_network, network.private_network_id, instance_id
            )
        return len(networks)

    # Service tag ---------------------------------------------------------------------------

    def tag_instance(self, instance_id: int) -> None:
        tag_id = self._service_tag_id(create=True)
        assert tag_id is not None
        try:
            self._client.assign_tag(tag_id, "instance", instance_id)
        except DomainError as error:
            if "already" not in error.message.lower():
                raise

    def remove_service_tag(self, instance_id: int) -> None:
        tag_id = self._service_tag_id(create=False)
        if tag_id is None:
            return
        _ignore_gone(self._client.unassign_tag, tag_id, "instance", instance_id)
        _ignore_gone(self._client.delete_tag, tag_id)

    def _service_tag_id(self, *, create: bool) -> int | None:
        name = f"whmcs-service-{self._service_id}"
        for tag in self._client.list_tags(name=name):
            if tag.name == name:
                return tag.tag_id
        if not create:
            return None
        return self._client.create_tag(name, SERVICE_TAG_COLOR).tag_id

    # Secrets -------------------------------------------------------------------------------

    def create_secret(self, name: str, value: str, secret_type: str) -> int:
        return int(self._client.create_secret(name, value, secret_type).secret_id)

    def update_secret(self, secret_id: int, value: str) -> None:
        self._client.update_secret(secret_id, value=value)

    def get_secret_value(self, secret_id: int) -> str:
        return self._client.get_secret(secret_id).value

    def delete_secret(self, secret_id: int) -> None:
        _ignore_gone(self._client.delete_secret, secret_id)

    # Access --------------------------------------------------------------------------------

    ACCESS_AREAS: tuple[str, ...] = ("instances", "secrets", "tags")

    def check_access(self) -> dict[str, bool]:
        for area in self.ACCESS_AREAS:
            self.check_area(area)
        return dict.fromkeys(self.ACCESS_AREAS, True)

    def check_area(self, area: str) -> None:
        """Reads one item of ``area``; raises a typed error (bad credentials, unavailable)
        if the credentials cannot."""
        readers: dict[str, Callable[[], Any]] = {
            "instances": lambda: self._client.first_item(
                "retrieveInstancesList", gm.ListInstancesResponse
            ),
            "secrets": lambda: self._client.first_item("retrieveSecretList", gm.ListSecretResponse),
            "tags": lambda: self._client.first_item("retrieveTagList", gm.ListTagResponse),
        }
        readers[area]()


def instance_facts(instance: Any) -> InstanceFacts:
    """A Contabo instance (single or list item: the same fields) in the lifecycle's words."""
    ip_config = instance.ip_config
    return InstanceFacts(
        instance_id=instance.instance_id,
        display_name=instance.display_name,
        status=str(getattr(instance.status, "value", instance.status)),
        error_message=instance.error_message,
        product_id=instance.product_id,
        region=instance.region,
        image_id=instance.image_id,
        os_type=instance.os_type,
        ipv4=ip_config.v4.ip if ip_config and ip_config.v4 else None,
        ipv6=ip_config.v6.ip if ip_config and ip_config.v6 else None,
        additional_ips=[extra.v4.ip for extra in instance.additional_ips if extra.v4],
        add_ons=[str(add_on.id) for add_on in instance.add_ons],
        cpu_cores=instance.cpu_cores,
        ram_mb=int(instance.ram_mb),
        disk_mb=int(instance.disk_mb),
        default_user=str(getattr(instance.default_user, "value", instance.default_user or ""))
        or None,
        cancel_date=cancel_day(instance.cancel_date),
        created_date=_iso(instance.created_date),
    )


def cancel_day(value: Any) -> str | None:
    """``yyyy-mm-dd`` of a cancel date, which Contabo sends as "" (none), a date or a date-time
    (its spec's own examples show ``2021-06-02`` and ``2021-06-02T00:00:00.000+0000``)."""
    text = _iso(value)
    if text and len(text) > 10 and text[4] == "-" and text[7] == "-" and text[10] in "T ":
        return text[:10]
    return text


def _iso(value: Any) -> str | None:
    """Dates come as date/datetime or, where the spec says string, as text; "" means none."""
    if not value:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _ignore_gone(call: Any, *args: Any) -> None:
    """Cleanup of something already gone counts as done."""
    with contextlib.suppress(ContaboNotFound):
        call(*args)
