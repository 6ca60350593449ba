"""Rule-based redaction of the people, organisations and identifiers in a contract, so that peer
contracts can be shared without identifying anyone, while every number that matters stays.

    redact(text) -> Redaction                 the redacted text and the removed spans of ``text``
    redact_document(document) -> Redaction    the same on ``document.text``

Every removed span is replaced by a bracketed label: ``[PERSON]``, ``[ORGANIZATION]``, ``[ADDRESS]``,
``[CITY]``, ``[COUNTY]``, ``[EMAIL]``, ``[PHONE]``, ``[NPI]``, ``[DEA]``, ``[SSN]``, ``[LICENSE]``,
``[DATE_OF_BIRTH]``.

How (a blank English spaCy tokenizer, a Matcher for the sweep, regexes for the identifiers):

1. Collect the names of the parties and of every person the text introduces:
   - the preamble: the name before each role parenthetical (``X, a Texas corporation (“Employer”)``,
     ``(referred to as “Physician”)``, ``(“Crossroads” or the “Group”)``), and its short names (also an
     acronym: ``NORTHERN TELECOM LIMITED (“NTL”)``); whatever the label (``(“Carrier”)``, ``(“Sponsor”)``),
     the name described as an entity (``X, Inc.``, ``X, a Delaware limited liability company``) before it;
     lines that merely wrap (text exported from a PDF) do not end a party's name;
   - the offer-letter salutation (``Dear Dr. Rivera:``) and letterhead;
   - the signature block: ``By:``/``Name:`` lines (two columns on one line, as PDF extraction joins
     them; ``By: Name: Philip Liu Title: President`` on one line), names after signature rules
     (``____ Jane Smith, M.D., President``), the organisation heading above ``By:`` or ``Signature:``
     (a blank line or a ``COMPANY:`` label line between) or below the letter's closing, ``Attention:`` names;
   - anywhere: names after an honorific (``Dr. Jane Smith``) or before a credential
     (``Jane Smith, M.D.``, ``DO``, ``NP``, ``PA-C``);
   - the cities of the street addresses and ``City, State ZIP`` lines.
2. Sweep the whole text for every mention of what was collected: full names, name without middle
   initial, honorific + surname, a surname or given name alone (only when the text never uses that
   word in lower case, so "Marsh" goes but a surname like "Case" does not), the organisation with or
   without ``LLC``/``Inc.``/``P.C.``, its short names, facilities named on its distinctive first word
   ("Bluegrass Heart Institute" for "Bluegrass Valley Health System, Inc."), and the cities.
   Facility names of the form "<Distinctive> ... Hospital|Medical Center|Clinic|Institute" go too.
3. Identifiers by pattern: street addresses (also a street without a street word before its suite:
   ``11931 Wickchester, Suite 300``), e-mail, phone/fax, NPI (ten digits), DEA (two letters + seven digits),
   SSN, licence numbers after ``License No.``, dates after ``Date of Birth``/``DOB``/``born``.

What stays: every quantity ``find_quantities`` reads (no removed span overlaps one; a span that
would is cut around it), credentials (``[PERSON], M.D.``), honorifics, role words (``Employer``,
``Physician``, ``Group`` ...), job titles, state names outside address lines, specialty words, clause
numbers, headings and contract dates.

Places outside addresses: a city followed by its state after a place preposition ("within 25 miles of
Houston, Texas", ``[CITY]``) and a county, parish or borough by name ("Harris County", ``[COUNTY]``).

Known misses (check the copy before sharing it): cities written without their state ("near Houston")
unless the text also names them with it or in an address; the first names of a list of counties ("Lorne,
Vesey or Caddo County" keeps "Lorne" and "Vesey"); venue names; facility names in lower case ("the Desert Willow office"); names with a comma
inside ("Ear, Nose and Throat Associates" is only partly removed); surname particles ("van der Meer") and
initials as first names ("J. Robert Smith"); a "First Last" name with no honorific, credential or signature
label; job titles in signature blocks. Two-column name lines without middle initials are paired two words
at a time (a guess). Licence numbers need a label; a bare ten-digit phone number is labelled ``[NPI]``
(still removed).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from nlp.document import Document
from nlp.terms.quantities import find_quantities

__all__ = ["LABELS", "Redaction", "redact", "redact_document"]

#: Labels in order of precedence when two spans of the same length overlap.
LABELS: Final = (
    "SSN", "NPI", "DEA", "EMAIL", "PHONE", "DATE_OF_BIRTH", "LICENSE",
    "ADDRESS", "PERSON", "ORGANIZATION", "COUNTY", "CITY",
)
_RANK: Final = {label: rank for rank, label in enumerate(LABELS)}

#: The preamble (and an offer letter's opening paragraphs) lies within this many characters.
PREAMBLE_CHARS: Final = 4000
#: How far before a role parenthetical the party's name may start.
PARTY_REACH: Final = 400


@dataclass(frozen=True)
class Redaction:
    """The redacted text, and what was removed: ``(start, end, label)`` in the ORIGINAL text,
    sorted and non-overlapping; ``text`` has each span replaced by ``[LABEL]``."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

US_STATES: Final = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
)
STATE_CODES: Final = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
).split()
_STATE_WORDS: Final = frozenset(w.lower() for s in US_STATES for w in s.split()) - {"of", "new"}
_STATE_NAMES: Final = frozenset(s.lower() for s in US_STATES)

_MONTHS: Final = (
    "January February March April May June July August September October November December"
).split()

#: The words a contract uses for its parties; a parenthetical label among these defines a party.
PARTY_ROLES: Final = frozenset({
    "employer", "physician", "practice", "group", "hospital", "university", "faculty member",
    "company", "employee", "contractor", "provider", "corporation", "clinic", "system",
    "health system", "medical group", "associate", "partnership", "executive", "doctor", "you",
    "consultant", "member", "shareholder", "owner", "center", "medical center", "entity",
    "institution", "organization", "network", "foundation", "professional", "licensee", "surgeon",
    "health", "district", "college", "school", "department", "recipient", "candidate",
})

#: Words that describe an organisation rather than name it (never swept on their own).
GENERIC_ORG_WORDS: Final = frozenset("""
    health healthcare medical medicine center centre hospital hospitals clinic clinics group groups
    partners partner associates associated physicians physician practice practices system systems
    services service regional community memorial general university college school board regents
    trustees institute foundation network care district county city state national american united
    specialists specialty surgical surgery surgeons emergency behavioral behavioural mental digestive
    women's children's women children heart cancer family primary urgent ambulatory outpatient
    inpatient rehabilitation valley professional professionals corporation company association
    alliance partnership department division faculty hospitalist hospitalists anesthesia
    anesthesiology anaesthesia cardiology cardiovascular dermatology gastroenterology orthopaedic
    orthopaedics orthopedic orthopedics urology pediatrics pediatric paediatrics obstetrics gynecology
    oncology radiology neurology nephrology pulmonary internal psychiatry psychiatric eye vision
    dental imaging laboratory laboratories diagnostics sciences science research consultants
    management holdings enterprises solutions affiliates affiliated the of and for at
""".split())

