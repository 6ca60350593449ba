"""Partnership track, malpractice tail and termination without cause.

Each function is one independently worded variant; numbers are parameters and the pieces carry the
terms (canonical units) and wording-level flags they state.
"""

from __future__ import annotations

from ..model import N, P
from ..numwords import usd, usd_words, words, wp

PT = "partnership_track"
TC = "tail_coverage"
TW = "termination_without_cause"

YEARS = "partnership_track.years_to_eligibility"
BUY_IN = "partnership_track.buy_in_usd"
PAYER = "tail_coverage.payer"
NOTICE = "termination_without_cause.notice_days"


# --- partnership track -------------------------------------------------------------------------------

def pt_vague_discretion():
    return N("Shareholder Opportunity", P(
        "{E_} anticipates that {P} may in the future be considered for admission as a shareholder of {E}. "
        "Any offer of shareholder status, its timing, and the price and terms of any purchase of shares "
        "shall be determined by the Shareholders in their sole discretion, and nothing in this Agreement "
        "obliges {E} to make such an offer. {P_} acknowledges that no representation has been made as to "
        "when, or whether, shareholder status will be offered.",
        PT, flags=("partnership_track.no_timeline", "partnership_track.sole_discretion",
                   "partnership_track.buy_in_undefined")))


def pt_objective_criteria(months: int, buy_in: int):
    return N("Membership Eligibility", P(
        f"{{P_}} shall become eligible for admission as a Member of {{E}} after {months} months of full-time "
        "employment. {P_} shall be admitted if, at that time, {P} holds board certification in {spec}, has "
        "professional collections for the preceding twelve months at or above the median of {E}'s associate "
        "physicians, and is not in uncured material breach of this Agreement. The Members shall vote on the "
        "admission within sixty days after {P} becomes eligible and may not withhold approval from a "
        "physician who meets these criteria. The purchase price of {P}'s membership interest shall be "
        + usd(buy_in)
        + ", payable over thirty-six (36) months by payroll deduction without interest.",
        PT, terms=[(YEARS, months / 12 if months % 12 else months // 12), (BUY_IN, buy_in)]))


def pt_membership_offer(years: int, buy_in: int):
    return N("Membership", P(
        "After " + wp(years) + " years of continuous employment, {P} will be offered membership in {E}, "
        "effective the first day of the following calendar quarter, provided that {P} then holds "
        "certification by the American Board of Anesthesiology, holds unrestricted privileges at each "
        "facility served by {E}, and is not in breach of this Agreement. The offer may not be conditioned on "
        "any other criterion. The "
        "capital contribution required for membership is " + usd_words(buy_in) + ", which {E} will finance "
        "without interest over twenty-four (24) months.", PT, terms=[(YEARS, years), (BUY_IN, buy_in)]))


def pt_letter_discretion():
    return N("Partnership", P(
        "Physicians who join Crossroads as employed physicians may later be invited to become partners. "
        "Whether and when an invitation is extended, and the terms of any buy-in, are decided by the Board "
        "of Managers in its sole discretion.",
        PT, flags=("partnership_track.no_timeline", "partnership_track.sole_discretion",
                   "partnership_track.buy_in_undefined")))


def pt_timeline_buy_in_tbd(years: int):
    return N("Partnership Track", P(
        "{P_} will be eligible for consideration as a partner on the " + {3: "third", 2: "second"}[years]
        + " anniversary of the Start Date. Admission shall be offered if {P} has maintained board "
        "certification in dermatology, has achieved collections at least equal to the median of the "
        "Practice's associate physicians in the preceding year, and is in good standing under this "
        "Agreement. The buy-in price and the terms of payment will be determined by the partners at the "
        "time of admission.",
        PT, terms=[(YEARS, years)], flags=("partnership_track.buy_in_undefined",)))


def pt_vote_book_value(months_text: str, months: int):
    return N("Shareholder Status", P(
        "Upon completing " + months_text + " of employment, {P} may apply for admission as a shareholder of "
        "{E}. Admission requires the affirmative vote of two-thirds (2/3) of the Shareholders, who may "
        "grant or deny admission for any reason or for no reason. If admitted, {P} shall purchase shares at "
        "a price equal to {E}'s book value per share as of the end of the preceding fiscal year, as "
        "determined by {E}'s accountants under the Shareholders' Agreement.",
        PT, terms=[(YEARS, round(months / 12, 2))], flags=("partnership_track.sole_discretion",)))


# --- malpractice tail --------------------------------------------------------------------------------

def tc_physician_pays():
    return N("Professional Liability Insurance", P(
        "{E_} shall provide professional liability insurance covering {P}'s professional services under this "
        "Agreement, on a claims-made basis, with limits of not less than $1,000,000 per claim and $3,000,000 "
        "in the annual aggregate. Upon the expiration or termination of this Agreement for any reason, {P} "
        "shall obtain, at {P}'s sole expense, an extended reporting endorsement (“tail coverage”) with the "
        "same limits, or prior-acts coverage from a later insurer acceptable to {E}, and shall give {E} "
        "evidence of "
        "that coverage before the Termination Date.", TC, terms=[(PAYER, "physician")]))


def tc_claims_made_silent():
    return N("Malpractice Insurance", P(
        "{E_} shall maintain claims-made professional liability insurance on {P} with limits of "
        "$1,000,000/$3,000,000 through a carrier selected by {E}. {P_} shall cooperate with {E} and its "
        "carrier in the investigation and defense of any claim, and shall report any incident that could "
        "give rise to a "
        "claim within five business days.", TC, terms=[(PAYER, "unspecified")]))


def tc_university_self_insured():
    return N("Professional Liability Coverage", P(
        "{P_} shall be covered by the University's self-insurance program for professional liability, which "
        "covers claims arising from {P}'s professional acts within the scope of the appointment regardless "
        "of when the claim is made. The University shall provide any extended reporting coverage that may be "
        "required when the appointment ends, at no cost to {P}.", TC, terms=[(PAYER, "employer")]))


def tc_split_half():
    return N("Professional Liability Insurance", P(
        "{E_} shall obtain claims-made professional liability insurance for {P}, with limits of $1,000,000 "
        "per claim and $3,000,000 aggregate, and shall pay the premiums during the term. When {P}'s "
        "employment ends, an extended reporting endorsement shall be purchased from the carrier, and its "
        "premium shall be borne fifty percent (50%) by {E} and fifty percent (50%) by {P}; {P}'s share may "
        "be deducted from any "
        "amounts {E} owes {P}.", TC, terms=[(PAYER, "shared")]))


def tc_employer_tail(v: int = 0):
    if v == 0:
        return N("Professional Liability Insurance", P(
            "{E_} shall procure and pay for claims-made professional liability insurance covering {P}, with "
            "limits of at least $1,000,000 per claim and $3,000,000 in the aggregate. Upon the termination "
            "of {P}'s employment for any reason, {E} shall purchase, at its own expense, an extended "
            "reporting period endorsement (“tail”) covering claims arising from services {P} provided while "
            "employed.",
            TC, terms=[(PAYER, "employer")]))
    if v == 2:
        return N("Professional Liability Coverage", P(
            "{E_} shall pay all premiums for professional liability insurance covering {P}'s services for "
            "{E}. If that insurance is written on a claims-made basis, {E} shall also pay for the extended "
            "reporting (“tail”) endorsement required when {P}'s employment ends, regardless of which party "
            "ends it or "
            "why.", TC, terms=[(PAYER, "employer")]))
    return N("Malpractice Coverage and Tail", P(
        "During employment {E} shall keep {P} insured against professional liability claims under a "
        "claims-made policy chosen by {E}. When the employment ends, whatever the reason, {E} shall be "
        "responsible for the full cost of the extended reporting endorsement (often called tail coverage), "
        "so that {P} is never "
        "without coverage for the services {P} provided to {E}'s patients.", TC, terms=[(PAYER, "employer")]))


def tc_occurrence():
    return N("Professional Liability Insurance", P(
        "{E_} shall provide occurrence-based professional liability coverage for {P}'s services under this "
        "Agreement, with limits of $1,000,000 per occurrence and $3,000,000 in the aggregate. Because "
        "the coverage is written on an occurrence basis, no extended reporting or tail coverage will "
        "be needed when {P}'s employment ends.", TC))


def tc_letter_physician_pays():
    return N("Malpractice Coverage", P(
        "The Group provides claims-made malpractice coverage with limits of $1 million per claim and $3 "
        "million aggregate while you work with us. When your employment ends, for any reason, you will be "
        "responsible "
        "for purchasing tail coverage at your own expense.", TC, terms=[(PAYER, "physician")]))


def tc_letter_employer_pays():
    return N("Malpractice Insurance", P(
        "We carry claims-made malpractice insurance for all of our pediatricians, and we will pay for your "
        "tail coverage whenever and however your employment with us ends.", TC, terms=[(PAYER, "employer")]))


# --- termination without cause ------------------------------------------------------------------------

def tw_mutual(days: int, key: str = "tw"):
    return N("Termination Without Cause", P(
        "Either party may terminate this Agreement without cause at any time upon " + wp(days) + " days' "
        "prior written notice to the other party.", TW, terms=[(NOTICE, days)]), key=key)


def tw_mutual_not_less_than(days: int, key: str = "tw"):
    return N("Termination by Notice", P(
        "Either {E} or {P} may terminate this Agreement at any time, without cause, by providing not less "
        "than " + wp(days) + " days' written notice to the other. During the notice period {P} shall "
        "continue to "
        "perform {P}'s duties and {E} shall continue to pay {P}'s compensation and benefits.",
        TW, terms=[(NOTICE, days)]), key=key)


def tw_pay_in_lieu(days: int, key: str = "tw"):
    return N("Termination Without Cause", P(
        "Either {E} or {P} may terminate this Agreement without cause by giving the other at least "
        + wp(days)
        + " days' written notice. {E_} may relieve {P} of clinical duties during all or part of the notice "
        "period, provided that it continues to pay {P}'s compensation "
        "and benefits through the end of the notice period.", TW, terms=[(NOTICE, days)]), key=key)


def tw_after_first_year(days: int, key: str = "tw"):
    return N("Termination Without Cause", P(
        "Neither party may terminate this Agreement without cause during the first twelve (12) months of the "
        "term. Thereafter, either party may terminate this Agreement without cause upon " + wp(days)
        + " days' prior written notice to the other.", TW, terms=[(NOTICE, days)]), key=key)


def tw_letter(days: int):
    return N("Ending Employment", P(
        f"Either you or the Group may end your employment for any reason on {days} days' written notice. "
        "Either of us may end it immediately for the reasons listed in our standard physician policies, "
        "which include loss of licensure, exclusion from Medicare or Medicaid, and conviction of a crime "
        "involving dishonesty.",
        TW, terms=[(NOTICE, days)]))


def tw_asymmetric(employer_days: int, physician_days: int):
    """Lettered sub-clauses: the employer's notice is shorter than the physician's (asymmetric)."""
    intro = P("This Agreement may be terminated without cause as follows:", TW)
    return N("Termination Without Cause", intro, kids=[
        N("By Employer", P(
            "{E_} may terminate this Agreement without cause upon " + wp(employer_days) + " days' prior "
            "written notice to {P}.", TW, terms=[(NOTICE, employer_days)],
            flags=("termination_without_cause.asymmetric",)), key="tw_employer"),
        N("By Physician", P(
            "{P_} may terminate this Agreement without cause upon " + wp(physician_days) + " days' prior "
            "written notice to {E}. If {P} gives notice under this {ref:tw_physician}, {E} may accept an "
            "earlier effective date, in which case compensation ends on that date.",
            TW, terms=[(NOTICE, physician_days)]), key="tw_physician"),
    ], key="tw")


def tw_months(months: int, key: str = "tw"):
    return N("Termination Without Cause", P(
        "Either party may terminate this Agreement without cause by giving the other party " + wp(months)
        + " months' prior written notice.", TW, terms=[(NOTICE, 30 * months)]), key=key)


def tw_employer_only(days: int, for_cause_ref: str, key: str = "tw"):
    return N("Termination Without Cause", P(
        "The Hospital may terminate this Agreement without cause upon " + wp(days) + " days' written notice "
        "to {P}. {P_} acknowledges that the Hospital has relied on {P}'s commitment to serve the community "
        "for the full Initial Term, and {P} may not terminate this Agreement before the end of the Initial "
        "Term except "
        "for the Hospital's breach under {ref:" + for_cause_ref + "}.",
        TW, terms=[(NOTICE, days)], flags=("termination_without_cause.asymmetric",)), key=key)


def tw_letter_mutual(days: int):
    return N("Ending the Relationship", P(
        f"Either of us may end this employment relationship without cause with {days} days' written notice. "
        "We ask for that much time so that your patients can be transitioned to another pediatrician "
        "without a gap in their care.", TW, terms=[(NOTICE, days)]))


def years_word(years: int) -> str:
    return words(years)
