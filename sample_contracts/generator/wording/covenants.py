"""Restrictive covenants: non-compete, non-solicitation, liquidated damages.

Each function is one independently worded variant. Numbers are parameters; the terms and flags the
wording states are attached to the pieces that state them (canonical units of docs/ground_truth.md).
"""

from __future__ import annotations

from ..model import N, P
from ..numwords import usd, usd_words, words, wp

NC = "non_compete"
NS = "non_solicitation"
LD = "liquidated_damages"
KM_TO_MI = 0.621371


def _radius(value: float, unit: str = "mi") -> tuple[str, float]:
    return ("non_compete.radius_miles", round(value * KM_TO_MI, 2) if unit == "km" else value)


def _months(value: int) -> tuple[str, int]:
    return ("non_compete.duration_months", value)


def _scope(value: str) -> tuple[str, str]:
    return ("non_compete.scope", value)


# --- non-compete -----------------------------------------------------------------------------------
# Variant A: the numbers live in the Definitions section, far from the covenant that uses them.

def nc_defs_all_sites(radius: int, months: int) -> list:
    """Definitions for variant A (all sites of the employer and affiliates)."""
    return [
        P("“**Restricted Area**” means the geographic area lying within " + wp(radius) + " miles of any "
          "hospital, clinic, medical office building or other facility that is owned, operated or managed "
          "by {E} or by any of its Affiliates on the Termination Date.",
          terms=[_radius(radius), _scope("all_sites")]),
        P("“**Restricted Period**” means the period of {P}'s employment under this Agreement and the "
          + wp(months) + " months immediately following the Termination Date.",
          terms=[_months(months)]),
    ]


def nc_defs_primary_site(radius: int, months: int) -> list:
    """Definitions for variant A (the physician's primary site only), other wording."""
    return [
        P(f"“**Restricted Area**” shall mean a {radius}-mile radius measured in a straight line from the "
          "Primary Practice Site.", terms=[_radius(radius), _scope("primary_site")]),
        P("“**Restricted Period**” shall mean the " + words(months) + " months following the Termination "
          "Date.", terms=[_months(months)]),
    ]


def nc_defined_covenant(specialty_text: str, survives: bool, carve_out_ref: str | None = None,
                        heading: str = "Covenant Not to Compete", key: str = "nc"):
    """Variant A covenant: 'during the Restricted Period ... within the Restricted Area'."""
    text = ("During the Restricted Period, {P} shall not, directly or indirectly, whether as an employee, "
            "owner, partner, independent contractor, consultant, medical director or otherwise, provide "
            + specialty_text + " services to patients at any location within the Restricted Area, or hold "
            "any financial interest in a person that provides such services within the Restricted Area, "
            "other than ownership of less than two percent of a publicly traded company.")
    flags = ()
    if survives:
        text += (" This covenant applies however the employment ends, whether by expiration, resignation or "
                 "termination by either party with or without cause.")
        flags = ("non_compete.survives_without_cause",)
    else:
        text += (" This covenant does not apply if {E} terminates {P}'s employment without cause under "
                 "{ref:" + carve_out_ref + "}.")
    return N(heading, P(text, NC, flags=flags), key=key)


# Variant B: radius from several named offices, with tolling and reformation sub-clauses.

