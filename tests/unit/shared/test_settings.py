import pytest
from pydantic import ValidationError

from contabo_reseller.settings import Settings

REQUIRED = {
    "SERVICES_TABLE": "s",
    "JOBS_TABLE": "j",
    "AUDIT_TABLE": "a",
    "TOKENS_TABLE": "t",
    "CATALOG_TABLE": "c",
    "USAGE_TABLE": "u",
    "IDEMPOTENCY_TABLE": "i",
    "CONTABO_SECRET_ID": "arn:contabo",
    "SIGNING_KEYS_SECRET_ID": "arn:keys",
}


def test_reads_upper_case_environment_names():
    settings = Settings.from_environ({**REQUIRED, "CONTABO_TIMEOUT_SECONDS": "3.5"})
    assert settings.services_table == "s"
    assert settings.contabo_timeout_seconds == 3.5
    assert settings.contabo_api_url == "https://api.contabo.com"


def test_missing_table_name_is_a_clear_error():
    environ = dict(REQUIRED)
    del environ["SERVICES_TABLE"]
    with pytest.raises(ValidationError, match="services_table"):
        Settings.from_environ(environ)


def test_settings_are_immutable():
    settings = Settings.from_environ(REQUIRED)
    with pytest.raises(ValidationError):
        settings.stage = "other"  # type: ignore[misc]
