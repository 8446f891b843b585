"""Contabo-style error responses: `{"statusCode": 400, "message": "..." | ["...", ...]}`."""


class ApiError(Exception):
    def __init__(self, status: int, message: str | list[str]) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def body(self) -> dict:
        return {"statusCode": self.status, "message": self.message}


def not_found(kind: str, identifier: object) -> ApiError:
    return ApiError(404, f"Entry {kind} not found by {identifier}")


class CmsError(ApiError):
    """The newer region-change operations answer CmsErrorsResponse: `{"errors": [codes]}`."""

    def __init__(self, status: int, codes: list[str]) -> None:
        super().__init__(status, codes)
        self.codes = codes

    def body(self) -> dict:
        return {"errors": list(self.codes)}
