"""Domains (a purchase: register or transfer in), contact handles, availability, auth codes,
cancellation with a date, transfer out, pending actions, and their audits.

The spec says what each call takes and answers; the behaviour between calls follows it where it
speaks and the registrar's usual rules where it is silent:
- `orderDomain` without `authCode` registers a free domain (`processing`, then `ready` after
  `provision_seconds`); with `authCode` it transfers in a domain registered elsewhere
  (`transferring in`, then `ready`, or `manual_task` when the auth code was wrong: someone has
  to act, as the status name says). A domain the account already holds answers 409.
- Domains renew themselves: once `renewalDate` passes and no cancellation is set, it moves on by
  a year. Contabo has no renew operation.
- `cancelDomain` sets `cancelDate` (default and latest: the renewal date; never in the past);
  `revokeCancelDomain` clears it while the date lies ahead. At the cancel date the domain
  leaves the account and the registry.
- A transfer out is started by the gaining registrar (`request_transfer_out`, the simulator's
  stand-in): `transferring out`, listed by `listPendingActions` until confirmed (`transferred`,
  gone from the registry's view of this account) or revoked (`ready` again).
Keys starting with "_" are the simulator's own bookkeeping and never leave it.
"""

import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from ..clock import iso
from ..errors import ApiError
from ..state import CUSTOMER_ID, TENANT_ID, SimState
from . import Context, Reply, by_request_id, operation, require

# TLDs the simulated registry sells; anything else is 400 on order and availability.
SUPPORTED_TLDS = frozenset(
    {"com", "net", "org", "info", "biz", "de", "eu", "io", "it", "uk", "co.uk"}
)
# Handle request fields only the newer spec copy has: kept, not answered (HandleResponse
# has no such fields).
_HANDLE_REGISTRY_FIELDS = ("nicItEntityType", "pin")
TRANSFER_SECONDS_FACTOR = 2  # a transfer in takes twice a registration
REGISTRATION_YEARS = 1
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_HANDLE_FIELDS = (
    "tenantId",
    "customerId",
    "handleId",
    "handleType",
    "isDefault",
    "firstName",
    "lastName",
    "organization",
    "email",
    "gender",
    "birthInfo",
    "address",
    "phone",
    "fax",
)
_HANDLE_ROLES = ("owner", "admin", "tech", "zone")


# availability ------------------------------------------------------------------------------
@operation("validateDomainAvailability")
def check_availability(ctx: Context) -> Reply:
    name = _domain_name(ctx.path["domain"])
    taken = name in ctx.state.registry or name in _live_domains(ctx.state)
    if taken:
        raise ApiError(404, f"Domain {name} is not available")
    return Reply(204)


def register_elsewhere(state: SimState, domain: str, auth_code: str = "") -> str:
    """Put a domain into the outside registry (held by another registrar); returns its code."""
    code = auth_code or secrets.token_hex(6).upper()
    with state.lock:
        state.registry[_domain_name(domain)] = code
    return code


def request_transfer_out(state: SimState, domain: str) -> None:
    """Another registrar asks for one of the account's domains (the owner gave the auth code)."""
    with state.lock:
        found = state.domains.get(_domain_name(domain))
        if found is None or found["status"] != "ready":
            raise ValueError(f"{domain} is not a ready domain of this account")
        found["status"] = "transferring out"
        found["transferOutConfirmation"] = False
        found["_pendingSince"] = state.clock.now()


# domains -----------------------------------------------------------------------------------
@operation("orderDomain")
def order_domain(ctx: Context) -> Reply:
    state, body = ctx.state, ctx.body
    name = _domain_name(body["domain"])
    _settle_all(state)
    if name in _live_domains(state):
        raise ApiError(409, f"Domain {name} already exists in your account")
    _require_handles(state, body["handles"])
    nameservers = _nameservers(body["nameservers"])
    auth_code = body.get("authCode")
    now = state.clock.now()
    if auth_code is None:
        if name in state.registry:
            raise ApiError(409, f"Domain {name} is not available")
        status, settle_at, settled = "processing", state.config.provision_seconds, "ready"
    else:
        if name not in state.registry:
            raise ApiError(400, [f"Domain {name} is not registered and cannot be transferred"])
        status = "transferring in"
        settle_at = state.config.provision_seconds * TRANSFER_SECONDS_FACTOR
        settled = "ready" if state.registry[name] == auth_code else "manual_task"
    state.registry[name] = secrets.token_hex(6).upper()
    sld, tld = _split(name)
    renewal = _add_years(now, REGISTRATION_YEARS)
    domain = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "domain": name,
        "domainDetails": {"sld": sld, "tld": tld, "domainPuny": name.encode("idna").decode()},
        "status": status,
        "nameservers": nameservers,
        "handles": {role: body["handles"][role] for role in _HANDLE_ROLES},
        "registrationDate": iso(now),
        "renewalDate": iso(renewal),
        "terminationDate": iso(renewal),
        "cancelDate": "",
        "dnssecKeys": [],
        "transferOutConfirmation": False,
        "_settleAt": now + timedelta(seconds=settle_at),
        "_settledStatus": settled,
        "_renewal": renewal,
        "_cancelAt": None,
    }
    state.domains[name] = domain
    kind = "TRANSFER" if auth_code is not None else "REGISTRATION"
    ctx.audit("domains", "CREATED", domain=name, changes={"new": {"status": status, "type": kind}})
    return ctx.one(201, _public(domain), f"{ctx.url_path}/{name}")


