"""Service keys per WHMCS installation (domain/installations.py) and the signing keys that
name their installation (domain/credentials.py)."""

import pytest
from pydantic import ValidationError

from contabo_reseller.domain import installations
from contabo_reseller.domain.credentials import SigningKeys
from contabo_reseller.domain.drift import service_id_in_name
from contabo_reseller.domain.service import display_name_for


def test_the_default_installation_keeps_todays_keys_so_no_row_moves():
    assert installations.scoped_id("default", "1001") == "1001"
    assert installations.installation_of("1001") == "default"
    assert installations.whmcs_id("1001") == "1001"


def test_another_installation_has_its_own_keys():
    key = installations.scoped_id("staging", "1001")
    assert key != "1001"
    assert installations.installation_of(key) == "staging"
    assert installations.whmcs_id(key) == "1001"
    assert installations.belongs_to(key, "staging") and not installations.belongs_to(key, "default")
    assert not installations.belongs_to("1001", "staging")


def test_a_plain_secret_is_a_key_of_the_default_installation():
    keys = SigningKeys.model_validate(
        {"keys": {"old": "s3cret", "stg": {"secret": "other", "installation": "staging"}}}
    ).keys
    assert keys["old"].installation == "default"
    assert keys["old"].secret.get_secret_value() == "s3cret"
    assert keys["stg"].installation == "staging"


@pytest.mark.parametrize("name", ["Staging", "a.b", "", "x" * 40, "1st"])
def test_an_installation_name_cannot_break_a_service_key(name):
    with pytest.raises(ValidationError):
        SigningKeys.model_validate({"keys": {"k": {"secret": "s", "installation": name}}})


def test_drift_recognises_another_installations_server_as_ours():
    assert service_id_in_name(display_name_for("staging.1001")) == "staging.1001"
    assert service_id_in_name(display_name_for("1001")) == "1001"
