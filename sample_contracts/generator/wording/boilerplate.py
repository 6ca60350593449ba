"""Ordinary contract text: the hay around the needles.

Nothing in this module states a clause kind of report schema v1: no restrictive covenants, no pay
amounts, no call, no malpractice insurance, no notice periods for termination without cause. Each
function returns a clause (``N``) or paragraphs, usually in two or three wordings (``v``), so the
contracts do not share sentences verbatim. Placeholders are filled from ``Contract.ctx``.
"""

from __future__ import annotations

from ..model import N, P


# --- opening -------------------------------------------------------------------------------------

def preamble(v: int = 0) -> list:
    if v == 0:
        return [
            P("This PHYSICIAN EMPLOYMENT AGREEMENT (this “Agreement”) is entered into as of {eff_date} (the "
              "“Effective Date”) by and between {employer_full} (“{Eshort}”), and {physician_full} "
              "(“{Pshort}”)."),
            P("**RECITALS**"),
            P("WHEREAS, {E} operates {operation} in and around {city}, {state_name}, and wishes to employ a "
              "physician qualified in {spec} to serve the patients of its community;"),
            P("WHEREAS, {P} is a physician duly licensed, or eligible for licensure, to practise medicine in "
              "the State of {state_name}, and wishes to be employed by {E} on the terms set out below;"),
            P("NOW, THEREFORE, in consideration of the mutual promises contained in this Agreement, and for "
              "other good and valuable consideration, the receipt and sufficiency of which are "
              "acknowledged, the parties agree as follows:"),
        ]
    if v == 1:
        return [
            P("This Employment Agreement is made and entered into on {eff_date} between {employer_full}, "
              "with its principal office at {employer_addr} (referred to in this Agreement as “{Eshort}”), "
              "and {physician_full}, an individual residing at {physician_addr} (referred to as "
              "“{Pshort}”)."),
            P("{E_} is engaged in the business of providing {spec} services through physicians it employs. "
              "{P_} has completed training in {spec} and desires to provide professional services as an "
              "employee of {E}. The parties therefore agree as set out below."),
        ]
    return [
        P("THIS AGREEMENT is dated {eff_date}. The parties are: (1) {employer_full} (“{Eshort}”); and (2) "
          "{physician_full} (“{Pshort}”)."),
        P("Background. {E_} provides {spec} services at {operation}. {E_} has recruited {P} to join its "
          "medical staff, and {P} has accepted. This Agreement records the terms on which {P} will be "
          "employed. In consideration of the mutual covenants below, and intending to be legally bound, "
          "the parties agree as follows."),
    ]


# --- definitions ---------------------------------------------------------------------------------

DEFS = {
    "affiliate": "“**Affiliate**” means any entity that directly or indirectly controls, is controlled by, "
                 "or is under common control with {E}, where control means ownership of more than fifty "
                 "percent of the voting interests or the power to appoint a majority of the governing body.",
    "contract_year": "“**Contract Year**” means each consecutive twelve-month period beginning on the Start "
                     "Date or on an anniversary of the Start Date.",
    "start_date": "“**Start Date**” means {start_date}, or such other date as the parties agree in writing "
                  "on which {P} first provides Professional Services under this Agreement.",
    "services": "“**Professional Services**” means the practice of {spec} and the related clinical, "
                "supervisory, teaching and administrative services described in this Agreement.",
    "termination_date": "“**Termination Date**” means the last day on which {P} is employed by {E}, whatever "
                        "the reason for the end of the employment.",
    "confidential": "“**Confidential Information**” means all non-public information of {E} and its "
                    "Affiliates, in any form, including patient information, fee schedules, payer contract "
                    "terms, financial results, strategic plans, personnel files and referral data.",
    "facilities": "“**Facilities**” means the hospitals, clinics and offices at which {E} assigns {P} to "
                  "provide Professional Services under this Agreement.",
    "policies": "“**Policies**” means the written bylaws, policies, procedures and codes of conduct of {E} "
                "that apply to its employed physicians and that have been made available to {P}.",
    "primary_site": "“**Primary Practice Site**” means {site}, located at {site_addr}.",
    "wrvu": "“**wRVU**” means a work relative value unit assigned to a professional service under the "
            "resource-based relative value scale used by the Centers for Medicare & Medicaid Services.",
    "payers": "“**Third-Party Payer**” means any governmental program, insurer, health plan or other person "
              "that pays for health care services provided to patients.",
    "cause": "“**Cause**” has the meaning given in {ref:for_cause}.",
    "medical_staff": "“**Medical Staff**” means the organised medical staff of each hospital at which {P} "
                     "holds clinical privileges in connection with this Agreement.",
}


