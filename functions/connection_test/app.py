"""GET /connection: WHMCS's TestConnection (backend, secrets, Contabo credentials)."""

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from contabo_reseller.http.api import create_api
from contabo_reseller.http.auth import signing_key_description
from contabo_reseller.observability import logger, tracer
from contabo_reseller.services.connection_test import ConnectionReport, test_connection

api = create_api()


@api.get("/connection")
def handle() -> ConnectionReport:
    return test_connection(signing_key_description(api))


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return api.resolve(event, context)
