"""Base class of the generated Contabo models.

``defer_build`` postpones each model's validator until its first use, so importing the
generated modules costs a fraction of building ~200 validators a cold start mostly never uses.
"""

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator


class ContaboModel(BaseModel):
    # Secret values (passwords, S3 keys) pass through these models: never echo them in errors.
    model_config = ConfigDict(defer_build=True, populate_by_name=True, hide_input_in_errors=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_dates_are_none(cls, data: Any) -> Any:
        """Contabo answers ``"cancelDate": ""`` for "not cancelled" (the spec says a date)."""
        if not isinstance(data, dict):
            return data
        for name, field in cls.model_fields.items():
            key = field.alias or name
            if data.get(key) == "" and _is_date(field.annotation):
                data = {**data, key: None}
        return data


def _is_date(annotation: Any) -> bool:
    text = str(annotation)
    return annotation in (date, datetime) or "date" in text.lower()
