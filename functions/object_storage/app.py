"""An object storage service's own routes: resize, usage, S3 credentials (reveal, regenerate).

POST /services/{serviceId}/object-storage/resize
GET  /services/{serviceId}/object-storage/usage
GET  /services/{serviceId}/object-storage/credentials
POST /services/{serviceId}/object-storage/credentials/regenerate
POST /admin/object-storage/services/{serviceId}/migrate  (a first-design service into the pool)
GET /admin/object-storage/pools                          (size, sold, used, headroom per region)
GET|PUT /admin/object-storage/settings                    (grace period, pool growth margin/cap)
"""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response, content_types
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.object_storage.pool import PoolSettings, PoolView
from contabo_reseller.domain.object_storage.product import (
    MigrationReport,
    ObjectStorageUsage,
    ResizeObjectStorageRequest,
    S3Credentials,
)
from contabo_reseller.domain.service import EmptyRequest, ServiceView
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.object_storage import management as object_storage
from contabo_reseller.services.object_storage import pool, tenancy

api = create_api()
ServiceId = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]


@api.post("/services/<serviceId>/object-storage/resize", status_code=202)
def resize(
    serviceId: ServiceId, request: Annotated[ResizeObjectStorageRequest, Body()]
) -> Response[ServiceView]:
    return mutate(
        api, lambda: object_storage.resize(serviceId, request, actor(api)), status_code=202
    )


@api.get("/services/<serviceId>/object-storage/usage")
def usage(serviceId: ServiceId) -> ObjectStorageUsage:
    return object_storage.usage(serviceId)


@api.get("/services/<serviceId>/object-storage/credentials")
def credentials(serviceId: ServiceId) -> S3Credentials:
    return object_storage.credentials(serviceId)


@api.post("/services/<serviceId>/object-storage/credentials/regenerate", status_code=200)
def regenerate(
    serviceId: ServiceId, request: Annotated[EmptyRequest, Body()]
) -> Response[S3Credentials]:
    # Only the rotation is remembered for idempotent replays; the keys are read fresh after it,
    # so no secret key is ever stored in the idempotency table.
    mutate(api, lambda: object_storage.regenerate_credentials(serviceId, actor(api)))
    keys = object_storage.credentials(serviceId)
    return Response(
        status_code=200, content_type=content_types.APPLICATION_JSON, body=keys.model_dump()
    )


@api.post("/admin/object-storage/services/<serviceId>/migrate")
def migrate(serviceId: ServiceId, request: Annotated[EmptyRequest, Body()]) -> MigrationReport:
    return object_storage.migrate_to_pool(serviceId, actor(api))


@api.get("/admin/object-storage/pools")
def pools() -> list[PoolView]:
    return pool.overview()


@api.get("/admin/object-storage/settings")
def settings() -> PoolSettings:
    return tenancy.settings()


@api.put("/admin/object-storage/settings")
def save_settings(request: Annotated[PoolSettings, Body()]) -> PoolSettings:
    return tenancy.save_settings(request)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler(capture_response=False, capture_error=False)  # secrets pass
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
