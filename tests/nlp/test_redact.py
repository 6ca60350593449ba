"""Tests of ``nlp.redact`` (rule-based redaction) and ``app.redact_cli.redact_file``.

- ``CASES``: one short text each, with the strings that must be gone, the strings that must stay, and
  the labels that must appear. Negative cases (``removed=()``) must come back unchanged.
- Every case also checks the span invariants: sorted, non-overlapping, in the original text, no span
  over a quantity, and ``text`` equal to the original with each span replaced by its label.
- Every sample contract: ``find_quantities`` gives the same quantities before and after; the parties
  listed in ``SAMPLE_PARTIES`` (read from each sample's preamble and signature block) appear nowhere
  in the redacted text, nor any "First M. Last" name, nor the signature-block NPI.
- ``redact_file`` writes both files; the PDF, read back with pypdfium2, holds no removed name and
  every quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from app.redact_cli import HEADER, redact_file
from nlp.errors import EmptyFile, InputError
from nlp.extract import extract_document
from nlp.redact import LABELS, Redaction, redact, redact_document
from nlp.terms.quantities import find_quantities

SAMPLES = Path(__file__).resolve().parents[2] / "sample_contracts"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".docx"})


@dataclass(frozen=True)
class Case:
    """A text, what must be removed from it, what must stay, and labels the output must contain."""

    id: str
    text: str
    removed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()


CASES: tuple[Case, ...] = (
    # ---- preambles -------------------------------------------------------------------------
    Case(
        "preamble-corporation-straight-quotes",
        'This Agreement is made between Acme Cardiology Associates, LLC, a Texas limited liability company '
        '("Employer"), and John Q. Public, M.D. ("Physician"). Employer shall pay Physician $300,000 per '
        'year.',
        removed=("Acme", "Cardiology Associates", "LLC", "John", "Public"),
        kept=('a Texas limited liability company ("Employer")', 'M.D. ("Physician")', "$300,000 per year"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "preamble-by-and-between-the-role",
        'AGREEMENT dated as of March 3, 2025, by and between Northwind Medical Group, Inc. (the "Practice") '
        'and Sarah Lindqvist, D.O. (the "Physician").',
        removed=("Northwind", "Inc.", "Sarah", "Lindqvist"),
        kept=("dated as of March 3, 2025", '(the "Practice")', 'D.O. (the "Physician")'),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "preamble-referred-to-as-with-addresses",
        "This Employment Agreement is made and entered into on March 14, 2025 between Summit Orthopaedic "
        "Associates, P.C., a Missouri professional corporation, with its principal office at 4100 Bluff "
        "View Parkway, Cedar Bluff, Missouri 65605 (referred to in this Agreement as “Practice”), and "
        "Daniel R. Whitcomb, M.D., an individual residing at 19 Sycamore Lane, Cedar Bluff, Missouri 65605 "
        "(referred to as “Physician”).",
        removed=("Summit", "4100", "Bluff View", "Cedar Bluff", "65605", "Daniel", "Whitcomb", "Sycamore"),
        kept=("a Missouri professional corporation", "(referred to as “Physician”)", "March 14, 2025"),
        labels=("ORGANIZATION", "PERSON", "ADDRESS"),
    ),
    Case(
        "preamble-numbered-parties",
        "THIS AGREEMENT is dated February 3, 2025. The parties are: (1) Bluewater Dermatology Group, P.A., "
        "an Arizona professional corporation (“Practice”); and (2) Naomi F. Castellanos, M.D. "
        "(“Physician”). Castellanos shall work at Bluewater Dermatology.",
        removed=("Bluewater", "Naomi", "Castellanos"),
        kept=("an Arizona professional corporation (“Practice”)", "(2) [PERSON], M.D. (“Physician”)",
              "dated February 3, 2025"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "preamble-board-on-behalf-of-university",
        "FACULTY CLINICAL SERVICES AGREEMENT\nUniversity of Westbrook School of Medicine\nThis Agreement is "
        "made between The Board of Regents of the University of Westbrook, on behalf of the University of "
        "Westbrook School of Medicine (referred to in this Agreement as “University”), and Helena V. "
        "Marchetti, M.D. (referred to as “Faculty Member”).",
        removed=("Westbrook", "Regents", "Helena", "Marchetti"),
        kept=("FACULTY CLINICAL SERVICES AGREEMENT", "“University”", "“Faculty Member”"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "preamble-short-name-alias-in-letter",
        "You will join Crossroads Emergency Physicians, LLC (“Crossroads” or the “Group”) as an employed "
        "emergency physician. Physicians who join Crossroads may later become partners of the Group.",
        removed=("Crossroads", "LLC"),
        kept=("(“[ORGANIZATION]” or the “Group”)", "emergency physician", "partners of the Group"),
        labels=("ORGANIZATION",),
    ),
    Case(
        "preamble-person-without-credential",
        'This Agreement is entered into by and between Lakeview Behavioral Health, a Michigan nonprofit '
        'corporation ("Employer"), and Elliot Baranowski ("Physician"). Baranowski practises adult '
        'psychiatry.',
        removed=("Lakeview", "Elliot", "Baranowski"),
        kept=("a Michigan nonprofit corporation", '("Physician")', "adult psychiatry"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "preamble-hospital-district-number",
        "This Agreement is entered into as of March 31, 2025 by and between Tallgrass County Hospital "
        "District No. 1, a Kansas hospital district (“Hospital”), and Owen P. Lindqvist, M.D. "
        "(“Physician”). The Hospital operates a 25-bed critical access hospital.",
        removed=("Tallgrass", "District No. 1", "Owen", "Lindqvist"),
        kept=(
            "a Kansas hospital district (“Hospital”)",
            "The Hospital operates a 25-bed critical access hospital",
        ),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "preamble-agreement-label-is-not-a-name",
        "PHYSICIAN EMPLOYMENT AGREEMENT\nThis PHYSICIAN EMPLOYMENT AGREEMENT (this “Agreement”) is entered "
        "into as of June 2, 2025 (the “Effective Date”) by and between Lakeshore Regional Medical Center, "
        "an Ohio nonprofit corporation (“Hospital”), and Miriam T. Okonkwo, M.D. (“Physician”). This "
        "Agreement governs.",
        removed=("Lakeshore", "Miriam", "Okonkwo"),
        kept=("This PHYSICIAN EMPLOYMENT AGREEMENT (this “Agreement”)", "(the “Effective Date”)",
              "This Agreement governs.", "an Ohio nonprofit corporation"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    # ---- offer-letter salutations ------------------------------------------------------------
    Case(
        "salutation-dr-hyphenated-surname",
        "Dear Dr. Rivera-Quinn:\nWe are pleased to offer you a position. Dr. Rivera-Quinn will start in "
        "July.",
        removed=("Rivera", "Quinn"),
        kept=("Dear Dr. [PERSON]:", "We are pleased to offer you a position."),
        labels=("PERSON",),
    ),
    Case(
        "salutation-first-name-comma",
        "Dear Priya,\nWelcome to the practice. Priya will see patients four days a week.",
        removed=("Priya",),
        kept=("Dear [PERSON],", "four days a week"),
        labels=("PERSON",),
    ),
    Case(
        "salutation-ms-with-letterhead",
        "HARBOR PEDIATRICS MEDICAL GROUP, INC.\nAugust 4, 2025\nDear Ms. Alvarez:\nThank you. When you sign "
        "this letter it becomes your agreement with Harbor Pediatrics Medical Group, Inc.",
        removed=("HARBOR", "Harbor", "Alvarez"),
        kept=("August 4, 2025", "Dear Ms. [PERSON]:", "it becomes your agreement with"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    # ---- signature blocks --------------------------------------------------------------------
    Case(
        "signature-two-column-name-line",
        "LAKESHORE REGIONAL MEDICAL CENTER PHYSICIAN\nBy: ______________ ______________\nName: Gregory A. "
        "Vandermeer Miriam T. Okonkwo, M.D.\nTitle: President and CEO NPI: 1487263950\nDate: __________ "
        "Date: __________",
        removed=("LAKESHORE", "Gregory", "Vandermeer", "Miriam", "Okonkwo", "1487263950"),
        kept=("PHYSICIAN\nBy:", "Title: President and CEO NPI: [NPI]", "Name: [PERSON] [PERSON], M.D."),
        labels=("ORGANIZATION", "PERSON", "NPI"),
    ),
    Case(
        "signature-by-and-name-on-one-line",
        "TALLGRASS COUNTY HOSPITAL DISTRICT\nNO. 1\nPHYSICIAN\nBy: ______ ______ Name: Ruth A. Steinmetz "
        "Owen P. Lindqvist, M.D.\nTitle: Chief Executive Officer NPI: 1932716480",
        removed=("TALLGRASS", "Ruth", "Steinmetz", "Owen", "Lindqvist", "1932716480"),
        kept=("PHYSICIAN", "Title: Chief Executive Officer"),
        labels=("ORGANIZATION", "PERSON", "NPI"),
    ),
    Case(
        "signature-docx-pipe-columns",
        "PLATTE VALLEY UROLOGY, P.C. | PHYSICIAN\nBy: ______ | ______\nName: Victor H. Lindgren, M.D. | "
        "Marcus D. Hollingsworth, M.D.\nTitle: President | NPI: 1477025839",
        removed=("PLATTE", "Victor", "Lindgren", "Marcus", "Hollingsworth", "1477025839"),
        kept=("| PHYSICIAN", "Name: [PERSON], M.D. | [PERSON], M.D.", "Title: President |"),
        labels=("ORGANIZATION", "PERSON", "NPI"),
    ),
    Case(
        "signature-without-initials-two-columns",
        "RIVERBEND HEALTH SYSTEM, INC. PHYSICIAN\nBy: ______ ______\nName: Thomas Greer Caroline Ashworth, "
        "M.D.",
        removed=("RIVERBEND", "Thomas", "Greer", "Caroline", "Ashworth"),
        kept=("PHYSICIAN", "M.D."),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "signature-letter-rules-names-and-titles",
        "Sincerely,\nCROSSROADS EMERGENCY\nPHYSICIANS, LLC\nACCEPTED AND AGREED:\n______ ______ Evelyn "
        "Marsh, M.D., Chief Medical Officer Tomás Rivera-Quinn, M.D.\nNPI: 1558300927",
        removed=("CROSSROADS", "Evelyn", "Marsh", "Tomás", "Rivera", "1558300927"),
        kept=("Sincerely,", "ACCEPTED AND AGREED:", "M.D., Chief Medical Officer [PERSON], M.D."),
        labels=("ORGANIZATION", "PERSON", "NPI"),
    ),
    Case(
        "signature-by-conformed-signature",
        "By: /s/ Howard P. Klein\nTitle: Chief Executive Officer\nDate: March 3, 2025",
        removed=("Howard", "Klein"),
        kept=("By: /s/ [PERSON]", "Title: Chief Executive Officer", "Date: March 3, 2025"),
        labels=("PERSON",),
    ),
    # ---- later mentions ----------------------------------------------------------------------
    Case(
        "later-mentions-of-both-parties",
        'This Agreement is made between Acme Cardiology Associates, LLC ("Employer") and John Q. Public, '
        'M.D. ("Physician"). Dr. Public and Mr. Public will consult Acme Cardiology Associates and ACME '
        "CARDIOLOGY ASSOCIATES, LLC. John Public agrees. Public shall keep 1:4 call.",
        removed=("Acme", "ACME", "John", "Public"),
        kept=("Dr. [PERSON] and Mr. [PERSON]", "1:4 call", '("Employer")'),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "later-mention-across-line-break",
        "You will join Crossroads Emergency Physicians, LLC (“Crossroads” or the "
        "“Group”).\nSincerely,\nCROSSROADS EMERGENCY\nPHYSICIANS, LLC",
        removed=("CROSSROADS", "Crossroads", "EMERGENCY"),
        kept=("Sincerely,", "the “Group”"),
        labels=("ORGANIZATION",),
    ),
    Case(
        "later-facilities-named-after-the-employer",
        "by and between Bluegrass Valley Health System, Inc., a Kentucky nonprofit corporation "
        "(“Employer”), and Arjun M. Kapoor, M.D. (“Physician”). Employer operates Bluegrass Valley Medical "
        "Center and the Bluegrass Heart Institute in the State of Kentucky.",
        removed=("Bluegrass", "Heart Institute", "Arjun", "Kapoor"),
        kept=("Employer operates [ORGANIZATION] and the [ORGANIZATION] in the State of Kentucky.",),
        labels=("ORGANIZATION", "PERSON"),
    ),
    Case(
        "later-city-of-an-address",
        "If to Hospital: 1800 Lakeshore Boulevard, Port Clement, Ohio 44093, Attention: Chief Medical "
        "Officer.\nDisputes shall be settled by binding arbitration in Port Clement, Ohio, before a single "
        "arbitrator.",
        removed=("1800", "Lakeshore", "Port Clement", "44093"),
        kept=("Attention: Chief Medical Officer.", "arbitration in [CITY], Ohio, before a single arbitrator"),
        labels=("ADDRESS", "CITY"),
    ),
    # ---- other people ------------------------------------------------------------------------
    Case(
        "honorific-other-person",
        "For all other matters, you will report to our Chief Medical Officer, Dr. Evelyn Marsh. Dr. Marsh "
        "sets the schedule six weeks in advance.",
        removed=("Evelyn", "Marsh"),
        kept=("our Chief Medical Officer, Dr. [PERSON].", "six weeks in advance"),
        labels=("PERSON",),
    ),
    Case(
        "credential-np-and-pa-c",
        "Supervision of Karen Ott, NP and Luis Ortega, PA-C is included in the Base Salary of $250,000.",
        removed=("Karen", "Ott", "Luis", "Ortega"),
        kept=("[PERSON], NP and [PERSON], PA-C", "$250,000"),
        labels=("PERSON",),
    ),
    Case(
        "credential-without-comma",
        "The Medical Director, Priscilla Onyango MD, approves leave of up to four weeks.",
        removed=("Priscilla", "Onyango"),
        kept=("[PERSON] MD", "four weeks"),
        labels=("PERSON",),
    ),
    Case(
        "honorific-given-name-that-is-a-month",
        "Physician will report to Dr. April Jones, who approves the 1:4 call schedule. Dr. Jones is the "
        "Chair.",
        removed=("April", "Jones"),
        kept=("Dr. [PERSON], who approves the 1:4 call schedule", "is the Chair"),
        labels=("PERSON",),
    ),
    Case(
        "common-word-surname-not-swept-alone",
        "In case of absence, Mark Case, M.D. covers the service; Case is a word this contract also uses.",
        removed=("Mark",),
        kept=("In case of absence, [PERSON], M.D. covers", "Case is a word"),
        labels=("PERSON",),
    ),
    Case(
        "preamble-party-with-honorific-and-labelled-employer",
        'Employer: Memorial Hermann Health System ("Employer"). This Agreement is between Memorial Hermann '
        'Health System and Dr. Ana Ruiz ("Physician"). Memorial Hermann operates hospitals.',
        removed=("Hermann", "Ana", "Ruiz"),
        kept=('Employer: [ORGANIZATION] ("Employer")', 'Dr. [PERSON] ("Physician")', "operates hospitals"),
        labels=("ORGANIZATION", "PERSON"),
    ),
    # ---- identifiers -------------------------------------------------------------------------
    Case(
        "email-and-phones",
        "Contact: jane.doe@acmehealth.org, phone (555) 123-4567, fax 555-123-9876, tel. 555.321.0000 ext. "
        "12.",
        removed=("jane.doe", "123-4567", "123-9876", "321.0000"),
        kept=("Contact: [EMAIL], phone [PHONE], fax [PHONE]",),
        labels=("EMAIL", "PHONE"),
    ),
    Case(
        "npi-labelled-and-bare",
        "Physician's NPI: 1234567893. The group NPI number is 1987654321 and 1122334455 is the billing NPI.",
        removed=("1234567893", "1987654321", "1122334455"),
        kept=("Physician's NPI: [NPI].", "is the billing NPI"),
        labels=("NPI",),
    ),
    Case(
        "dea-number",
        "Physician holds DEA registration No. AB1234563 and a state controlled substance registration.",
        removed=("AB1234563",),
        kept=("DEA registration No. [DEA]", "state controlled substance registration"),
        labels=("DEA",),
    ),
    Case(
        "ssn-dashed-and-labelled",
        "Employee SSN 123-45-6789; Social Security Number: 987 65 4321.",
        removed=("6789", "4321"),
        kept=("Employee SSN [SSN];",),
        labels=("SSN",),
    ),
    Case(
        "licence-numbers",
        "Texas Medical License No. Q1234, Ohio license number 35.098765 and State licence number 45-7781.",
        removed=("Q1234", "35.098765", "45-7781"),
        kept=("Texas Medical License No. [LICENSE]", "State licence number [LICENSE]"),
        labels=("LICENSE",),
    ),
    Case(
        "dates-of-birth-go-contract-dates-stay",
        "This Agreement is dated as of March 3, 2025. Date of Birth: 04/12/1986. Physician was born on June "
        "5, 1985 (DOB 1985-06-05). The Start Date is August 1, 2025.",
        removed=("04/12/1986", "June 5, 1985", "1985-06-05"),
        kept=("dated as of March 3, 2025", "The Start Date is August 1, 2025."),
        labels=("DATE_OF_BIRTH",),
    ),
    Case(
        "address-street-suite-city-state-zip",
        "Notices to: 2900 Harpeth Commons Drive, Suite 400, Harrow Springs, Tennessee 37064, Attention: "
        "Managing Member. Physician is licensed in the State of Tennessee.",
        removed=("2900", "Harpeth", "Suite 400", "Harrow Springs", "37064"),
        kept=("Attention: Managing Member.", "licensed in the State of Tennessee."),
        labels=("ADDRESS",),
    ),
    Case(
        "address-po-box-and-state-code",
        "Payments are mailed to P.O. Box 12, Dunmore, KY 40391 within thirty (30) days.",
        removed=("Box 12", "Dunmore", "40391"),
        kept=("within thirty (30) days",),
        labels=("ADDRESS",),
    ),
    Case(
        "address-in-a-definition-without-zip",
        "1.6 “Primary Practice Site” means Marlow Family Medicine Clinic, located at 310 North Main Street, "
        "Marlow, Iowa. Physician shall work at least 36 hours per week.",
        removed=("Marlow", "310 North Main"),
        kept=("1.6 “Primary Practice Site” means", "36 hours per week"),
        labels=("ADDRESS", "ORGANIZATION"),
    ),
    # ---- places outside addresses --------------------------------------------------------------
    Case(
        "city-with-state-in-a-covenant-and-later-alone",
        "For two years Physician shall not practise within 25 miles of Houston, Texas. The Houston clinic "
        "is excluded.",
        removed=("Houston",),
        kept=("within 25 miles of [CITY], Texas", "The [CITY] clinic"),
        labels=("CITY",),
    ),
    Case(
        "city-with-state-code",
        "Services are performed at the clinics in Round Rock, TX and in Austin, Texas.",
        removed=("Round Rock", "Austin"),
        kept=("in [CITY], TX", "in [CITY], Texas"),
        labels=("CITY",),
    ),
    Case(
        "counties-in-a-restricted-area",
        "The Restricted Area is Harris County and Fort Bend County, for twelve (12) months.",
        removed=("Harris", "Fort Bend"),
        kept=("The Restricted Area is [COUNTY] and [COUNTY], for twelve (12) months.",),
        labels=("COUNTY",),
    ),
    Case(
        "county-with-state-is-a-county",
        "Venue lies exclusively in the courts of Travis County, Texas.",
        removed=("Travis",),
        kept=("[COUNTY], Texas",),
        labels=("COUNTY",),
    ),
    Case(
        "keep-headings-and-bodies-before-a-state",
        "Governing Law, Texas. Section 4, Texas law governs. Filed with the Securities and Exchange "
        "Commission, New York. Each County, State and local authority; the County; Employer, Texas.",
    ),
    Case(
        "keep-generic-place-words-before-a-state",
        "Physician shall practise at the Medical Center, Texas, and in the State of Ohio.",
    ),
    # ---- negatives: must come back unchanged -------------------------------------------------
    Case(
        "keep-quantities",
        "Physician shall not practise within twenty-five (25) miles for two (2) years; call is 1:4 with a "
        "$1,500 weekend stipend; $55.00 per wRVU above 6,500 wRVUs; a fifteen percent (15%) quality bonus; "
        "ninety (90) days' notice.",
    ),
    Case(
        "keep-section-numbers-and-governing-law-state",
        "Section 7.2 Governing Law. This Agreement is governed by the laws of the State of Ohio, without "
        "regard to its conflict of laws rules, as set out in Section 7.2(b)(iii) and § 5.2.",
    ),
    Case(
        "keep-role-words-and-headings",
        "ARTICLE IV\nCOMPENSATION\nSection 4.01 Base Salary. The Hospital shall pay Physician. The "
        "Employer, the Practice and the Group may not reduce it. Faculty Member and University "
        "agree.\nEXHIBIT A\nPHYSICIAN COMPENSATION PLAN",
    ),
    Case(
        "keep-specialties-and-defined-terms",
        "The University appoints Faculty Member as Assistant Professor of Medicine in the Division of "
        "Nephrology. “Restricted Area” means the area within fifteen (15) miles of the Primary Practice "
        "Site, for orthopaedic surgery, Emergency Medicine and Interventional Cardiology.",
    ),
    Case(
        "keep-wrvu-tier-table",
        "Tier | Annual wRVUs | Rate per wRVU\nTier 1 | 4,801 – 5,200 | $36.00\nTier 12 | 9,201 and above | "
        "$58.00",
    ),
    Case(
        "keep-states-in-recitals-and-descriptors",
        "WHEREAS, Physician is duly licensed to practise medicine in the State of Tennessee and in South "
        "Carolina; Employer is a North Carolina professional limited liability company. Virginia law "
        "governs this letter.",
    ),
    Case(
        "keep-clinician-roles-with-credentials",
        "Physician shall supervise any Nurse Practitioner, NP or Physician Assistant, PA-C, for a stipend "
        "of $10,000 per year.",
    ),
    Case(
        "keep-state-named-organisation-state",
        'This Agreement is between Texas Oncology, P.A. ("Practice") and the physician ("Physician"). Texas '
        'law '
        "governs this Agreement.",
        removed=("Oncology, P.A.",),
        kept=('[ORGANIZATION] ("Practice")', "Texas law governs this Agreement."),
        labels=("ORGANIZATION",),
    ),
    Case(
        "keep-statutes-and-third-party-programs",
        "Payments comply with Section 409A of the Internal Revenue Code. Disputes go to the American Health "
        "Law Association. Rates follow the Medicare Physician Fee Schedule; Medicare and Medicaid enrolment "
        "required.",
    ),
)

CASE_IDS = [case.id for case in CASES]


def _assert_span_invariants(original: str, result: Redaction) -> None:
    """Sorted, non-overlapping, known labels, no quantity touched, and ``text`` rebuilt from the spans."""
    previous_end = 0
    rebuilt: list[str] = []
    quantities = [(q.start, q.end) for q in find_quantities(original)]
    for start, end, label in result.spans:
        assert previous_end <= start < end <= len(original)
        assert label in LABELS
        assert not any(q_start < end and start < q_end for q_start, q_end in quantities), original[start:end]
        rebuilt.append(original[previous_end:start] + f"[{label}]")
        previous_end = end
    rebuilt.append(original[previous_end:])
    assert result.text == "".join(rebuilt)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_redaction_cases(case: Case) -> None:
    result = redact(case.text)
    _assert_span_invariants(case.text, result)
    if not case.removed:
        assert result.text == case.text
        assert result.spans == ()
    for gone in case.removed:
        assert gone not in result.text, f"{gone!r} survived: {result.text!r}"
    for stays in case.kept:
        assert stays in result.text, f"{stays!r} missing: {result.text!r}"
    for label in case.labels:
        assert f"[{label}]" in result.text


def test_case_table_is_large_and_ids_are_unique() -> None:
    assert len(CASES) >= 30
    assert len(set(CASE_IDS)) == len(CASE_IDS)


def test_redaction_is_frozen_and_empty_text_is_fine() -> None:
    result = redact("")
    assert result == Redaction("", ())
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]


# ------------------------------------------------------------------------------------------------
# Sample contracts
# ------------------------------------------------------------------------------------------------

#: The parties of each sample, as its preamble and signature block print them (verified by reading):
#: (people, organisations). The test first checks each name is really in the sample's text.
SAMPLE_PARTIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "academic_medicine_faculty": (("Helena V. Marchetti", "Raymond T. Osei"),
                                  ("Board of Regents of the University of Westbrook",
                                   "University of Westbrook School of Medicine")),
    "anesthesia_group": (("Samuel K. Adeyemi", "Celeste M. Duarte"), ("Meridian Anesthesia Partners, LLC",)),
    "cardiology_sign_on": (("Arjun M. Kapoor", "Margaret L. Ashby"),
                           ("Bluegrass Valley Health System, Inc.",)),
    "dermatology_private_practice": (("Naomi F. Castellanos", "Graham P. Whitfield"),
                                     ("Bluewater Dermatology Group, P.A.",)),
    "emergency_medicine_group": (("Tomás Rivera-Quinn", "Evelyn Marsh"),
                                 ("Crossroads Emergency Physicians, LLC",)),
    "family_medicine_wrvu": (("Rebecca L. Sorensen", "Janet E. Holloway"), ("Prairie Health Partners",)),
    "gastroenterology_partnership": (("Priya N. Raghunathan", "Lorraine K. Ostrowski"),
                                     ("Piedmont Digestive Health, PLLC",)),
    "general_surgery_rural": (("Owen P. Lindqvist", "Ruth A. Steinmetz"),
                              ("Tallgrass County Hospital District No. 1",)),
    "hospitalist_employed": (("Miriam T. Okonkwo", "Gregory A. Vandermeer"),
                             ("Lakeshore Regional Medical Center",)),
    "obgyn_employed": (("Caroline J. Ashworth", "Thomas E. Greer"), ("Riverbend Health System, Inc.",)),
    "orthopaedics_partnership_track": (("Daniel R. Whitcomb", "Harold J. Brenneman"),
                                       ("Summit Orthopaedic Associates, P.C.",)),
    "pediatrics_offer_letter": (("Wen-Li Carrington", "Lena M. Okafor"),
                                ("Harbor Pediatrics Medical Group, Inc.",)),
    "psychiatry_fair": (("Elliot S. Baranowski", "Diane R. Koenig"), ("Lakeview Behavioral Health",)),
    "urology_group": (("Marcus D. Hollingsworth", "Victor H. Lindgren"), ("Platte Valley Urology, P.C.",)),
}

#: A person's name with a middle initial, found independently of the redactor.
_INITIALLED_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z]\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_SIGNATURE_NPI_RE = re.compile(r"NPI:\s*(\d{10})")
_QUOTED_ROLE_RE = re.compile(r"“(Physician|Employer|Practice|Group|Hospital|University|Faculty Member)”")
SAMPLE_IDS = [p.name for p in SAMPLE_FILES]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def _words(name: str) -> list[str]:
    """The words of a name without initials, suffixes or generic organisation words."""
    generic = {
        "of", "the", "llc", "inc", "p.c", "p.a", "pllc", "no", "board", "university", "school", "medicine",
        "health", "system", "group", "medical", "center", "regional", "partners", "associates", "physicians",
        "emergency", "county", "hospital", "district", "dermatology", "urology", "orthopaedic", "anesthesia",
        "digestive", "behavioral", "pediatrics", "valley", "regents",
    }
    words = re.findall(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*", name)
    return [w for w in words if w.lower() not in generic]


def _quantity_keys(text: str) -> list[tuple]:
    return [(q.kind, q.value, q.unit, q.per, q.range_part) for q in find_quantities(text)]


@pytest.fixture(scope="module")
def samples() -> dict[str, tuple[str, Redaction]]:
    """Each sample's extracted text and its redaction (extracted once for the module)."""
    out = {}
    for path in SAMPLE_FILES:
        document = extract_document(path)
        out[path.name] = (document.text, redact_document(document))
    return out


