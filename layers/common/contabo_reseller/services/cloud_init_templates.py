"""The admin's library of cloud-init templates (catalog table, kind ``cloud_init_template``)
and rendering a template for one service."""

from __future__ import annotations

from contabo_reseller.adapters import config_items
from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.cloud_init import MAX_USER_DATA_BYTES, validate_user_data
from contabo_reseller.domain.cloud_init_templates import (
    SAMPLE_VALUES,
    CloudInitTemplate,
    PreviewRequest,
    PreviewResult,
    TemplateBody,
    TemplateList,
    check_template,
    preview,
    render,
)
from contabo_reseller.domain.errors import InvalidInput, NotFound
from contabo_reseller.domain.service import Deleted
from contabo_reseller.services import service_policy

KIND = "cloud_init_template"


def list_templates() -> TemplateList:
    return TemplateList(
        items=[CloudInitTemplate(name=name, **data) for name, data in config_items.all_of(KIND)]
    )


def put_template(name: str, body: TemplateBody) -> CloudInitTemplate:
    check_template(body.content)
    config_items.put(KIND, name, body.model_dump())
    return CloudInitTemplate(name=name, **body.model_dump())


def delete_template(name: str) -> Deleted:
    if not config_items.delete(KIND, name):
        raise NotFound(
            f"There is no cloud-init template named '{name}'.",
            message_code="template_not_found",
            params={"name": name},
        )
    return Deleted()


def preview_template(request: PreviewRequest) -> PreviewResult:
    content = request.content if request.content is not None else _stored(request.name).content
    if request.service_id is None:
        return preview(content, SAMPLE_VALUES, MAX_USER_DATA_BYTES)
    record = service_policy.readable(request.service_id)
    limit = service_policy.guardrails_for(record).cloud_init_max_bytes
    return preview(content, service_values(record), limit)


def user_data_for(record: ServiceRecord, name: str, max_bytes: int) -> str:
    """The template rendered with the service's values, validated; 400 when it cannot be."""
    try:
        template = _stored(name)
    except NotFound:
        raise InvalidInput(
            f"There is no cloud-init template named '{name}'.",
            message_code="template_not_found",
            params={"name": name},
        ) from None
    return validate_user_data(render(template.content, service_values(record)), max_bytes)


def service_values(record: ServiceRecord) -> dict[str, str]:
    details = record.details or {}
    order = details.get("order") or {}
    return {
        "client_email": str(details.get("client_email") or order.get("client_email") or ""),
        "service_id": record.service_id,
        "hostname": str(details.get("hostname") or record.display_name or ""),
        "client_id": str(record.client_id or ""),
        "region": str(record.region or ""),
    }


def _stored(name: str | None) -> CloudInitTemplate:
    data = config_items.get(KIND, name or "")
    if data is None:
        raise NotFound(
            f"There is no cloud-init template named '{name}'.",
            message_code="template_not_found",
            params={"name": name},
        )
    return CloudInitTemplate(name=name or "", **data)