#: Organisation suffixes, as tokens of the blank English tokenizer.
ENTITY_SUFFIXES: Final = frozenset({
    "llc", "l.l.c.", "inc", "inc.", "p.c.", "pc", "p.a.", "pllc", "p.l.l.c.", "llp", "l.l.p.",
    "ltd", "ltd.", "corp", "corp.", "co.", "s.c.", "lp", "l.p.", "n.a.",
})
#: Words that make a capitalised name an organisation's, besides the suffixes (``NORTHERN TELECOM LIMITED``).
_ORG_NAME_WORDS: Final = frozenset({"limited", "gmbh", "plc", "s.a.", "b.v.", "n.v.", "ag", "incorporated"})
_SUFFIX_RE: Final = re.compile(
    r",?\s*\b(?:L\.?L\.?C\b\.?|[Ii]nc\b\.?|INC\b\.?|P\.\s?C\.|PC\b|P\.\s?A\.|PLLC\b|P\.L\.L\.C\.|"
    r"L\.?L\.?P\b\.?|Ltd\b\.?|LTD\b\.?|Corp\b\.?|CORP\b\.?|Co\b\.|CO\b\.|S\.C\.)"
)

#: Credentials after a person's name. ``DO``/``PA``/``NP`` only count after a comma.
CREDENTIALS: Final = frozenset({
    "m.d.", "md", "d.o.", "ph.d.", "phd", "n.p.", "dnp", "aprn", "crna", "fnp", "dpm", "dds", "dmd",
    "mbbs", "facs", "facp", "faap", "facc", "mph", "mba", "r.n.", "rn",
})
_COMMA_CREDENTIALS: Final = frozenset({"do", "np", "pa"})

HONORIFICS: Final = frozenset({
    "dr.", "dr", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "mx.", "mx", "prof.", "doctor", "professor",
})

#: Words that end a person's name: job titles, labels, role words, signature-block words.
_NOT_NAME: Final = frozenset("""
    president vice chief executive officer medical director dean managing member partner chair
    chairman chairperson manager administrator ceo cfo coo cmo cno cio secretary treasurer senior
    general counsel owner principal head department division school medicine authorized signatory
    its title name by date npi dea ssn dob id no attention attn re suite apartment unit floor
    sincerely regards accepted printed print typed agreed witness whereof exhibit schedule section article tier page
    signature employer physician practice group hospital university faculty company employee
    contractor provider corporation clinic system partnership associate shareholder agreement party
    parties board llc inc pllc pc pa md do np phd jr sr ii iii iv esq assistant associate professor
    clinical staff the of and for to in on at as with from this that these those such each any all
    our your you we us he she they his her their it nurse practitioner practitioners assistant anesthetist
    anesthesiologist midwife registered certified licensed advanced hospitalist surgeon resident fellow
    attending supervising collaborating
""".split())

_ORDINAL_WORDS: Final = frozenset("first second third fourth fifth".split())

# --------------------------------------------------------------------------------------------
# Identifier patterns
# --------------------------------------------------------------------------------------------

