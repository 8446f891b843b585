"""Every domain and DNS message code the backend sends has its sentence in each of the registrar
module's languages (the registrar renders refusals from its own lang files)."""

from __future__ import annotations

import re

import pytest

from tests.unit.shared.test_message_codes import LANGUAGES, ROOT, _codes

LANG = ROOT / "whmcs_module/modules/registrars/domainreseller/lang"


def _registrar_codes() -> set[str]:
    return {code for code in _codes() if code.startswith(("domain_", "dns_", "handle_"))}


def test_the_backend_names_its_domain_refusals():
    assert {"domain_not_found", "domain_us_nexus", "dns_zone_limit"} <= _registrar_codes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_domain_and_dns_code_has_its_sentence(language):
    text = (LANG / f"{language}.php").read_text()
    keys = set(re.findall(r"\$_LANG\['domainreseller_msg_([a-z_]+)'\]", text))
    assert sorted(_registrar_codes() - keys) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_the_english_sentence(language):
    def placeholders(name: str) -> dict[str, set[str]]:
        text = (LANG / f"{name}.php").read_text()
        line = r"\$_LANG\['(domainreseller_msg_[a-z_]+)'\] = '((?:[^'\\]|\\.)*)';"
        found = re.findall(line, text)
        return {key: set(re.findall(r"\{([a-z_]+)\}", value)) for key, value in found}

    english = placeholders("english")
    assert len(english) >= len(_registrar_codes())
    assert placeholders(language) == english
