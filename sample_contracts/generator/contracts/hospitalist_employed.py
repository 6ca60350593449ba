"""Hospital-employed hospitalist (Ohio). ARTICLE / Section 4.01 numbering.

Landmines: the non-compete's numbers are defined in Article I and used in Article VIII (25 miles from
every facility of the hospital and its affiliates, 24 months); the hospital may change the wRVU
incentive on its own; the physician buys the malpractice tail.
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
        "the Hospital", "Hospital",
        employer_full="Lakeshore Regional Medical Center, an Ohio nonprofit corporation",
        employer_addr="1800 Lakeshore Boulevard, Port Clement, Ohio 44093",
        physician_full="Miriam T. Okonkwo, M.D.", physician_addr="52 Alder Court, Port Clement, Ohio 44093",
        eff_date="June 2, 2025", start_date="August 1, 2025", city="Port Clement", state_name="Ohio",
        county="Ashgrove County",
        operation="a 312-bed acute care hospital and a network of outpatient clinics",
        spec="hospital medicine", notice_attn="Chief Medical Officer", cme="$3,500", pto_days="twenty",
        term_words="third", dept="Hospital Medicine Department", supervisor="Hospitalist Medical Director",
        fte_text="182 scheduled shifts per Contract Year",
    )
    definitions = defs("affiliate", "contract_year", "confidential", "facilities", "medical_staff", "payers",
                       "policies", "services", "start_date", "termination_date", "wrvu",
                       extra=cov.nc_defs_all_sites(radius=25, months=24))
    body = [
        N("Definitions", kids=[
            N("Defined Terms", "In this Agreement, the following terms have the meanings set out below:",
              *definitions),
            N("Interpretation",
              "References to Articles and Sections are to the articles and sections of this Agreement. Words "
              "in the singular include the plural and the reverse. A reference to a law includes its "
              "regulations and any amendment or replacement of it."),
        ]),
        N("Employment and Duties", kids=[
            bp.employment(0),
            bp.duties(0),
            N("Hospitalist Schedule",
              "{P_} shall work a block schedule of seven consecutive twelve-hour day shifts followed by "
              "seven consecutive days off, or such other schedule totalling 182 shifts per Contract Year "
              "as {P} and the Hospitalist Medical Director agree. {P_} shall be present in the Hospital "
              "for the whole of each scheduled shift, shall hand off patients in person at the end of each "
              "shift, and shall respond to pages from nursing staff within fifteen minutes."),
            bp.qualifications(0),
            bp.records(0),
            bp.compliance(0),
            bp.performance_review(0),
            bp.technology(0),
        ]),
        N("Term", kids=[bp.term(0)]),
        N("Compensation and Benefits", kids=[
            pay.bc_formal(285_000),
            pay.rv_incentive_unilateral(50.0, 3_600),
            bp.benefits(0),
            bp.billing(0),
        ]),
        N("Professional Liability Insurance", kids=[
            ten.tc_physician_pays(),
            N("Cooperation in Claims",
              "Each party shall promptly notify the other of any claim or threatened claim arising from "
              "services {P} provided under this Agreement, and each shall cooperate fully with the other "
              "and with the insurer in the investigation, defense and settlement of the claim."),
        ]),
        N("Confidentiality", kids=[bp.confidentiality(0)]),
        N("Termination", kids=[
            bp.termination_for_cause(0, nested=True),
            bp.termination_by_physician(0),
            ten.tw_mutual(90),
            bp.death_disability(0),
            bp.effect_of_termination(0),
        ]),
        N("Restrictive Covenants", kids=[
            cov.nc_defined_covenant("hospital medicine", survives=True),
            cov.ns_employees(12),
            bp.remedies(0, refs="{ref:covenants}"),
        ], key="covenants"),
        N("General Provisions", kids=[bp.representations(0), bp.notices(0), bp.dispute_resolution(0),
                                        bp.cooperation(0), bp.tax_matters(0), *bp.miscellaneous()]),
    ]
    return Contract(
        stem="hospitalist_employed", fmt="pdf", style="article",
        description=("Hospital-employed hospitalist; Restricted Area (25 miles from every facility of the "
                     "hospital or its affiliates) and Restricted Period (24 months) defined in Article I "
                     "and used in Article VIII; hospital may revise the wRVU incentive in its sole "
                     "discretion; physician pays tail."),
        context={"specialty": "hospitalist", "state": "OH", "setting": "employed"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT", "(Hospitalist Services)"],
        header="CONFIDENTIAL – Physician Employment Agreement", footer="page_of",
        front=bp.preamble(0), body=body, closing=witness(0),
        signatures=signatures(
            "LAKESHORE REGIONAL MEDICAL CENTER", "Gregory A. Vandermeer", "President and CEO",
                              "Miriam T. Okonkwo, M.D.", "1487263950"),
        font="Times-Roman", font_size=10.5, leading=13.4,
    )
