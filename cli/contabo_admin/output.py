"""How answers are shown: for a person by default (a summary, tables, "no rows" said out loud),
or as JSON with ``--json`` for scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

NO_ROWS = "(no rows)"
_MAX_CELL = 60


def write_json(out: TextIO, value: Any) -> None:
    out.write(json.dumps(value, indent=2, sort_keys=True, default=str) + "\n")


def write_fields(out: TextIO, fields: dict[str, Any], title: str = "") -> None:
    """``name: value`` lines, names aligned; nested values as compact JSON."""
    if title:
        out.write(title + "\n")
    if not fields:
        out.write(NO_ROWS + "\n")
        return
    width = max(len(str(name)) for name in fields)
    for name, value in fields.items():
        out.write(f"  {name!s:<{width}}  {cell(value, limit=0)}".rstrip() + "\n")


def write_table(
    out: TextIO, rows: Sequence[dict[str, Any]], columns: Iterable[str] | None = None
) -> None:
    """Aligned columns with a header; says so when there is nothing to show."""
    if not rows:
        out.write(NO_ROWS + "\n")
        return
    names = list(columns) if columns is not None else _columns(rows)
    cells = [[cell(row.get(name)) for name in names] for row in rows]
    widths = [max(len(name), *(len(line[i]) for line in cells)) for i, name in enumerate(names)]
    out.write("  ".join(name.ljust(w) for name, w in zip(names, widths, strict=True)).rstrip())
    out.write("\n")
    for line in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def write_answer(out: TextIO, body: Any) -> None:
    """Any API answer for a person: lists as tables, objects as fields, the rest as JSON."""
    if isinstance(body, dict):
        lists = {k: v for k, v in body.items() if isinstance(v, list)}
        scalars = {k: v for k, v in body.items() if k not in lists}
        if scalars:
            write_fields(out, scalars)
        for name, rows in lists.items():
            out.write(f"{name}:\n")
            if all(isinstance(row, dict) for row in rows):
                write_table(out, rows)
            else:
                out.write("\n".join(f"  {cell(row, limit=0)}" for row in rows) or NO_ROWS)
                out.write("\n")
        if not body:
            out.write(NO_ROWS + "\n")
    elif isinstance(body, list) and all(isinstance(row, dict) for row in body):
        write_table(out, body)
    elif isinstance(body, str):
        out.write(body if body.endswith("\n") else body + "\n")
    else:
        write_json(out, body)


def cell(value: Any, limit: int = _MAX_CELL) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    text = " ".join(text.split())
    return text if not limit or len(text) <= limit else text[: limit - 1] + "…"


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)
