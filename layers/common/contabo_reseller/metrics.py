"""The operational metrics (CloudWatch EMF) the functions emit, named in this one place.

template.yaml's dashboard and alarms use these names (tests/integration/test_template_ops.py
checks they match). Emitting a metric never breaks what it measures: a failure is logged and
dropped.

Two shapes, because Powertools' shared ``metrics`` puts one dimension set on every metric of an
invocation:
- per action (``LifecycleCall``, ``LifecycleError``): a blob of its own with the ``Action`` and
  ``service`` dimensions, written at once;
- everything else: the shared ``metrics`` (dimension ``service`` only), flushed when the handler
  returns (``create_api()``'s resolver, or ``@metrics.log_metrics`` on scheduled handlers). Do
  not call ``metrics.add_dimension``: it would move every metric off the dashboard's series.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit

from contabo_reseller.domain.errors import (
    ConfigurationError,
    DomainError,
    PurchaseOutcomeUnknown,
    UpstreamUnavailable,
)
from contabo_reseller.observability import logger, metrics

ACTION_DIMENSION = "Action"

# Per action (dimensions Action, service).
LIFECYCLE_CALL = "LifecycleCall"  # a lifecycle action ran (service_action)
LIFECYCLE_ERROR = "LifecycleError"  # it failed on our or Contabo's side, not the customer's
# Dimension service only.
CONTABO_LATENCY = "ContaboLatency"  # ms per Contabo HTTP attempt, token requests included
CONTABO_THROTTLED = "ContaboThrottled"  # Contabo answered 429
CONTABO_SERVER_ERROR = "ContaboServerError"  # Contabo answered 5xx
CONTABO_UNREACHABLE = "ContaboUnreachable"  # no answer: timeout or connection failure
TOKEN_REFRESH_FAILED = "TokenRefreshFailed"  # noqa: S105 (a metric name: no token obtained)
PROVISIONING_SECONDS = "ProvisioningSeconds"  # order recorded -> service active
SCHEDULED_JOB_FAILED = "ScheduledJobFailed"  # a scheduled job's body raised
# Gauges the scheduled jobs report on each run (action queue, status sync).
QUEUE_DEPTH = "QueueDepth"  # jobs waiting in the action queue
PARKED_JOBS = "ParkedJobs"  # jobs parked for the admin (retries exhausted)
ORPHANS_FOUND = "OrphansFound"  # Contabo instances no service links to
DRIFT_FOUND = "DriftFound"  # services whose Contabo state differs from ours

# Failures the operator must look at; other domain errors are the request's or the customer's
# (bad input, not found, busy, refused) and are answered with a clear message instead.
_FAULTS = (UpstreamUnavailable, PurchaseOutcomeUnknown, ConfigurationError)
_COUNTED = "_contabo_reseller_error_counted"


def record(name: str, value: float, unit: MetricUnit = MetricUnit.Count) -> None:
    """Adds a value to the invocation's metrics (dimension service)."""
    try:
        metrics.add_metric(name=name, unit=unit, value=value)
    except Exception:
        logger.warning("metric not recorded", extra={"metric": name}, exc_info=True)


def record_lifecycle_call(action: str) -> None:
    _per_action(LIFECYCLE_CALL, action)


def record_lifecycle_error(action: str, error: BaseException) -> None:
    """Counts a fault once, even when it passes through an action and then the API's handler."""
    if not is_fault(error) or getattr(error, _COUNTED, False):
        return
    with contextlib.suppress(AttributeError):  # no __dict__: counted, just not marked
        setattr(error, _COUNTED, True)
    _per_action(LIFECYCLE_ERROR, action)


def is_fault(error: BaseException) -> bool:
    return not isinstance(error, DomainError) or isinstance(error, _FAULTS)


def record_gauge(name: str, value: float) -> None:
    """A count the scheduled jobs report (queue depth, parked jobs, drift, orphans), sent only
    when it is not zero: CloudWatch bills a custom metric for every hour it is sent, and the
    alarms on these treat missing data as OK, so a quiet hour costs nothing and alarms nobody.
    """
    if value:
        record(name, value)


def record_contabo_response(latency_ms: float, status: int | None) -> None:
    """One HTTP attempt at Contabo; ``status`` None when no answer came."""
    record(CONTABO_LATENCY, latency_ms, MetricUnit.Milliseconds)
    if status is None:
        record(CONTABO_UNREACHABLE, 1)
    elif status == 429:
        record(CONTABO_THROTTLED, 1)
    elif status >= 500:
        record(CONTABO_SERVER_ERROR, 1)


def record_provisioning_time(ordered_at: datetime | None, now: datetime | None = None) -> None:
    if ordered_at is None:
        return
    elapsed = ((now or datetime.now(UTC)) - ordered_at).total_seconds()
    record(PROVISIONING_SECONDS, max(0.0, elapsed), MetricUnit.Seconds)


def flush() -> None:
    """Writes the invocation's metrics, if any (an empty flush only warns)."""
    try:
        if metrics.metric_set:
            metrics.flush_metrics()
    except Exception:
        logger.warning("metrics not flushed", exc_info=True)


def _per_action(name: str, action: str) -> None:
    try:
        blob = EphemeralMetrics()  # namespace and service from the environment, like `metrics`
        blob.add_metric(name=name, unit=MetricUnit.Count, value=1)
        blob.add_dimension(name=ACTION_DIMENSION, value=action)
        blob.flush_metrics()
    except Exception:
        logger.warning("metric not recorded", extra={"metric": name}, exc_info=True)
