"""GET /admin/import/candidates, POST /admin/import: link existing Contabo instances."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.imports import CandidateList, ImportRequest
from contabo_reseller.domain.installations import scoped_id
from contabo_reseller.domain.service import ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.http.auth import installation
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import import_instances

api = create_api()


@api.get("/admin/import/candidates")
def candidates(
    ip: Annotated[str | None, Query(max_length=45, pattern=r"^[0-9A-Fa-f:.]+$")] = None,
    service_id: Annotated[str | None, Query(pattern=r"^[0-9]{1,12}$")] = None,
) -> CandidateList:
    return import_instances.candidates(ip, service_id and scoped_id(installation(api), service_id))


@api.post("/admin/import")
def import_instance(request: Annotated[ImportRequest, Body()]) -> Response[ServiceView]:
    # The service id is this WHMCS installation's (domain/installations.py).
    scoped = request.model_copy(
        update={"service_id": scoped_id(installation(api), request.service_id)}
    )
    return mutate(api, lambda: import_instances.import_instance(scoped, actor(api)), 201)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