def definition(key: str) -> str:
    return DEFS[key]


# --- employment and duties -----------------------------------------------------------------------

def employment(v: int = 0):
    if v == 0:
        return N("Employment",
                 "{E_} hereby employs {P}, and {P} accepts employment with {E}, as a physician specialising "
                 "in {spec}, on the terms and subject to the conditions of this Agreement. {P_} shall "
                 "devote {P}'s full professional time, attention and energy to the business of {E} and "
                 "shall perform the duties reasonably assigned by {E} consistent with {P}'s training and "
                 "specialty.")
    if v == 1:
        return N("Engagement",
                 "Beginning on the Start Date, {E} shall employ {P} on a full-time basis to provide "
                 "Professional Services to patients of {E}. {P_} accepts the engagement and agrees to "
                 "perform it diligently, competently and in good faith, in accordance with the Policies and "
                 "with the standards of practice prevailing in the community.")
    return N("Position",
             "{P_} is employed as a staff physician in {E}'s {dept}. {P_} reports to the {supervisor}, who "
             "is responsible for assigning {P}'s clinical duties and for evaluating {P}'s performance. {P_} "
             "shall work a full-time clinical schedule, defined as {fte_text}.")


def duties(v: int = 0, nested: bool = True):
    kids = [
        N("Clinical Services",
          "{P_} shall provide professional medical services to patients at the Facilities, including "
          "examination, diagnosis, treatment and follow-up care, and shall see all patients assigned to "
          "{P} without regard to their ability to pay or their source of payment."),
        N("Supervision of Clinicians",
          "{P_} shall supervise and collaborate with physician assistants, nurse practitioners and other "
          "clinicians as required by {E} and by applicable law, and shall countersign their documentation "
          "when required."),
        N("Administrative Duties",
          "{P_} shall attend departmental and medical staff meetings, serve on committees when asked, "
          "participate in quality improvement and peer review activities, and assist with the orientation "
          "of new physicians."),
        N("Teaching",
          "Where {E} participates in the education of residents, medical students or other trainees, {P} "
          "shall participate in their teaching and supervision in a manner consistent with the "
          "requirements of the sponsoring program."),
    ]
    if v == 1:
        kids = [
            N("Scope of Practice",
              "{P_} shall practise {spec} at the Primary Practice Site and at any other location reasonably "
              "designated by {E} within {county}, and shall maintain an active patient panel."),
            N("Standards",
              "All Professional Services shall be rendered in a manner consistent with the ethical standards "
              "of the American Medical Association, the requirements of The Joint Commission and the rules "
              "of each Medical Staff of which {P} is a member."),
            N("Hours",
              "{P_}'s regular clinical hours shall be established jointly by {P} and {E}, taking into "
              "account the needs of patients and the schedules of other physicians, and shall consist of "
              "not less than {fte_text}."),
        ]
    if v == 2:
        kids = [
            N("Patient Care",
              "{P_} shall render care to the patients of {E} in a timely, courteous and professional manner, "
              "return patient communications promptly, and arrange appropriate coverage for {P}'s patients "
              "whenever {P} is unavailable."),
            N("Documentation",
              "{P_} shall complete all medical records, orders, discharge summaries and coding documentation "
              "within the time limits required by the Policies and the Medical Staff rules."),
            N("Quality Programs",
              "{P_} shall take part in the clinical quality, patient safety and patient experience programs "
              "adopted by {E}, and shall cooperate in any audit of {P}'s services."),
            N("Community Service",
              "{P_} shall participate in reasonable community outreach, health education and recruitment "
              "activities requested by {E}."),
        ]
    intro = ("{P_}'s duties under this Agreement include the following:" if nested else None)
    if not nested:
        text = " ".join(k.body[0].text for k in kids)
        return N("Duties", text)
    return N("Duties", intro, kids=kids)


