"""The CLI's output for people: tables with a header and a count, fields aligned, and an
empty answer said out loud."""

from __future__ import annotations

import io

from cli.contabo_admin import output


def _shown(body: object) -> str:
    out = io.StringIO()
    output.write_answer(out, body)
    return out.getvalue()


def test_an_empty_list_says_no_rows() -> None:
    assert _shown({"items": [], "next_cursor": None}) == "  next_cursor  -\nitems:\n(no rows)\n"
    assert _shown([]) == "(no rows)\n"
    assert _shown({}) == "(no rows)\n"


def test_rows_become_a_table_with_a_count() -> None:
    shown = _shown({"items": [{"job": "a", "ok": True}, {"job": "bb", "ok": False}]})
    assert shown.splitlines() == ["items:", "job  ok", "a    yes", "bb   no", "(2 rows)"]


def test_long_or_nested_cells_are_cut_in_tables_but_not_in_fields() -> None:
    long = {"text": "x" * 100}
    assert output.cell(long).endswith("…") and len(output.cell(long)) == 60
    out = io.StringIO()
    output.write_fields(out, {"detail": long})
    assert "x" * 100 in out.getvalue()
