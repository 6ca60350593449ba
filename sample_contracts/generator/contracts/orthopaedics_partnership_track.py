"""Private-practice orthopaedics, associate on a vague shareholder track (Missouri). 1. / 1.1 / 1.1.1.

Landmines: shareholder status with no timeline, at the shareholders' sole discretion, price undefined;
ASC/MRI/PT income reserved to shareholders; 1:3 call; two-year non-compete from three named offices
(15-mile radius: medium); claims-made coverage with no word on who pays tail; 60-day notice.
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
        employer_full="Summit Orthopaedic Associates, P.C., a Missouri professional corporation",
        employer_addr="4100 Bluff View Parkway, Cedar Bluff, Missouri 65605",
        physician_full="Daniel R. Whitcomb, M.D.",
        physician_addr="19 Sycamore Lane, Cedar Bluff, Missouri 65605",
        eff_date="March 14, 2025", start_date="August 18, 2025", city="Cedar Bluff", state_name="Missouri",
        county="Tanager County", operation="three orthopaedic offices and an ambulatory surgery center",
        spec="orthopaedic surgery", notice_attn="President", cme="$5,000", pto_days="twenty-five",
        term_words="second", term_years_text="two (2) years", dept="Sports Medicine Division",
        supervisor="President of the Practice", fte_text="four clinic or operating days per week",
        site="the Bluff View office", site_addr="4100 Bluff View Parkway, Cedar Bluff, Missouri",
    )
    sites = ["4100 Bluff View Parkway, Cedar Bluff", "880 Meramec Street, Linden Springs",
             "2215 Old Mill Road, Harrow"]
    definitions = defs("affiliate", "contract_year", "start_date", "services", "termination_date",
                       "confidential", "policies", "primary_site", "medical_staff")
    body = [
        N("Definitions", "Capitalised terms used in this Agreement have the following meanings:",
          kids=[N(None, d) for d in definitions]),
        N("Employment", kids=[
            bp.employment(1),
            bp.duties(1),
            bp.qualifications(1),
            bp.schedule_and_leave(1),
            bp.leaves_of_absence(0),
            bp.conduct(0),
            pay.ca_ratio_paid(3, 1_000, "Mercy St. Clair Hospital and the Gateway Surgery Center"),
        ]),
        N("Compensation and Benefits", kids=[
            pay.bc_two_year_guarantee(475_000),
            bp.benefits(1),
            bp.billing(1),
            pay.ai_partners_only_asc(),
        ]),
        N("Shareholder Status", kids=[ten.pt_vague_discretion()]),
        N("Insurance", kids=[ten.tc_claims_made_silent()]),
        N("Term and Termination", kids=[
            bp.term(1),
            bp.termination_for_cause(0, nested=True),
            bp.termination_by_physician(1),
            ten.tw_pay_in_lieu(60),
            bp.death_disability(1),
            bp.effect_of_termination(1),
        ]),
        N("Restrictive Covenants", kids=[
            cov.nc_named_sites("orthopaedic surgery", 15, "hyphen", 24, sites),
            cov.ns_patients_two_years(),
            bp.confidentiality(1),
            bp.remedies(1, refs="{ref:covenants}"),
        ], key="covenants"),
        N("General Provisions", kids=[bp.representations(1), bp.use_of_name(1), bp.notices(1),
                                        bp.dispute_resolution(1), bp.cooperation(1), bp.tax_matters(1),
                                        *bp.miscellaneous(v=1)]),
    ]
    return Contract(
        stem="orthopaedics_partnership_track", fmt="pdf", style="decimal",
        description=("Private orthopaedic group, associate physician: shareholder status vague (no timeline, "
                     "shareholders' sole discretion, price undefined); ASC/MRI/PT income to shareholders "
                     "only; 1:3 call; 2-year non-compete, 15-mile radius of three named offices; "
                     "claims-made coverage silent on tail; 60-day mutual notice."),
        context={"specialty": "orthopaedic surgery", "state": "MO", "setting": "private_practice"},
        ctx=ctx, title=["ASSOCIATE PHYSICIAN EMPLOYMENT AGREEMENT"],
        header="Summit Orthopaedic Associates, P.C. – Associate Physician Employment Agreement",
        footer="dash",
        front=bp.preamble(1), body=body, closing=witness(1),
        signatures=signatures("SUMMIT ORTHOPAEDIC ASSOCIATES, P.C.", "Harold J. Brenneman, M.D.", "President",
                              "Daniel R. Whitcomb, M.D.", "1952048817"),
        font="Times-Roman", font_size=11, leading=14,
    )