def qualifications(v: int = 0):
    if v == 0:
        return N("Licensure and Qualifications",
                 "As a condition of employment, {P} shall obtain by the Start Date and maintain throughout "
                 "the term an unrestricted license to practise medicine in the State of {state_name}; an "
                 "unrestricted registration with the Drug Enforcement Administration and any required state "
                 "controlled substance registration; board certification (or board eligibility, followed by "
                 "certification within the period allowed by the certifying board) in {spec}; membership in "
                 "good standing on the Medical Staff with the clinical privileges needed to perform {P}'s "
                 "duties; and eligibility to participate in Medicare, Medicaid and the other Third-Party "
                 "Payer programs in which {E} participates.",
                 "{P_} shall notify {E} in writing within three business days of any investigation, "
                 "complaint, claim, disciplinary action, restriction or change affecting any of these "
                 "qualifications.")
    return N("Credentials",
             "{P_} represents that {P} holds, and covenants that {P} will keep in force, a current license "
             "to practise medicine in {state_name}, a federal DEA registration, Basic and Advanced Cardiac "
             "Life Support certification, and board certification in {spec}. {P_} shall complete {E}'s "
             "credentialing and enrollment process, including payer enrollment applications, before the "
             "Start Date and shall keep the information in those applications accurate. {P_} shall "
             "immediately inform {E} of any lapse, suspension, probation or limitation of any credential.")


def schedule_and_leave(v: int = 0):
    if v == 0:
        return N("Time Away from Practice",
                 "{P_} shall be entitled to {pto_days} days of paid time off in each Contract Year for "
                 "vacation, illness and personal matters, and to five additional days for continuing "
                 "medical education. Time off shall be scheduled in advance in coordination with the other "
                 "physicians so that patient care is not interrupted. Unused time off does not carry over "
                 "to a later Contract Year and is not paid out at the end of employment, except as required "
                 "by law.")
    return N("Vacation and Education Leave",
             "{P_} will receive {pto_days} working days of vacation per year, plus the holidays observed by "
             "{E}, plus one week of leave to attend approved educational programs. Requests for leave must "
             "be submitted at least sixty days before the first day of leave, and {E} will approve requests "
             "in the order received when more than one physician asks for the same dates.")


def benefits(v: int = 0):
    if v == 0:
        return N("Benefits",
                 "{P_} shall be eligible to participate in the health, dental, vision, life and long-term "
                 "disability insurance plans and the retirement plan that {E} makes available to its "
                 "employed physicians generally, on the terms of the governing plan documents. {E_} shall "
                 "pay {P}'s annual state license renewal fee, DEA registration fee, and dues for one "
                 "national and one state professional society. {E_} shall reimburse {P} for continuing "
                 "medical education expenses of up to {cme} per Contract Year, upon presentation of "
                 "receipts.")
    if v == 1:
        return N("Fringe Benefits",
                 "{E_} will provide {P} with the employee benefits offered to its physicians, which "
                 "currently include group medical and dental coverage, a 403(b) retirement savings plan "
                 "with an employer matching contribution, short-term disability coverage and term life "
                 "insurance equal to twice {P}'s annual pay. {P_}'s participation is governed by the plan "
                 "documents, which control in case of any conflict with this summary. {E_} will also "
                 "reimburse up to {cme} each year for approved continuing education, board review courses "
                 "and medical journals.")
    return N("Employee Benefits",
             "{P_} may enrol in the benefit programs available to similarly situated employees of {E}, "
             "subject to the eligibility rules of each program. In addition, {E} shall provide {P} with a "
             "mobile telephone, remote access to the electronic health record, and an annual allowance of "
             "{cme} for continuing medical education, licensure, board certification maintenance and "
             "professional dues.")


def billing(v: int = 0):
    if v == 0:
        return N("Billing and Collections",
                 "{E_} shall bill and collect, in its own name and under its own provider numbers, all fees "
                 "for Professional Services that {P} renders on behalf of {E}. {P_} hereby reassigns to {E} "
                 "the right to receive payment for those services, shall execute any reassignment forms "
                 "that Third-Party Payers require, and shall not bill any patient or payer directly. {E_} "
                 "shall set all fees and shall have sole authority over collection policies.")
    return N("Fees",
             "All charges for services rendered by {P} under this Agreement belong to {E}. {E_} shall "
             "determine the fees charged, shall prepare and submit claims, and shall retain all amounts "
             "collected. {P_} shall document and code each service accurately so that {E} may bill for it, "
             "and shall promptly answer any coding question raised by {E}'s billing staff.")