@operation("listDomains")
def list_domains(ctx: Context) -> Reply:
    _settle_all(ctx.state)
    items = list(_live_domains(ctx.state).values())
    for param, key in (("sld", "sld"), ("tld", "tld")):
        if param in ctx.query:
            items = [d for d in items if d["domainDetails"][key] == ctx.query[param].lower()]
    if "status" in ctx.query:
        items = [d for d in items if d["status"] == ctx.query["status"]]
    return ctx.page(items, _public)


@operation("retrieveDomain")
def retrieve_domain(ctx: Context) -> Reply:
    return ctx.one(200, _public(_domain(ctx)))


@operation("updateDomain")
def update_domain(ctx: Context) -> Reply:
    domain = _domain(ctx)
    _require_status(domain, ("ready",), "changed")
    body = ctx.body or {}
    prev, new = {}, {}
    if "nameservers" in body:
        prev["nameservers"], domain["nameservers"] = (
            domain["nameservers"],
            _nameservers(body["nameservers"]),
        )
        new["nameservers"] = domain["nameservers"]
    if "handles" in body:
        _require_handles(ctx.state, body["handles"])
        prev["handles"] = domain["handles"]
        domain["handles"] = {role: body["handles"][role] for role in _HANDLE_ROLES}
        new["handles"] = domain["handles"]
    ctx.audit("domains", "UPDATED", domain=domain["domain"], changes={"prev": prev, "new": new})
    return ctx.one(200, _public(domain))


@operation("cancelDomain")
def cancel_domain(ctx: Context) -> Reply:
    state, domain = ctx.state, _domain(ctx)
    _require_status(domain, ("ready", "manual_task"), "cancelled")
    if domain["_cancelAt"] is not None:
        raise ApiError(409, f"Domain {domain['domain']} is already cancelled")
    wanted = (ctx.body or {}).get("cancelDate")
    cancel_at = domain["_renewal"] if wanted is None else _parse_moment(wanted)
    if cancel_at < state.clock.now() or cancel_at > domain["_renewal"]:
        raise ApiError(
            400,
            ["cancelDate must lie between now and the renewal date " + domain["renewalDate"]],
        )
    domain["_cancelAt"] = cancel_at
    domain["cancelDate"] = domain["terminationDate"] = iso(cancel_at)
    ctx.audit(
        "domains",
        "UPDATED",
        domain=domain["domain"],
        changes={"new": {"cancelDate": iso(cancel_at)}},
    )
    sld, tld = _split(domain["domain"])
    data = {
        "tenantId": TENANT_ID,
        "customerId": CUSTOMER_ID,
        "domain": domain["domain"],
        "sld": sld,
        "tld": tld,
        "cancelDate": domain["cancelDate"],
    }
    return ctx.one(200, data)


@operation("revokeCancelDomain")
def revoke_cancel_domain(ctx: Context) -> Reply:
    domain = _domain(ctx)
    if domain["_cancelAt"] is None:
        raise ApiError(409, f"Domain {domain['domain']} is not cancelled")
    prev = domain["cancelDate"]
    domain["_cancelAt"] = None
    domain["cancelDate"] = ""
    domain["terminationDate"] = domain["renewalDate"]
    ctx.audit("domains", "UPDATED", domain=domain["domain"], changes={"prev": {"cancelDate": prev}})
    return Reply(204)


@operation("getAuthCode")
def generate_auth_code(ctx: Context) -> Reply:
    state, domain = ctx.state, _domain(ctx)
    _require_status(domain, ("ready", "transferring out"), "given an auth code")
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
    state.registry[domain["domain"]] = code
    now = iso(state.clock.now())
    ctx.audit("domains", "UPDATED", domain=domain["domain"], changes={"new": {"authCode": "***"}})
    data = _public(domain) | {"authCode": code, "authCodeChanged": {"changed": True, "date": now}}
    return ctx.one(200, data)


