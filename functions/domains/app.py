"""A WHMCS domain's routes (the registrar module): order, details, nameservers, contacts, EPP
code, cancel and revoke, transfer-out answer, availability.

POST /domains/availability
POST /domains/{domainId}/register
POST /domains/{domainId}/transfer
GET  /domains/{domainId}?client_id=
PUT  /domains/{domainId}/nameservers
GET  /domains/{domainId}/contacts?client_id=
PUT  /domains/{domainId}/contacts
POST /domains/{domainId}/epp-code
POST /domains/{domainId}/cancel
POST /domains/{domainId}/revoke-cancellation
POST /domains/{domainId}/transfer-out/confirm
POST /domains/{domainId}/transfer-out/revoke
"""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.domain.domains import (
    CLIENT_ID,
    AvailabilityList,
    AvailabilityRequest,
    ClientRequest,
    ContactsRequest,
    ContactsView,
    DomainOrder,
    DomainView,
    EppCode,
    NameserversRequest,
)
from contabo_reseller.http.api import actor, create_api, mutate
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.domains import management, registration

api = create_api()
DomainId = Annotated[str, Path(pattern=r"^[0-9]{1,12}$")]
ClientId = Annotated[str, Query(pattern=CLIENT_ID)]


@api.post("/domains/availability", status_code=200)
def availability(request: Annotated[AvailabilityRequest, Body()]) -> AvailabilityList:
    return management.availability(request.domains)


@api.post("/domains/<domainId>/register", status_code=202)
def register(domainId: DomainId, order: Annotated[DomainOrder, Body()]) -> Response[DomainView]:
    return mutate(
        api,
        lambda: registration.order(domainId, order, actor(api), transfer=False),
        status_code=202,
    )


@api.post("/domains/<domainId>/transfer", status_code=202)
def transfer(domainId: DomainId, order: Annotated[DomainOrder, Body()]) -> Response[DomainView]:
    return mutate(
        api,
        lambda: registration.order(domainId, order, actor(api), transfer=True),
        status_code=202,
    )


@api.get("/domains/<domainId>")
def details(domainId: DomainId, client_id: ClientId) -> DomainView:
    return management.info(domainId, client_id)


@api.put("/domains/<domainId>/nameservers")
def nameservers(
    domainId: DomainId, request: Annotated[NameserversRequest, Body()]
) -> Response[DomainView]:
    return mutate(
        api,
        lambda: management.set_nameservers(
            domainId, request.client_id, request.nameservers, actor(api)
        ),
    )


@api.get("/domains/<domainId>/contacts")
def contacts(domainId: DomainId, client_id: ClientId) -> ContactsView:
    return management.contacts(domainId, client_id)


@api.put("/domains/<domainId>/contacts")
def save_contacts(
    domainId: DomainId, request: Annotated[ContactsRequest, Body()]
) -> Response[ContactsView]:
    return mutate(
        api,
        lambda: management.set_contacts(domainId, request.client_id, request.contacts, actor(api)),
    )


@api.post("/domains/<domainId>/epp-code", status_code=200)
def epp_code(domainId: DomainId, request: Annotated[ClientRequest, Body()]) -> EppCode:
    # Never stored for idempotent replays: a repeat asks the registry for a fresh code.
    return management.epp_code(domainId, request.client_id, actor(api))


@api.post("/domains/<domainId>/cancel", status_code=200)
def cancel(domainId: DomainId, request: Annotated[ClientRequest, Body()]) -> Response[DomainView]:
    return mutate(api, lambda: management.cancel(domainId, request.client_id, actor(api)))


@api.post("/domains/<domainId>/revoke-cancellation", status_code=200)
def revoke_cancellation(
    domainId: DomainId, request: Annotated[ClientRequest, Body()]
) -> Response[DomainView]:
    return mutate(api, lambda: management.revoke_cancel(domainId, request.client_id, actor(api)))


@api.post("/domains/<domainId>/transfer-out/confirm", status_code=200)
def confirm_transfer_out(
    domainId: DomainId, request: Annotated[ClientRequest, Body()]
) -> Response[DomainView]:
    return mutate(
        api,
        lambda: management.transfer_out(
            domainId, request.client_id, approve=True, actor=actor(api)
        ),
    )


@api.post("/domains/<domainId>/transfer-out/revoke", status_code=200)
def revoke_transfer_out(
    domainId: DomainId, request: Annotated[ClientRequest, Body()]
) -> Response[DomainView]:
    return mutate(
        api,
        lambda: management.transfer_out(
            domainId, request.client_id, approve=False, actor=actor(api)
        ),
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
