"""Snapshots of a service's server: list, create, roll back, delete; the automatic-snapshot
policy (the scheduled automatic_snapshots function takes and rotates them)."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.service import Deleted, ServiceView
from contabo_reseller.domain.snapshots import (
    SNAPSHOT_ID,
    ConfirmRequest,
    CreateSnapshotRequest,
    SnapshotList,
    SnapshotPolicyRequest,
    SnapshotPolicyView,
    SnapshotView,
)
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services import snapshots
from contabo_reseller.services.compute import automatic_snapshots

api = create_api()

ServiceIdPath = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
SnapshotIdPath = Annotated[str, Path(pattern=SNAPSHOT_ID)]


@api.get("/services/<serviceId>/snapshots")
def list_snapshots(serviceId: ServiceIdPath) -> SnapshotList:
    return snapshots.list_snapshots(serviceId)


@api.post("/services/<serviceId>/snapshots", status_code=201)
def create_snapshot(
    serviceId: ServiceIdPath, request: Annotated[CreateSnapshotRequest, Body()]
) -> Response[SnapshotView]:
    return mutate(
        api, lambda: snapshots.create_snapshot(serviceId, request, actor(api)), status_code=201
    )


@api.post("/services/<serviceId>/snapshots/<snapshotId>/rollback", status_code=202)
def rollback(
    serviceId: ServiceIdPath,
    snapshotId: SnapshotIdPath,
    request: Annotated[ConfirmRequest, Body()],
) -> Response[ServiceView]:
    return mutate(
        api,
        lambda: snapshots.rollback(serviceId, snapshotId, request, actor(api)),
        status_code=202,
    )


@api.delete("/services/<serviceId>/snapshots/<snapshotId>")
def delete_snapshot(serviceId: ServiceIdPath, snapshotId: SnapshotIdPath) -> Response[Deleted]:
    return mutate(api, lambda: snapshots.delete_snapshot(serviceId, snapshotId, actor(api)))


@api.get("/services/<serviceId>/snapshot-policy")
def get_snapshot_policy(serviceId: ServiceIdPath) -> SnapshotPolicyView:
    return automatic_snapshots.get_policy(serviceId)


@api.put("/services/<serviceId>/snapshot-policy")
def set_snapshot_policy(
    serviceId: ServiceIdPath, request: Annotated[SnapshotPolicyRequest, Body()]
) -> Response[SnapshotPolicyView]:
    return mutate(api, lambda: automatic_snapshots.set_policy(serviceId, request, actor(api)))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
