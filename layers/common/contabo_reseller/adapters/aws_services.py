"""The AWS services whose clients the deployed functions may make.

The layer ships botocore's models, and its endpoint table's entries, for these services only
(``make build`` runs scripts/slim_layer.py after ``sam build``): before making a container's
first client botocore lists every service directory it has and parses the endpoint table of
every service, which took that client from 15 to 46 ms of CPU on every cold start and the
layer from 41 to 67 MB. A client for a service not named here fails in Lambda with
``UnknownServiceError``; the local stack fails the same way (local/stack/iam.py), so an
integration test finds a new one before a deploy does.
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
