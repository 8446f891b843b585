"""Powertools Logger, Tracer and Metrics, created once per container.

Service name and metrics namespace come from POWERTOOLS_SERVICE_NAME and
POWERTOOLS_METRICS_NAMESPACE (template Globals), so every function logs alike.
"""

from aws_lambda_powertools import Logger, Metrics, Tracer

logger = Logger()
# What X-Ray traces from the start: every AWS SDK call (pynamodb's included: it calls DynamoDB
# through a botocore client). Not X-Ray's "pynamodb" patch, which wraps botocore's HTTP send and
# so recorded each DynamoDB call a second time, parsing its answer again to do so. Not Tracer()'s
# default either: it patches every library X-Ray knows, importing httpx into every cold start;
# the modules that use httpx ask for it with trace_httpx().
TRACED_MODULES = ("botocore",)
tracer = Tracer(patch_modules=TRACED_MODULES)
metrics = Metrics()


def trace_httpx() -> None:
    """X-Ray traces httpx calls from now on (a no-op outside Lambda and when already done)."""
    tracer.patch(modules=("httpx",))