_EMAIL_RE: Final = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_PHONE_LABEL: Final = r"(?:phone|telephone|tel\.?|fax|facsimile|cell|mobile|pager)"
_PHONE_RE: Final = re.compile(
    r"(?<![\d$.,])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4})"
    r"(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?!\d|,\d)",
    re.IGNORECASE,
)
_LABELLED_PHONE_RE: Final = re.compile(
    rf"\b{_PHONE_LABEL}(?:\s*(?:no\.?|number|#))?\s*[:.]?\s*((?:\+?1[\s.-]?)?\(?\d{{3}}\)?[\s.-]?\d{{3}}[\s.-]?\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_SSN_RE: Final = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_LABELLED_SSN_RE: Final = re.compile(
    r"\b(?:SSN|S\.S\.N\.|social\s+security(?:\s+(?:no\.?|number|#))?)\s*[:#]?\s*(\d{3}[\s-]?\d{2}[\s-]?\d{4})(?!\d)",
    re.IGNORECASE,
)
_NPI_RE: Final = re.compile(r"(?<![\d,.$-])\d{10}(?![\d,]|\.\d)")
_LABELLED_NPI_RE: Final = re.compile(
    r"\bNPI(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*(\d{10}|\d{4}[\s-]\d{3}[\s-]\d{3})(?!\d)", re.IGNORECASE
)
_DEA_RE: Final = re.compile(r"\b[A-Z]{2}\d{7}\b")
_LABELLED_DEA_RE: Final = re.compile(
    r"\bDEA(?:\s+registration)?(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*([A-Z]{2}[\s-]?\d{7})\b", re.IGNORECASE
)
_LICENSE_RE: Final = re.compile(
    r"\blicen[cs]e\s*(?:no\.?|number|num\.?|#)\s*[:#.]?\s*([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)",
    re.IGNORECASE,
)
_MONTH_RE: Final = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_RE: Final = (
    rf"(?:{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_RE},?\s+\d{{4}}|"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_DOB_RE: Final = re.compile(
    rf"\b(?:date\s+of\s+birth|birth\s*date|D\.?O\.?B\.?|born(?:\s+on)?)\s*[:\-–]?\s*({_DATE_RE})",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Address patterns
# --------------------------------------------------------------------------------------------

_STREET_SUFFIX: Final = (
    r"(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Drive|Dr\.|Lane|Ln\.|Boulevard|Blvd\.?|Parkway|Pkwy\.?|"
    r"Way|Court|Ct\.|Circle|Cir\.|Place|Pl\.|Terrace|Row|Pike|Highway|Hwy\.?|Trail|Vista|Square|Sq\.|"
    r"Plaza|Alley|Loop|Crossing|Commons|Run|Path|Point|Ridge|Turnpike|Expressway|Freeway|Bend|Walk|"
    r"Cove|Heights|Hollow|Landing|Park|Green|Close|Crescent|Mall)"
)
_DIRECTION: Final = (
    r"(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|N\.?|S\.?|E\.?|W\.?|NE|NW|SE|SW)"
)
_STREET_WORD: Final = r"(?:[A-Z][A-Za-z'’.-]*|\d{1,3}(?:st|nd|rd|th))"
_UNIT: Final = (
    r"(?:,?\s+(?:Suite|Ste\.?|Unit|Apartment|Apt\.?|Floor|Fl\.?|Room|Rm\.?|Building|Bldg\.?)\s*#?\s*"
    r"[A-Z0-9][A-Z0-9-]*|,?\s*#\s*\d+[A-Z]?)"
)
_CITY: Final = r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,3}"
_STATE: Final = "(?:" + "|".join(s.replace(" ", r"\s+") for s in US_STATES) + ")"
_STATE_CODE: Final = "(?:" + "|".join(STATE_CODES) + ")"
_ZIP: Final = r"\d{5}(?:-\d{4})?"
_PLACE_TAIL: Final = (
    rf"(?:,\s*(?P<city>{_CITY})(?:,\s*(?:{_STATE}(?:\s+{_ZIP})?|{_STATE_CODE}\s+{_ZIP})"
    rf"|(?=\s*(?:[.;,)\n]|$))))?"
)
_STREET_RE: Final = re.compile(
    rf"(?<![\w$.,])(?:\d{{1,6}}[A-Z]?(?:-\d{{1,5}})?\s+(?:{_DIRECTION}\s+)?(?:{_STREET_WORD}\s+){{1,4}}"
    rf"{_STREET_SUFFIX}\b(?:\s+{_DIRECTION}\b\.?)?|P\.?\s?O\.?\s*Box\s+\d+|Post\s+Office\s+Box\s+\d+)"
    rf"{_UNIT}*{_PLACE_TAIL}"
)
_CITY_LINE_RE: Final = re.compile(
    rf"\b(?P<city>{_CITY}),\s*(?:{_STATE}|{_STATE_CODE})\s+{_ZIP}\b"
)
#: A city named with its state after a place preposition, outside any address: ``within 25 miles of Houston,
#: Texas``, ``in Round Rock, TX``. The preposition keeps out headings such as ``Governing Law, Texas``.
_CITY_STATE_RE: Final = re.compile(
    rf"\b(?:of|in|at|near|from|to|within|around|outside|and|or)\s+(?:the\s+(?:City|Town|Village)\s+of\s+)?"
    rf"(?P<city>{_CITY}),\s*(?:{_STATE}|{_STATE_CODE})\b(?![a-z])"
)
#: A county (parish, borough) by name: ``Harris County``, ``Fort Bend County``; the whole name goes.
_COUNTY_RE: Final = re.compile(r"\b(?P<name>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})\s+(?:County|Parish|Borough)\b")
#: A street without a street word, known by the suite after it: ``11931 Wickchester, Suite 300``.
_STREET_BEFORE_UNIT_RE: Final = re.compile(
    r"(?<![\w$.,])\d{1,6}[A-Z]?\s+(?:[A-Z][A-Za-z'’.-]*\s+){0,3}[A-Z][A-Za-z'’-]*"
    r"(?=,?\s+(?:Suite|Ste\.|Floor|Unit|Room|Building|Bldg\.)\s*#?\s*[A-Z0-9])"
)
_SUITE_RE: Final = re.compile(r"\b(?:Suite|Ste\.)\s+#?[A-Z0-9-]*\d[A-Z0-9-]*\b")

# --------------------------------------------------------------------------------------------
# Signature-block and preamble patterns
# --------------------------------------------------------------------------------------------

_PAREN_RE: Final = re.compile(r"\(([^()]{1,160})\)")
_QUOTED_RE: Final = re.compile(r"[“\"]([^”\"]{1,60})[”\"]")
_PARTY_BOUNDARY_RE: Final = re.compile(r"\bby and between\b|\bbetween\b|\(\d\)|;", re.IGNORECASE)
#: Line breaks that end a party's text: after a sentence or label, a blank line, a line without lower case (a
#: heading, a name list). A line that just wraps (``MOLE CHECK APP INC., a⏎Delaware corporation``, as text
#: exported from a PDF reads) does not.
_HARD_BREAK_RE: Final = re.compile(r"(?<=[.:;!?])[ \t]*\n|\n[ \t]*\n|^[^a-z\n]*\n", re.MULTILINE)
_ON_BEHALF_RE: Final = re.compile(r"\bon behalf of\s+", re.IGNORECASE)
_SIGNATURE_LABEL_RE: Final = re.compile(
    r"(?:(?<=\s)|^)(?:By|Name|Printed\s+Name|Print\s+Name|Signed|Attention|Attn)\s*:", re.MULTILINE
)
#: The label after a signature label's value: one word and a colon (``Name: Philip Liu Title: President`` on one
#: line: the name ends before ``Title:``, not before ``Liu Title:``), or the end of the line.
_NEXT_LABEL_RE: Final = re.compile(r"\b[A-Z][A-Za-z]{1,15}\s*:|\n")
_SIGNATURE_RULE_RE: Final = re.compile(r"(?:_{3,}|/s/)[ \t]*(?=[^\s_|])")
_SALUTATION_RE: Final = re.compile(r"^[ \t]*Dear\s+", re.MULTILINE)
_CLOSING_RE: Final = re.compile(
    r"^(?:Sincerely(?: yours)?|Very truly yours|Yours truly|Warm regards|Kind regards|Best regards|"
    r"Regards|Respectfully(?: yours)?),?[ \t]*$",
    re.MULTILINE,
)
_BY_LINE_RE: Final = re.compile(r"^[ \t]*(?:By|Signature)\s*:", re.MULTILINE)
_DATE_LINE_RE: Final = re.compile(rf"^\s*{_DATE_RE}\s*$")
_HEADER_ROLE_TAIL_RE: Final = re.compile(
    r"(?:\s*\|?\s*\b(?:PHYSICIAN|FACULTY MEMBER|EMPLOYEE|ASSOCIATE|CONTRACTOR|PROVIDER|"
    r"ACCEPTED(?: AND AGREED)?:?))+\s*$"
)
_NOT_ORG_HEADER: Final = frozenset({"SIGNATURE", "WITNESS", "EXHIBIT", "AGREEMENT", "PARTIES", "SCHEDULE"})


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def redact(text: str) -> Redaction:
    """Remove the people, organisations, addresses and identifiers from ``text``; keep the quantities."""
    doc = _tokenizer().make_doc(text)
    candidates: list[tuple[int, int, str]] = []
    candidates.extend(_find_identifiers(text))
    addresses, cities = _find_addresses(text)
    candidates.extend(addresses)
    names = _collect_names(text, doc)
    candidates.extend(names.spans)
    ordinary = _ordinary_words(doc)
    candidates.extend(_sweep(doc, names, cities, ordinary))
    candidates.extend(_find_facilities(doc, ordinary))
    spans = _protect_quantities(text, _merge(candidates))
    return Redaction(_render(text, spans), tuple(spans))


def redact_document(document: Document) -> Redaction:
    """:func:`redact` on the document's text (offsets refer to ``document.text``)."""
    return redact(document.text)


@lru_cache(maxsize=1)
def _tokenizer() -> Language:
    """A blank English pipeline: the tokenizer only (no downloaded model, no components)."""
    return spacy.blank("en")


# --------------------------------------------------------------------------------------------
# Identifiers and addresses
# --------------------------------------------------------------------------------------------


def _find_identifiers(text: str) -> Iterator[tuple[int, int, str]]:
    """E-mail, phone, SSN, NPI, DEA, licence numbers and dates of birth."""
    for match in _EMAIL_RE.finditer(text):
        yield match.start(), match.end(), "EMAIL"
    for match in _PHONE_RE.finditer(text):
        yield match.start(), match.end(), "PHONE"
    for pattern, label in (
        (_LABELLED_PHONE_RE, "PHONE"), (_LABELLED_SSN_RE, "SSN"), (_LABELLED_NPI_RE, "NPI"),
        (_LABELLED_DEA_RE, "DEA"), (_LICENSE_RE, "LICENSE"), (_DOB_RE, "DATE_OF_BIRTH"),
    ):
        for match in pattern.finditer(text):
            yield match.start(1), match.end(1), label
    for pattern, label in ((_SSN_RE, "SSN"), (_NPI_RE, "NPI"), (_DEA_RE, "DEA")):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), label


