"""Status messages: what a service row says about itself, for the reseller's staff.

Each one is a stable ``code`` with ``params`` beside its English ``text``, the way refusals
are: the row keeps all three (status_message, status_message_code, status_message_params),
ServiceView shows them, and the WHMCS module's Services tab says the sentence in the admin's
language (lang key cloudserver_msg_<code>, placeholders {name}); the English text stays for
logs and API users. A provider's words travel as the {reason} parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contabo_reseller.domain.errors import DomainError

# The English sentence of every status message, by code (the lang files hold the others).
SENTENCES: dict[str, str] = {
    # The default message of each state, when the row says nothing more.
    "status_server_queued": "Your server has been ordered and will be set up in a moment.",
    "status_server_purchasing": "Your server is being ordered.",
    "status_server_provisioning": (
        "Your server is being set up; this usually takes a few minutes."
    ),
    "status_server_active": "Your server is ready.",
    "status_server_failed": "Setting up your server needs attention from support.",
    "status_server_terminated": "This server has been cancelled.",
    "status_storage_queued": (
        "Your object storage has been ordered and will be set up in a moment."
    ),
    "status_storage_purchasing": "Your object storage is being ordered.",
    "status_storage_provisioning": (
        "Your object storage is being set up; this usually takes a few minutes."
    ),
    "status_storage_active": "Your object storage is ready.",
    "status_storage_failed": "Setting up your object storage needs attention from support.",
    "status_storage_terminated": "This object storage has been cancelled.",
    # Accepted now, applied later.
    "status_change_queued": (
        "The change is accepted and is being applied to the server within a few minutes; "
        "nothing is ordered twice."
    ),
    "status_upgrade_being_confirmed": (
        "An earlier upgrade of this server is being confirmed with the provider; this change "
        "is applied once that is known, without ordering anything twice."
    ),
    "status_root_login_queued": (
        "The new password is saved and is being applied to the server; it works within a few "
        "minutes."
    ),
    "status_renewal_queued": (
        "The renewal is accepted and is recorded as soon as the server's current action ends."
    ),
    "status_storage_renewal_queued": (
        "The renewal is accepted and is recorded as soon as the object storage's current "
        "action ends."
    ),
    "status_storage_unsuspend_queued": (
        "The reactivation is accepted; access is restored as soon as the object storage's "
        "current action ends."
    ),
    "status_terminate_after_purchase": (
        "Termination accepted: the order still being confirmed is cancelled as soon as it is "
        "linked, and nothing more is ordered."
    ),
    "status_cleanup_pending": "Cancelled at the provider; cleanup pending (job {job}: {steps}).",
    "status_region_move_requested": "Moving to region {region} (support ticket {ticket}).",
    "status_region_move_ticket_lost": (
        "Moving to region {region} (support ticket unknown, the answer was lost)."
    ),
    "status_server_gone": "The server no longer exists at the provider.",
    # Why a service needs the admin.
    "status_order_refused": "The order was refused: {reason}",
    "status_order_unconfirmed": (
        "The order could not be confirmed with the hosting platform after several attempts."
    ),
    "status_setup_failed": "The server could not be set up (state {state}): {reason}",
    "status_setup_failed_no_details": (
        "The server could not be set up (state {state}): no details were given"
    ),
    "status_storage_setup_failed": "The object storage could not be set up (state {state}).",
    "status_imported_untagged": "Imported; the service tag could not be set: {reason}",
    "status_domain_transfer_needs_action": (
        "The transfer needs manual action (often a wrong or expired auth code); the "
        "reseller's staff has been told."
    ),
    "status_domain_registration_needs_action": (
        "The registration needs manual action; the reseller's staff has been told."
    ),
    # Private-network products.
    "status_private_network_created": "Private network {name} ({cidr}) in {region}.",
    # Also the refusal's sentence (domain.private_networks.SUSPENDED_NETWORK), said as status.
    "private_network_suspended": (
        "This private network is suspended: no server can join it until it is reactivated; "
        "servers already in it keep it."
    ),
    "status_private_network_deleted": (
        "The private network was deleted; {detached} server(s) detached."
    ),
}

# What a row holds once its message is cleared (None removes the attribute).
CLEARED: dict[str, Any] = {
    "status_message": "",
    "status_message_code": None,
    "status_message_params": None,
}


@dataclass(frozen=True)
class StatusMessage:
    code: str
    text: str
    params: dict[str, str] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        """The service row's attributes that hold it (for service_store.update)."""
        return {
            "status_message": self.text,
            "status_message_code": self.code,
            "status_message_params": dict(self.params) or None,
        }


def say(code: str, **params: Any) -> StatusMessage:
    """The status message ``code`` with its parameters (KeyError: a code without a sentence)."""
    given = {name: str(value) for name, value in params.items()}
    return StatusMessage(code, SENTENCES[code].format(**given), given)


def from_error(error: DomainError) -> StatusMessage:
    """A refusal kept as the row's status: its code and parameters name its sentence."""
    params = {name: str(value) for name, value in error.params.items()}
    return StatusMessage(error.message_code, error.message, params)
