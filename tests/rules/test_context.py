"""Context: given, read from the contract, or assumed, and said so."""

from __future__ import annotations

import datetime as dt

import pytest

from rules.context import ContextError, UserContext, check_user_context, resolve_context

TEXT = ("This Physician Employment Agreement is made as of March 3, 2025 by Lakeside Cardiology Group, P.C. (the Group). "
        "Physician shall practise cardiology for the Group. This Agreement is governed by the laws of the State of Texas.")


def test_context_read_from_the_contract():
    context = resolve_context(UserContext(), TEXT)
    assert (context.specialty, context.state, context.setting, context.signed) == (
        "cardiology", "TX", "private_group", dt.date(2025, 3, 3))
    assert set(context.origins.values()) == {"inferred"}


def test_context_given_wins_and_mismatch_is_noted():
    context = resolve_context(UserContext(specialty="OB/GYN", state="ma", setting="employed", signed=dt.date(2026, 1, 2)), TEXT)
    assert (context.specialty, context.state, context.setting) == ("obstetrics_gynecology", "MA", "employed")
    assert context.origins == {"specialty": "given", "state": "given", "setting": "given", "signed": "given"}
    assert any("governed by Texas law" in note for note in context.notes)


def test_context_assumed_when_absent():
    context = resolve_context(UserContext(), "Physician shall see patients.", today=dt.date(2026, 11, 27))
    assert context.origins == {"specialty": "assumed", "state": "assumed", "setting": "assumed", "signed": "assumed"}
    assert context.signed == dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    "user, message",
    [
        (UserContext(specialty="astrology"), "unknown specialty"),
        (UserContext(state="Atlantis"), "unknown US state"),
        (UserContext(setting="freelance"), "setting"),
        (UserContext(wrvu_levels=(0,)), "positive"),
    ],
)
def test_context_rejects_bad_values(user, message):
    with pytest.raises(ContextError, match=message):
        check_user_context(user)