@operation("confirmDomainTransferOut")
def confirm_transfer_out(ctx: Context) -> Reply:
    domain = _domain(ctx)
    _require_status(domain, ("transferring out",), "confirmed for transfer out")
    domain["transferOutConfirmation"] = True
    domain["status"] = "transferred"
    ctx.state.registry[domain["domain"]] = secrets.token_hex(6).upper()  # the new registrar's
    ctx.audit(
        "domains", "UPDATED", domain=domain["domain"], changes={"new": {"status": "transferred"}}
    )
    return Reply(204)


@operation("revokeDomainTransferOut")
def revoke_transfer_out(ctx: Context) -> Reply:
    domain = _domain(ctx)
    _require_status(domain, ("transferring out",), "kept from transferring out")
    domain["status"] = "ready"
    ctx.audit("domains", "UPDATED", domain=domain["domain"], changes={"new": {"status": "ready"}})
    return Reply(204)


@operation("listPendingActions")
def list_pending_actions(ctx: Context) -> Reply:
    _settle_all(ctx.state)
    data = [
        {
            "tenantId": TENANT_ID,
            "customerId": CUSTOMER_ID,
            "domainId": f"domain_{d['domain']}",
            "domain": d["domain"],
            "eventType": "OUTBOUND_TRANSFER",
            "eventId": f"event_{d['domain']}_{int(d['_pendingSince'].timestamp())}",
            "createdOn": iso(d["_pendingSince"]),
        }
        for d in ctx.state.domains.values()
        if d["status"] == "transferring out"
    ]
    return Reply(200, {"data": data, "_links": {"self": ctx.url_path}})


@operation("retrieveDomainsAuditsList")
def domain_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "domains", ("domain",))


# handles -----------------------------------------------------------------------------------
@operation("createHandle")
def create_handle(ctx: Context) -> Reply:
    state, body = ctx.state, ctx.body
    kind = "O" if body["handleType"] == "organization" else "P"
    handle_id = f"CA{state.next_id('handle')}{kind}1"
    handle = {"tenantId": TENANT_ID, "customerId": CUSTOMER_ID, "handleId": handle_id}
    handle |= {"isDefault": not state.handles}
    handle |= {k: v for k, v in body.items() if k in _HANDLE_FIELDS}
    handle["registry"] = {k: v for k, v in body.items() if k in _HANDLE_REGISTRY_FIELDS}
    _birth_date_as_text(handle)
    state.handles[handle_id] = handle
    ctx.audit("handles", "CREATED", handleId=handle_id)
    return ctx.one(201, _handle_view(handle), f"{ctx.url_path}/{handle_id}")


@operation("listHandles")
def list_handles(ctx: Context) -> Reply:
    items = list(ctx.state.handles.values())
    query = ctx.query
    if query.get("showDefaults") is not None:
        items = [h for h in items if h["isDefault"] == query["showDefaults"]]
    for name in ("handleType", "firstName", "lastName"):
        if name in query:
            items = [h for h in items if h.get(name) == query[name]]
    if "countries" in query:
        countries = {c.strip().upper() for c in query["countries"].split(",")}
        items = [h for h in items if h["address"]["country"].upper() in countries]
    if "search" in query:
        needle = query["search"].lower()
        items = [h for h in items if needle in _searchable(h)]
    return ctx.page(items, _handle_view)


@operation("retrieveHandle")
def retrieve_handle(ctx: Context) -> Reply:
    return ctx.one(200, _handle_view(_handle(ctx)))


@operation("updateHandle")
def update_handle(ctx: Context) -> Reply:
    handle = _handle(ctx)
    prev = {k: handle.get(k) for k in ctx.body}
    handle |= {k: v for k, v in ctx.body.items() if k in _HANDLE_FIELDS}
    _birth_date_as_text(handle)
    ctx.audit(
        "handles", "UPDATED", handleId=handle["handleId"], changes={"prev": prev, "new": ctx.body}
    )
    return ctx.one(200, _handle_view(handle))


@operation("setDefaultHandle")
def set_default_handle(ctx: Context) -> Reply:
    handle = _handle(ctx)
    for other in ctx.state.handles.values():
        other["isDefault"] = other is handle
    ctx.audit(
        "handles", "UPDATED", handleId=handle["handleId"], changes={"new": {"isDefault": True}}
    )
    return ctx.one(200, _handle_view(handle))


