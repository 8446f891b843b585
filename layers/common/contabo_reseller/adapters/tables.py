"""pynamodb models for the DynamoDB tables declared in template.yaml.

Key schemas and index names here must match the template; tests/unit/test_tables_match_template.py
checks that, and the local stack creates the tables from the template itself. Table names come
from the settings (the template passes the generated names in the environment).
"""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import (
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from contabo_reseller.adapters import sdk_session
from contabo_reseller.settings import get_settings

_settings = get_settings()
sdk_session.share_with_pynamodb()  # one session for every table, not one each


class ServicesByResource(GlobalSecondaryIndex["ServiceRecord"]):
    class Meta:
        index_name = "by_resource"
        projection = AllProjection()

    resource_id = UnicodeAttribute(hash_key=True)


class ServicesByState(GlobalSecondaryIndex["ServiceRecord"]):
    class Meta:
        index_name = "by_state"
        projection = AllProjection()

    state = UnicodeAttribute(hash_key=True)
    service_id = UnicodeAttribute(range_key=True)


class ServiceRecord(Model):
    """One row per WHMCS service: what we bought for it, its state, and its lock."""

    class Meta:
        table_name = _settings.services_table

    service_id = UnicodeAttribute(hash_key=True)
    kind = UnicodeAttribute(default="compute")
    state = UnicodeAttribute(default="new")
    resource_id = UnicodeAttribute(null=True)
    client_id = UnicodeAttribute(null=True)
    product_id = UnicodeAttribute(null=True)
    region = UnicodeAttribute(null=True)
    # Purchase intent: recorded with a conditional write before buying, so a retry finds it.
    display_name = UnicodeAttribute(null=True)
    purchase_request_id = UnicodeAttribute(null=True)
    purchase_attempts = NumberAttribute(default=0)
    # The action lock: one conflicting action at a time per service.
    lock_action = UnicodeAttribute(null=True)
    lock_owner = UnicodeAttribute(null=True)
    lock_expires_at = NumberAttribute(null=True)
    # A billing action (suspend, terminate) WHMCS was promised while the lock was held: kept
    # beside the row's other attributes, so no holder's write of them can lose it.
    billing_action = UnicodeAttribute(null=True)
    billing_request = JSONAttribute(null=True)
    # Everything else the service shows (IPs, product facts, policies...), as validated JSON.
    details = JSONAttribute(default=dict)
    status_message = UnicodeAttribute(null=True)
    # Its sentence for the module, by code and parameters (domain/status_messages.py).
    status_message_code = UnicodeAttribute(null=True)
    status_message_params = JSONAttribute(null=True)
    created_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)

    by_resource = ServicesByResource()
    by_state = ServicesByState()


class JobsByStatus(GlobalSecondaryIndex["JobRecord"]):
    class Meta:
        index_name = "by_status"
        projection = AllProjection()

    status = UnicodeAttribute(hash_key=True)
    run_after = NumberAttribute(range_key=True)


class JobRecord(Model):
    """A durable step of a long action (the action queue)."""

    class Meta:
        table_name = _settings.jobs_table

    job_id = UnicodeAttribute(hash_key=True)
    status = UnicodeAttribute(default="queued")
    run_after = NumberAttribute(default=0)
    service_id = UnicodeAttribute(null=True)
    action = UnicodeAttribute()
    attempts = NumberAttribute(default=0)
    last_error = UnicodeAttribute(null=True)
    payload = JSONAttribute(default=dict)
    lock_owner = UnicodeAttribute(null=True)
    lock_expires_at = NumberAttribute(null=True)
    expires_at = NumberAttribute(null=True)
    # Who queued it, how often it only waited (not a failure), what the last attempt said.
    actor = UnicodeAttribute(null=True)
    polls = NumberAttribute(default=0)
    message = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
    # The last error's message code and parameters (staff read it in their language) and when
    # the job was last parked (a job retried and parked again is a new failure to tell).
    last_error_code = UnicodeAttribute(null=True)
    last_error_params = JSONAttribute(null=True)
    parked_at = UTCDateTimeAttribute(null=True)

    by_status = JobsByStatus()


class AuditByRequestId(GlobalSecondaryIndex["AuditEntry"]):
    class Meta:
        index_name = "by_request_id"
        projection = AllProjection()

    request_id = UnicodeAttribute(hash_key=True)


class AuditByDay(GlobalSecondaryIndex["AuditEntry"]):
    """The admin's search by date (and action) without a service id: one day per partition."""

    class Meta:
        index_name = "by_day"
        projection = AllProjection()

    day = UnicodeAttribute(hash_key=True)
    entry_id = UnicodeAttribute(range_key=True)


class AuditEntry(Model):
    """Every lifecycle action and every Contabo call, by service and by x-request-id."""

    class Meta:
        table_name = _settings.audit_table

    service_id = UnicodeAttribute(hash_key=True)
    entry_id = UnicodeAttribute(range_key=True)  # "<ISO time>#<uuid>": sorts by time
    request_id = UnicodeAttribute()
    trace_id = UnicodeAttribute(null=True)
    kind = UnicodeAttribute()  # "action" | "contabo_call" | "job"
    action = UnicodeAttribute()
    actor = UnicodeAttribute(null=True)
    method = UnicodeAttribute(null=True)
    path = UnicodeAttribute(null=True)
    status_code = NumberAttribute(null=True)
    outcome = UnicodeAttribute()
    duration_ms = NumberAttribute(null=True)
    message = UnicodeAttribute(null=True)
    expires_at = NumberAttribute(null=True)
    day = UnicodeAttribute(null=True)  # "YYYY-MM-DD", the start of entry_id (by_day index)

    by_request_id = AuditByRequestId()
    by_day = AuditByDay()


class TokenItem(Model):
    """Short-lived shared state: the Contabo OAuth token, its refresh lock, request nonces,
    and the last run of each scheduled job."""

    class Meta:
        table_name = _settings.tokens_table

    token_id = UnicodeAttribute(hash_key=True)
    value = UnicodeAttribute(null=True)
    lock_owner = UnicodeAttribute(null=True)
    lock_expires_at = NumberAttribute(null=True)
    valid_until = NumberAttribute(null=True)
    expires_at = NumberAttribute(null=True)


class CatalogItem(Model):
    """Regions, images and products as last synced, by kind."""

    class Meta:
        table_name = _settings.catalog_table

    kind = UnicodeAttribute(hash_key=True)
    item_id = UnicodeAttribute(range_key=True)
    data = JSONAttribute(default=dict)
    synced_at = UTCDateTimeAttribute(null=True)


class UsageRecord(Model):
    """One service's usage on one day (usage sync); rows expire after the retention."""

    class Meta:
        table_name = _settings.usage_table

    service_id = UnicodeAttribute(hash_key=True)
    day = UnicodeAttribute(range_key=True)  # YYYY-MM-DD (UTC)
    metrics = JSONAttribute(default=list)
    collected_at = UTCDateTimeAttribute(null=True)
    expires_at = NumberAttribute(null=True)


ALL_MODELS: tuple[type[Model], ...] = (
    ServiceRecord,
    JobRecord,
    AuditEntry,
    TokenItem,
    CatalogItem,
    UsageRecord,
)


def dynamodb_client() -> Any:
    """The DynamoDB client every table uses (one per container, adapters/sdk_session.py), for
    Powertools' idempotency store too: one connection pool, so one TLS set-up in a cold call
    instead of one per client."""
    return ServiceRecord._get_connection().connection.client
