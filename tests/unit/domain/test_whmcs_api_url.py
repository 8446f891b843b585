"""The WHMCS API push carries the API secret and root passwords: https only, except loopback."""

import json

import boto3
import pytest
from pydantic import ValidationError

from contabo_reseller.adapters import secrets
from contabo_reseller.domain.credentials import WhmcsApiCredentials
from contabo_reseller.domain.errors import ConfigurationError
from tests.conftest import TEST_NAMES

SECRET = {"identifier": "id-1", "secret": "api-secret-1"}


@pytest.mark.parametrize(
    "url",
    [
        "https://billing.example.com/",
        "https://billing.example.com/includes/api.php",
        "http://127.0.0.1:8080/",
        "http://localhost/whmcs/",
        "http://[::1]:8080/",
        "",  # not configured: no push
    ],
)
def test_https_and_loopback_urls_are_accepted(url):
    assert WhmcsApiCredentials.model_validate({"url": url, **SECRET}).url == url


@pytest.mark.parametrize(
    "url",
    [
        "http://billing.example.com/",
        "http://10.0.0.5/includes/api.php",
        "http://127.0.0.1.example.com/",
        "ftp://billing.example.com/",
        "billing.example.com",
        "https://",
    ],
)
def test_plain_http_to_another_host_is_refused(url):
    with pytest.raises(ValidationError) as raised:
        WhmcsApiCredentials.model_validate({"url": url, **SECRET})
    assert "https://" in str(raised.value)
    assert "api-secret-1" not in str(raised.value)


def test_the_backend_refuses_a_plain_http_whmcs_api_secret(aws):
    boto3.client("secretsmanager").put_secret_value(
        SecretId=TEST_NAMES.physical("WhmcsApiSecret"),
        SecretString=json.dumps({"url": "http://billing.example.com/", **SECRET}),
    )
    with pytest.raises(ConfigurationError) as raised:
        secrets.whmcs_api_credentials()
    assert "url" in raised.value.message and "api-secret-1" not in raised.value.message
