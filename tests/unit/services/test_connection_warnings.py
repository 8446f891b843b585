from contabo_reseller.services import connection_test
from contabo_reseller.settings import Settings, get_settings


def _settings(**overrides) -> Settings:
    return get_settings().model_copy(update=overrides)


def test_an_open_api_is_a_warning(monkeypatch):
    monkeypatch.setattr(connection_test, "get_settings", lambda: _settings())
    assert "any address" in connection_test.edge_warnings()[0]


def test_an_api_closed_to_whmcs_addresses_has_no_warning(monkeypatch):
    closed = _settings(api_allowed_source_ips="203.0.113.10/32")
    monkeypatch.setattr(connection_test, "get_settings", lambda: closed)
    assert connection_test.edge_warnings() == []
