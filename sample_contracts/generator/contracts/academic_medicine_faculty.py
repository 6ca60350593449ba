"""Academic (university) nephrology faculty appointment (Wisconsin). Section 7.2 / (a) / (i) numbering.

Landmines: call "as assigned", changeable at any time, unpaid (no cap + unilateral change); all outside
professional income assigned to the practice plan. No non-compete, no partnership, no termination
without cause (fixed appointment), no liquidated damages. Self-insured coverage with the university
paying any tail.
"""

from __future__ import annotations

from ..model import Contract, N
from ..wording import boilerplate as bp
from ..wording import pay
from ..wording import tenure as ten
from ._common import defs, make_ctx, signatures, witness


def contract() -> Contract:
    ctx = make_ctx(
        "the University", "University", "Faculty Member",
        employer_full="The Board of Regents of the University of Westbrook, on behalf of the University of "
        "Westbrook School of Medicine",
        employer_addr="750 Regent Street, Westbrook, Wisconsin 53590",
        physician_full="Helena V. Marchetti, M.D.",
        physician_addr="3318 Prospect Avenue, Westbrook, Wisconsin 53590",
        eff_date="April 1, 2025", start_date="September 1, 2025", city="Westbrook", state_name="Wisconsin",
        county="Dane Hollow County", operation="an academic medical center and its faculty practice plan",
        spec="nephrology", notice_attn="Chair, Department of Medicine", cme="$2,500", pto_days="twenty-two",
        term_words="third", term_years_text="three (3) academic years", dept="Division of Nephrology",
        supervisor="Division Chief", fte_text="a 0.8 clinical effort and a 0.2 academic effort",
        site="University Hospital", site_addr="750 Regent Street, Westbrook",
    )
    grounds = bp.for_cause_grounds(1)
    body = [
        N("Appointment", kids=[
            N("Faculty Appointment",
              "The University appoints {P} as Assistant Professor of Medicine (Clinician-Educator Track) in "
              "the Division of Nephrology of the Department of Medicine, for a term of three academic "
              "years beginning on the Start Date. The appointment is governed by this Agreement, by the "
              "Faculty Policies and Procedures of the University, and by the bylaws of the Practice Plan. "
              "If this Agreement conflicts with the Faculty Policies and Procedures, the Faculty Policies "
              "and Procedures control."),
            N("Definitions", "In this Agreement:",
              *defs("affiliate", "confidential", "contract_year", "facilities", "medical_staff", "policies",
                    "services", "start_date", "termination_date", "wrvu")),
        ]),
        N("Duties", kids=[
            bp.duties(0),
            N("Teaching and Scholarship",
              "{P_} shall teach medical students, residents and fellows in the clinical setting and in the "
              "classroom, shall participate in the Division's fellowship program, and is expected to "
              "contribute to scholarship appropriate to the Clinician-Educator Track, including case "
              "reports, quality improvement projects and educational research.", kids=[
                  N("Protected Time",
                    "The academic effort described in {ref:effort} shall be protected from clinical "
                    "scheduling, except in an emergency declared by the Chair."),
                  N("Evaluation",
                    "{P_} shall be evaluated annually under the Department's faculty evaluation process, "
                    "which considers clinical care, teaching, scholarship and citizenship."),
              ]),
            N("Effort", "{P_}'s total effort is allocated as {fte_text}.", key="effort"),
            bp.qualifications(1),
            bp.schedule_and_leave(1),
            bp.leaves_of_absence(1),
            bp.conduct(0),
        ]),
        N("Clinical Call", kids=[pay.ca_as_assigned()]),
        N("Compensation", kids=[
            pay.bc_academic(265_000),
            pay.rv_quarterly(45.0, 1_050),
            bp.benefits(1),
            pay.rc_relocation_resignation_only(12_000),
            bp.billing(1),
            pay.ai_outside_income_assigned(),
        ]),
        N("Professional Liability", kids=[ten.tc_university_self_insured()]),
        N("Term and Termination", kids=[
            N("Term of Appointment",
              "The appointment ends on the last day of the third academic year after the Start Date unless "
              "it is renewed by a written reappointment letter signed by the Dean and accepted by {P}. "
              "Reappointment is considered under the Faculty Policies and Procedures."),
            N("Termination for Cause", "This Agreement may be terminated for cause as follows:", kids=[
                N("By the University",
                  "The University may terminate the appointment, after the process required by the Faculty "
                  "Policies and Procedures, upon:", kids=[N(None, g) for g in grounds]),
                N("By Faculty Member",
                  "{P_} may terminate the appointment if the University materially breaches this Agreement "
                  "and does not cure the breach within thirty (30) days after written notice from {P}."),
            ], key="for_cause"),
            bp.death_disability(1),
            bp.effect_of_termination(1),
        ]),
        N("Confidentiality and Records", kids=[bp.confidentiality(1), bp.records(0), bp.compliance(1)]),
        N("General Provisions", kids=[bp.intellectual_property(), bp.cooperation(0), bp.notices(0),
                                        bp.dispute_resolution(1), bp.tax_matters(0), *bp.miscellaneous()]),
    ]
    return Contract(
        stem="academic_medicine_faculty", fmt="pdf", style="section",
        description=("University nephrology faculty appointment: call as assigned by the Division Chief, "
                     "changeable at any time and included in salary; all outside professional income "
                     "assigned to the practice plan; quarterly wRVU target; self-insured coverage with the "
                     "university paying any tail; fixed appointment with no termination without cause; no "
                     "non-compete."),
        context={"specialty": "nephrology", "state": "WI", "setting": "academic"},
        ctx=ctx, title=["FACULTY CLINICAL SERVICES AGREEMENT", "University of Westbrook School of Medicine"],
        header="University of Westbrook — Faculty Clinical Services Agreement", footer="page_of",
        footer_left="Form FCSA-3 (clinical tracks)",
        front=bp.preamble(1), body=body, closing=witness(0),
        signatures=signatures("UNIVERSITY OF WESTBROOK", "Raymond T. Osei, M.D., Ph.D.",
                              "Dean, School of Medicine", "Helena V. Marchetti, M.D.", "1386902257",
                              physician_label="FACULTY MEMBER"),
        font="Times-Roman", font_size=10.5, leading=13.6, run_in="underline",
    )
