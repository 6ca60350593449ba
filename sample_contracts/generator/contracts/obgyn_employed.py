"""Health-system employed OB/GYN (Georgia). Section 7.2 / (a) / (i) numbering with inline
cross-references such as "Section 6.2(b)".

The non-compete's Restricted Area (15-mile radius of the primary site) and Restricted Period
(eighteen months) are defined in Section 1.1 and used in Section 7.2. Landmines: the employer's
without-cause notice (60 days) is shorter than the physician's (90); the sign-on bonus is repayable
even after a termination without cause. Medium: radius 15, 18 months, call included in salary,
liquidated damages of half a year's salary as the sole remedy.
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
        "Employer", "Employer",
        employer_full="Riverbend Health System, Inc., a Georgia nonprofit corporation",
        employer_addr="2200 Orchard Avenue, Millbrook, Georgia 30656",
        physician_full="Caroline J. Ashworth, M.D.",
        physician_addr="77 Magnolia Terrace, Millbrook, Georgia 30656",
        eff_date="April 22, 2025", start_date="August 25, 2025", city="Millbrook", state_name="Georgia",
        county="Oconee Falls County", operation="Riverbend Medical Center and eleven physician practices",
        spec="obstetrics and gynecology", notice_attn="Chief Medical Officer", cme="$3,500",
        pto_days="twenty-four",
        term_words="third", term_years_text="three (3) years", dept="Riverbend Women's Health practice",
        supervisor="Chief of Obstetrics", fte_text="nine clinical sessions per week",
        site="Riverbend Women's Health", site_addr="2200 Orchard Avenue, Suite 300, Millbrook, Georgia",
    )
    definitions = defs("affiliate", "cause", "confidential", "contract_year", "facilities", "medical_staff",
                       "payers", "primary_site", "services", "start_date", "termination_date",
                       extra=cov.nc_defs_primary_site(15, 18))
    grounds = bp.for_cause_grounds(0)
    body = [
        N("Definitions", kids=[N("Defined Terms", "Capitalised terms have the meanings below:",
                                 *definitions)]),
        N("Employment and Duties", kids=[
            bp.employment(0),
            bp.duties(0),
            N("Obstetric Services",
              "{P_} shall manage prenatal care, labor and delivery, and postpartum care for the patients of "
              "the practice, perform cesarean deliveries and gynecologic surgery within {P}'s privileges, "
              "and take part in the Hospital's obstetric hemorrhage and maternal safety programs. Coverage "
              "outside regular hours is addressed only in {ref:call}."),
            bp.qualifications(1),
            bp.schedule_and_leave(0),
        ]),
        N("Call Coverage", kids=[pay.ca_included_in_salary(4)]),
        N("Compensation and Benefits", kids=[
            pay.bc_formal(340_000, key="comp"),
            pay.rc_prorated_any_reason(30_000, "tw_employer"),
            bp.benefits(1),
            bp.billing(0),
        ]),
        N("Professional Liability Insurance", kids=[ten.tc_employer_tail(1)]),
        N("Term and Termination", kids=[
            bp.term(0),
            ten.tw_asymmetric(60, 90),
            N("Termination for Cause", "This Agreement may be terminated for Cause as follows:", kids=[
                N("By Employer", "Employer may terminate this Agreement immediately by written notice if:",
                  kids=[N(None, g) for g in grounds]),
                N("By Physician",
                  "{P_} may terminate this Agreement if Employer materially breaches it and fails to cure "
                  "the breach within thirty (30) days after written notice."),
            ], key="for_cause"),
            bp.death_disability(0),
            N("Effect of Termination",
              "On the Termination Date, {P} shall complete all medical records and return Employer's "
              "property, and Employer shall pay {P} all compensation earned through that date. The "
              "consequences of a termination under {ref:tw_employer}, {ref:tw_physician} or "
              "{ref:for_cause} for the matters covered by {ref:bonus} and {ref:nc} are stated in those "
              "Sections, and nothing in this Section changes them."),
        ]),
        N("Restrictive Covenants", kids=[
            bp.confidentiality(1),
            cov.nc_defined_covenant("obstetric or gynecologic", survives=False, carve_out_ref="tw_employer"),
            cov.ld_salary_fraction_sole_remedy("nc"),
        ]),
        N("General Provisions", kids=[bp.notices(0), bp.dispute_resolution(0), *bp.miscellaneous(v=1)]),
    ]
    body[2].children[0].key = "call"
    return Contract(
        stem="obgyn_employed", fmt="pdf", style="section",
        description=("Health-system OB/GYN with inline cross-references (e.g. Section 6.2(b)): Restricted "
                     "Area (15-mile radius of the primary site) and Restricted Period (18 months) defined "
                     "in Section 1.1 and used in Section 7.2; employer's without-cause notice 60 days vs "
                     "physician's 90; $30,000 sign-on bonus repayable even after termination without "
                     "cause; 1:4 call included in salary; liquidated damages of 50% of salary as the sole "
                     "remedy."),
        context={"specialty": "obstetrics and gynecology", "state": "GA", "setting": "employed"},
        ctx=ctx, title=["PHYSICIAN EMPLOYMENT AGREEMENT", "Riverbend Women's Health"],
        header="Physician Employment Agreement – Riverbend Health System", footer="dash",
        front=bp.preamble(0), body=body, closing=witness(0),
        signatures=signatures("RIVERBEND HEALTH SYSTEM, INC.", "Thomas E. Greer", "President",
                              "Caroline J. Ashworth, M.D.", "1841169530"),
        font="Times-Roman", font_size=11, leading=14, run_in="underline",
    )
