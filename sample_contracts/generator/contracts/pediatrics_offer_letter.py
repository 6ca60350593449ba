"""Pediatric group offer letter (Virginia): a second near-fair sample. Prose with bold headings.

No high flags by design: salary plus a productivity bonus that never reduces salary; prorated sign-on
bonus waived on termination without cause; paid call capped at 1 in 5 weekends; employer pays tail;
120 days' notice either way; patients free to follow. No non-compete, no partnership.
"""

from __future__ import annotations

from ..model import Contract, N, P, Table
from ..wording import covenants as cov
from ..wording import pay
from ..wording import tenure as ten
from ._common import make_ctx


def contract() -> Contract:
    ctx = make_ctx("Harbor Pediatrics", "Harbor Pediatrics", "you")
    body = [
        N("Position",
          "We are pleased to offer you a full-time position as a general pediatrician with Harbor Pediatrics "
          "Medical Group, Inc. (“Harbor Pediatrics”). You will practise primarily at our Bayside Landing "
          "office, with one session each week at our Cedar Point satellite office, and you will round on "
          "newborns at Bayside Community Hospital on the days you are assigned to the nursery."),
        N("Start Date",
          "Your anticipated start date is September 15, 2025. If licensing or credentialing takes longer "
          "than expected, we will agree on a later date with you; your compensation and benefits begin on "
          "the day you start seeing patients."),
        pay.bc_letter(245_000),
        pay.rc_letter(15_000),
        pay.rv_letter_bonus(49.5, 425),
        N("Schedule",
          "A full-time schedule is nine half-day clinic sessions per week, with patient visits scheduled at "
          "twenty-minute intervals for sick visits and thirty minutes for well-child checks. You will have "
          "one administrative half-day each week for documentation, care coordination and quality work. "
          "Evening clinic until 7:00 p.m. is shared in rotation, and you will not be scheduled for more "
          "than one evening session per week."),
        pay.ca_letter(5, 400),
        N("Benefits",
          "You will be eligible for our health, dental and vision plans on the first day of the month after "
          "you start, a 401(k) plan with a six percent employer match, life and long-term disability "
          "insurance, twenty days of paid time off, five days of education leave, and an education "
          "allowance of $3,000 per year. We pay your Virginia license, DEA registration, American Academy "
          "of Pediatrics dues and board maintenance fees."),
        N("Panel and Scheduling Support",
          "We expect your patient panel to reach about 1,800 children within two years. Until then, our "
          "front desk will direct new families and newborns from Bayside Community Hospital to your "
          "schedule, and you will have a dedicated medical assistant and shared access to our lactation "
          "consultant and care coordinator."),
        N("Teaching",
          "Harbor Pediatrics hosts third-year medical students from the Tidewater School of Medicine for "
          "four-week outpatient rotations. You will precept one student at a time for up to four rotations "
          "a year, and we will reduce your visit schedule by one appointment per half-day while a student "
          "is with you."),
        N("Quality Program",
          "Our quality committee reviews immunisation rates, developmental screening, asthma control and "
          "after-hours utilisation each quarter. You will receive your own results and are expected to "
          "attend the committee's quarterly meeting and to take part in one improvement project each year."),
        ten.tc_letter_employer_pays(),
        N("Licensure and Credentialing",
          "Before you start you will need an unrestricted Virginia medical license, a DEA registration, "
          "board certification or eligibility in pediatrics, and current PALS and NRP certification. Our "
          "practice manager will prepare your hospital privileges and insurance enrolment applications."),
        N("Medical Records and Documentation",
          "Patient records belong to Harbor Pediatrics. We ask that visit notes be completed within two "
          "business days. After you leave, you will still have access to records you need to defend a "
          "claim or answer a licensing board inquiry."),
        cov.ns_letter_families(),
        ten.tw_letter_mutual(120),
        N("Immediate Termination",
          "Either of us may end this relationship immediately if the other materially breaches these terms "
          "and does not cure the breach within thirty days after written notice, and we may end it "
          "immediately if you lose your license, are excluded from Medicaid, or endanger a patient."),
        N("Confidentiality",
          "You agree to protect the privacy of our patients and families and the confidential business "
          "information of Harbor Pediatrics, during your employment and afterwards."),
        N("Conditions",
          "This offer depends on a satisfactory background check, verification of your credentials, and "
          "approval of your privileges at Bayside Community Hospital."),
        N("Disputes",
          "If we disagree about any part of this letter, we will first try to work it out in a meeting with "
          "our President. If that does not resolve the matter within thirty days, either of us may ask for "
          "mediation in Norfolk before filing any lawsuit."),
        N("Entire Agreement",
          "This letter and its Exhibit A contain the entire agreement between you and Harbor Pediatrics "
          "about your employment. Changes must be in writing and signed by both of us. Virginia law "
          "governs this letter."),
    ]
    table = Table((
        ("Benefit", "Eligibility", "Harbor Pediatrics pays"),
        ("Medical plan (PPO or HSA)", "First of the month after start", "80% of premium"),
        ("Dental and vision", "First of the month after start", "100% of employee premium"),
        ("401(k) plan", "Immediate", "Match up to 6% of pay"),
        ("Long-term disability", "After 90 days", "100% of premium"),
        ("Term life insurance", "After 90 days", "Two times annual pay"),
        ("Education allowance", "Immediate", "$3,000 per year"),
    ), col_widths=(0.34, 0.36, 0.30), ruled=True)
    exhibit = N("SUMMARY OF BENEFITS",
                "This summary is provided for convenience. The plan documents control if they differ from "
                "it.",
                table,
                "Benefit plans are offered to all full-time clinicians of Harbor Pediatrics on the same "
                "terms.")
    front = [
        P("August 4, 2025"),
        P("Wen-Li Carrington, M.D."),
        P("118 Chesapeake Row, Apartment 4B, Bayside Landing, Virginia 23451"),
        P("**Re: Offer of Employment**"),
        P("Dear Dr. Carrington:"),
        P("Thank you for spending time with us last month. Our physicians and staff were delighted to meet "
          "you, and we are happy to offer you a position with our practice. The terms of our offer are "
          "below. When you sign this letter it will become your employment agreement with Harbor "
          "Pediatrics."),
    ]
    closing = [
        P("Please review this letter carefully, and feel free to have it reviewed by an attorney. If the "
          "terms are acceptable, sign below and return a copy by August 29, 2025."),
        P("Warm regards,"),
    ]
    return Contract(
        stem="pediatrics_offer_letter", fmt="pdf", style="prose",
        description=("Pediatric group offer letter, near-fair: $245,000 salary; $15,000 sign-on bonus "
                     "prorated and waived on termination without cause; $49.50/wRVU above 425 wRVUs a "
                     "month that never reduces salary; call capped at 1 in 5 weekends at $400 a day; "
                     "employer pays tail; 120 days' notice either way; patients free to follow; no "
                     "non-compete."),
        context={"specialty": "pediatrics", "state": "VA", "setting": "private_practice"},
        ctx=ctx, title=["HARBOR PEDIATRICS MEDICAL GROUP, INC."],
        header="Harbor Pediatrics Medical Group — Offer of Employment", footer="dash",
        front=front, body=body, closing=closing, exhibits=[exhibit],
        signatures=[
            ["HARBOR PEDIATRICS MEDICAL GROUP, INC.", "", "______________________________",
             "Lena M. Okafor, M.D., President"],
            ["ACCEPTED:", "", "______________________________", "Wen-Li Carrington, M.D.", "NPI: 1780649312",
             "Date: ____________________"],
        ],
        font="Helvetica", font_size=11, leading=15, justify=False,
    )
