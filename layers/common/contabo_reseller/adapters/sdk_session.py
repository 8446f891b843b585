"""One AWS SDK session per thread, shared by every table and AWS client of a function.

Each botocore session loads its service models and endpoint data anew, and pynamodb opens one
session per table (Powertools one per utility): a cold Suspend that touched four tables parsed
DynamoDB's model four times, about 60 ms of CPU each (docs/performance.md, "Cold call").
Clients are thread-safe but sessions are not, so the session is per thread, as pynamodb's own
sessions are; in Lambda that is one session per container.
"""

from __future__ import annotations

import threading

import boto3
import botocore.session
from pynamodb.connection import base as pynamodb_connection

_local = threading.local()


def botocore_session() -> botocore.session.Session:
    session: botocore.session.Session | None = getattr(_local, "botocore", None)
    if session is None:
        session = _local.botocore = botocore.session.get_session()
    return session


def boto3_session() -> boto3.session.Session:
    """The boto3 face of this thread's session (boto3 registers its handlers on it once)."""
    session: boto3.session.Session | None = getattr(_local, "boto3", None)
    if session is None:
        session = _local.boto3 = boto3.session.Session(botocore_session=botocore_session())
    return session


def share_with_pynamodb() -> None:
    """pynamodb's connections take their session from ``get_session`` in its connection
    module (no setting for it): every table's connection then uses this thread's session.
    Safe while no table sets credentials of its own (pynamodb would set them on the session)."""
    pynamodb_connection.get_session = botocore_session  # type: ignore[assignment] # called bare
