"""Builds the Powertools REST resolver every function uses, with the shared error mapping.

Handlers call ``create_api()`` once at import, register their route, and hand the event to
``api.resolve``; they never format errors themselves.
"""

from __future__ import annotations

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from contabo_reseller.domain.errors import DomainError
from contabo_reseller.http import errors as http_errors
from contabo_reseller.observability import logger


def create_api() -> APIGatewayRestResolver:
    api = APIGatewayRestResolver(enable_validation=True)

    @api.exception_handler(DomainError)
    def _domain_error(error: DomainError) -> Response:
        logger.info(
            "request refused",
            extra={"error_code": error.code, "status": http_errors.status_for(error)},
        )
        return http_errors.domain_error_response(error)

    @api.exception_handler(RequestValidationError)
    def _invalid_request(error: RequestValidationError) -> Response:
        return http_errors.request_validation_response(error)

    @api.exception_handler(Exception)
    def _unexpected(error: Exception) -> Response:
        logger.exception("unexpected error")
        return http_errors.unexpected_error_response(logger.get_correlation_id())

    return api
