"""Private dermatology practice, associate paid per wRVU (Arizona). 1. / 1.1 / 1.1.1 numbering.

Landmines: lab, Mohs histology, retail and aesthetic revenue reserved to the partners; the practice may
change the per-wRVU rate on notice; two-year non-compete around named offices; $150,000 liquidated
damages plus injunction. Medium: partnership buy-in "to be determined". No salary, no call, no
malpractice clause (tail missing), no termination without cause, no repayment.
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
        "the Practice", "Practice",
        employer_full="Bluewater Dermatology Group, P.A., an Arizona professional corporation",
        employer_addr="9550 East Desert Willow Road, Saguaro Wells, Arizona 85262",
        physician_full="Naomi F. Castellanos, M.D.",
        physician_addr="14 Palo Verde Circle, Saguaro Wells, Arizona 85262",
        eff_date="February 3, 2025", start_date="August 1, 2025", city="Saguaro Wells", state_name="Arizona",
        county="Maricopa Mesa County", operation="four dermatology offices and a dermatopathology laboratory",
        spec="dermatology", notice_attn="Managing Partner", cme="$3,000", pto_days="twenty",
        term_words="third", term_years_text="three (3) years", dept="Desert Willow office",
        supervisor="Managing Partner", fte_text="nine half-day clinic sessions per week",
        site="the Desert Willow office", site_addr="9550 East Desert Willow Road, Saguaro Wells, Arizona",
    )
    sites = ["9550 East Desert Willow Road, Saguaro Wells", "301 Camelback Vista, Suite 12, Ocotillo",
             "7720 North Sunrise Parkway, Rio Seco"]
    definitions = defs("affiliate", "contract_year", "confidential", "medical_staff", "policies",
                       "primary_site", "services", "start_date", "termination_date", "wrvu")
    body = [
        N("Definitions", "In this Agreement:", *definitions),
        N("Employment", kids=[
            bp.employment(1),
            bp.duties(1),
            bp.qualifications(1),
            bp.schedule_and_leave(1),
            bp.leaves_of_absence(1),
            bp.technology(0),
            bp.conduct(0),
            bp.performance_review(1),
        ]),
        N("Compensation and Benefits", kids=[
            pay.rv_rate_change_on_notice(62),
            pay.ai_partners_only_derm(),
            bp.benefits(1),
            bp.billing(1),
        ]),
        N("Partnership", kids=[ten.pt_timeline_buy_in_tbd(3)]),
        N("Term and Termination", kids=[
            bp.term(0),
            bp.termination_for_cause(1, nested=True),
            bp.termination_by_physician(1),
            bp.death_disability(0),
            bp.effect_of_termination(1),
        ]),
        N("Restrictive Covenants", kids=[
            bp.confidentiality(0),
            cov.nc_named_sites("dermatology, including Mohs surgery and cosmetic dermatology", 10, "words",
                               24, sites, tolling=False),
            cov.ns_fair_patients(12),
            cov.ld_practice_with_fees(150_000),
        ], key="covenants"),
        N("General Provisions", kids=[bp.representations(0), bp.use_of_name(0), bp.notices(1),
                                        bp.dispute_resolution(1), bp.cooperation(0), bp.tax_matters(0),
                                        *bp.miscellaneous()]),
    ]
    return Contract(
        stem="dermatology_private_practice", fmt="pdf", style="decimal",
        description=("Private dermatology associate paid $62.00 per wRVU with no salary; practice may change "
                     "the rate on 60 days' notice; lab, Mohs histology, retail and aesthetic revenue "
                     "reserved to the partners; partnership eligibility at three years with the buy-in "
                     "left to the partners; 2-year, 10-mile non-compete around three named offices; "
                     "$150,000 liquidated damages plus injunction; no malpractice clause, no call, no "
                     "termination without cause."),
        context={"specialty": "dermatology", "state": "AZ", "setting": "private_practice"},
        ctx=ctx, title=["ASSOCIATE PHYSICIAN AGREEMENT"],
        header="Bluewater Dermatology Group, P.A. — Associate Physician Agreement", footer="initials",
        front=bp.preamble(2), body=body, closing=witness(1),
        signatures=signatures(
            "BLUEWATER DERMATOLOGY GROUP, P.A.", "Graham P. Whitfield, M.D.", "Managing Partner",
                              "Naomi F. Castellanos, M.D.", "1104938265"),
        font="Helvetica", font_size=10, leading=13, run_in="underline",
    )
