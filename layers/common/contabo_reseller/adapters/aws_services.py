"""The AWS services whose clients the deployed functions may make.

The layer ships botocore's models for these services only (``make build`` runs
scripts/slim_layer.py after ``sam build``): botocore lists every service directory it has
before making a function's first client, and 440 of them cost that client about 13 ms of CPU
on every cold start, and the layer 27 MB. A client for a service not named here fails in
Lambda with ``UnknownServiceError``; the local stack fails the same way (local/stack/iam.py),
so an integration test finds a new one before a deploy does.
"""

from __future__ import annotations

LAYER_AWS_SERVICES = frozenset(
    {
        "dynamodb",  # every table, and Powertools' idempotency store
        "secretsmanager",  # Contabo credentials, signing keys, WHMCS API credentials
        "lambda",  # waking the provisioning worker (adapters/worker_trigger.py)
        "s3",  # Contabo's S3-compatible endpoint (adapters/object_storage/s3_buckets.py)
        # Not called by our code, kept so that credentials resolve however the account is set
        # up (assumed roles, SSO profiles) and the X-Ray SDK's sampler works off Lambda.
        "sts",
        "sso",
        "sso-oidc",
        "xray",
    }
)