@operation("removeHandle")
def remove_handle(ctx: Context) -> Reply:
    state, handle = ctx.state, _handle(ctx)
    handle_id = handle["handleId"]
    users = [
        d["domain"] for d in _live_domains(state).values() if handle_id in d["handles"].values()
    ]
    if users:
        raise ApiError(409, f"Handle {handle_id} is used by {', '.join(sorted(users))}")
    if handle["isDefault"] and len(state.handles) > 1:
        raise ApiError(409, f"Handle {handle_id} is the default handle; set another one first")
    del state.handles[handle_id]
    ctx.audit("handles", "DELETED", handleId=handle_id)
    return Reply(204)


@operation("retrieveHandlesAuditsList")
def handle_audits(ctx: Context) -> Reply:
    return by_request_id(ctx, "handles", ("handleId",))


# helpers -----------------------------------------------------------------------------------
def _domain_name(raw: str) -> str:
    """Lower-case ASCII (punycode) name of a domain the registry sells, else 400."""
    try:
        name = raw.strip().rstrip(".").encode("idna").decode().lower()
    except UnicodeError as error:
        raise ApiError(400, [f"domain {raw} is not a valid domain name"]) from error
    labels = name.split(".")
    sld, tld = _split(name)
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not sld:
        raise ApiError(400, [f"domain {raw} is not a valid domain name"])
    if tld not in SUPPORTED_TLDS:
        raise ApiError(400, [f"tld {tld} is not supported"])
    return name


def _split(name: str) -> tuple[str, str]:
    """(sld, tld) with two-label TLDs such as co.uk kept whole."""
    labels = name.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in SUPPORTED_TLDS:
        return ".".join(labels[:-2]), ".".join(labels[-2:])
    return ".".join(labels[:-1]), labels[-1]


def _nameservers(entries: list[dict[str, Any]]) -> list[str]:
    hosts = [host.strip().lower().rstrip(".") for entry in entries for host in entry["hostname"]]
    if len(hosts) < 2:
        raise ApiError(400, ["nameservers must name at least two hosts"])
    return hosts


def _require_handles(state: SimState, handles: dict[str, str]) -> None:
    for role in _HANDLE_ROLES:
        if handles[role] not in state.handles:
            raise ApiError(400, [f"handles.{role}: handle {handles[role]} does not exist"])


def _require_status(domain: dict[str, Any], allowed: tuple[str, ...], verb: str) -> None:
    if domain["status"] not in allowed:
        raise ApiError(
            409, f"Domain {domain['domain']} is {domain['status']} and cannot be {verb} now"
        )


def _domain(ctx: Context) -> dict[str, Any]:
    _settle_all(ctx.state)
    name = ctx.path["domain"].strip().lower()
    return require(_live_domains(ctx.state).get(name), "Domain", ctx.path["domain"])


def _handle(ctx: Context) -> dict[str, Any]:
    return require(ctx.state.handles.get(ctx.path["handleId"]), "Handle", ctx.path["handleId"])


def _live_domains(state: SimState) -> dict[str, dict[str, Any]]:
    """The account's domains; a transferred-out one is no longer the account's."""
    return {k: d for k, d in state.domains.items() if d["status"] != "transferred"}


def _settle_all(state: SimState) -> None:
    """Apply what time has done: provisioning/transfer ends, renewals, cancellations."""
    now = state.clock.now()
    for name in list(state.domains):
        domain = state.domains[name]
        if domain["status"] in ("processing", "transferring in") and now >= domain["_settleAt"]:
            domain["status"] = domain["_settledStatus"]
        if domain["_cancelAt"] is not None and now >= domain["_cancelAt"]:
            del state.domains[name]
            state.registry.pop(name, None)
            continue
        while now >= domain["_renewal"] and domain["status"] != "transferred":
            domain["_renewal"] = _add_years(domain["_renewal"], 1)
            domain["renewalDate"] = domain["terminationDate"] = iso(domain["_renewal"])


def _public(domain: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in domain.items() if not k.startswith("_")}


def _birth_date_as_text(handle: dict[str, Any]) -> None:
    """The request's birthInfo.date arrives parsed; the stored handle answers it as sent."""
    birth = handle.get("birthInfo")
    if isinstance(birth, dict) and isinstance(birth.get("date"), datetime):
        handle["birthInfo"] = birth | {"date": iso(birth["date"])}


def _handle_view(handle: dict[str, Any]) -> dict[str, Any]:
    return {k: handle[k] for k in _HANDLE_FIELDS if k in handle}


def _searchable(handle: dict[str, Any]) -> str:
    parts = [handle.get(k) or "" for k in ("handleId", "firstName", "lastName", "organization")]
    return " ".join([*parts, handle["email"]]).lower()


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def _parse_moment(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as error:
        raise ApiError(400, ["cancelDate must be an ISO 8601 date-time"]) from error