def records(v: int = 0):
    if v == 0:
        return N("Medical Records",
                 "All medical records, charts, images and other documents relating to patients treated by "
                 "{P} under this Agreement are the property of {E}. {P_} shall have reasonable access to "
                 "those records, during employment and afterwards, to the extent needed to defend a claim, "
                 "to respond to a licensing inquiry or to continue the care of a patient who chooses {P} as "
                 "physician, subject in each case to applicable privacy law.")
    return N("Records",
             "{P_} shall prepare complete and legible records of all services and shall keep them in {E}'s "
             "electronic health record system. The records remain with {E} when the employment ends. Upon "
             "written request and at {P}'s expense, {E} shall provide copies of records that {P} reasonably "
             "needs in connection with any legal proceeding or governmental inquiry.")


def compliance(v: int = 0):
    if v == 0:
        return N("Compliance",
                 "{P_} shall comply with all federal and state laws that apply to {P}'s practice, including "
                 "the federal Anti-Kickback Statute, the physician self-referral law, the False Claims Act "
                 "and the privacy and security rules under HIPAA, and shall complete the compliance "
                 "training that {E} requires of its physicians. Nothing in this Agreement requires {P} to "
                 "refer any patient to {E} or to any particular provider; {P} shall remain free to refer "
                 "patients as their interests, their insurers and their own preferences dictate.")
    return N("Regulatory Matters",
             "The parties intend that this Agreement comply with all laws governing financial relationships "
             "between physicians and the entities that employ them. No payment under this Agreement is "
             "conditioned on, or varies with, the volume or value of referrals. If counsel for either party "
             "concludes that a change in law makes any provision unlawful, the parties shall negotiate in "
             "good faith to amend the provision so that it complies while preserving, as nearly as "
             "possible, the economic terms agreed.")


def confidentiality(v: int = 0):
    if v == 0:
        return N("Confidential Information",
                 "{P_} shall hold all Confidential Information in strict confidence, shall use it only to "
                 "perform {P}'s duties under this Agreement, and shall not disclose it to any person "
                 "outside {E} without {E}'s prior written consent, except as required by law. When the "
                 "employment ends, {P} shall return all Confidential Information in {P}'s possession, "
                 "including copies on personal devices. These obligations continue after the Termination "
                 "Date.")
    if v == 1:
        return N("Confidentiality",
                 "During and after the employment, {P} will not reveal to anyone, or use for any purpose "
                 "other than {E}'s business, any patient information, pricing, payer contract terms, "
                 "business plans or other proprietary information of {E}, unless the information has become "
                 "public through no fault of {P}. This Section does not prevent {P} from reporting possible "
                 "violations of law to a government agency or from discussing the terms of {P}'s own "
                 "employment.")
    return N("Protection of Information",
             "{P_} acknowledges that in the course of employment {P} will learn information about {E}'s "
             "operations that is valuable because it is not generally known. {P_} agrees not to disclose or "
             "misuse that information, to comply with {E}'s information security policies, and to use only "
             "devices and accounts approved by {E} to access patient data.")


# --- term and termination ------------------------------------------------------------------------

def term(v: int = 0):
    if v == 0:
        return N("Term",
                 "This Agreement begins on the Effective Date, and {P}'s employment begins on the Start "
                 "Date. The initial term ends on the {term_words} anniversary of the Start Date (the "
                 "“Initial Term”). The parties may extend the term by a written amendment signed by both of "
                 "them, and any such extension shall be on the terms of this Agreement unless the amendment "
                 "provides otherwise.")
    return N("Duration",
             "The term of this Agreement is {term_years_text}, commencing on the Start Date, unless ended "
             "earlier under this Agreement. Any continuation of the employment after the end of the term "
             "shall be on the terms of this Agreement until the parties sign a new agreement.")


def for_cause_grounds(v: int = 0) -> list[str]:
    if v == 0:
        return [
            "{P}'s license to practise medicine in any state, or {P}'s DEA registration, is revoked, "
            "suspended, restricted or not renewed;",
            "{P} is excluded from, or suspended from participation in, Medicare, Medicaid or any other "
            "federal health care program;",
            "{P}'s Medical Staff membership or clinical privileges at any hospital are revoked, suspended or "
            "materially restricted;",
            "{P} is convicted of, or pleads no contest to, a felony or any crime involving fraud, dishonesty "
            "or moral turpitude;",
            "{P} uses alcohol or drugs in a manner that impairs {P}'s ability to practise safely;",
            "{P} materially breaches this Agreement and fails to cure the breach within thirty (30) days "
            "after written notice describing it, if the breach can be cured.",
        ]
    return [
        "loss or restriction of any license, registration or certification required by this Agreement;",
        "conduct that, in the reasonable judgment of {E}'s medical director, endangers the health or safety "
        "of any patient or employee;",
        "fraud, theft or embezzlement, or the submission of a false claim;",
        "sexual harassment or other serious violation of the Policies, established after investigation;",
        "{P}'s failure to perform material duties, continuing for fifteen (15) days after written notice.",
    ]


