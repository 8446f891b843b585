"""Request nonces in the tokens table: a conditional put fails if the nonce was seen before."""

from __future__ import annotations

import time

from pynamodb.exceptions import PutError

from contabo_reseller.adapters.tables import TokenItem


def remember_nonce(key_id: str, nonce: str, keep_seconds: int) -> bool:
    """True if this nonce is new (and is now remembered), False if it was seen before."""
    item = TokenItem(token_id=f"nonce#{key_id}#{nonce}", expires_at=int(time.time()) + keep_seconds)
    try:
        item.save(condition=TokenItem.token_id.does_not_exist())
    except PutError as error:
        if error.cause_response_code == "ConditionalCheckFailedException":
            return False
        raise
    return True
