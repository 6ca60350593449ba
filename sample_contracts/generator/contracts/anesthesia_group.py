"""Anesthesia group, employed anesthesiologist with a membership track (Tennessee). § numbering.

Landmines: the group may revise the in-house call schedule and stipend on its own; 20-mile non-compete
around every facility the group serves, 24 months; $200,000 liquidated damages plus injunction and
fees; tail premium split 50/50 (medium). Fair: membership after three years on objective criteria with
a stated capital contribution. Fixed term with no termination without cause.
"""

from __future__ import annotations

from ..model import Contract, N
from ..wording import boilerplate as bp
from ..wording import covenants as cov
from ..wording import pay
from ..wording import tenure as ten
from ._common import defs, make_ctx, signatures, witness


def contract() -> Contract:
    ctx = make_ctx(
        "the Group", "Group",
        employer_full="Meridian Anesthesia Partners, LLC, a Tennessee limited liability company",
        employer_addr="2900 Harpeth Commons Drive, Suite 400, Harrow Springs, Tennessee 37064",
        physician_full="Samuel K. Adeyemi, M.D.",
        physician_addr="88 Willow Bend Court, Harrow Springs, Tennessee 37064",
        eff_date="February 17, 2025", start_date="September 2, 2025", city="Harrow Springs",
        state_name="Tennessee", county="Marlowe County",
        operation="anesthesia services at four hospitals and six ambulatory surgery centers",
        spec="anesthesiology", notice_attn="Managing Member", cme="$4,500", pto_days="thirty",
        term_words="third", term_years_text="three (3) years", dept="Harrow Springs care team",
        supervisor="Chief of Anesthesia", fte_text="an average of forty-eight clinical hours per week",
    )
    definitions = defs("affiliate", "contract_year", "facilities", "medical_staff", "payers", "policies",
                       "services", "start_date", "termination_date", "confidential")
    body = [
        N("Definitions", kids=[N("Defined Terms", "The following terms have these meanings:", *definitions)]),
        N("Employment and Services", kids=[
            bp.employment(0),
            N("Anesthesia Services",
              "{P_} shall provide general, regional and monitored anesthesia care, acute pain services and "
              "pre-anesthetic evaluations at the Facilities, and shall medically direct certified "
              "registered nurse anesthetists in a ratio not exceeding one anesthesiologist to four "
              "concurrent cases, in accordance with the Group's care team model and the Medicare conditions "
              "for medical direction.",
              kids=[
                  N("Assignments",
                    "Daily assignments shall be made by the Chief of Anesthesia on a fair and rotating "
                    "basis, taking account of {P}'s training and case mix."),
                  N("Pre-Anesthetic Evaluation",
                    "{P_} shall personally perform or confirm the pre-anesthetic evaluation of each patient "
                    "for whom {P} provides or directs anesthesia care, and shall document it in the "
                    "anesthesia record before induction."),
              ]),
            bp.qualifications(0),
            bp.schedule_and_leave(1),
            bp.leaves_of_absence(0),
            bp.conduct(1),
            bp.technology(1),
            pay.ca_inhouse_stipend(4, 1_800),
        ]),
        N("Compensation", kids=[pay.bc_usd_prefix(425_000), bp.benefits(0), bp.billing(0)]),
        N("Membership in the Group", kids=[ten.pt_membership_offer(3, 75_000)]),
        N("Insurance", kids=[ten.tc_split_half()]),
        N("Term and Termination", kids=[
            bp.term(1),
            bp.termination_for_cause(1, nested=True),
            bp.termination_by_physician(0),
            bp.death_disability(0),
            bp.effect_of_termination(1),
        ]),
        N("Restrictive Covenants", kids=[
            bp.confidentiality(0),
            cov.nc_all_facilities("anesthesiology", 20, 24),
            cov.ns_referral_sources(18),
            cov.ld_estimate_plus_fees(200_000),
        ]),
        N("General Provisions", kids=[bp.representations(1), bp.notices(1), bp.dispute_resolution(0),
                                        bp.cooperation(1), bp.tax_matters(1), *bp.miscellaneous(v=1)]),
    ]
    return Contract(
        stem="anesthesia_group", fmt="pdf", style="sign",
        description=("Anesthesia group: 1:4 in-house call with a $1,800 stipend that the group may revise on "
                     "its own; membership after three years on objective criteria ($75,000); tail premium "
                     "split 50/50; 20-mile, 24-month non-compete around every facility served; $200,000 "
                     "liquidated damages plus injunction and fees; no termination without cause."),
        context={"specialty": "anesthesiology", "state": "TN", "setting": "private_group"},
        ctx=ctx, title=["EMPLOYMENT AGREEMENT", "(Anesthesiologist)"],
        header="MERIDIAN ANESTHESIA PARTNERS, LLC · EMPLOYMENT AGREEMENT", footer="initials",
        front=bp.preamble(0), body=body, closing=witness(1),
        signatures=signatures(
            "MERIDIAN ANESTHESIA PARTNERS, LLC", "Celeste M. Duarte, M.D.", "Managing Member",
                              "Samuel K. Adeyemi, M.D.", "1730596114"),
        font="Times-Roman", font_size=10.5, leading=13.5,
    )
