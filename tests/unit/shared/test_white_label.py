"""No provider name in any sentence the backend can hand a reseller's customer.

Every error raised for a request (its ``message``) and every ``status_message`` written to a
service reaches the client area; only errors for the reseller's staff (credentials,
configuration, imports on the admin routes) may name the provider.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from contabo_reseller.domain import private_networks, status_messages
from contabo_reseller.domain.firewall import PRESETS

PACKAGE = Path(__file__).parents[3] / "layers/common/contabo_reseller"
PROVIDER = re.compile(r"contabo|contaboserver|\bvmi\d|\bV[0-9]{2,4}\b", re.IGNORECASE)
# Said to the reseller's staff only: setup, credentials, admin imports.
STAFF_ONLY_ERRORS = {"ConfigurationError", "NotAuthenticated", "ContaboCredentialsRejected"}
STAFF_ONLY_MODULES = {"import_instances.py", "secrets.py", "connection_test.py", "health.py"}


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" (or a parenthesised concatenation) constants."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                found[target.id] = _text(node.value, {})
    return found


def _text(node: ast.AST, constants: dict[str, str]) -> str:
    parts = []
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            parts.append(child.value)
        elif isinstance(child, ast.Name) and child.id in constants:
            parts.append(constants[child.id])
        elif isinstance(child, ast.Attribute) and child.attr in constants:
            parts.append(constants[child.attr])
    return " ".join(parts)


def _customer_sentences() -> list[tuple[str, str]]:
    trees = {path: ast.parse(path.read_text()) for path in PACKAGE.rglob("*.py")}
    constants: dict[str, str] = {}
    for tree in trees.values():
        constants.update(_module_strings(tree))
    sentences = []
    for path, tree in trees.items():
        if path.name in STAFF_ONLY_MODULES or "generated" in path.name:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                if name in STAFF_ONLY_ERRORS or not node.exc.args:
                    continue
                sentences.append((f"{path.name}:{node.lineno}", _text(node.exc.args[0], constants)))
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_fail":
                sentences.append((f"{path.name}:{node.lineno}", _text(node.args[1], constants)))
            elif isinstance(node, ast.keyword) and node.arg == "status_message":
                sentences.append((f"{path.name}:{node.value.lineno}", _text(node.value, constants)))
    # Status messages are said by code (domain/status_messages.py): their English sentences.
    sentences += [
        (f"status message {code}", text) for code, text in status_messages.SENTENCES.items()
    ]
    return sentences


def test_the_scan_reads_the_raise_sites():
    sentences = dict(_customer_sentences())
    assert len(sentences) > 80
    assert any("suspended" in text for text in sentences.values())


@pytest.mark.parametrize(("where", "text"), _customer_sentences())
def test_no_customer_sentence_names_the_provider(where, text):
    assert not PROVIDER.search(text), f"{where} tells a customer: {text}"


def test_presets_and_notices_are_brand_neutral_and_carry_codes():
    for preset in PRESETS.values():
        assert not PROVIDER.search(preset.description)
    for notice, code in private_networks.NOTICE_CODES.items():
        assert not PROVIDER.search(notice)
        assert re.fullmatch(r"private_network_[a-z_]+", code)


def test_a_joined_network_says_what_happens_next_by_code():
    facts = private_networks.NetworkFacts(
        network_id=9, name="c7-backend", region="EU", cidr="10.0.0.0/22", members={5: "10.0.0.2"}
    )
    view = private_networks.view_of(facts, "7", 5, private_networks.RESTARTING)
    assert view.notice_code == "private_network_restarting"
    assert private_networks.view_of(facts, "7", 5).notice_code is None
