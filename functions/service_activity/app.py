"""GET /services/{serviceId}/activity: the service's history, a page at a time or as CSV."""

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.activity import ActivityPage
from contabo_reseller.http.api import create_api
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import activity

api = create_api(calls_contabo=True)


@api.get("/services/<serviceId>/activity")
def get_activity(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Response[ActivityPage | str]:
    if format == "csv":
        return Response(
            status_code=200,
            content_type="text/csv; charset=utf-8",
            body=activity.activity_csv(serviceId),
            headers={
                "Content-Disposition": f'attachment; filename="service-{serviceId}-activity.csv"'
            },
        )
    page = activity.activity(serviceId, limit, cursor)
    return Response(status_code=200, content_type=content_types.APPLICATION_JSON, body=page)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
