"""Checks cloud-init user data before anything is bought or reinstalled."""

from __future__ import annotations

import yaml

from contabo_reseller.domain.errors import InvalidInput

MAX_USER_DATA_BYTES = 16 * 1024


def validate_user_data(user_data: str, max_bytes: int = MAX_USER_DATA_BYTES) -> str:
    size = len(user_data.encode())
    if size > max_bytes:
        raise InvalidInput(
            f"The cloud-init user data is {size} bytes; the limit is {max_bytes} bytes."
        )
    if user_data.startswith("#!"):
        return user_data  # a shell script: cloud-init runs it as is
    if not user_data.startswith("#cloud-config"):
        raise InvalidInput(
            "The cloud-init user data must start with '#cloud-config' (or '#!' for a script)."
        )
    try:
        parsed = yaml.safe_load(user_data)
    except yaml.YAMLError as error:
        # The context mark is where the broken construct starts: more useful than where it ends.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = getattr(mark, "line", None)
        where = f" near line {line + 1}" if line is not None else ""
        raise InvalidInput(f"The cloud-init user data is not valid YAML{where}.") from None
    if parsed is not None and not isinstance(parsed, dict):
        raise InvalidInput("The cloud-init user data must be a YAML mapping (key: value).")
    return user_data