def nc_named_sites(specialty_text: str, radius: int, radius_style: str, months: int, sites: list[str],
                   key: str = "nc", tolling: bool = True):
    if radius_style == "hyphen":
        distance = f"a {radius}-mile radius"
    else:
        distance = "a radius of " + wp(radius) + " miles"
    period = wp(months // 12) + " years" if months % 12 == 0 else wp(months) + " months"
    site_list = "; ".join(sites[:-1]) + "; and " + sites[-1]
    main = P("For a period of " + period + " following the end of {P}'s employment with {E}, {P} shall not "
             "engage in the practice of " + specialty_text + ", whether as an employee, owner, partner, "
             "contractor or otherwise, within " + distance + " of any of the following offices of {E}: "
             + site_list + ".",
             NC, terms=[_radius(radius), _months(months), _scope("named_sites")])
    kids = []
    if tolling:
        kids.append(N("Tolling", P(
            "If {P} violates this covenant, the restricted period shall be extended by the number of days "
            "during which the violation continued, so that {E} receives the full period of protection "
            "for which it bargained.", NC)))
    kids.append(N("Modification by a Court", P(
        "If a court determines that the duration or the geographic extent of the covenant not to compete in "
        "this Section is broader than the law allows, the court may reduce it to the maximum duration "
        "or area that the law permits, and shall enforce it as reduced.", NC)))
    return N("Covenant Not to Compete", main, kids=kids, key=key)


# Variant C: long, active, all facilities (written for the facility-based specialties).

def nc_all_facilities(specialty_text: str, radius: int, months: int, key: str = "nc"):
    return N("Non-Competition", P(
        "Upon the termination or expiration of this Agreement for any reason, and for a period of "
        + wp(months)
        + " months thereafter, {P} shall not, without the prior written consent of {E}, practise "
        + specialty_text + " or provide " + specialty_text + " services, whether as an employee, owner, "
        "member, independent contractor or otherwise, at any hospital, ambulatory surgery center, office or "
        "other facility located within " + wp(radius) + " miles of any facility at which {E} or any of its "
        "affiliates provides services on the date of termination.",
        NC, terms=[_radius(radius), _months(months), _scope("all_sites")],
        flags=("non_compete.survives_without_cause",)), key=key)


# Variant D: short and passive, all offices, years.

def nc_short_passive(specialty_text: str, radius: int, years: int, key: str = "nc"):
    return N("Restriction on Competing Practice", P(
        "{P_} is restricted, for " + wp(years) + " years after employment ends for any reason, from "
        "practising " + specialty_text + " within " + wp(radius) + " miles of any office, clinic, hospital "
        "or surgery center of {E} or of any entity affiliated with {E}.",
        NC, terms=[_radius(radius), _months(12 * years), _scope("all_sites")],
        flags=("non_compete.survives_without_cause",)), key=key)


# Variant E: kilometres from the primary site, with a carve-out for termination without cause.

def nc_kilometres(specialty_text: str, km: int, months_words: str, months: int, carve_out_ref: str,
                  key: str = "nc"):
    return N("Restrictive Covenant", P(
        "For " + months_words
        + " following the Termination Date, {P} will not establish, join or be employed "
        "by any practice that offers " + specialty_text + " services, and will not personally provide such "
        "services, at any location within " + wp(km) + " kilometres of the Primary Practice Site. This "
        "restriction does not reach teaching, research, volunteer care in free clinics, or telemedicine "
        "services furnished to patients located outside that area. The restriction shall not apply if {E} "
        "ends {P}'s employment without cause under {ref:" + carve_out_ref + "}.",
        NC, terms=[_radius(km, "km"), _months(months), _scope("primary_site")]), key=key)


# Variant F: narrow and fair, with a buyout option.

def nc_narrow_buyout(specialty_text: str, radius: int, months: int, buyout: int | None, site_text: str,
                     key: str = "nc"):
    text = ("For " + wp(months) + " months after the end of {P}'s employment, {P} will not practise "
            + specialty_text + " within " + wp(radius) + " miles of " + site_text + ", which is {P}'s "
            "principal practice location. This covenant shall be void and of no effect if {E} terminates "
            "{P}'s employment without cause, if {E} elects not to renew this Agreement, or if {P} "
            "terminates this Agreement because of {E}'s uncured material breach.")
    terms = [_radius(radius), _months(months), _scope("primary_site")]
    if buyout:
        text += (" In addition, {P} may obtain a complete release from this covenant at any time by paying "
                 "{E} " + usd_words(buyout) + ".")
        terms.append(("non_compete.buyout_usd", buyout))
    return N("Limited Covenant Not to Compete", P(text, NC, terms=terms), key=key)


# Variant G: plain-English, limited to the outpatient clinic.

def nc_outpatient_only(radius: int, months: int, key: str = "nc"):
    return N("Non-Compete", P(
        "{P_}'s covenant not to compete is limited to the outpatient practice of {spec} within " + wp(radius)
        + " miles of the Primary Practice Site for " + wp(months) + " months after the Termination Date. It "
        "does not restrict telepsychiatry, inpatient or emergency psychiatry, academic or public-sector "
        "work, and it ends automatically if {E} terminates {P} without cause or does not offer to renew "
        "this Agreement on substantially similar terms.",
        NC, terms=[_radius(radius), _months(months), _scope("primary_site")]), key=key)


# Variant H (letter, second person): all sites of the group.

def nc_letter(radius: int, months_text: str, months: int):
    return N("Non-Competition", P(
        "You agree that for " + months_text + " after your employment ends you will not provide emergency "
        f"medicine services at any emergency department located within a {radius}-mile radius of any "
        "emergency department staffed by the Group at the time your employment ends. The Group's current "
        "sites are listed on our website and will be listed again in your exit letter.",
        NC, terms=[_radius(radius), _months(months), _scope("all_sites")]))


# Variant I: rural hospital, road miles from the hospital.

def nc_rural(radius: int, years: int, key: str = "nc"):
    return N("Covenant Not to Compete", P(
        "{P_} acknowledges that {E} is the sole acute care hospital in {county} and that it has recruited "
        "{P} at considerable expense to secure surgical services for the community. {P_} therefore agrees "
        "that during employment and for " + wp(years) + " years after its termination {P} will not perform "
        "general surgery, or hold privileges to do so, at any hospital or surgery center within " + wp(radius)
        + " road miles of the Hospital's main campus at {site_addr}. The Hospital's rural health clinic is "
        "not a point from which the distance is measured.",
        NC, terms=[_radius(radius), _months(12 * years), _scope("primary_site")]), key=key)


# --- non-solicitation --------------------------------------------------------------------------------

def ns_employees(months: int, key: str = "ns"):
    return N("Non-Interference with Personnel", P(
        "While employed and for " + wp(months) + " months afterwards, {P} shall not encourage or induce any "
        "physician, advanced practice provider, nurse or other employee of {E} to leave {E}'s employment, "
        "and shall not hire, or participate in hiring, any such person for a competing practice.",
        NS, facts=[("ns_months", months)]), key=key)


def ns_patients_two_years(key: str = "ns"):
    return N("Non-Solicitation", P(
        "For two (2) years after the end of employment, {P} shall not solicit, induce or encourage any "
        "patient of {E} to transfer care to {P} or to any other provider, and shall not solicit any employee "
        "of {E} to leave. Nothing in this Section prevents {P} from treating any patient who, without "
        "solicitation, chooses to receive care from {P}, or from publishing a general announcement of {P}'s "
        "new practice location.", NS, facts=[("ns_months", 24)]), key=key)


def ns_referral_sources(months: int, key: str = "ns"):
    return N("Non-Solicitation of Facilities and Staff", P(
        "During the term and for " + wp(months) + " months thereafter, {P} shall not solicit or attempt to "
        "induce any hospital, surgery center, surgeon or other facility or practitioner with which {E} has "
        "an arrangement for anesthesia services to end, reduce or adversely change that arrangement, and "
        "shall not solicit any nurse anesthetist, anesthesiologist assistant or other employee of {E} to "
        "leave its employment.", NS, facts=[("ns_months", months)]), key=key)


def ns_bar_patient_contact(key: str = "ns"):
    return N("Patient Non-Solicitation", P(
        "For two (2) years after the Termination Date, {P} shall not contact, solicit or treat, or accept as "
        "a patient, any individual who was a patient of {E} during the twenty-four (24) months before the "
        "Termination Date, whether or not the patient initiates the contact. {P_} shall not announce or "
        "otherwise notify such patients of {P}'s departure or new practice location; {E} alone shall decide "
        "the content and timing of any notice to patients.",
        NS, flags=("non_solicitation.patient_contact_barred",), facts=[("ns_months", 24)]), key=key)


def ns_letter_recruiting():
    return N("Recruiting Our Colleagues", P(
        "For twelve months after your employment ends, you agree not to recruit or hire, or help anyone else "
        "recruit or hire, any physician or advanced practice clinician who worked for the Group during your "
        "last year with us.", NS, facts=[("ns_months", 12)]))


def ns_fair_patients(months: int, key: str = "ns"):
    return N("Patient Solicitation", P(
        "For " + wp(months) + " months following the Termination Date, {P} shall not solicit any patient "
        "whom {P} personally treated during the twelve (12) months before that date to transfer care away "
        "from {E}. General advertising and announcements that are not directed to {E}'s patients are not "
        "solicitation. This Section does not limit any patient's right to choose a physician, and {P} may "
        "treat any patient who asks to receive care from {P}.", NS, facts=[("ns_months", months)]), key=key)


def ns_letter_families():
    return N("Our Patients", P(
        "For one year after you leave, you agree not to solicit Harbor families whose children you cared for "
        "to move their care elsewhere. You may, of course, see any family that seeks you out, and we will "
        "send a joint letter telling your patients that you are leaving and how to reach you.",
        NS, facts=[("ns_months", 12)]))


# --- liquidated damages ------------------------------------------------------------------------------

def ld_with_injunction(amount: int, covenant_ref: str, key: str = "ld"):
    """Liquidated damages on top of an injunction (high: damages plus injunctive relief)."""
    return N("Liquidated Damages", P(
        "{P_} agrees that {E}'s damages from a breach of {ref:" + covenant_ref + "} would be difficult to "
        "determine. Accordingly, if {P} breaches {ref:" + covenant_ref
        + "}, {P} shall pay {E}, as liquidated "
        "damages and not as a penalty, the sum of " + usd_words(amount) + ". Payment of liquidated damages "
        "shall not limit {E}'s right to obtain an injunction enforcing {ref:" + covenant_ref + "} for the "
        "remainder of the restricted period.",
        LD, terms=[("liquidated_damages.amount_usd", amount)], facts=[("ld_injunction", True)]), key=key)


def ld_estimate_plus_fees(amount: int, key: str = "ld"):
    return N("Remedies for Breach of Covenant", P(
        "If {P} breaches the covenants in this Section, {P} shall pay {E} " + usd(amount) + " as liquidated "
        "damages. The parties have agreed on this amount because the loss of patients, referral "
        "relationships and facility contracts that would follow such a breach cannot be measured with "
        "precision, and they believe the amount to be a reasonable estimate of that loss. In addition to "
        "such liquidated damages, {E} shall be entitled to temporary and permanent injunctive relief and to "
        "recover its reasonable attorneys' fees and costs.",
        LD, terms=[("liquidated_damages.amount_usd", amount)], facts=[("ld_injunction", True)]), key=key)


def ld_salary_fraction_sole_remedy(covenant_ref: str, key: str = "ld"):
    """Half of a year's base salary, as the employer's only remedy (medium)."""
    return N("Liquidated Damages", P(
        "If {P} breaches {ref:" + covenant_ref + "}, {P} shall pay {E}, as liquidated damages, an amount "
        "equal to fifty percent (50%) of the Base Salary paid to {P} during the twelve (12) months "
        "preceding the Termination Date. Payment of that amount shall be {E}'s sole and exclusive remedy "
        "for the breach, and {E} waives any right to injunctive relief with respect to it.",
        LD, facts=[("ld_salary_fraction", 0.5)]), key=key)


def ld_practice_with_fees(amount: int, key: str = "ld"):
    return N("Liquidated Damages; Injunction", P(
        "In the event of a breach of the restrictive covenants in {ref:covenants}, {P} shall pay the "
        "Practice liquidated damages of " + usd(amount) + ", together with the Practice's reasonable "
        "attorneys' fees. "
        "The Practice may also obtain injunctive relief, and the payment of liquidated damages shall not "
        "relieve {P} of the covenants.",
        LD, terms=[("liquidated_damages.amount_usd", amount)], facts=[("ld_injunction", True)]), key=key)


def ld_early_departure(amount: int, months: int, key: str = "ld"):
    """Early-departure damages, prorated, as the hospital's sole remedy (medium when below salary)."""
    return N("Early Departure", P(
        "{P_} acknowledges that the Hospital will incur substantial recruiting costs and lost revenue if {P} "
        "leaves before completing " + wp(months) + " months of service. If {P} leaves the Hospital's "
        "employment in breach of this Agreement, or is terminated for Cause, before that time, {P} shall pay "
        "the Hospital, as liquidated damages, "
        + usd(amount) + " multiplied by a fraction whose numerator is the number of months remaining in that "
        "period and whose denominator is " + wp(months) + ". This payment shall be the Hospital's sole "
        "remedy for {P}'s early departure.",
        LD, terms=[("liquidated_damages.amount_usd", amount)]), key=key)
