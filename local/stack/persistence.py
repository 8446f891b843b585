"""``make dev ARGS=--persist``: the tables, secrets and simulator account outlive a restart.

moto keeps everything in memory (its own state persistence is not offered by the server we
embed), so the stack saves what it holds when it stops and puts it back when it starts:
every table's items (scan, DynamoDB JSON as is), every secret's value, and the simulator's
account (every attribute of its state object, as tagged JSON). Files go to
``<state dir>/persist/``; ``make clean`` removes them.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger("local.stack")

TABLES_FILE = "tables.json"
SECRETS_FILE = "secrets.json"
SIMULATOR_FILE = "simulator.json"
# The simulator's configuration and machinery, not its account: rebuilt at every start.
_SIMULATOR_SKIP = {"config", "clock", "lock", "faults", "tokens", "token_ttl_seconds"}


def save(
    directory: Path,
    dynamodb: Any,
    secrets: Any,
    tables: dict[str, str],
    secret_ids: dict[str, str],
    simulator_state: Any,
) -> None:
    """Writes everything the stack holds; each file whole or not at all."""
    directory.mkdir(parents=True, exist_ok=True)
    items = {
        logical_id: [
            item
            for page in dynamodb.get_paginator("scan").paginate(TableName=name)
            for item in page["Items"]
        ]
        for logical_id, name in tables.items()
    }
    values = {
        logical_id: secrets.get_secret_value(SecretId=name)["SecretString"]
        for logical_id, name in secret_ids.items()
    }
    _write(directory / TABLES_FILE, items)
    _write(directory / SECRETS_FILE, values)
    _write(directory / SIMULATOR_FILE, simulator_snapshot(simulator_state))
    count = sum(len(rows) for rows in items.values())
    log.info(
        "persist: saved %s items, %s secrets and the simulator to %s", count, len(values), directory
    )


def restore(
    directory: Path,
    dynamodb: Any,
    secrets: Any,
    tables: dict[str, str],
    secret_ids: dict[str, str],
    simulator_state: Any,
) -> bool:
    """Puts a saved stack back; False when nothing was saved yet."""
    if not (directory / TABLES_FILE).exists():
        return False
    items = json.loads((directory / TABLES_FILE).read_text())
    for logical_id, rows in items.items():
        if logical_id not in tables:
            continue  # a table the template no longer has
        for row in rows:
            dynamodb.put_item(TableName=tables[logical_id], Item=row)
    if (directory / SECRETS_FILE).exists():
        for logical_id, value in json.loads((directory / SECRETS_FILE).read_text()).items():
            if logical_id in secret_ids:
                secrets.put_secret_value(SecretId=secret_ids[logical_id], SecretString=value)
    if (directory / SIMULATOR_FILE).exists():
        restore_simulator(simulator_state, json.loads((directory / SIMULATOR_FILE).read_text()))
    count = sum(len(rows) for rows in items.values())
    log.info("persist: restored %s items and the simulator from %s", count, directory)
    return True


def simulator_snapshot(state: Any) -> dict[str, Any]:
    """Every attribute of the simulator's state; one this module cannot write is left out
    (and said), so a new kind of simulator data never costs the rest."""
    snapshot = {}
    with state.lock:
        for name, value in vars(state).items():
            if name in _SIMULATOR_SKIP:
                continue
            try:
                snapshot[name] = _encode(value)
            except TypeError as error:
                log.warning("persist: simulator %s not kept: %s", name, error)
    return snapshot


def restore_simulator(state: Any, snapshot: dict[str, Any]) -> None:
    with state.lock:
        for name, encoded in snapshot.items():
            if name in _SIMULATOR_SKIP or not hasattr(state, name):
                continue
            value = _decode(encoded)
            current = getattr(state, name)
            if isinstance(current, defaultdict | Counter) and isinstance(value, dict):
                current.clear()  # keeps its default factory
                current.update(value)
            else:
                setattr(state, name, value)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, itertools.count):
        return {"__count__": int(repr(value)[len("count(") : -1])}
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(inner) for inner in value]}
    if isinstance(value, dict):
        return {"__items__": [[_encode(key), _encode(inner)] for key, inner in value.items()]}
    if isinstance(value, list | set):
        return [_encode(inner) for inner in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"the simulator state holds a {type(value).__name__}; teach persistence it")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(inner) for inner in value]
    if not isinstance(value, dict):
        return value
    if "__datetime__" in value:
        return datetime.fromisoformat(value["__datetime__"])
    if "__count__" in value:
        return itertools.count(value["__count__"])
    if "__tuple__" in value:
        return tuple(_decode(inner) for inner in value["__tuple__"])
    return {_decode(key): _decode(inner) for key, inner in value["__items__"]}


def _write(path: Path, value: Any) -> None:
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(value))
    partial.replace(path)
