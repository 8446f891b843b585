"""Root passwords that meet Contabo's password rule (see CreateSecretRequest in the spec):
upper and lower case, and three digits with at least one of !@#$^&*?_~ (we use two)."""

from __future__ import annotations

import re
import secrets
import string

SPECIALS = "!@#$^&*?_~"
CONTABO_PASSWORD_RULE = re.compile(
    r"^((?=.*?[A-Z])(?=.*?[a-z]))(((?=(?:[^\d]*\d){1})(?=([^!@#$^&*?_~]*[!@#$^&*?_~]){2,}))"
    r"|((?=(?:[^\d]*\d){3})(?=.*?[!@#$^&*?_~]+))).{8,}$"
)


def generate_root_password(length: int = 20) -> str:
    alphabet = string.ascii_letters + string.digits + SPECIALS
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(length))
        if CONTABO_PASSWORD_RULE.match(candidate):
            return candidate


def meets_contabo_rule(password: str) -> bool:
    return bool(CONTABO_PASSWORD_RULE.match(password))
