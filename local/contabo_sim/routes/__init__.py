"""Operation handlers, registered by the spec's operationId."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..errors import ApiError
from ..state import SimState


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Context:
    state: SimState
    operation_id: str
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    request_id: str
    trace_id: str
    url_path: str
    raw_query: dict[str, list[str]]

    def audit(self, kind: str, action: str, **ids: Any) -> None:
        self.state.audit(kind, action, self.request_id, self.trace_id, **ids)

    def page(
        self, items: list[dict[str, Any]], present: Callable[[dict], dict] | None = None
    ) -> Reply:
        """Contabo's list envelope: _pagination, data, _links (first/previous/self/next/last)."""
        page = max(whole_number(self.query, "page", 1), 1)
        size = min(max(whole_number(self.query, "size", 10), 1), 100)
        total = len(items)
        pages = max((total + size - 1) // size, 1)
        data = items[(page - 1) * size : page * size]
        if present is not None:  # shape only the page being sent, not the whole account
            data = [present(item) for item in data]
        links = {
            "first": self._link(1, size),
            "self": self._link(page, size),
            "last": self._link(pages, size),
        }
        if page > 1:
            links["previous"] = self._link(page - 1, size)
        if page < pages:
            links["next"] = self._link(page + 1, size)
        pagination = {"size": size, "totalElements": total, "totalPages": pages, "page": page}
        return Reply(200, {"_pagination": pagination, "data": data, "_links": links})

    def _link(self, page: int, size: int) -> str:
        query = {k: v for k, v in self.raw_query.items() if k not in ("page", "size")}
        return f"{self.url_path}?{urlencode({**query, 'page': page, 'size': size}, doseq=True)}"

    def one(self, status: int, data: dict[str, Any], self_link: str | None = None) -> Reply:
        """A single object, Contabo style: `data` is still an array."""
        return Reply(status, {"data": [data], "_links": {"self": self_link or self.url_path}})


Handler = Callable[[Context], Reply]
HANDLERS: dict[str, Handler] = {}
ROUTE_MODULES = (
    "account",
    "dns_zones",
    "domains",
    "firewalls",
    "images",
    "instances",
    "moves",
    "networking",
    "object_storages",
    "secrets",
    "snapshots",
    "tags",
)


def operation(*operation_ids: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        for operation_id in operation_ids:
            HANDLERS[operation_id] = handler
        return handler

    return register


def require(found: Any, kind: str, identifier: Any) -> Any:
    if found is None:
        raise ApiError(404, f"Entry {kind} not found by {identifier}")
    return found


def whole_number(query: dict[str, Any], name: str, default: int) -> int:
    """An integer query parameter; anything else is Contabo's 400, never a simulator crash."""
    value = query.get(name, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError(400, [f"{name} must be an integer number"]) from None


def number_list(query: dict[str, Any], name: str) -> set[int] | None:
    """A comma-separated id filter (``instanceIds=1,2``): None when absent, 400 when malformed."""
    if name not in query:
        return None
    parts = [part for part in str(query[name]).replace(" ", "").split(",") if part]
    if not parts or not all(part.isascii() and part.isdigit() for part in parts):
        raise ApiError(400, [f"{name} must be a comma separated list of numbers"])
    return {int(part) for part in parts}


def by_request_id(ctx: Context, kind: str, id_filters: tuple[str, ...] = ()) -> Reply:
    """Audit lists: filter on requestId, changedBy and the resource ids the spec allows."""
    entries = ctx.state.audits.get(kind, [])
    for name in ("requestId", "changedBy", *id_filters):
        wanted = ctx.query.get(name)
        if wanted is not None:
            entries = [e for e in entries if str(e.get(name)) == str(wanted)]
    return ctx.page(entries)


def load_all() -> None:
    """Import every route module so its @operation handlers register."""
    for module in ROUTE_MODULES:
        importlib.import_module(f"{__name__}.{module}")
