"""Powertools Logger, Tracer and Metrics, created once per container.

Service name and metrics namespace come from POWERTOOLS_SERVICE_NAME and
POWERTOOLS_METRICS_NAMESPACE (template Globals), so every function logs alike.
"""

from aws_lambda_powertools import Logger, Metrics, Tracer

logger = Logger()
# In Lambda, Tracer() alone patches every library X-Ray knows, importing httpx into every cold
# start; the modules that use httpx ask for it with trace_httpx().
tracer = Tracer(patch_modules=("botocore", "pynamodb"))
metrics = Metrics()


def trace_httpx() -> None:
    """X-Ray traces httpx calls from now on (a no-op outside Lambda and when already done)."""
    tracer.patch(modules=("httpx",))
