"""Emergency medicine group offer letter (South Carolina). Prose with bold headings, no numbers.

Landmines: a partnership mentioned with no timeline, at the board's sole discretion; 20-mile
non-compete around every emergency department the group staffs; 30 days' notice; the physician buys
tail. Paid purely per wRVU (no salary). No call, no liquidated damages, no repayment.
"""

from __future__ import annotations

from ..model import Contract, N, P, Table
from ..wording import covenants as cov
from ..wording import pay
from ..wording import tenure as ten
from ._common import make_ctx


def contract() -> Contract:
    ctx = make_ctx("the Group", "Group", "you")
    body = [
        N("Position",
          "You will join Crossroads Emergency Physicians, LLC (“Crossroads” or the “Group”) as an employed "
          "emergency physician. The Group staffs the emergency departments of Palmetto Bend Regional "
          "Medical Center, Lowcountry Community Hospital and the Sea Island Freestanding Emergency Center, "
          "and you may be scheduled at any of them. You will report to the Medical Director of the site "
          "where you are working and, for all other matters, to our Chief Medical Officer, Dr. Evelyn "
          "Marsh."),
        N("Start Date",
          "Your first clinical shift will be scheduled on or after October 1, 2025, once your South Carolina "
          "license, DEA registration and hospital privileges are in place. Orientation shifts are "
          "scheduled with a senior physician and are counted toward your monthly shift total."),
        pay.rv_offer_pure(48),
        N("Shift Schedule",
          "A full-time schedule is fourteen ten-hour shifts per month. Nights, weekends and holidays are "
          "shared equitably among the physicians at each site, and the schedule is published six weeks in "
          "advance. You may request specific days off by the tenth day of the month before the schedule is "
          "published, and we honour at least four requested days off per month. You may pick up additional "
          "shifts when they are offered to the whole group, but you are never required to work more than "
          "sixteen shifts in a month."),
        N("Documentation and Coding",
          "You will document each encounter in the hospital's electronic record before the end of your shift "
          "or, for patients seen in the last hour, within twenty-four hours. Our coders assign codes from "
          "your documentation, and you may review the coding of any chart on request. Charts that remain "
          "incomplete for more than seven days may delay your next payment."),
        N("Benefits",
          "You will be eligible for our medical, dental and vision plans from your first day, a 401(k) plan "
          "with a matching contribution of up to four percent of pay, long-term disability insurance, and "
          "an annual allowance of $4,000 for continuing medical education, board certification fees and "
          "society dues. We also pay your South Carolina license and DEA renewal fees."),
        N("Licensure and Credentialing",
          "Before your first shift you must hold an unrestricted South Carolina medical license, a DEA "
          "registration, board certification or board eligibility in emergency medicine, and current ACLS, "
          "PALS and ATLS certification, and you must be granted privileges at each hospital the Group "
          "staffs. Our credentialing team will prepare the applications and pay the fees."),
        N("Advanced Practice Clinicians",
          "At each site you will work alongside physician assistants and nurse practitioners. You will be "
          "available to them for consultation throughout your shift, will see any patient they ask you to "
          "see, and will review and co-sign their charts as required by the hospital's medical staff rules "
          "and by South Carolina law. The Group's APP supervision policy, which we will give you before "
          "your first shift, describes the patients that must be discussed with a physician."),
        N("Quality and Patient Experience",
          "We track door-to-provider times, left-without-being-seen rates, return visits within seventy-two "
          "hours, and patient experience scores at every site. You will receive your own results each "
          "quarter, and you are expected to take part in case reviews, morbidity and mortality "
          "conferences, and the hospital committees to which the Medical Director assigns you."),
        N("Leave",
          "Because you control your schedule through your shift requests, the Group does not provide a "
          "separate vacation benefit. You may take up to six consecutive weeks away from the schedule each "
          "year with sixty days' advance request, and parental or medical leave will be provided as the "
          "law requires."),
        ten.tc_letter_physician_pays(),
        ten.pt_letter_discretion(),
        cov.nc_letter(20, "twelve months", 12),
        cov.ns_letter_recruiting(),
        ten.tw_letter(30),
        N("Confidentiality",
          "You will keep confidential all patient information and all non-public information about the "
          "Group, including its hospital contracts, staffing models and financial results, both during and "
          "after your employment."),
        N("Policies and Compliance",
          "You agree to follow the Group's physician policies and the bylaws and rules of each hospital "
          "medical staff, to complete the annual compliance and EMTALA training that we assign, and to "
          "cooperate with hospital quality and peer review processes."),
        N("Conditions of This Offer",
          "This offer depends on a satisfactory background check, verification of your training and "
          "references, approval of your hospital privileges, and your enrolment with Medicare, Medicaid "
          "and the commercial plans with which the Group contracts. If any of these conditions is not met "
          "by December 31, 2025, either of us may withdraw from this agreement without any obligation to "
          "the other."),
        N("Disputes",
          "If a disagreement about this letter cannot be resolved by discussion with our Chief Executive "
          "Officer, either of us may submit it to mediation in Charleston, and if mediation does not "
          "resolve it within sixty days, to binding arbitration before a single arbitrator. Each of us "
          "will bear our own attorneys' fees."),
        N("Entire Agreement; Governing Law",
          "This letter, with Exhibit A, is our complete agreement about your employment and replaces any "
          "earlier discussions. It may be changed only in a writing signed by you and by our Chief "
          "Executive Officer. South Carolina law governs this letter."),
    ]
    sites = Table((
        ("Site", "Annual visits", "Physician hours per day", "Shift lengths"),
        ("Palmetto Bend Regional Medical Center", "58,000", "60", "10 hours"),
        ("Lowcountry Community Hospital", "24,500", "30", "10 or 12 hours"),
        ("Sea Island Freestanding Emergency Center", "16,000", "24", "12 hours"),
    ), col_widths=(0.42, 0.17, 0.23, 0.18), ruled=True)
    exhibit = N("SITES STAFFED BY THE GROUP",
                "The Group currently staffs the following emergency departments. Volumes are for the most "
                "recent calendar year and are provided for planning purposes only.", sites,
                "Staffing levels at each site are reviewed each quarter with the hospital. Sites may be "
                "added or removed when hospital contracts begin or end, and the Group will tell you in "
                "writing when that happens.")
    front = [
        P("July 21, 2025"),
        P("Tomás Rivera-Quinn, M.D."),
        P("2040 Marsh Hen Drive, Palmetto Bend, South Carolina 29488"),
        P("**Re: Offer of Employment — Emergency Physician**"),
        P("Dear Dr. Rivera-Quinn:"),
        P("On behalf of Crossroads Emergency Physicians, it is my pleasure to offer you a position as an "
          "emergency physician with our group. We enjoyed meeting you during your visit and believe you "
          "will be a strong addition to our team. This letter sets out the terms of our offer. Once you "
          "sign it, it will be a binding employment agreement between you and the Group."),
    ]
    closing = [
        P("If these terms are acceptable, please sign below and return a copy to me by August 8, 2025. We "
          "look forward to working with you."),
        P("Sincerely,"),
    ]
    return Contract(
        stem="emergency_medicine_group", fmt="pdf", style="prose",
        description=("Emergency medicine group offer letter with bold headings and no numbering: paid "
                     "$48/wRVU, no salary; partnership mentioned with no timeline at the board's sole "
                     "discretion; 20-mile, 12-month non-compete around every emergency department staffed "
                     "by the group; 30 days' notice either way; physician pays tail."),
        context={"specialty": "emergency medicine", "state": "SC", "setting": "private_group"},
        ctx=ctx, title=["CROSSROADS EMERGENCY PHYSICIANS, LLC"],
        header="Crossroads Emergency Physicians, LLC", header_right="Confidential Offer", footer="plain",
        front=front, body=body, closing=closing, exhibits=[exhibit],
        signatures=[
            ["CROSSROADS EMERGENCY PHYSICIANS, LLC", "", "______________________________",
             "Evelyn Marsh, M.D., Chief Medical Officer"],
            ["ACCEPTED AND AGREED:", "", "______________________________", "Tomás Rivera-Quinn, M.D.",
             "NPI: 1558300927", "Date: ____________________"],
        ],
        font="Times-Roman", font_size=11.5, leading=15, justify=False,
    )