def test_every_sample_has_listed_parties() -> None:
    assert {p.stem for p in SAMPLE_FILES} == set(SAMPLE_PARTIES)
    assert {p.suffix for p in SAMPLE_FILES} == {".pdf", ".docx"}


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_sample_quantities_are_unchanged(samples, name: str) -> None:
    original, result = samples[name]
    before = _quantity_keys(original)
    assert before, "every sample states some quantities"
    assert _quantity_keys(result.text) == before
    _assert_span_invariants(original, result)


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_sample_party_names_are_gone(samples, name: str) -> None:
    original, result = samples[name]
    people, orgs = SAMPLE_PARTIES[Path(name).stem]
    text, redacted = _normalise(original), _normalise(result.text)
    for full in people + orgs:
        assert _normalise(full) in text, f"{full!r} is not in {name}: fix SAMPLE_PARTIES"
        assert _normalise(full) not in redacted, full
    for person in people:
        for word in _words(person):
            assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", result.text, re.IGNORECASE), word
    for org in orgs:
        for word in _words(org):
            assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", result.text), word


@pytest.mark.parametrize("name", SAMPLE_IDS)
def test_sample_independent_checks(samples, name: str) -> None:
    """Found without the redactor: every "First M. Last" name and the signature NPI are gone; the
    quoted role words (“Physician”, “Group” ...) and the governing-law state stay."""
    original, result = samples[name]
    for person in set(_INITIALLED_NAME_RE.findall(original)):
        assert person not in result.text, person
    npis = _SIGNATURE_NPI_RE.findall(original)
    assert npis
    for npi in npis:
        assert npi not in result.text
    assert "NPI: [NPI]" in result.text
    for role in set(_QUOTED_ROLE_RE.findall(original)):
        assert f"“{role}”" in result.text, role
    for state in re.findall(r"\bthe State of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", original):
        assert f"the State of {state}" in result.text


