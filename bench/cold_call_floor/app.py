"""The import floor: only the libraries the developers' guide mandates for an API function,
imported and set up as a handler must before its first request, and nothing else. boto3;
Powertools' REST resolver with request validation (``aws_lambda_powertools.event_handler``,
which brings pydantic); Logger; Tracer with the X-Ray SDK as in Lambda, patching only botocore
(the anchor's ``Tracer()`` patches every library X-Ray knows, httpx included). No route, no
model, no table: bench/cold_call.py imports it beside ``import boto3`` and the anchor, and no
API function can import in less."""

import boto3  # noqa: F401
from aws_lambda_powertools import Logger, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from pydantic import BaseModel  # noqa: F401

logger = Logger()
tracer = Tracer(patch_modules=("botocore",))
app = APIGatewayRestResolver(enable_validation=True)