def termination_for_cause(v: int = 0, nested: bool = True, key: str = "for_cause"):
    grounds = for_cause_grounds(v)
    intro = "{E_} may terminate this Agreement immediately, by written notice to {P}, if:"
    if nested:
        kids = [N(None, text) for text in grounds]
        return N("Termination for Cause by {Eshort}", intro, kids=kids, key=key)
    text = intro + " " + " ".join(f"({chr(97 + i)}) {g}" for i, g in enumerate(grounds))
    return N("Termination for Cause", text, key=key)


def termination_by_physician(v: int = 0):
    if v == 0:
        return N("Termination by Physician for Cause",
                 "{P_} may terminate this Agreement by written notice to {E} if {E} fails to pay any amount "
                 "due to {P} or otherwise materially breaches this Agreement, and the failure or breach "
                 "continues for thirty (30) days after {P} gives {E} written notice of it.")
    return N("Breach by {Eshort}",
             "If {E} materially breaches this Agreement, {P} may give written notice of the breach, and if "
             "{E} has not cured it within thirty (30) days, {P} may end the employment by a second notice "
             "effective on the date stated in it.")


def death_disability(v: int = 0):
    if v == 0:
        return N("Death or Disability",
                 "This Agreement ends automatically on {P}'s death. {E_} may terminate this Agreement upon "
                 "written notice if {P} is unable, because of illness or injury, to perform the essential "
                 "functions of {P}'s position, with or without reasonable accommodation, for ninety (90) "
                 "consecutive days or for one hundred twenty (120) days in any twelve-month period, subject "
                 "to the requirements of applicable disability and leave laws.")
    return N("Incapacity",
             "If {P} dies, the employment ends on the date of death and {E} shall pay {P}'s estate all "
             "compensation earned through that date. If {P} becomes unable to practise for a continuous "
             "period of more than three months because of physical or mental incapacity, {E} may end the "
             "employment, provided it complies with applicable law.")


def effect_of_termination(v: int = 0):
    if v == 0:
        return N("Effect of Termination",
                 "On the Termination Date, {P} shall resign from any committee, directorship or office held "
                 "at {E}'s request, return all property of {E}, and complete all outstanding medical "
                 "records. {E_} shall pay {P} all compensation earned and unpaid through the Termination "
                 "Date. The provisions of this Agreement that by their nature are meant to continue shall "
                 "survive the end of the employment.")
    return N("Obligations on Termination",
             "When the employment ends, each party shall pay the other any amounts then owed. {P_} shall "
             "cooperate in the orderly transfer of the care of {P}'s patients, finish all documentation, "
             "and return identification badges, keys, equipment and records. {E_} shall continue to process "
             "claims for services {P} performed before the Termination Date.")


def remedies(v: int = 0, refs: str = "this Agreement"):
    if v == 0:
        return N("Equitable Relief",
                 "{P_} agrees that a breach of " + refs + " would cause {E} irreparable harm for which money "
                 "damages would not be an adequate remedy. Accordingly, in addition to any other remedy, "
                 "{E} shall be entitled to a temporary restraining order and to preliminary and permanent "
                 "injunctive relief to prevent or stop any such breach, without posting a bond.")
    return N("Enforcement",
             "The parties agree that the obligations in " + refs + " are reasonable and necessary to protect "
             "{E}'s legitimate business interests, and that {E} may seek specific performance or an "
             "injunction from any court of competent jurisdiction to enforce them.")


# --- general provisions ---------------------------------------------------------------------------

