"""The newcomer's documents name what exists: every function folder in the README's function
table (and nothing else), every template parameter and output in docs/first-hour.md."""

import re

from local.stack.template import REPO_ROOT, load_template

README = REPO_ROOT / "README.md"
FIRST_HOUR = REPO_ROOT / "docs" / "first-hour.md"


def _section(text: str, heading: str) -> str:
    """The lines under ``heading`` up to the next heading of any level."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next(
        (i for i in range(start, len(lines)) if lines[i].startswith("#")),
        len(lines),
    )
    return "\n".join(lines[start:end])


def _first_column_names(table: str) -> set[str]:
    """Backquoted names in the first column of a markdown table (``a``, ``b`` both count)."""
    names: set[str] = set()
    for row in table.splitlines():
        if row.startswith("| `"):
            names.update(re.findall(r"`([^`]+)`", row.split("|")[1]))
    return names


def test_every_function_folder_is_in_the_readme_function_table_and_only_those():
    folders = {
        path.name for path in (REPO_ROOT / "functions").iterdir() if (path / "app.py").is_file()
    }
    listed = _first_column_names(_section(README.read_text(), "### Functions"))
    assert folders - listed == set(), "add these functions to the README's function table"
    assert listed - folders == set(), "the README lists functions that do not exist"


def test_every_template_parameter_is_in_first_hour_with_its_default():
    parameters = load_template()["Parameters"]
    table = _section(FIRST_HOUR.read_text(), "### Parameters")
    rows = {
        name: row
        for row in table.splitlines()
        if row.startswith("| `")
        for name in [row.split("`")[1]]
    }
    assert set(rows) == set(parameters), "docs/first-hour.md's parameter table is out of date"
    for name, definition in parameters.items():
        default = str(definition.get("Default", ""))
        cell = rows[name].split("|")[2].strip()
        assert cell == (f"`{default}`" if default else "empty"), name


def test_every_template_output_is_in_first_hour():
    outputs = set(load_template()["Outputs"])
    listed = _first_column_names(_section(FIRST_HOUR.read_text(), "### Outputs"))
    assert listed == outputs, "docs/first-hour.md's output table is out of date"
