"""Private urology group, associate on a shareholder track (Nebraska). The DOCX sample.

Numbering 1. / 1.1 / 1.1.1 typed into the text (no Word auto-numbering); explicit page breaks mark the
pages. Landmines: admission by a two-thirds vote "for any reason or no reason"; 20-mile, two-year
non-compete around every office and affiliate; signing bonus repayable in full on resignation.
Medium: lithotripsy, imaging and lab revenue excluded.
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
        employer_full="Platte Valley Urology, P.C., a Nebraska professional corporation",
        employer_addr="5100 Prairie Crossing Drive, Cottonwood Falls, Nebraska 68510",
        physician_full="Marcus D. Hollingsworth, M.D.",
        physician_addr="930 Elk Ridge Road, Cottonwood Falls, Nebraska 68510",
        eff_date="January 27, 2025", start_date="August 4, 2025", city="Cottonwood Falls",
        state_name="Nebraska",
        county="Lancaster Plains County",
        operation="five urology clinics, a lithotripsy service and a CT suite",
        spec="urology", notice_attn="President", cme="$5,000", pto_days="twenty-five",
        term_words="third", term_years_text="three (3) years", dept="Prairie Crossing clinic",
        supervisor="President of the Group", fte_text="four clinic days and one operating day per week",
        site="the Prairie Crossing clinic",
        site_addr="5100 Prairie Crossing Drive, Cottonwood Falls, Nebraska",
    )
    definitions = defs("affiliate", "contract_year", "confidential", "facilities", "medical_staff", "payers",
                       "policies", "services", "start_date", "termination_date", "wrvu")
    body = [
        N("Definitions", "The following definitions apply in this Agreement.",
          kids=[N(None, d) for d in definitions]),
        N("Employment", kids=[
            bp.employment(2),
            bp.duties(0),
            bp.qualifications(1),
            bp.schedule_and_leave(0),
            bp.conduct(1),
            bp.performance_review(0),
            pay.ca_not_greater_than(4, 1_200),
        ]),
        N("Compensation", kids=[
            pay.bc_formal(440_000),
            pay.rv_threshold_bonus(58.0, 6_500),
            pay.rc_full_on_resignation(25_000),
            pay.ai_designated_health_services(),
            bp.benefits(2),
            bp.billing(0),
        ]),
        N("Shareholder Status", kids=[ten.pt_vote_book_value("eighteen months", 18)]),
        N("Insurance", kids=[ten.tc_employer_tail(0)]),
        N("Term and Termination", kids=[
            bp.term(0),
            bp.termination_for_cause(1, nested=True),
            bp.termination_by_physician(1),
            ten.tw_mutual(90),
            bp.death_disability(1),
            bp.effect_of_termination(1),
        ]),
        N("Covenants", kids=[
            bp.confidentiality(2),
            cov.nc_short_passive("urology", 20, 2),
            bp.remedies(1, refs="{ref:nc}"),
        ]),
        N("General Provisions", kids=[bp.representations(1), bp.notices(1), bp.dispute_resolution(1),
                                        bp.cooperation(1), bp.tax_matters(0), *bp.miscellaneous()]),
    ]
    return Contract(
        stem="urology_group", fmt="docx", style="decimal",
        description=("Private urology group (DOCX): $440,000 base plus $58.00/wRVU above 6,500; $25,000 "
                     "signing bonus repayable in full on resignation within two years; shareholder "
                     "admission after 18 months by a two-thirds vote for any reason or none, buy-in at "
                     "book value; 20-mile, 2-year non-compete around all offices and affiliates; "
                     "lithotripsy/CT/lab revenue excluded; 1:4 paid call; employer pays tail; 90-day "
                     "mutual notice."),
        context={"specialty": "urology", "state": "NE", "setting": "private_practice"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT", "Platte Valley Urology, P.C."],
        header="Platte Valley Urology, P.C. — Physician Employment Agreement (Confidential)", footer="page",
        front=bp.preamble(1), body=body, closing=witness(0),
        signatures=signatures("PLATTE VALLEY UROLOGY, P.C.", "Victor H. Lindgren, M.D.", "President",
                              "Marcus D. Hollingsworth, M.D.", "1477025839"),
    )
