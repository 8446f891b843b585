"""Every message code the backend sends has its sentence in each of the module's languages, so
a customer never reads the English fallback for a code the backend already names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contabo_reseller.domain.guardrails import REFUSALS
from contabo_reseller.domain.private_networks import NOTICE_CODES
from contabo_reseller.http.errors import _PROBLEMS

ROOT = Path(__file__).parents[3]
PACKAGE = ROOT / "layers/common/contabo_reseller"
LANG = ROOT / "whmcs_module/modules/servers/contabo/lang"
LANGUAGES = ("english", "german", "spanish", "french", "portuguese-br")


def _codes() -> set[str]:
    source = "\n".join(path.read_text() for path in PACKAGE.rglob("*.py"))
    literal = set(re.findall(r'message_code="([a-z_]+)"', source))
    codes = literal | set(NOTICE_CODES.values()) | {f"guardrail_{rule}" for rule in REFUSALS}
    return codes - {"invalid_fields"}  # said field by field, from cloudserver_problem_*


def test_the_backend_names_its_sentences():
    assert {"service_suspended", "snapshot_limit", "private_network_list"} <= _codes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_its_sentence(language):
    keys = set(
        re.findall(
            r"\$_LANG\['cloudserver_msg_([a-z_]+)'\]", (LANG / f"{language}.php").read_text()
        )
    )
    server_codes = {c for c in _codes() if not c.startswith(("domain_", "handle_"))}  # registrar
    assert sorted(server_codes - keys) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_validation_problem_has_its_sentence(language):
    text = (LANG / f"{language}.php").read_text()
    keys = set(re.findall(r"\$_LANG\['cloudserver_problem_([a-z_]+)'\]", text))
    problems = {code for code, _ in _PROBLEMS.values()} | {"not_json", "invalid"}
    assert sorted(problems - keys) == []