def _find_addresses(text: str) -> tuple[list[tuple[int, int, str]], set[str]]:
    """Street addresses (with suite, city, state and ZIP), ``City, State ZIP`` lines and suites;
    and the city names they contain."""
    spans: list[tuple[int, int, str]] = []
    cities: set[str] = set()
    for pattern in (_STREET_RE, _CITY_LINE_RE):
        for match in pattern.finditer(text):
            spans.append((match.start(), match.end(), "ADDRESS"))
            city = match.group("city")
            if city and _is_city_name(city):
                cities.add(city)
    spans.extend((m.start(), m.end(), "ADDRESS") for m in _SUITE_RE.finditer(text))
    spans.extend((m.start(), m.end(), "ADDRESS") for m in _STREET_BEFORE_UNIT_RE.finditer(text))
    for match in _CITY_STATE_RE.finditer(text):
        city = match.group("city")
        if _is_city_name(city) and not _only_generic(city):
            spans.append((match.start("city"), match.end("city"), "CITY"))
            cities.add(city)
    for match in _COUNTY_RE.finditer(text):
        name = match.group("name")
        if _is_city_name(name) and not _only_generic(name):
            spans.append((match.start(), match.end(), "COUNTY"))
    return spans, cities


#: Words of a body, not a place (``Securities and Exchange Commission, New York``).
_NOT_PLACE_WORDS: Final = frozenset({
    "commission", "exchange", "court", "courts", "bank", "agency", "bureau", "authority", "office", "board",
})


def _only_generic(name: str) -> bool:
    """Every word describes rather than names (``Medical Center``, ``Service``), or one names a body
    (``Exchange Commission``): not a place's name."""
    words = re.split(r"[ -]", name.lower())
    return all(word in GENERIC_ORG_WORDS for word in words) or any(word in _NOT_PLACE_WORDS for word in words)


def _is_city_name(city: str) -> bool:
    """A captured "city" that is really a label, a state or a role word is not one."""
    words = city.lower().split()
    return not (
        city.lower() in _STATE_NAMES
        or words[0] in _NOT_NAME
        or words[0] in PARTY_ROLES
    )


# --------------------------------------------------------------------------------------------
# Token shapes
# --------------------------------------------------------------------------------------------

_NAME_WORD_RE: Final = re.compile(r"^[^\W\d_][^\W\d_]*(?:['’][^\W\d_]+)?$")
_INITIAL_RE: Final = re.compile(r"^[A-Z]\.$")


def _is_name_word(token: Token) -> bool:
    """A capitalised word that could be part of a person's name (not a title, label or role word)."""
    text = token.text
    return (
        len(text) > 1
        and text[0].isupper()
        and _NAME_WORD_RE.match(text) is not None
        and text.lower() not in _NOT_NAME
    )


def _is_initial(token: Token) -> bool:
    return _INITIAL_RE.match(token.text) is not None


def _is_capitalised(token: Token) -> bool:
    """Starts with a capital letter and holds no digit (org names may use role words)."""
    text = token.text
    return text[:1].isupper() and text[:1].isalpha() and not any(c.isdigit() for c in text)


def _hyphen_end(doc: Doc, i: int, accept: Callable[[Token], bool]) -> int:
    """End of the word at ``i`` with its hyphenated continuations (``Rivera-Quinn``, ``Wen-Li``)."""
    j = i + 1
    while (
        j + 1 < len(doc)
        and doc[j].text in {"-", "‐"}
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].text[:1].isupper()
        and accept(doc[j + 1])
    ):
        j += 2
    return j


def _name_word_end(doc: Doc, i: int) -> int:
    """End of the name word starting at token ``i``, or ``i`` when there is none."""
    if not _is_name_word(doc[i]):
        return i
    return _hyphen_end(doc, i, lambda t: t.text.isalpha())


def _credential_at(doc: Doc, i: int) -> bool:
    """Token ``i`` is a credential after a name (``M.D.``; ``DO``, ``NP``, ``PA(-C)`` after a comma)."""
    text = doc[i].text.lower()
    if i + 1 < len(doc) and re.fullmatch(r"\d{5}", doc[i + 1].text):  # "Silver Spring, MD 20910"
        return False
    if text in CREDENTIALS:
        return True
    return text in _COMMA_CREDENTIALS and doc[i].text.isupper() and i > 0 and doc[i - 1].text == ","


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``[start, end)``."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


# --------------------------------------------------------------------------------------------
# People: runs of name words and initials, split into names
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """One name word (``W``, possibly hyphenated) or initial (``I``), as tokens ``[start, end)``."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class _Person:
    """A person's name as written, word by word: ``("Miriam", "T.", "Okonkwo")``."""

    words: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if not _INITIAL_RE.match(w))


def _items_forward(doc: Doc, i: int, limit: int) -> list[_Item]:
    """The run of name words and initials starting at token ``i``."""
    items: list[_Item] = []
    while i < limit:
        if _is_initial(doc[i]) and items:
            items.append(_Item("I", i, i + 1))
            i += 1
            continue
        end = _name_word_end(doc, i)
        if end == i:
            break
        items.append(_Item("W", i, end))
        i = end
    return items


def _items_backward(doc: Doc, j: int) -> list[_Item]:
    """The run of name words and initials ending at token ``j`` (inclusive), in text order."""
    items: list[_Item] = []
    while j >= 0:
        if _is_initial(doc[j]):
            items.append(_Item("I", j, j + 1))
            j -= 1
            continue
        start = j
        while start >= 2 and doc[start - 1].text in {"-", "‐"} and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].text.isalpha():
            start -= 2
        if not _is_name_word(doc[start]):
            break
        items.append(_Item("W", start, j + 1))
        j = start - 1
    items.reverse()
    while items and items[0].kind == "I":
        items.pop(0)
    return items


def _split_people(items: list[_Item]) -> list[list[_Item]]:
    """Split a run into names: ``W I+ W`` is one name; other words pair up (three stay together).

    ``Gregory A. Vandermeer Miriam T. Okonkwo`` -> two names; ``Thomas Greer Caroline Ashworth`` -> two.
    """
    people: list[list[_Item]] = []
    pending: list[_Item] = []
    k = 0
    while k < len(items):
        if items[k].kind == "W" and k + 1 < len(items) and items[k + 1].kind == "I":
            m = k + 1
            while m < len(items) and items[m].kind == "I":
                m += 1
            if m < len(items) and items[m].kind == "W":
                people.extend(_pair_up(pending))
                pending = []
                people.append(items[k:m + 1])
                k = m + 1
                continue
        if items[k].kind == "W":
            pending.append(items[k])
        k += 1
    people.extend(_pair_up(pending))
    return people


def _pair_up(words: list[_Item]) -> list[list[_Item]]:
    """Words of names written without initials: up to three are one name, more pair up."""
    if len(words) <= 3:
        return [words] if words else []
    chunks = [words[k:k + 2] for k in range(0, len(words), 2)]
    if len(chunks[-1]) == 1:
        chunks[-2].extend(chunks.pop())
    return chunks


def _person(doc: Doc, items: list[_Item]) -> _Person:
    return _Person(tuple(doc[item.start:item.end].text for item in items))


def _person_span(doc: Doc, items: list[_Item]) -> tuple[int, int, str]:
    start, end = _char_span(doc, items[0].start, items[-1].end)
    return start, end, "PERSON"


def _word_count(items: list[_Item]) -> int:
    return sum(1 for item in items if item.kind == "W")


# --------------------------------------------------------------------------------------------
# Collecting the names
# --------------------------------------------------------------------------------------------


