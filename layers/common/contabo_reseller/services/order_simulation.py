"""POST /admin/orders/simulate: what CreateAccount would do with an order, without buying.

The checks are create's own (the order's validation, the effective catalog, the service's
state) plus the region, which Contabo checks only at purchase. Nothing is bought, and no
service, order or audit row is written.
"""

from __future__ import annotations

from contabo_reseller.adapters import service_store
from contabo_reseller.domain import installations
from contabo_reseller.domain.catalog import CatalogProduct
from contabo_reseller.domain.errors import InvalidInput
from contabo_reseller.domain.instance import ImageFacts
from contabo_reseller.domain.order_simulation import (
    OrderSimulation,
    SimulateOrderRequest,
    SimulationCheck,
    with_placeholders,
)
from contabo_reseller.domain.service import display_name_for
from contabo_reseller.services import catalog, guardrails
from contabo_reseller.services.create_service import ORDERABLE

SAMPLE_SERVICE_ID = "0"


def simulate(
    request: SimulateOrderRequest, installation: str = installations.DEFAULT_INSTALLATION
) -> OrderSimulation:
    """``installation``: the asking admin's WHMCS, whose service and product ids these are."""
    checks: list[SimulationCheck] = []
    product = _check_product(checks, request.product_id)
    image = _check_image(checks, request.image_id)
    region_ok = _check_region(checks, request.region)
    checks.append(_ssh_keys(request))
    checks.append(_cloud_init(request))
    if request.service_id is not None:
        checks.append(_service(installations.scoped_id(installation, request.service_id)))
    product_id = request.whmcs_product_id
    rules = guardrails.get_guardrails(
        product_id and installations.scoped_id(installation, product_id)
    )
    simulation = OrderSimulation(
        would_order=all(check.ok for check in checks),
        checks=checks,
        guardrails=rules,
        warnings=_guardrail_warnings(request, rules.require_ssh_key, rules.cloud_init_max_bytes),
    )
    if product is not None and image is not None and region_ok:
        # The generated Contabo models load when a body is built, not at the tools' cold start.
        from contabo_reseller.adapters.contabo.orders import create_instance_request

        order = request.model_dump(mode="json", exclude={"service_id"})
        order["image_id"] = image.image_id
        payload = create_instance_request(
            order,
            display_name_for(request.service_id or SAMPLE_SERVICE_ID),
            0,
            [0] * len(request.ssh_keys),
        ).model_dump(by_alias=True, exclude_none=True, mode="json")
        simulation.create_instance_request = with_placeholders(
            payload, len(request.ssh_keys), _bytes(request.user_data)
        )
    return simulation


def _check_product(checks: list[SimulationCheck], product_id: str) -> CatalogProduct | None:
    try:
        product = catalog.require_orderable_product(product_id)
    except InvalidInput as refusal:  # create's own refusal, word for word
        checks.append(SimulationCheck(name="product", ok=False, message=refusal.message))
        return None
    message = f"{product.product_id}: {product.display_name}"
    checks.append(SimulationCheck(name="product", ok=True, message=message))
    return product


def _check_image(checks: list[SimulationCheck], image_id: str) -> ImageFacts | None:
    try:
        image = catalog.resolve_image(image_id)
    except InvalidInput as refusal:
        checks.append(SimulationCheck(name="image", ok=False, message=refusal.message))
        return None
    message = f"{image.name} ({image.image_id})"
    checks.append(SimulationCheck(name="image", ok=True, message=message))
    return image


def _check_region(checks: list[SimulationCheck], region: str) -> bool:
    known = {r.region_id: r for r in catalog.known_regions()}
    if region in known:
        message = f"{region}: {known[region].name}"
        checks.append(SimulationCheck(name="region", ok=True, message=message))
        return True
    checks.append(
        SimulationCheck(
            name="region",
            ok=False,
            message=(
                f"The region {region} is not in the synced catalog: the purchase would be refused."
            ),
        )
    )
    return False


def _ssh_keys(request: SimulateOrderRequest) -> SimulationCheck:
    count = len(request.ssh_keys)
    message = (
        f"{count} SSH key(s), each stored as a Contabo secret before the purchase."
        if count
        else "No SSH key: the server is reached with its root password."
    )
    return SimulationCheck(name="ssh_keys", ok=True, message=message)


def _cloud_init(request: SimulateOrderRequest) -> SimulationCheck:
    if request.user_data is None:
        return SimulationCheck(name="cloud_init", ok=True, message="No cloud-init user data.")
    kind = "script" if request.user_data.startswith("#!") else "#cloud-config"
    return SimulationCheck(
        name="cloud_init", ok=True, message=f"{_bytes(request.user_data)} bytes, a valid {kind}."
    )


def _service(service_id: str) -> SimulationCheck:
    record = service_store.get(service_id)
    if record is not None and (record.state not in ORDERABLE or record.resource_id):
        return SimulationCheck(
            name="service",
            ok=False,
            message=(
                f"Service {service_id} already has an order (state {record.state}): "
                "CreateAccount would answer with it and buy nothing."
            ),
        )
    return SimulationCheck(
        name="service", ok=True, message=f"Service {service_id} has no order yet."
    )


def _guardrail_warnings(
    request: SimulateOrderRequest, require_ssh_key: bool, max_bytes: int
) -> list[str]:
    """Guardrails do not gate an order, but they decide what its customer may do later."""
    warnings = []
    if require_ssh_key and not request.ssh_keys:
        warnings.append(
            "This product requires an SSH key from the client's vault for reinstalls; "
            "the order has none."
        )
    if request.user_data is not None and _bytes(request.user_data) > max_bytes:
        warnings.append(
            f"The user data is {_bytes(request.user_data)} bytes, above this product's "
            f"cloud-init limit of {max_bytes} bytes: a reinstall with it would be refused."
        )
    return warnings


def _bytes(user_data: str | None) -> int:
    return len(user_data.encode()) if user_data else 0
