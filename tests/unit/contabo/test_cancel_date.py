"""Contabo's cancelDate arrives as "" (not cancelled), a date, or a date-time (see
local/contabo_sim/README.md, Evidence); the product always sees None or yyyy-mm-dd."""

from __future__ import annotations

from datetime import date

import pytest

from contabo_reseller.adapters.contabo import generated_models as gm
from contabo_reseller.adapters.contabo.gateway import cancel_day


@pytest.mark.parametrize(
    ("sent", "seen"),
    [
        ("", None),
        (None, None),
        ("2021-06-02", "2021-06-02"),
        ("2021-06-02T00:00:00.000+0000", "2021-06-02"),
        ("2021-06-02 00:00:00", "2021-06-02"),
        (date(2021, 6, 2), "2021-06-02"),
    ],
)
def test_every_form_contabo_sends_is_one_day_or_none(sent, seen):
    assert cancel_day(sent) == seen


@pytest.mark.parametrize("sent", ["", "2021-06-02", "2021-06-02T00:00:00.000+0000"])
def test_the_generated_cancel_answer_accepts_each_form(sent):
    data = {"tenantId": "DE", "customerId": "1", "instanceId": 1, "cancelDate": sent}
    parsed = gm.CancelInstanceResponseData.model_validate(data)
    assert cancel_day(parsed.cancel_date) == (sent[:10] or None)