@dataclass
class _Names:
    """What the collection pass found: people, organisations (as written), and their spans."""

    people: set[_Person]
    orgs: set[str]
    aliases: set[str]
    spans: list[tuple[int, int, str]]

    def add_person(self, doc: Doc, items: list[_Item]) -> None:
        self.people.add(_person(doc, items))
        self.spans.append(_person_span(doc, items))


def _collect_names(text: str, doc: Doc) -> _Names:
    """Every party and person the text introduces (see the module docstring)."""
    names = _Names(set(), set(), set(), [])
    _collect_preamble_parties(text, doc, names)
    _collect_salutations(text, doc, names)
    _collect_signature_labels(text, doc, names)
    _collect_after_signature_rules(text, doc, names)
    _collect_honorific_names(doc, names)
    _collect_credential_names(doc, names)
    _collect_suffixed_orgs(doc, names)
    names.orgs.update(_signature_org_headers(text))
    letterhead = _letterhead(text)
    if letterhead:
        names.orgs.add(letterhead)
    return names


#: Entity suffixes that end an organisation's name wherever it is written (``Mole Check App Inc.``,
#: ``PennTex Midstream Partners, LLC``, ``NORTHERN TELECOM LIMITED``).
_NAME_ENDING_SUFFIXES: Final = (ENTITY_SUFFIXES - {"co.", "pa", "pc", "lp", "s.c.", "n.a."}) | {"limited", "gmbh", "plc"}
#: Lower-case words inside an organisation's name (``Bank of America``, ``Procter & Gamble``).
_ORG_CONNECTORS: Final = frozenset({"of", "&", "de", "du", "la", "von", "van"})
#: Words before an organisation's name on a signature line (``Title: President ARCA CAPITAL MANAGEMENT, LLC``).
_TITLE_WORDS: Final = frozenset("""
    president vice chief executive officer director manager secretary treasurer ceo cfo coo cmo chairman chair
    general counsel title name by its attention attn signature date
""".split())


def _collect_suffixed_orgs(doc: Doc, names: _Names) -> None:
    """Capitalised words ending in an entity suffix, anywhere: an organisation, even outside the preamble
    (a term's quote, a signature block on its own)."""
    for token in doc:
        if token.lower_ not in _NAME_ENDING_SUFFIXES or not token.text[:1].isupper():
            continue
        start = token.i
        if start > 0 and doc[start - 1].text == ",":
            start -= 1
        while start > 0 and start > token.i - 10:
            previous = doc[start - 1]
            if _is_capitalised(previous) or previous.text in {"&", "'s", "’s"} or (
                previous.lower_ in _ORG_CONNECTORS and start >= 2 and _is_capitalised(doc[start - 2])
            ):
                start -= 1
            else:
                break
        while start < token.i and (doc[start].text in {",", "&"} or doc[start].lower_ in STOP_WORDS
                                   or doc[start].lower_ in PARTY_ROLES or doc[start].lower_ in _ORG_CONNECTORS
                                   or doc[start].lower_ in _TITLE_WORDS):
            start += 1  # not "The Company", "Employer", "of", "President"
        if start >= token.i or not _names_something(doc[start:token.i]):
            continue
        names.orgs.add(doc[start:token.i + 1].text)
        names.spans.append((*_char_span(doc, start, token.i + 1), "ORGANIZATION"))


