"""`make deploy` looks for AWS credentials before it builds, and says how to set them."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from moto import mock_aws

from local.stack.template import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "check_aws_credentials.py"


def test_without_credentials_it_stops_and_says_how_to_set_them(tmp_path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") or key == "AWS_DEFAULT_REGION"
    }
    env |= {
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
        "AWS_CONFIG_FILE": str(tmp_path / "none"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    completed = subprocess.run(  # noqa: S603 (our interpreter, our script)
        [sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 1
    assert "no AWS credentials found" in completed.stderr
    assert "aws configure" in completed.stderr and "AWS_PROFILE" in completed.stderr
    assert "nothing was built" in completed.stderr


def test_working_credentials_name_the_account(monkeypatch, capsys) -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import check_aws_credentials
    finally:
        sys.path.remove(str(SCRIPT.parent))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        assert check_aws_credentials.main() == 0
    assert "AWS account 123456789012" in capsys.readouterr().out


def test_make_deploy_checks_before_it_builds() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text()
    rule = re.search(r"^deploy:(?P<needs>[^#\n]*)##.*\n(?P<recipe>(?:\t.*\n)+)", makefile, re.M)
    assert rule is not None
    assert "build" not in rule.group("needs").split()  # a prerequisite would build first
    recipe = rule.group("recipe").splitlines()
    assert "check_aws_credentials.py" in recipe[0]
    assert any("build" in line for line in recipe[1:])
