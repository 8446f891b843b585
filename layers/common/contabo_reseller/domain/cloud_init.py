"""Checks cloud-init user data before anything is bought or reinstalled."""

from __future__ import annotations

from contabo_reseller.domain.errors import InvalidInput

MAX_USER_DATA_BYTES = 16 * 1024


def validate_user_data(user_data: str, max_bytes: int = MAX_USER_DATA_BYTES) -> str:
    size = len(user_data.encode())
    if size > max_bytes:
        raise InvalidInput(
            f"The cloud-init user data is {size} bytes; the limit is {max_bytes} bytes.",
            message_code="user_data_too_large",
            params={"size": size, "limit": max_bytes},
        )
    if user_data.startswith("#!"):
        return user_data  # a shell script: cloud-init runs it as is
    if not user_data.startswith("#cloud-config"):
        raise InvalidInput(
            "The cloud-init user data must start with '#cloud-config' (or '#!' for a script).",
            message_code="user_data_header",
        )
    import yaml  # on first use: every function imports this module, few parse user data

    try:
        parsed = yaml.safe_load(user_data)
    except yaml.YAMLError as error:
        # The context mark is where the broken construct starts: more useful than where it ends.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = getattr(mark, "line", None)
        where = f" near line {line + 1}" if line is not None else ""
        raise InvalidInput(
            f"The cloud-init user data is not valid YAML{where}.", message_code="user_data_not_yaml"
        ) from None
    if parsed is not None and not isinstance(parsed, dict):
        raise InvalidInput(
            "The cloud-init user data must be a YAML mapping (key: value).",
            message_code="user_data_not_mapping",
        )
    return user_data


def with_authorized_keys(user_data: str | None, public_keys: list[str]) -> str | None:
    """User data that also installs ``public_keys`` for the server's default user.

    Contabo stores an SSH key as a secret of at most 500 characters, so a longer key (RSA-4096
    is ~740) reaches the server through cloud-init's ``ssh_authorized_keys`` instead. The
    customer's own user data is kept as written: a ``#cloud-config`` gains the keys, and a
    shell script travels beside a small cloud-config in a multi-part message.
    """
    if not public_keys:
        return user_data
    if user_data is None:
        return _KEYS_ONLY_HEADER + _keys_block(public_keys)
    if user_data.startswith("#!"):
        return _multipart(user_data, _KEYS_ONLY_HEADER + _keys_block(public_keys))
    import yaml  # on first use (see validate_user_data)

    parsed = yaml.safe_load(user_data) or {}
    existing = parsed.get("ssh_authorized_keys")
    if existing is None:
        appended = user_data.rstrip("\n") + "\n" + _keys_block(public_keys)
        reparsed = yaml.safe_load(appended) or {}
        if reparsed.get("ssh_authorized_keys") == public_keys and _same_apart_from_keys(
            parsed, reparsed
        ):
            return appended  # the customer's text, comments and all, with one block added
    keys = [*(existing or []), *(key for key in public_keys if key not in (existing or []))]
    return _KEYS_ONLY_HEADER + yaml.safe_dump(
        {**parsed, "ssh_authorized_keys": keys}, sort_keys=False, width=1 << 16
    )


_KEYS_ONLY_HEADER = "#cloud-config\n"


def _keys_block(public_keys: list[str]) -> str:
    return "ssh_authorized_keys:\n" + "".join(f"  - {key}\n" for key in public_keys)


def _same_apart_from_keys(before: dict, after: dict) -> bool:
    return {k: v for k, v in after.items() if k != "ssh_authorized_keys"} == before


def _multipart(script: str, cloud_config: str) -> str:
    """cloud-init's MIME multi-part user data: the script and the keys, each as its own part."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart(boundary="==reseller-user-data==")
    message.attach(MIMEText(cloud_config, "cloud-config"))
    message.attach(MIMEText(script, "x-shellscript"))
    return message.as_string()
