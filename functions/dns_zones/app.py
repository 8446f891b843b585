"""A client's DNS zones (server DNS page and the registrar module's DNS management).

GET    /clients/{clientId}/dns/zones
POST   /clients/{clientId}/dns/zones
GET    /clients/{clientId}/dns/zones/{zoneName}
DELETE /clients/{clientId}/dns/zones/{zoneName}
POST   /clients/{clientId}/dns/zones/{zoneName}/records
PUT    /clients/{clientId}/dns/zones/{zoneName}/records/{recordId}
DELETE /clients/{clientId}/dns/zones/{zoneName}/records/{recordId}
POST   /clients/{clientId}/dns/zones/{zoneName}/records/bulk-delete
POST   /services/{serviceId}/dns/point
"""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.dns import (
    BulkDeleteRequest,
    BulkDeleteResult,
    PointRequest,
    RecordInput,
    RecordView,
    ZoneList,
    ZoneRequest,
    ZoneView,
)
from contabo_reseller.http.api import create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.dns import zones

api = create_api()
ClientId = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
ZoneName = Annotated[str, Path(max_length=253)]
RecordId = Annotated[int, Path(ge=1)]
ZONE = "/clients/<clientId>/dns/zones/<zoneName>"


@api.get("/clients/<clientId>/dns/zones")
def list_zones(clientId: ClientId) -> ZoneList:
    return zones.list_zones(clientId)


@api.post("/clients/<clientId>/dns/zones", status_code=201)
def create_zone(clientId: ClientId, request: Annotated[ZoneRequest, Body()]) -> Response[ZoneView]:
    return mutate(api, lambda: zones.create_zone(clientId, request.zone_name), status_code=201)


@api.get(ZONE)
def get_zone(clientId: ClientId, zoneName: ZoneName) -> ZoneView:
    return zones.get_zone(clientId, zoneName)


@api.delete(ZONE)
def delete_zone(clientId: ClientId, zoneName: ZoneName) -> Response[ZoneList]:
    return mutate(api, lambda: zones.delete_zone(clientId, zoneName))


@api.post(ZONE + "/records", status_code=201)
def create_record(
    clientId: ClientId, zoneName: ZoneName, record: Annotated[RecordInput, Body()]
) -> Response[RecordView]:
    return mutate(api, lambda: zones.create_record(clientId, zoneName, record), status_code=201)


@api.put(ZONE + "/records/<recordId>")
def update_record(
    clientId: ClientId,
    zoneName: ZoneName,
    recordId: RecordId,
    record: Annotated[RecordInput, Body()],
) -> Response[RecordView]:
    return mutate(api, lambda: zones.update_record(clientId, zoneName, recordId, record))


@api.delete(ZONE + "/records/<recordId>")
def delete_record(clientId: ClientId, zoneName: ZoneName, recordId: RecordId) -> Response[ZoneView]:
    return mutate(api, lambda: zones.delete_record(clientId, zoneName, recordId))


@api.post(ZONE + "/records/bulk-delete", status_code=200)
def bulk_delete(
    clientId: ClientId, zoneName: ZoneName, request: Annotated[BulkDeleteRequest, Body()]
) -> Response[BulkDeleteResult]:
    return mutate(api, lambda: zones.bulk_delete(clientId, zoneName, request.record_ids))


@api.post("/services/<serviceId>/dns/point", status_code=200)
def point_at_server(
    serviceId: Annotated[str, Path(pattern=r"^[0-9]{1,12}$")],
    request: Annotated[PointRequest, Body()],
) -> Response[ZoneView]:
    return mutate(
        api,
        lambda: zones.point_at_server(
            serviceId, request.client_id, request.zone_name, request.name, request.ttl
        ),
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
