"""Every refusal the package can raise names its sentence: each construction of a DomainError
subclass passes a ``message_code`` (a literal, or one of the few computed ones enumerated
below), each code has its sentence in all five languages of the server module (the admin addon
says backend refusals with the same sentences), and the parameters a site passes fill every
placeholder of its sentence. A new raise without a code, or a code without its sentences, fails.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from contabo_reseller.domain.errors import OutOfTime, PurchaseOutcomeUnknown
from contabo_reseller.domain.firewall import Rule
from contabo_reseller.domain.guardrails import REFUSALS
from contabo_reseller.domain.object_storage.product import CreateObjectStorageRequest
from contabo_reseller.domain.private_networks import NO_ADD_ON, NOTICE_CODES
from contabo_reseller.http.errors import validation_problems

ROOT = Path(__file__).parents[3]
PACKAGE = ROOT / "layers/common/contabo_reseller"
LANG = ROOT / "whmcs_module/modules/servers/contabo/lang"
SENTENCES = (
    (LANG, "cloudserver_msg_"),
    (ROOT / "whmcs_module/modules/registrars/domainreseller/lang", "domainreseller_msg_"),
)
LANGUAGES = ("english", "german", "spanish", "french", "portuguese-br")

# Codes computed at the raise site: (module, source of the message_code argument) -> the codes.
COMPUTED = {
    ("services/service_policy.py", "f'guardrail_{rule}'"): {f"guardrail_{r}" for r in REFUSALS},
    ("services/private_networks.py", "NOTICE_CODES[NO_ADD_ON]"): {NOTICE_CODES[NO_ADD_ON]},
}
# Errors whose constructor sets the code itself (one sentence whatever the site).
FIXED = {
    "OutOfTime": OutOfTime().message_code,
    "PurchaseOutcomeUnknown": PurchaseOutcomeUnknown("x", request_id="r").message_code,
}


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(PACKAGE)): ast.parse(path.read_text())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _error_classes(modules: dict[str, ast.Module]) -> set[str]:
    bases: dict[str, set[str]] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = {
                    b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")
                    for b in node.bases
                }
                bases.setdefault(node.name, set()).update(names)
    found = {"DomainError", "InvalidValue"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _passed_to(tree: ast.Module, function: str, parameter: str, index: int) -> set[str] | None:
    """The literal values every call of ``function`` in the module passes for ``parameter``."""
    values: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node) == function:
            given = next((k.value for k in node.keywords if k.arg == parameter), None)
            if given is None and len(node.args) > index:
                given = node.args[index]
            if not (isinstance(given, ast.Constant) and isinstance(given.value, str)):
                return None
            values.add(given.value)
    return values or None


def _literal_codes(value: ast.expr) -> set[str] | None:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return {value.value}
    if isinstance(value, ast.IfExp):
        body, orelse = _literal_codes(value.body), _literal_codes(value.orelse)
        return body | orelse if body is not None and orelse is not None else None
    return None


@functools.cache
def _sites() -> tuple[tuple[str, int, str, set[str] | None, set[str] | None], ...]:
    """(module, line, class, codes or None when uncoded, parameter names or None if computed)."""
    modules = _modules()
    classes = _error_classes(modules)
    sites = []
    for module, tree in modules.items():
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node) in classes):
                continue
            if _name(node) in FIXED:
                sites.append((module, node.lineno, _name(node), {FIXED[_name(node)]}, set()))
                continue
            given = next((k.value for k in node.keywords if k.arg == "message_code"), None)
            params = next((k.value for k in node.keywords if k.arg == "params"), None)
            keys: set[str] | None = set()
            if isinstance(params, ast.Dict):
                keys = {k.value for k in params.keys if isinstance(k, ast.Constant)}
            elif params is not None:
                keys = None
            codes = None if given is None else _literal_codes(given)
            if given is not None and codes is None:
                codes = COMPUTED.get((module, ast.unparse(given)))
            if codes is None and isinstance(given, ast.Name):
                # A code handed in by the caller: the literals every caller passes.
                function = parents.get(node)
                while function is not None and not isinstance(function, ast.FunctionDef):
                    function = parents.get(function)
                if function is not None:
                    arguments = [a.arg for a in function.args.args]
                    if given.id in arguments:
                        codes = _passed_to(tree, function.name, given.id, arguments.index(given.id))
            sites.append((module, node.lineno, _name(node), codes, keys))
    return tuple(sites)


def _sentences(language: str) -> dict[str, str]:
    """The sentences by code: the server module's (the admin addon says refusals with them)
    and the registrar module's, which says the domain refusals it receives."""
    sentences: dict[str, str] = {}
    for folder, prefix in SENTENCES:
        text = (folder / f"{language}.php").read_text()
        pattern = rf"\$_LANG\['{prefix}([a-z0-9_]+)'\]\s*=\s*'((?:[^'\\]|\\.)*)';"
        for key, value in re.findall(pattern, text):
            sentences.setdefault(key, value.replace("\\'", "'"))
    return sentences


# Plain ValueErrors that never reach a person: wiring mistakes caught by tests and startup.
PROGRAMMING_ERRORS = {"services/jobs/action_queue.py", "adapters/contabo/orders.py"}


def test_field_rules_raise_a_coded_refusal():
    """A validator's ValueError becomes a 'custom' validation problem: raising InvalidValue
    gives it a code; a plain ValueError would reach the customer in English only."""
    plain = [
        f"{module}:{node.lineno}"
        for module, tree in _modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and _name(node.exc) == "ValueError"
        and module not in PROGRAMMING_ERRORS
    ]
    assert plain == [], "raise InvalidValue(..., message_code=...) instead"


def test_a_field_rule_reaches_the_module_with_its_code():
    with pytest.raises(ValidationError) as refused:
        Rule(protocol="tcp", ports="22-", source="0.0.0.0/0")
    (problem,) = validation_problems(list(refused.value.errors()))
    assert problem["problem"] == "custom"
    assert problem["message_code"] == "ports_format"
    assert problem["field"] == "ports"
    with pytest.raises(ValidationError) as small:
        CreateObjectStorageRequest(
            client_id="7", client_email="a@example.com", region="EU", size_tb=0.3
        )
    (problem,) = validation_problems(list(small.value.errors()))
    assert (problem["message_code"], problem["params"]["step"]) == ("storage_size_step", "0.25")


def test_the_scan_sees_the_refusals():
    sites = _sites()
    assert len(sites) > 150
    assert {"ActionRefused", "ContaboConflict", "OutOfTime"} <= {site[2] for site in sites}


def test_every_refusal_names_its_sentence():
    uncoded = [
        f"{module}:{line} {cls}" for module, line, cls, codes, _ in _sites() if codes is None
    ]
    assert uncoded == [], "give these a message_code (and its sentence in every lang file)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_raised_has_its_sentence(language):
    sentences = _sentences(language)
    missing = sorted(
        {
            f"{code} ({module}:{line})"
            for module, line, _, codes, _ in _sites()
            for code in codes or ()
        }
        - {
            f"{code} ({module}:{line})"
            for module, line, _, codes, _ in _sites()
            for code in codes or ()
            if code in sentences
        }
    )
    assert missing == []


def test_the_parameters_fill_every_placeholder():
    english = _sentences("english")
    unfilled = []
    for module, line, _, codes, keys in _sites():
        for code in codes or ():
            if keys is None or code not in english:
                continue  # computed parameters, or reported by the test above
            wanted = set(re.findall(r"\{([a-z_]+)\}", english[code]))
            if wanted - keys:
                unfilled.append(f"{module}:{line} {code} needs {sorted(wanted - keys)}")
    assert unfilled == []