# ------------------------------------------------------------------------------------------------
# redact_file
# ------------------------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
        return "\n".join(pages)
    finally:
        pdf.close()


@pytest.mark.parametrize("sample", ["hospitalist_employed.pdf", "urology_group.docx"])
def test_redact_file_writes_text_and_pdf(tmp_path: Path, sample: str) -> None:
    path = SAMPLES / sample
    txt_path, pdf_path = redact_file(path, tmp_path / "out")
    assert txt_path == tmp_path / "out" / f"{path.stem}.redacted.txt"
    assert pdf_path == tmp_path / "out" / f"{path.stem}.redacted.pdf"
    document = extract_document(path)
    result = redact_document(document)
    assert txt_path.read_text(encoding="utf-8") == result.text
    assert pdf_path.read_bytes().startswith(b"%PDF")

    pdf_text = _pdf_text(pdf_path)
    flat = _normalise(pdf_text)
    assert HEADER.lower() in flat
    removed = {document.text[s:e] for s, e, label in result.spans if label in {"PERSON", "ORGANIZATION"}}
    people, orgs = SAMPLE_PARTIES[path.stem]
    for name in removed | set(people) | set(orgs):
        assert _normalise(name) not in flat, name
    for quantity in find_quantities(result.text):
        assert _normalise(quantity.text) in flat, quantity.text
    assert "[person]" in flat and "[npi]" in flat


def test_redact_file_raises_input_errors_unchanged(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFile):
        redact_file(empty, tmp_path / "out")
    with pytest.raises(InputError):
        redact_file(tmp_path / "missing.pdf", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_redact_file_plain_text(tmp_path: Path) -> None:
    contract = tmp_path / "offer.txt"
    contract.write_text(
        "Dear Dr. Nakamura:\nYour salary is $310,000 per year. Call is 1:5. Email kenji@example.org or call "
        "(555) 201-3344. NPI: 1234567893.\n",
        encoding="utf-8",
    )
    txt_path, pdf_path = redact_file(contract, tmp_path)
    written = txt_path.read_text(encoding="utf-8")
    assert "Nakamura" not in written and "kenji" not in written and "1234567893" not in written
    flat = _normalise(_pdf_text(pdf_path))
    assert "nakamura" not in flat and "$310,000 per year" in flat and "1:5" in flat