def dispute_resolution(v: int = 0):
    if v == 0:
        return N("Dispute Resolution",
                 "The parties shall first attempt in good faith to resolve any dispute arising under this "
                 "Agreement by meeting within fifteen days after either party requests a meeting. Any "
                 "dispute not resolved in that way shall be settled by binding arbitration in {city}, "
                 "{state_name}, before a single arbitrator under the rules of the American Health Law "
                 "Association. Judgment on the award may be entered in any court having jurisdiction. Each "
                 "party bears its own attorneys' fees unless the arbitrator decides otherwise.")
    return N("Venue",
             "Any action arising out of this Agreement shall be brought only in the state or federal courts "
             "located in {county}, {state_name}, and each party consents to the personal jurisdiction of "
             "those courts. EACH PARTY WAIVES ANY RIGHT TO A JURY TRIAL IN ANY SUCH ACTION.")


def notices(v: int = 0):
    text = ("All notices under this Agreement shall be in writing and shall be delivered by hand, by "
            "nationally recognised overnight courier, or by certified mail, return receipt requested, to "
            "the addresses below, or to another address a party designates by notice. A notice is effective "
            "when delivered or when delivery is refused.")
    if v == 1:
        text = ("Notices must be in writing and are deemed given when delivered personally, one business day "
                "after deposit with an overnight courier, or three business days after mailing by certified "
                "mail, postage prepaid, addressed as follows (or to such other address as a party specifies "
                "by notice):")
    return N("Notices", text,
             "If to {Eshort}: {employer_full}, {employer_addr}, Attention: {notice_attn}.",
             "If to {Pshort}: {physician_full}, {physician_addr}.")


def miscellaneous(nested: bool = True, v: int = 0, extra=()):
    parts = [
        N("Governing Law",
          "This Agreement is governed by the laws of the State of {state_name}, without regard to its "
          "conflict of laws rules."),
        N("Assignment",
          "{P_} may not assign this Agreement or delegate {P}'s duties under it. {E_} may assign this "
          "Agreement to an Affiliate or to a successor to all or substantially all of its assets, and the "
          "Agreement shall bind and benefit the parties' permitted successors and assigns."),
        N("Entire Agreement",
          "This Agreement, with its exhibits and schedules, is the entire agreement of the parties about its "
          "subject matter and supersedes all earlier letters of intent, term sheets, proposals and "
          "discussions, whether written or oral."),
        N("Amendment",
          "This Agreement may be amended only by a written document that refers to this Agreement and is "
          "signed by both parties."),
        N("Severability",
          "If any provision of this Agreement is held invalid or unenforceable, the remaining provisions "
          "remain in full force, and the invalid provision shall be enforced to the greatest extent "
          "permitted by law."),
        N("Waiver",
          "A waiver of any breach is effective only if in writing and does not waive any other or later "
          "breach. No delay in exercising a right operates as a waiver of it."),
        N("Counterparts",
          "This Agreement may be signed in counterparts, each of which is an original and all of which "
          "together are one instrument. Signatures delivered by PDF or through an electronic signature "
          "service are binding."),
        N("Headings",
          "Headings are for convenience only and do not affect the meaning of this Agreement. The word "
          "“including” means “including without limitation”."),
    ]
    if v == 1:
        parts = parts[:4] + [
            N("Independent Judgment",
              "Nothing in this Agreement gives {E} control over {P}'s independent medical judgment in the "
              "diagnosis or treatment of any patient."),
        ] + parts[4:]
    parts.extend(extra)
    if nested:
        return parts
    return [N(k.heading, *k.body) for k in parts]


# --- more ordinary provisions (used to give each contract realistic length) --------------------------

def representations(v: int = 0):
    if v == 0:
        return N("Representations of {Pshort}",
                 "{P_} represents and warrants that {P} is not bound by any agreement, order or restriction "
                 "that would prevent {P} from entering into this Agreement or performing it; that {P} has "
                 "never been excluded from any federal health care program; that no license or registration "
                 "held by {P} has ever been revoked, suspended or restricted, except as disclosed to {E} in "
                 "writing; and that all information {P} provided in applying for employment and clinical "
                 "privileges is true and complete.")
    return N("Physician's Warranties",
             "{P_} confirms that {P} has disclosed to {E} every disciplinary proceeding and privileges "
             "action involving {P} in the last ten years, and that {P} will not bring to {E} or use in "
             "{P}'s work any confidential information belonging to a former employer. These statements are "
             "material, and {E} has relied on them in entering into this Agreement.")


