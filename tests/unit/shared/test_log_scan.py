"""The log scanner used by tests/integration/lifecycle/test_no_secrets_in_logs.py can fail."""

from __future__ import annotations

import io
import logging

import pytest
from aws_lambda_powertools import Logger

from tests.log_scan import captured_logs, find_secrets

SECRETS = {"signing secret": "local-signing-secret-0123", "root password": "Xy7!p@ss w0rd&more"}


def test_a_planted_secret_is_found_in_plain_json_and_form_encoding() -> None:
    assert find_secrets("all clear", SECRETS) == []
    assert find_secrets("key=local-signing-secret-0123", SECRETS) == ["signing secret"]
    assert find_secrets('{"password": "Xy7!p@ss w0rd&more"}', SECRETS) == ["root password"]
    assert find_secrets("servicepassword=Xy7%21p%40ss+w0rd%26more", SECRETS) == ["root password"]
    assert find_secrets("p=Xy7%21p%40ss%20w0rd%26more", SECRETS) == ["root password"]


def test_short_secrets_are_refused_rather_than_matched_by_chance() -> None:
    with pytest.raises(ValueError, match="too short"):
        find_secrets("anything", {"pin": "1234"})


def test_a_powertools_logger_created_before_the_capture_is_captured() -> None:
    stream = io.StringIO()  # stands for the stdout the logger kept from import time
    logger = Logger(service="log-scan-test", logger_handler=logging.StreamHandler(stream))
    with captured_logs() as logs:
        logger.warning("push failed", extra={"password": SECRETS["root password"]})
    logger.warning("after the capture: not captured")

    assert find_secrets(logs.text, SECRETS) == ["root password"]
    assert "push failed" in stream.getvalue()  # the real output still goes out
    assert "after the capture" not in logs.text
