"""Retired signing keys in the tokens table. ``keys retire`` writes the row; the verifier reads
it on every signed request, so a retired key stops working at once although the signing-keys
secret is cached for minutes in warm containers."""

from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, PynamoDBException

from contabo_reseller.adapters.tables import TokenItem
from contabo_reseller.domain import signing
from contabo_reseller.domain.errors import UpstreamUnavailable


def is_revoked(key_id: str) -> bool:
    try:
        TokenItem.get(signing.revocation_token_id(key_id), consistent_read=True)
    except DoesNotExist:
        return False
    except PynamoDBException as error:
        raise UpstreamUnavailable(
            "The key database is not reachable; try again.", message_code="database_unreachable"
        ) from error
    return True
