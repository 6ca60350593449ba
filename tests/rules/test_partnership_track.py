"""Flags for partnership-track clauses."""

import pytest

from tests.rules.flag_table import check

CASES = [
    ("Physician may be considered for partnership in the future.", "partnership_track.no_timeline", "high"),
    ("After twenty-four (24) months, Physician shall be eligible for consideration as a shareholder.",
     "partnership_track.no_timeline", None),
    ("After two years Physician will be eligible for partnership, subject to the affirmative vote of the partners.",
     "partnership_track.sole_discretion", "high"),
    ("After two years Physician will be offered partnership if Physician has produced at least 6,000 wRVUs in each year. "
     "The buy-in shall equal the book value of one share, currently $90,000.",
     "partnership_track.sole_discretion", None),
    ("After two years Physician will be eligible for partnership. The buy-in price will be determined by the partners at that time.",
     "partnership_track.buy_in_undefined", "medium"),
    ("After two years Physician will be eligible for partnership. The buy-in shall be $120,000, payable over three years.",
     "partnership_track.buy_in_undefined", None),
]


@pytest.mark.parametrize("text, flag_id, severity", CASES)
def test_partnership_track_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)


MORE = [
    ("After two years Physician may be admitted as a shareholder on meeting the production standards below. "
     "Admission does not include any interest in the ambulatory surgery center or the building, which are owned separately.",
     "partnership_track.ancillaries_excluded", "medium"),
    ("After two years Physician may be admitted as a shareholder on meeting the production standards below; "
     "shareholders own pro rata interests in the practice, its surgery center and its building.",
     "partnership_track.ancillaries_excluded", None),
    ("After twenty-four months, Physician may be offered partnership in the Practice.", "partnership_track.no_criteria", "medium"),
    ("After twenty-four months, Physician will be offered partnership if board certified and producing at least "
     "6,000 wRVUs in the prior year.", "partnership_track.no_criteria", None),
]


@pytest.mark.parametrize("text, flag_id, severity", MORE)
def test_partnership_track_more_flags(analyze_text, text, flag_id, severity):
    check(analyze_text, text, flag_id, severity)
