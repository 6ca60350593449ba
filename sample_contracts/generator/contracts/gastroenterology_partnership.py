"""Private gastroenterology practice with a defined membership track (North Carolina). § numbering.

Paid purely on wRVUs (no salary). Landmines: liquidated damages on top of an injunction; endoscopy
center / pathology revenue excluded (medium). Fair parts: membership after 24 months on objective
criteria with a stated buy-in; narrow non-compete with a buyout; paid call. Says nothing about
malpractice insurance at all (tail_coverage.missing, medium).
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
        employer_full=("Piedmont Digestive Health, PLLC, a North Carolina professional limited liability "
                       "company"),
        employer_addr="600 Laurel Ridge Drive, Suite 210, Alder Springs, North Carolina 27330",
        physician_full="Priya N. Raghunathan, M.D.",
        physician_addr="1147 Quail Hollow Road, Alder Springs, North Carolina 27330",
        eff_date="January 6, 2025", start_date="July 7, 2025", city="Alder Springs",
        state_name="North Carolina",
        county="Catawba Ridge County", operation="two clinics and an endoscopy center",
        spec="gastroenterology", notice_attn="Managing Member", cme="$4,000", pto_days="twenty-two",
        term_words="third", term_years_text="three (3) years", dept="Alder Springs clinic",
        supervisor="Managing Member", fte_text="nine half-day sessions per week, of which at least four are "
        "endoscopy sessions",
        site="the Alder Springs clinic", site_addr="600 Laurel Ridge Drive, Suite 210, Alder Springs",
    )
    definitions = defs("affiliate", "contract_year", "confidential", "medical_staff", "payers", "policies",
                       "primary_site", "services", "start_date", "termination_date", "wrvu")
    body = [
        N("Definitions", kids=[N("Meaning of Terms", "When used in this Agreement:", *definitions)]),
        N("Employment", kids=[
            bp.employment(2),
            bp.duties(2),
            bp.qualifications(0),
            bp.schedule_and_leave(0),
            bp.technology(1),
            bp.conduct(1),
            bp.performance_review(1),
            pay.ca_weeknight_weekend(4, 800, 1_250),
        ]),
        N("Compensation", kids=[
            pay.rv_pure_production(56),
            pay.ai_personally_performed(),
            bp.benefits(2),
            bp.billing(0),
        ]),
        N("Membership", kids=[ten.pt_objective_criteria(24, 150_000)]),
        N("Term and Termination", kids=[
            bp.term(0),
            bp.termination_for_cause(0, nested=True),
            bp.termination_by_physician(1),
            ten.tw_after_first_year(90),
            bp.death_disability(0),
            bp.effect_of_termination(0),
        ]),
        N("Protective Covenants", kids=[
            bp.confidentiality(2),
            cov.nc_narrow_buyout("gastroenterology", 10, 12, 75_000, "the Primary Practice Site"),
            cov.ld_with_injunction(100_000, "nc"),
        ]),
        N("General Provisions", kids=[bp.representations(0), bp.intellectual_property(), bp.notices(0),
                                        bp.dispute_resolution(0), bp.tax_matters(0), *bp.miscellaneous()]),
    ]
    return Contract(
        stem="gastroenterology_partnership", fmt="pdf", style="sign",
        description=("Private GI practice: pure wRVU pay ($56.00/wRVU, fixed); membership after 24 months on "
                     "objective criteria with a $150,000 buy-in; endoscopy center and pathology revenue "
                     "excluded; 1:4 paid call; 10-mile, 12-month non-compete with a $75,000 buyout and a "
                     "without-cause carve-out; $100,000 liquidated damages in addition to an injunction; "
                     "no malpractice insurance clause at all."),
        context={"specialty": "gastroenterology", "state": "NC", "setting": "private_practice"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT"],
        header="Piedmont Digestive Health, PLLC | Physician Employment Agreement", footer="plain",
        front=bp.preamble(2), body=body, closing=witness(0),
        signatures=signatures(
            "PIEDMONT DIGESTIVE HEALTH, PLLC", "Lorraine K. Ostrowski, M.D.", "Managing Member",
                              "Priya N. Raghunathan, M.D.", "1669471203"),
        font="Helvetica", font_size=10, leading=13.2, run_in="bold",
    )
