"""GET /admin/audit: the audit log searched by service, action, request id and date, a page
at a time or as CSV."""

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.audit import AuditPage, AuditQuery
from contabo_reseller.domain.installations import scoped_id
from contabo_reseller.http.api import create_api
from contabo_reseller.http.auth import installation
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import audit_search

api = create_api()


@api.get("/admin/audit")
def search_audit(
    service_id: Annotated[str | None, Query(pattern=r"^([0-9]{1,12}|-)$")] = None,
    action: Annotated[str | None, Query(max_length=100)] = None,
    request_id: Annotated[str | None, Query(max_length=100)] = None,
    from_: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    to: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=1024)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Response[AuditPage | str]:
    query = AuditQuery.of(
        service_id=(
            scoped_id(installation(api), service_id)
            if service_id not in (None, "-")
            else service_id
        ),
        action=action,
        request_id=request_id,
        since=from_,
        until=to,
        limit=limit,
        installation=installation(api),
    )
    if format == "csv":
        return Response(
            status_code=200,
            content_type="text/csv; charset=utf-8",
            body=audit_search.search_csv(query),
            headers={"Content-Disposition": 'attachment; filename="audit.csv"'},
        )
    page = audit_search.search(query, cursor)
    return Response(status_code=200, content_type=content_types.APPLICATION_JSON, body=page)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
