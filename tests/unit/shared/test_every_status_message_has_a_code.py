"""Every status message a service row or view can hold names its sentence, as refusals do
(test_every_refusal_has_a_code.py): the package sets status_message only through
domain/status_messages.py (``say(code, **params)``, ``from_error``, ``CLEARED``), each code
said has its sentence in all five languages of the server module, and the parameters a site
passes fill every placeholder. A status message set as bare text, a code without its
sentences, or an unfilled placeholder fails here.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

from contabo_reseller.adapters.tables import ServiceRecord
from contabo_reseller.domain.errors import ActionRefused
from contabo_reseller.domain.status_messages import CLEARED, SENTENCES, from_error, say

ROOT = Path(__file__).parents[3]
PACKAGE = ROOT / "layers/common/contabo_reseller"
LANG = ROOT / "whmcs_module/modules/servers/contabo/lang"
LANGUAGES = ("english", "german", "spanish", "french", "portuguese-br")
ATTRIBUTES = ("status_message", "status_message_code", "status_message_params")
# The only places that spell the attributes out: the registry (builds them), the view (reads
# the row into ServiceView) and ServiceView.says (shows a message instead of the row's).
REGISTRY, VIEWS, SERVICE_VIEW = (
    "domain/status_messages.py",
    "services/views.py",
    "domain/service.py",
)


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(PACKAGE)): ast.parse(path.read_text())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _placeholders(sentence: str) -> set[str]:
    return set(re.findall(r"\{([a-z_]+)\}", sentence))


def bare_settings(modules: dict[str, ast.Module]) -> list[str]:
    """Places that set a status message's attributes by hand instead of through the registry."""
    found = []
    for module, tree in modules.items():
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg in ATTRIBUTES and module != VIEWS:
                found.append(f"{module}:{node.value.lineno} {node.arg}=")
            elif isinstance(node, ast.Dict) and module != REGISTRY:
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                parent = parents.get(node)
                logged = isinstance(parent, ast.keyword) and parent.arg == "extra"
                if keys & set(ATTRIBUTES) and not logged:
                    found.append(f"{module}:{node.lineno} {{{sorted(keys & set(ATTRIBUTES))}}}")
            elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and target.attr in ATTRIBUTES
                        and module != SERVICE_VIEW
                    ):
                        found.append(f"{module}:{node.lineno} .{target.attr} =")
            elif (
                isinstance(node, ast.Call)
                and _name(node) == "StatusMessage"
                and module not in (REGISTRY, VIEWS)
            ):
                found.append(f"{module}:{node.lineno} StatusMessage(...)")
    return found


@functools.cache
def _said() -> tuple[tuple[str, int, str | None, frozenset[str]], ...]:
    """(module, line, code or None when not a literal, parameter names) of every say()."""
    sites = []
    for module, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) == "say" and module != REGISTRY:
                first = node.args[0] if node.args else None
                code = (
                    first.value
                    if isinstance(first, ast.Constant) and isinstance(first.value, str)
                    else None
                )
                keys = frozenset(k.arg for k in node.keywords if k.arg)
                sites.append((module, node.lineno, code, keys))
    return tuple(sites)


def _sentences(language: str) -> dict[str, str]:
    text = (LANG / f"{language}.php").read_text()
    pattern = r"\$_LANG\['cloudserver_msg_([a-z0-9_]+)'\]\s*=\s*'((?:[^'\\]|\\.)*)';"
    return {key: value.replace("\\'", "'") for key, value in re.findall(pattern, text)}


def test_the_scan_sees_the_status_messages():
    codes = {code for _, _, code, _ in _said()}
    assert len(_said()) >= 30
    assert {"status_change_queued", "status_order_refused", "status_server_gone"} <= codes


def test_no_status_message_is_set_as_bare_text():
    assert bare_settings(_modules()) == [], (
        "say it with status_messages.say(code, **params).fields() (or CLEARED)"
    )


def test_the_scan_finds_a_bare_status_message():
    planted = ast.parse(
        "service_store.update(record, status_message='Moved.')\n"
        "view.status_message = 'Queued.'\n"
        "service_store.update(record, **{'status_message_code': 'x'})\n"
    )
    assert len(bare_settings({"services/planted.py": planted})) == 3


def test_every_status_message_is_said_by_a_known_code():
    unknown = [
        f"{module}:{line} {code}" for module, line, code, _ in _said() if code not in SENTENCES
    ]
    assert unknown == [], "add the code to status_messages.SENTENCES (a literal, not computed)"


def test_the_parameters_fill_every_placeholder():
    unfilled = [
        f"{module}:{line} {code} needs {sorted(_placeholders(SENTENCES[code]) - keys)}"
        for module, line, code, keys in _said()
        if code in SENTENCES and _placeholders(SENTENCES[code]) - keys
    ]
    assert unfilled == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_its_sentence(language):
    sentences = _sentences(language)
    missing = sorted(set(SENTENCES) - set(sentences))
    assert missing == [], f"add cloudserver_msg_<code> to lang/{language}.php"
    changed = sorted(
        code
        for code in SENTENCES
        if _placeholders(sentences[code]) != _placeholders(SENTENCES[code])
    )
    assert changed == [], "a translation must keep the English sentence's placeholders"


def test_the_english_sentences_match_the_backend():
    english = _sentences("english")
    assert {code: english[code] for code in SENTENCES} == SENTENCES


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_sentence_is_translated(language):
    sentences, english = _sentences(language), _sentences("english")
    untranslated = sorted(code for code in SENTENCES if sentences[code] == english[code])
    assert untranslated == []


def test_a_message_and_its_clearing_cover_the_same_row_attributes():
    message = say("status_region_move_requested", region="EU", ticket=17)
    assert message.text == "Moving to region EU (support ticket 17)."
    assert message.fields() == {
        "status_message": message.text,
        "status_message_code": "status_region_move_requested",
        "status_message_params": {"region": "EU", "ticket": "17"},
    }
    assert set(CLEARED) == set(message.fields()) == set(ATTRIBUTES)
    assert all(hasattr(ServiceRecord, name) for name in ATTRIBUTES)
    assert say("status_change_queued").fields()["status_message_params"] is None


def test_a_refusal_kept_as_status_keeps_its_code():
    refusal = ActionRefused("Busy: job 7.", message_code="service_busy_job", params={"job": 7})
    assert from_error(refusal).fields() == {
        "status_message": "Busy: job 7.",
        "status_message_code": "service_busy_job",
        "status_message_params": {"job": "7"},
    }
