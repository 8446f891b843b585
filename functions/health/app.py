"""GET /health (unsigned): "ok" or "degraded", nothing more; the details are in GET /connection."""

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.health import HealthStatus
from contabo_reseller.http.api import create_api
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.health import check_health

api = create_api(signed=False)


@api.get("/health")
def health() -> Response[HealthStatus]:
    report = check_health()
    return Response(
        status_code=200 if report.status == "ok" else 503,
        content_type=content_types.APPLICATION_JSON,
        body=report,
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
