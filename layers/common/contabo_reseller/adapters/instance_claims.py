"""Which service an imported instance belongs to (catalog kind ``instance_claim``): of two
imports racing for one instance exactly one wins, whatever the services table's index shows."""

from __future__ import annotations

from contabo_reseller.adapters import claims

KIND = "instance_claim"


def claim(instance_id: int, service_id: str) -> str | None:
    """Claims the instance for the service; None when it is (now) theirs, else the holder."""
    return claims.claim(KIND, str(instance_id), service_id)


def holder_of(instance_id: int) -> str | None:
    return claims.holder_of(KIND, str(instance_id))


def release(instance_id: int, service_id: str) -> None:
    """Gives the claim up (the import did not go through), if it is still this service's."""
    claims.release(KIND, str(instance_id), service_id)