def use_of_name(v: int = 0):
    if v == 0:
        return N("Use of Name and Likeness",
                 "During the employment, {E} may use {P}'s name, photograph, credentials and a professional "
                 "biography approved by {P} in directories, on its website and in announcements of {P}'s "
                 "services. That permission ends on the Termination Date, except for materials already "
                 "printed.")
    return N("Marketing",
             "{P_} shall take part in reasonable marketing of {P}'s practice, including physician liaison "
             "visits, community talks and online profiles, and consents to {E}'s use of {P}'s name and "
             "image for those purposes while {P} is employed.")


def cooperation(v: int = 0):
    if v == 0:
        return N("Cooperation in Proceedings",
                 "During and after the employment, {P} shall cooperate with {E} in any audit, investigation, "
                 "payer review or legal proceeding that concerns services {P} provided or matters of which "
                 "{P} has knowledge, and {E} shall reimburse {P}'s reasonable expenses of doing so.")
    return N("Audits and Investigations",
             "{P_} shall respond promptly to requests from {E}'s compliance and risk management staff, take "
             "part in chart reviews and root cause analyses, and give truthful testimony in any proceeding "
             "concerning {E}. {E_} shall pay {P} at a reasonable hourly rate for time spent on such matters "
             "after the Termination Date.")


def tax_matters(v: int = 0):
    if v == 0:
        return N("Taxes and Withholding",
                 "{E_} shall withhold from all payments to {P} the taxes and other amounts required by law. "
                 "The parties intend that all payments under this Agreement either be exempt from or comply "
                 "with Section 409A of the Internal Revenue Code, and this Agreement shall be interpreted "
                 "accordingly. Each payment is a separate payment for purposes of Section 409A.")
    return N("Section 409A",
             "Amounts payable under this Agreement are intended to qualify as short-term deferrals exempt "
             "from Section 409A of the Internal Revenue Code. If {P} is a specified employee when the "
             "employment ends, any payment that would be subject to Section 409A shall be delayed to the "
             "extent the law requires.")


def performance_review(v: int = 0):
    if v == 0:
        return N("Performance Review",
                 "{E_} shall review {P}'s performance at least once in each Contract Year, considering "
                 "clinical quality, patient experience, documentation, teamwork and citizenship. {P_} shall "
                 "receive a written summary of the review and may respond to it in writing, and the "
                 "response shall be kept with the review.")
    return N("Professional Development",
             "{P_} and the {supervisor} shall meet at least twice a year to discuss {P}'s clinical goals, "
             "professional development and any concerns raised by patients or colleagues. The parties shall "
             "record agreed goals in writing.")


def leaves_of_absence(v: int = 0):
    if v == 0:
        return N("Leaves of Absence",
                 "{P_} may take family and medical leave, military leave and jury duty leave as provided by "
                 "law and by the Policies. Parental leave of up to twelve weeks shall be available after "
                 "the birth or adoption of a child, of which the first six weeks shall be paid.")
    return N("Leave",
             "Leave for illness, the birth or adoption of a child, the care of a family member or military "
             "service shall be granted in accordance with applicable law and with the leave policies that "
             "apply to physicians employed by {E}.")


def technology(v: int = 0):
    if v == 0:
        return N("Electronic Systems",
                 "{E_} shall provide {P} with access to its electronic health record, e-prescribing, secure "
                 "messaging and telehealth platforms, and with the training needed to use them. {P_} shall "
                 "use only {E}-approved systems for patient communication and shall protect all passwords "
                 "and access credentials.")
    return N("Equipment and Support",
             "{E_} shall provide the office space, equipment, supplies, support staff and information "
             "systems reasonably needed for {P} to perform the Professional Services, consistent with what "
             "it provides to other physicians of the same specialty.")


def conduct(v: int = 0):
    if v == 0:
        return N("Professional Conduct",
                 "{P_} shall treat patients, colleagues and staff with courtesy and respect, shall comply "
                 "with {E}'s code of conduct and anti-harassment policies, and shall take part in good "
                 "faith in any review of a complaint about {P}'s conduct.")
    return N("Standards of Behaviour",
             "{P_} acknowledges that disruptive behaviour undermines patient safety. {P_} agrees to follow "
             "the Medical Staff's professional behaviour policy and to participate in any coaching or "
             "remediation program reasonably required under it.")


def intellectual_property(v: int = 0):
    return N("Work Product",
             "Clinical protocols, order sets, patient education materials and other work product that {P} "
             "develops within the scope of employment belong to {E}. {P_} retains ownership of scholarly "
             "articles and presentations that {P} authors, subject to {E}'s confidentiality requirements.")
