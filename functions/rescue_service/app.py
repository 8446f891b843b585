"""POST /services/{serviceId}/rescue: boot the rescue system with a temporary root password."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.compute import RescueRequest, RescueResult
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import compute_rescue

api = create_api(calls_contabo=True)


@api.post("/services/<serviceId>/rescue", status_code=202)
def handle(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    request: Annotated[RescueRequest, Body()],
) -> Response[RescueResult]:
    return mutate(
        api,
        lambda: compute_rescue.rescue(serviceId, request, actor(api)),
        status_code=202,
        reveal=lambda answer: compute_rescue.reveal_rescue_password(serviceId, answer),
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
