"""WHMCS installations: one backend may serve several (production, staging...), each with its
own signing keys. WHMCS numbers services and clients from 1 in every installation, so an id
means something only together with its installation.

The backend stores a service under its *service key*: the WHMCS id itself for the default
installation (every row written before installations existed, so they need no migration), and
``<installation>.<id>`` for any other. Pure functions, no I/O.
"""

from __future__ import annotations

import re

DEFAULT_INSTALLATION = "default"
INSTALLATION_PATTERN = re.compile(r"^[a-z][a-z0-9-]{0,31}$")
_SEPARATOR = "."  # never in a WHMCS id or an installation name; allowed in bucket names


def scoped_id(installation: str, whmcs_id: str) -> str:
    """The key under which the backend keeps ``whmcs_id`` of ``installation``."""
    if installation == DEFAULT_INSTALLATION:
        return whmcs_id
    return f"{installation}{_SEPARATOR}{whmcs_id}"


def whmcs_id(key: str) -> str:
    """The id as its WHMCS installation knows it."""
    return key.rpartition(_SEPARATOR)[2]


def installation_of(key: str) -> str:
    return key.rpartition(_SEPARATOR)[0] or DEFAULT_INSTALLATION


def belongs_to(key: str, installation: str) -> bool:
    return installation_of(key) == installation