def _token_at(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after character ``char``."""
    return bisect.bisect_left(doc, char, key=lambda token: token.idx)


def _collect_preamble_parties(text: str, doc: Doc, names: _Names) -> None:
    """The name before each party-defining parenthetical of the preamble, and its short names."""
    region_end = min(len(text), PREAMBLE_CHARS)
    previous_end = 0
    for paren in _PAREN_RE.finditer(text, 0, region_end):
        labels = _QUOTED_RE.findall(paren.group(1))
        start = _segment_start(text, previous_end, paren.start())
        previous_end = paren.end()
        if not labels:
            continue
        found = _party_before(text, doc, start, paren.start(), labels)
        if found is None:
            continue
        run, aliases, entity = found
        _add_parties(doc, run, names, entity)
        names.aliases.update(aliases)
        _add_on_behalf_of(text, doc, doc[run[1] - 1].idx, paren.start(), names)


def _party_before(text: str, doc: Doc, start: int, paren_start: int,
                  labels: list[str]) -> tuple[tuple[int, int], list[str], bool] | None:
    """The party a parenthetical's labels define: (name run, aliases among the labels, whether it is an entity).

    A role label (“Employer”) or a short name of it (“Crossroads”, “NTL”) defines the first name of the segment;
    any other label (“Carrier”, “Sponsor”) defines the name described as an entity (``X, Inc.``, ``X, a Delaware
    corporation``), wherever it is in the segment (an address may come first).
    """
    runs = list(_name_runs(doc, start, paren_start))
    for index, run in enumerate(runs):
        name = text[doc[run[0]].idx:_char_span(doc, *run)[1]]
        aliases = [label for label in labels
                   if label.lower() not in PARTY_ROLES and (_is_alias(label, name) or _is_acronym(label, name))]
        entity = _describes_entity(text, _char_span(doc, *run)[1], paren_start, name)
        if index == 0 and (aliases or any(label.lower() in PARTY_ROLES for label in labels)):
            return run, aliases, entity
        if entity:
            return run, aliases, True
    return None


def _segment_start(text: str, previous_end: int, paren_start: int) -> int:
    """Where the name before a parenthetical may start: after the last boundary before it."""
    start = max(previous_end, paren_start - PARTY_REACH)
    for pattern in (_PARTY_BOUNDARY_RE, _HARD_BREAK_RE):
        for boundary in pattern.finditer(text, start, paren_start):
            start = max(start, boundary.end())
    return start


def _first_name_run(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Tokens of the first capitalised name in ``[start_char, end_char)``: stop words and leading
    honorifics are skipped, and a run of role or generic words alone (``Employer:``) is no name."""
    return next(_name_runs(doc, start_char, end_char), None)


def _name_runs(doc: Doc, start_char: int, end_char: int) -> Iterator[tuple[int, int]]:
    """The capitalised names in ``[start_char, end_char)``, in order (see :func:`_first_name_run`)."""
    i, limit = _token_at(doc, start_char), _token_at(doc, end_char)
    while i < limit:
        token = doc[i]
        if _is_capitalised(token) and (token.lower_ not in STOP_WORDS or token.like_num) \
                and token.lower_ not in HONORIFICS:
            end = _org_run_end(doc, i, limit)
            if end > i and _names_something(doc[i:end]):
                yield i, end
            i = max(end, i + 1)
            continue
        i += 1


_DOTTED_NAME_RE: Final = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+")


def _names_something(tokens: Iterable[Token]) -> bool:
    """Some word is neither a role, title, generic organisation word, suffix nor credential
    (a dotted name such as ``Women.com`` counts as a word)."""
    return any(
        (t.is_alpha or (_DOTTED_NAME_RE.fullmatch(t.text) is not None and not _INITIAL_RE.match(t.text)
                        and t.lower_ not in CREDENTIALS))
        and t.lower_ not in GENERIC_ORG_WORDS and t.lower_ not in _NOT_NAME
        and t.lower_ not in PARTY_ROLES and t.lower_ not in STOP_WORDS and t.lower_ not in ENTITY_SUFFIXES
        for t in tokens
    )


def _org_run_end(doc: Doc, i: int, limit: int) -> int:
    """End of a name run: capitalised words, initials, ``&``, connectors, ``No. 1``, and a comma
    before an entity suffix or credential (``, LLC``, ``, M.D.``)."""
    j = i
    while j < limit:
        token = doc[j]
        nxt = doc[j + 1] if j + 1 < limit else None
        if token.lower_ in ENTITY_SUFFIXES or _credential_at(doc, j):
            j += 1
        elif _is_capitalised(token) and token.text not in {"“", "”", '"'}:
            j = _hyphen_end(doc, j, _is_capitalised)
        elif token.text in {"&", "'s", "’s"} and j > i:
            j += 1
        elif token.lower_ in {"of", "the", "and", "for", "de", "van", "von", "la", "du"} and nxt is not None \
                and _is_capitalised(nxt):
            j += 1
        elif token.text == "," and nxt is not None and (
            nxt.lower_ in ENTITY_SUFFIXES or _credential_at(doc, j + 1)
        ):
            j += 1
        elif token.text == "." and j > i and doc[j - 1].text in {"No", "NO"} and nxt is not None \
                and nxt.like_num:
            j += 2
        elif token.text in {"No.", "NO."} and nxt is not None and nxt.like_num:
            j += 2
        else:
            break
    while j > i and doc[j - 1].text in {",", "&", "of", "the", "and"}:
        j -= 1
    return j


#: ``X, a Delaware limited liability company (“Carrier”)``: the parenthetical names a party whatever its label
#: (commercial contracts say Carrier, Shipper, Sponsor, Licensee ... where ours say Employer and Physician).
_ENTITY_DESCRIPTION_RE: Final = re.compile(
    r"\s*,?\s*(?:an?|the)\s+(?:[\w.'’-]+\s+){0,6}?(?:corporation|company|partnership|association|"
    r"organi[sz]ation|foundation|trust|bank|cooperative|entity|societ[ey]|GmbH|AG|plc|S\.A\.|B\.V\.|N\.V\.)\b",
    re.IGNORECASE,
)
_ENTITY_NAME_SUFFIX_RE: Final = re.compile(
    r"(?:\b(?:LLC|L\.L\.C\.|Inc\.?|INC\.?|Corp\.?|CORP\.?|Corporation|CORPORATION|Limited|LIMITED|Ltd\.?|LTD\.?|"
    r"LLP|L\.L\.P\.|LP|L\.P\.|PLLC|P\.C\.|P\.A\.|GmbH|AG|plc|PLC|S\.A\.|B\.V\.|N\.V\.))$"
)


def _describes_entity(text: str, name_end: int, paren_start: int, name: str) -> bool:
    """The name is an entity's (``..., Inc.``, ``..., a Delaware corporation ...``) and the parenthetical after
    it defines that entity's label."""
    return bool(_ENTITY_NAME_SUFFIX_RE.search(name.rstrip(" ,"))
                or _ENTITY_DESCRIPTION_RE.match(text, name_end, paren_start))


def _is_acronym(label: str, name: str) -> bool:
    """``label`` is the initials of ``name`` (“NTL” of NORTHERN TELECOM LIMITED), with or without its suffix."""
    if not (label.isalpha() and label.isupper() and 2 <= len(label) <= 6):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", name) if w.lower() not in {"of", "the", "and", "for"}]
    initials = "".join(w[0].upper() for w in words)
    bare = "".join(w[0].upper() for w in words if w.lower().rstrip(".") not in ENTITY_SUFFIXES
                   and w.lower().rstrip(".") not in {"limited", "corporation", "inc", "llc", "ltd", "corp"})
    return label in (initials, bare)


def _is_alias(label: str, name: str) -> bool:
    """``label`` is a short name of ``name`` (“Crossroads”, “Harbor Pediatrics”, “eDiets” of EDIETS.COM, INC.):
    all its words are words of the name (or their first part before a dot), and one of them names rather than
    describes (so never “Agreement”)."""
    words = set(name.lower().replace(",", " ").split())
    words |= {w.split(".")[0] for w in words if "." in w.strip(".")}
    label_words = label.lower().split()
    distinctive = [
        w for w in label_words
        if w not in GENERIC_ORG_WORDS and w not in _NOT_NAME and w not in PARTY_ROLES and w not in STOP_WORDS
    ]
    return bool(distinctive) and all(word in words for word in label_words)


def _add_parties(doc: Doc, run: tuple[int, int], names: _Names, entity: bool = False) -> None:
    """Record the parties of a name run, split at ``and`` (``between X and Dr. Y (“Physician”)``).

    When no part is a person, the whole run is also an organisation's name (``Smith and Jones, LLP``).
    ``entity``: the run is described as an entity (``..., a Canadian corporation``): one organisation.
    """
    start, end = run
    if entity:
        names.orgs.add(doc[start:end].text)
        names.spans.append((*_char_span(doc, start, end), "ORGANIZATION"))
        return
    parts: list[tuple[int, int]] = []
    previous = start
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "and":
            parts.append((previous, k))
            previous = k + 1
    parts.append((previous, end))
    kinds = []
    for part_start, part_end in parts:
        if doc[part_start].lower_ in HONORIFICS:
            part_start += 1
        if part_end > part_start and _names_something(doc[part_start:part_end]):
            kinds.append(_add_party(doc, (part_start, part_end), names))
    if len(parts) > 1 and "PERSON" not in kinds:
        names.orgs.add(doc[start:end].text)


def _add_party(doc: Doc, run: tuple[int, int], names: _Names) -> str:
    """Record a preamble party as a person or an organisation; return which."""
    start, end = run
    core_end = end
    while core_end > start and (
        _credential_at(doc, core_end - 1) or doc[core_end - 1].text in {",", "-", "C"}  # ", PA-C"
    ):
        core_end -= 1
    has_credential = core_end < end
    tokens = [t for t in doc[start:core_end] if not t.is_space]
    organisational = any(t.lower_ in ENTITY_SUFFIXES or t.lower_ in GENERIC_ORG_WORDS
                         or (t.lower_ in _ORG_NAME_WORDS and t.text[:1].isupper()) for t in tokens)
    items = _items_forward(doc, start, core_end)
    person_shaped = bool(items) and items[-1].end == core_end and 2 <= _word_count(items) <= 4
    if has_credential or (person_shaped and not organisational):
        for person in _split_people(items):
            names.add_person(doc, person)
        return "PERSON"
    names.orgs.add(doc[start:end].text)
    names.spans.append((*_char_span(doc, start, end), "ORGANIZATION"))
    return "ORGANIZATION"


def _add_on_behalf_of(text: str, doc: Doc, start: int, end: int, names: _Names) -> None:
    """``X, on behalf of the University of Y School of Medicine, ...``: Y's name is a party's too."""
    for match in _ON_BEHALF_RE.finditer(text, start, end):
        run = _first_name_run(doc, match.end(), end)
        if run is not None:
            names.orgs.add(doc[run[0]:run[1]].text)


def _collect_salutations(text: str, doc: Doc, names: _Names) -> None:
    """``Dear Dr. Rivera-Quinn:`` / ``Dear Jane,``."""
    for match in _SALUTATION_RE.finditer(text):
        i = _token_at(doc, match.end())
        if i < len(doc) and doc[i].lower_ in HONORIFICS:
            i += 1
        items = _items_forward(doc, i, len(doc))
        people = _split_people(items)
        if people:
            names.add_person(doc, people[0])


def _collect_signature_labels(text: str, doc: Doc, names: _Names) -> None:
    """Names on ``By:``, ``Name:`` and ``Attention:`` lines, one or two columns."""
    for match in _SIGNATURE_LABEL_RE.finditer(text):
        following = _NEXT_LABEL_RE.search(text, match.end())
        end = following.start() if following else len(text)
        _collect_people_in(doc, match.end(), end, names)


def _collect_after_signature_rules(text: str, doc: Doc, names: _Names) -> None:
    """Names printed after signature rules: ``____ ____ Evelyn Marsh, M.D., Chief Medical Officer``."""
    for match in _SIGNATURE_RULE_RE.finditer(text):
        line_end = text.find("\n", match.end())
        _collect_people_in(doc, match.end(), len(text) if line_end < 0 else line_end, names)


def _collect_people_in(doc: Doc, start: int, end: int, names: _Names) -> None:
    """Every name of two or more words in ``[start, end)`` (titles, credentials and rules between)."""
    i, limit = _token_at(doc, start), _token_at(doc, end)
    while i < limit:
        items = _items_forward(doc, i, limit)
        if not items:
            i += 1
            continue
        for person in _split_people(items):
            if _word_count(person) >= 2:
                names.add_person(doc, person)
        i = items[-1].end


def _collect_honorific_names(doc: Doc, names: _Names) -> None:
    """``Dr. Evelyn Marsh``, ``Ms. Okafor``: the name after an honorific."""
    for token in doc:
        if token.lower_ in HONORIFICS and token.text[:1].isupper():
            items = _items_forward(doc, token.i + 1, len(doc))
            people = _split_people(items)
            if people:
                names.add_person(doc, people[0])


def _collect_credential_names(doc: Doc, names: _Names) -> None:
    """``Jane Smith, M.D.``, ``Jane Smith MD``, ``John Doe, PA-C``: the name before a credential."""
    for token in doc:
        if not _credential_at(doc, token.i) or token.i == 0:
            continue
        j = token.i - 1
        if doc[j].text == ",":
            j -= 1
        items = _items_backward(doc, j) if j >= 0 else []
        people = _split_people(items)
        if people and _word_count(people[-1]) >= 2:
            names.add_person(doc, people[-1])


def _signature_org_headers(text: str) -> set[str]:
    """The organisation heading a signature block: capitals above ``By:`` or below a letter's closing."""
    lines = text.split("\n")
    starts = {i for i, line in enumerate(lines) if _BY_LINE_RE.match(line)}
    found: set[str] = set()
    for by_line in starts:
        block: list[str] = []
        k = by_line - 1
        while k >= 0 and not lines[k].strip() and by_line - k <= 2:  # a blank line between heading and By:
            k -= 1
        while k >= 0 and len(block) < 4 and _is_caps_line(lines[k]) and not lines[k].rstrip().endswith(":"):
            block.insert(0, lines[k])  # (a label line such as ``COMPANY:`` ends the heading)
            k -= 1
        found.update(_header_org(" ".join(block)))
    for closing in (i for i, line in enumerate(lines) if _CLOSING_RE.match(line)):
        block = []
        k = closing + 1
        while k < len(lines) and len(block) < 4 and _is_caps_line(lines[k]) and "ACCEPTED" not in lines[k]:
            block.append(lines[k])
            k += 1
        found.update(_header_org(" ".join(block)))
    return found


def _is_caps_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _header_org(header: str) -> list[str]:
    """The organisation in a signature heading, without the other column's role word."""
    header = _HEADER_ROLE_TAIL_RE.sub("", header.replace("|", " ")).strip(" ,")
    words = header.split()
    if len(words) < 2 or any(w.strip(",.:") in _NOT_ORG_HEADER for w in words):
        return []
    return [" ".join(words)]


def _letterhead(text: str) -> str | None:
    """An offer letter's first line, in capitals, above a date line: the employer."""
    lines = [line for line in text.split("\n", 3)[:3] if line.strip()]
    if len(lines) >= 2 and _is_caps_line(lines[0]) and _DATE_LINE_RE.match(lines[1]):
        found = _header_org(lines[0])
        return found[0] if found else None
    return None


# --------------------------------------------------------------------------------------------
# The sweep
# --------------------------------------------------------------------------------------------


def _ordinary_words(doc: Doc) -> frozenset[str]:
    """Words the text uses in lower case: a name word among them is never swept on its own."""
    return frozenset(t.text for t in doc if t.is_alpha and t.is_lower)


def _sweepable_word(word: str, ordinary: frozenset[str]) -> bool:
    """A single name word that may be removed wherever it appears capitalised."""
    lower = word.lower()
    return (
        len(word) >= 3
        and lower not in ordinary
        and lower not in STOP_WORDS
        and lower not in _NOT_NAME
        and lower not in GENERIC_ORG_WORDS
        and lower not in PARTY_ROLES
        and lower not in _STATE_WORDS
        and lower not in _ORDINAL_WORDS
        and word.capitalize() not in _MONTHS
        and word.capitalize() not in US_STATES
    )


def _phrase_pattern(words: Iterable[str]) -> list[dict]:
    """Match these tokens case-insensitively, with any whitespace (line breaks) between them."""
    pattern: list[dict] = []
    for word in words:
        if pattern:
            pattern.append({"IS_SPACE": True, "OP": "*"})
        pattern.append({"LOWER": word.lower()})
    return pattern


def _tokens(text: str) -> list[str]:
    return [t.text for t in _tokenizer().make_doc(text) if not t.is_space]


def _person_patterns(person: _Person, ordinary: frozenset[str]) -> tuple[list[list[dict]], list[list[dict]]]:
    """(name patterns, honorific + surname patterns) for one person."""
    names = person.names
    phrases = {" ".join(person.words), " ".join(w.rstrip(".") for w in person.words)}
    if len(names) >= 2:
        phrases.add(f"{names[0]} {names[-1]}")
        phrases.add(f"{names[0][0]}. {names[-1]}")
    patterns = [_phrase_pattern(_tokens(p)) for p in phrases if len(_tokens(p)) > 1]
    for word in names:
        if _sweepable_word(word, ordinary):
            tokens = _tokens(word)
            patterns.append([{"ORTH": {"IN": [t, t.upper(), t.capitalize()]}} for t in tokens])
    honorific = (
        [[{"LOWER": {"IN": sorted(HONORIFICS)}}, *_phrase_pattern(_tokens(names[-1]))]] if names else []
    )
    return patterns, honorific


def _org_pattern(tokens: list[str]) -> list[dict]:
    """A multi-word name matches in any case; a one-word name only capitalised (“Summit”, not summit)."""
    if len(tokens) == 1:
        word = tokens[0]
        return [{"ORTH": {"IN": sorted({word, word.upper(), word.capitalize()})}}]
    return _phrase_pattern(tokens)


def _org_phrases(org: str) -> set[str]:
    """An organisation's name with and without ``The`` and its entity suffix."""
    phrases = {org}
    bare = _SUFFIX_RE.sub("", org).strip(" ,")
    phrases.add(bare)
    for phrase in list(phrases):
        if phrase.lower().startswith("the "):
            phrases.add(phrase[4:])
    return {p for p in phrases if p}


def _brand(org: str, ordinary: frozenset[str]) -> str | None:
    """The organisation's distinctive first word ("Bluegrass" of "Bluegrass Valley Health System")."""
    for word in _tokens(_SUFFIX_RE.sub("", org)):
        if word[:1].isupper() and word.isalpha() and _sweepable_word(word.capitalize(), ordinary):
            return word.capitalize()
    return None


def _sweep(doc: Doc, names: _Names, cities: set[str], ordinary: frozenset[str]) -> list[tuple[int, int, str]]:
    """Every mention of the collected people, organisations and cities."""
    matcher = Matcher(doc.vocab)
    for person in names.people:
        patterns, honorific = _person_patterns(person, ordinary)
        if patterns:
            matcher.add("PERSON", patterns)
        if honorific:
            matcher.add("HONORIFIC", honorific)
    org_phrases = {p for org in names.orgs for p in _org_phrases(org)} | names.aliases
    org_patterns = [
        _org_pattern(_tokens(p)) for p in org_phrases if _names_something(_tokenizer().make_doc(p))
    ]
    if org_patterns:
        matcher.add("ORGANIZATION", [p for p in org_patterns if p])
    brands = {b for org in names.orgs if (b := _brand(org, ordinary))}
    if brands:
        # in any case that starts with a capital: "Bluegrass", "BLUEGRASS", and "PennTex" of "Penntex"
        matcher.add("BRAND", [[{"LOWER": {"IN": sorted(b.lower() for b in brands)}, "TEXT": {"REGEX": r"^[A-Z]"}}]])
    city_patterns = [
        _phrase_pattern(_tokens(c)) for c in cities if len(c.split()) > 1 or _sweepable_word(c, ordinary)
    ]
    if city_patterns:
        matcher.add("CITY", city_patterns)
    spans: list[tuple[int, int, str]] = []
    if len(matcher) == 0:
        return spans
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        if label == "HONORIFIC":
            spans.append((*_char_span(doc, start + 1, end), "PERSON"))
        elif label == "BRAND":
            spans.append((*_char_span(doc, *_extend_brand(doc, start, end)), "ORGANIZATION"))
        elif label == "ORGANIZATION":
            begin, finish = _char_span(doc, start, end)
            suffix = _SUFFIX_RE.match(doc.text, finish)
            spans.append((begin, suffix.end() if suffix else finish, "ORGANIZATION"))
        else:
            spans.append((*_char_span(doc, start, end), label))
    return spans


def _extend_brand(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a distinctive word into the name it heads: ``University of Westbrook School of Medicine``,
    ``Bluegrass Heart Institute``, ``Riverbend Women's Health``."""
    while start >= 1:
        k = start - 1
        while k >= 1 and doc[k].lower_ in {"of", "the"}:
            k -= 1
        word = doc[k]
        if word.lower_ in GENERIC_ORG_WORDS and word.lower_ not in _OTHER_PARTY and _is_capitalised(word):
            start = k
        else:
            break
    while end < len(doc):
        token = doc[end]
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if token.text in {"'s", "’s"} or (
            _is_capitalised(token) and token.lower_ in GENERIC_ORG_WORDS and token.lower_ not in _OTHER_PARTY
        ):
            end += 1
        elif token.lower_ == "of" and nxt is not None and _is_capitalised(nxt) \
                and nxt.lower_ in GENERIC_ORG_WORDS:
            end += 1
        else:
            break
    return start, end


#: Role words of the other party, which never continue an organisation's name.
_OTHER_PARTY: Final = frozenset({"physician", "employee", "faculty", "member", "associate"})

_FACILITY_HEADS: Final = frozenset(
    {"Hospital", "Center", "Centre", "Clinic", "Institute", "Health", "Healthcare", "System"}
)


def _find_facilities(doc: Doc, ordinary: frozenset[str]) -> list[tuple[int, int, str]]:
    """Named facilities: capitalised words ending in Hospital, Center, Clinic, Institute, Health(care)
    or System, with at least one distinctive word ("Lowcountry Community Hospital"; not "the
    Hospital"), and not a heading on a line of its own."""
    spans: list[tuple[int, int, str]] = []
    for token in doc:
        followed_by_capital = token.i + 1 < len(doc) and _is_capitalised(doc[token.i + 1])
        if token.text not in _FACILITY_HEADS or followed_by_capital:
            continue
        start = token.i
        while start > 0 and _continues_facility_leftward(doc, start - 1):
            start -= 1
        words = [t.text for t in doc[start:token.i]]
        if not words or not any(w.isalpha() and _sweepable_word(w, ordinary) for w in words):
            continue
        if _is_own_line(doc, start, token.i + 1):
            continue
        spans.append((*_char_span(doc, start, token.i + 1), "ORGANIZATION"))
    return spans


def _continues_facility_leftward(doc: Doc, i: int) -> bool:
    """Token ``i`` belongs to the facility name after it (not ``the``, not ``Employer's``)."""
    token = doc[i]
    if token.text in {"'s", "’s"}:
        return i > 0 and doc[i - 1].lower_ not in PARTY_ROLES
    return _is_capitalised(token) and token.lower_ not in STOP_WORDS


def _is_own_line(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` are the whole of their line (a heading)."""
    text = doc.text
    begin, finish = _char_span(doc, start, end)
    line_start = text.rfind("\n", 0, begin) + 1
    line_end = text.find("\n", finish)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:begin].strip() and not text[finish:line_end].strip(" .:")


# --------------------------------------------------------------------------------------------
# Spans: merge, protect quantities, render
# --------------------------------------------------------------------------------------------


def _merge(candidates: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Union overlapping spans; the merged span takes the label of its longest part (ties: LABELS order)."""
    ordered = sorted((s for s in candidates if s[1] > s[0]), key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int, str, int, int]] = []  # start, end, label, best length, best rank
    for start, end, label in ordered:
        length, rank = end - start, _RANK[label]
        if merged and start < merged[-1][1]:
            m_start, m_end, m_label, m_length, m_rank = merged[-1]
            if (length, -rank) > (m_length, -m_rank):
                m_label, m_length, m_rank = label, length, rank
            merged[-1] = (m_start, max(m_end, end), m_label, m_length, m_rank)
        else:
            merged.append((start, end, label, length, rank))
    return [(s, e, label) for s, e, label, _, _ in merged]


def _protect_quantities(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut every span around the quantities of the text, so redaction never removes one."""
    quantities = [(q.start, q.end) for q in find_quantities(text)]
    kept: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        pieces = [(start, end)]
        for q_start, q_end in quantities:
            if q_end <= start or q_start >= end:
                continue
            pieces = [part for s, e in pieces for part in ((s, min(e, q_start)), (max(s, q_end), e))]
        for s, e in pieces:
            s, e = _strip(text, s, e)
            if e > s and any(c.isalnum() for c in text[s:e]):
                kept.append((s, e, label))
    return kept


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim surrounding whitespace and separators from a span."""
    while start < end and text[start] in " \t\n,;":
        start += 1
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    return start, end


def _render(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each span replaced by ``[LABEL]``."""
    parts: list[str] = []
    position = 0
    for start, end, label in spans:
        parts.append(text[position:start])
        parts.append(f"[{label}]")
        position = end
    parts.append(text[position:])
    return "".join(parts)
