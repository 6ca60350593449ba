"""Report terms (``non_compete.radius_miles`` ...) from the quantities in tagged clauses.

The value extractor (:func:`nlp.terms.quantities.find_quantities`) finds every distance, duration,
sum, wRVU count, call frequency and percentage; this module decides which of them is which term,
by the clause's kinds and the words around the quantity. One small function per term name, all
with the same shape: ``(ClauseContext) -> list[Found]``. A term defined elsewhere ("Restricted Area"
means ... twenty (20) miles ...) is read from its definition when the clause itself has no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from nlp.definitions import definitions_used
from nlp.document import Clause, Definition, Document, KindTag, Term
from nlp.kinds import TERM_UNITS
from nlp.terms.quantities import find_quantities
from nlp.terms.quantity import Quantity

#: Plausible ranges: a value outside is a misreading, not a term (Presidio's "invalidate_result").
RADIUS_MILES_RANGE = (Decimal("0.5"), Decimal("300"))
NONCOMPETE_MONTHS_RANGE = (Decimal("1"), Decimal("120"))
CONVERSION_FACTOR_RANGE = (Decimal("10"), Decimal("400"))
WRVU_ANNUAL_RANGE = (Decimal("500"), Decimal("40000"))
SALARY_RANGE = (Decimal("20000"), Decimal("5000000"))
NOTICE_DAYS_RANGE = (Decimal("1"), Decimal("730"))
#: How far (characters) the words that decide a quantity's meaning may be from it.
WINDOW = 160


@dataclass(frozen=True)
class Found:
    """A term value found at ``[start, end)`` of the document."""

    name: str
    value: Decimal | str
    start: int
    end: int
    text: str


@dataclass
class ClauseContext:
    """What a term rule sees: the clause, its text, its quantities, and definitions it uses."""

    document: Document
    clause: Clause
    kinds: frozenset[str]
    quantities: list[Quantity]  # offsets already shifted to document offsets
    definitions: list[Definition]
    parent: Clause | None = None
    siblings_and_self: tuple[Clause, ...] = ()
    _definition_quantities: dict[str, list[Quantity]] | None = None

    @property
    def text(self) -> str:
        return self.clause.text

    def around(self, quantity: Quantity, before: int = WINDOW, after: int = WINDOW // 2) -> str:
        """Lower-cased text around a quantity, cut at paragraph breaks."""
        text = self.document.text
        left = max(text.rfind("\n", 0, quantity.start) + 1, quantity.start - before)
        newline = text.find("\n", quantity.end)
        right = min(quantity.end + after, newline if newline != -1 else len(text))
        return text[left:right].lower()

    def sentence(self, quantity: Quantity) -> str:
        """Lower-cased sentence holding a quantity (cut at ". " / "; " / line breaks)."""
        text = self.document.text
        left = max(text.rfind("\n", 0, quantity.start), text.rfind(". ", 0, quantity.start), text.rfind("; ", 0, quantity.start))
        ends = [i for i in (text.find("\n", quantity.end), text.find(". ", quantity.end), text.find("; ", quantity.end)) if i != -1]
        right = min(ends) if ends else len(text)
        return text[left + 1:right].lower()

    def parent_quantities(self) -> list[Quantity]:
        """Quantities in the parent clause's own text (before its first child), document offsets."""
        parent = self.parent
        if parent is None:
            return []
        end = min((c.start for c in self.siblings_and_self), default=parent.end)
        own = self.document.text[parent.start:end]
        return [_shift(q, parent.start) for q in find_quantities(own)]

    def definition_quantities(self) -> dict[str, list[Quantity]]:
        """Quantities inside the definitions this clause uses, keyed by term."""
        if self._definition_quantities is None:
            self._definition_quantities = {
                d.term: [_shift(q, d.start) for q in find_quantities(d.text)] for d in self.definitions
            }
        return self._definition_quantities


def _shift(quantity: Quantity, offset: int) -> Quantity:
    from dataclasses import replace

    return replace(quantity, start=quantity.start + offset, end=quantity.end + offset)


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def _within(value: Decimal, bounds: tuple[Decimal, Decimal]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _found(name: str, q: Quantity, value: Decimal | str | None = None) -> Found:
    return Found(name, q.value if value is None else value, q.start, q.end, q.text)


def _from_definitions(ctx: ClauseContext, kind: str, accept: Callable[[Quantity, str], bool]) -> list[tuple[Quantity, str]]:
    """Quantities from used definitions that ``accept`` (quantity, definition text lower-cased)."""
    out = []
    for definition in ctx.definitions:
        for q in ctx.definition_quantities().get(definition.term, []):
            if accept(q, definition.text.lower()):
                out.append((q, definition.text.lower()))
    return out


# ----------------------------------------------------------------------------------------- non_compete
_AFTER_WORDS = r"(after|following|thereafter|post-|period|termination|expiration|cessation|ends?\b|end of)"


def radius_miles(ctx: ClauseContext) -> list[Found]:
    hits = [q for q in ctx.quantities if q.kind == "distance" and _within(q.value, RADIUS_MILES_RANGE)]
    if not hits:
        hits = [q for q, _ in _from_definitions(ctx, "non_compete", lambda q, t: q.kind == "distance" and _within(q.value, RADIUS_MILES_RANGE))]
    return [_found("non_compete.radius_miles", q, q.value.quantize(Decimal("0.01")).normalize()) for q in hits[:1]]


def _covenant_durations(quantities: Sequence[Quantity], context: Callable[[Quantity], str]) -> list[Quantity]:
    durations = [q for q in quantities if q.kind == "duration" and _within(q.value, NONCOMPETE_MONTHS_RANGE)]
    durations = [q for q in durations if not _has(r"\bnotice\b|\bcure\b|\bdays? (?:of|after) (?:receipt|written)", context(q))]
    preferred = [q for q in durations if _has(_AFTER_WORDS, context(q))]
    return preferred or durations


def duration_months(ctx: ClauseContext) -> list[Found]:
    hits = _covenant_durations(ctx.quantities, ctx.around)
    if not hits:
        from_defs = _from_definitions(ctx, "non_compete", lambda q, t: q.kind == "duration")
        hits = _covenant_durations([q for q, _ in from_defs], lambda q: next(t for p, t in from_defs if p is q))
    return [_found("non_compete.duration_months", q, q.value.quantize(Decimal("0.01")).normalize()) for q in hits[:1]]


_ANCHOR_START_RE = re.compile(r"^[^.;\n]{0,50}?\b(?:of|from|around)\s+", re.IGNORECASE)
_NAMED_SITES_RE = re.compile(
    r"^(?:any|each|either)\s+(?:one\s+)?of\s+the\s+following|^the\s+following|"
    r"^(?:any|each)\s+of\s+the\s+(?:sites|offices|locations|facilities|hospitals|clinics)\s+(?:listed|identified|named|set forth)|"
    r"^the\s+(?:sites|offices|locations|facilities)\s+(?:listed|identified|named|set forth)"
)
_PRIMARY_SITE_RE = re.compile(
    r"^(?:the\s+)?(?:physician'?s\s+|your\s+|doctor'?s\s+)?(?:primary|principal|main)\b|"
    r"^the\s+[a-z'’\s]{0,40}\b(?:primary|principal|main)\s+(?:practice\s+)?(?:site|location|office|campus|clinic|hospital)|"
    r"^(?:the\s+)?(?:office|location|clinic|site)\s+(?:at|where|in which)\s+(?:the\s+)?(?:physician|you|doctor)\s+(?:primarily|principally|regularly|most)"
)
_ALL_SITES_RE = re.compile(
    r"^(?:any|each|every|all)\b[^.;]{0,60}\b(?:locations?|offices?|facilit(?:y|ies)|sites?|clinics?|hospitals?|"
    r"departments?|practices?|buildings?|centers?|centres?|campus(?:es)?|places? of business|premises|points? of service)\b|"
    r"affiliat"
)


def _classify_anchor(anchor: str) -> str | None:
    """'named_sites', 'primary_site' or 'all_sites' for the place a radius is measured from."""
    if _NAMED_SITES_RE.search(anchor):
        return "named_sites"
    if _PRIMARY_SITE_RE.search(anchor):
        return "primary_site"
    if _ALL_SITES_RE.search(anchor):
        return "all_sites"
    return None


def scope(ctx: ClauseContext) -> list[Found]:
    """What the radius is measured from: the words after "... miles of / from"."""
    text = ctx.document.text
    distances = [q for q in ctx.quantities if q.kind == "distance"]
    distances += [q for q, _ in _from_definitions(ctx, "non_compete", lambda q, t: q.kind == "distance")]
    for q in distances:
        after = text[q.end:q.end + 200]
        match = _ANCHOR_START_RE.match(after)
        if not match:
            continue
        anchor = after[match.end():].split("\n")[0].lower()
        value = _classify_anchor(anchor)
        if value:
            start = q.end + match.end()
            return [Found("non_compete.scope", value, start, start + min(len(anchor), 120), text[start:start + min(len(anchor), 120)])]
    return []


def buyout_usd(ctx: ClauseContext) -> list[Found]:
    hits = [q for q in ctx.quantities if q.kind == "money" and q.per is None
            and _has(r"buy[- ]?out|release (?:from|of) (?:the|this|such)|waive|purchase (?:a|the) release", ctx.sentence(q))]
    return [_found("non_compete.buyout_usd", q) for q in hits[:1]]


# -------------------------------------------------------------------------------- partnership_track
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
}
_ANNIVERSARY_RE = re.compile(
    r"\b(?P<ordinal>" + "|".join(_ORDINALS) + r")\s+(?:full\s+)?(?:anniversary|contract year|employment year|"
    r"year of (?:employment|service)|agreement year)",
    re.IGNORECASE,
)


def years_to_eligibility(ctx: ClauseContext) -> list[Found]:
    for match in _ANNIVERSARY_RE.finditer(ctx.text):
        start = ctx.clause.start + match.start()
        sentence_end = ctx.text.find(".", match.end())
        sentence = ctx.text[max(0, ctx.text.rfind(".", 0, match.start())):sentence_end if sentence_end != -1 else None].lower()
        if _has(r"eligib|consider|partner|shareholder|owner|member|admission|admitted|offer", sentence):
            years = Decimal(_ORDINALS[match.group("ordinal").lower()])
            before = ctx.text[max(0, match.start() - 40):match.start()].lower()
            if "anniversary" not in match.group(0).lower() and not _has(r"(after|following|end of|completion of|completing)\s+(the\s+)?$", before):
                years -= 1  # "during the third contract year": two full years have passed
            return [Found("partnership_track.years_to_eligibility", years, start, start + len(match.group(0)), match.group(0))]
    hits = [q for q in ctx.quantities if q.kind == "duration" and Decimal("3") <= q.value <= Decimal("180")
            and _has(r"eligib|consider|partner|shareholder|owner|member|admission|admitted|offer", ctx.sentence(q))
            and not _has(r"notice|paid over|payable over|installments|amortiz|payroll deduction", ctx.sentence(q))]
    return [_found("partnership_track.years_to_eligibility", q, (q.value / 12).quantize(Decimal("0.01")).normalize())
            for q in hits[:1]]


def buy_in_usd(ctx: ClauseContext) -> list[Found]:
    hits = [q for q in ctx.quantities if q.kind == "money" and q.per is None and q.value >= 1000
            and _has(r"buy[- ]?in|purchase price|capital contribution|purchase|shares|stock|membership interest", ctx.sentence(q))]
    return [_found("partnership_track.buy_in_usd", q) for q in hits[:1]]


# --------------------------------------------------------------------------------- rvu_compensation
def conversion_factor_usd(ctx: ClauseContext) -> list[Found]:
    out: list[Found] = []
    seen: set[Decimal] = set()
    for q in ctx.quantities:
        if q.kind != "money" or not _within(q.value, CONVERSION_FACTOR_RANGE):
            continue
        # In a clause about wRVU pay, a plain dollar amount in this range is a per-wRVU rate, also in
        # tier tables whose rows carry no unit ("2 | 9,001 - 10,500 | $56.00").
        is_rate = q.per == "wRVU" or q.per is None
        if is_rate and q.value not in seen:
            seen.add(q.value)
            out.append(_found("rvu_compensation.conversion_factor_usd", q))
    return out


_PERIODS_PER_YEAR = {"month": Decimal(12), "quarter": Decimal(4), "year": Decimal(1), "week": Decimal(52)}
_PERIOD_WORD_RE = re.compile(r"\b(month(?:ly|s)?|quarter(?:ly|s)?|annual(?:ly)?|year(?:ly|s)?|per annum)\b", re.IGNORECASE)


def _nearest_period(text: str, q: Quantity) -> Decimal:
    """Periods per year of the period word nearest a count ("a monthly target of 425 wRVUs" -> 12)."""
    left = max(text.rfind("\n", 0, q.start) + 1, q.start - 90)
    newline = text.find("\n", q.end)
    right = min(q.end + 60, newline if newline != -1 else len(text))
    best: tuple[int, Decimal] | None = None
    for match in _PERIOD_WORD_RE.finditer(text, left, right):
        distance = q.start - match.end() if match.end() <= q.start else match.start() - q.end
        word = match.group(1).lower()
        factor = Decimal(12) if word.startswith("month") else Decimal(4) if word.startswith("quarter") else Decimal(1)
        if best is None or distance < best[0]:
            best = (distance, factor)
    return best[1] if best else Decimal(1)


_THRESHOLD_WORDS = r"threshold|in excess of|exceed|above|over|beyond|minimum|target|at least|first|baseline|expected|required|floor|more than|greater than"


def wrvu_threshold(ctx: ClauseContext) -> list[Found]:
    out: list[Found] = []
    for q in ctx.quantities:
        if q.kind != "count" or q.range_part == "high":
            continue
        around = ctx.around(q, before=80, after=60)
        if not _has(_THRESHOLD_WORDS, around) and q.range_part is None:
            continue
        factor = _PERIODS_PER_YEAR.get(q.per or "") or _nearest_period(ctx.document.text, q)
        value = q.value * factor
        if q.range_part == "low" and value == 0:
            continue
        if _within(value, WRVU_ANNUAL_RANGE):
            out.append(_found("rvu_compensation.wrvu_threshold", q, value.normalize()))
            break
    return out


# -------------------------------------------------------------------------------- call_compensation
def frequency_one_in(ctx: ClauseContext) -> list[Found]:
    hits = [q for q in ctx.quantities if q.kind == "frequency"]
    return [_found("call_compensation.frequency_one_in", q) for q in hits[:1]]


def per_diem_usd(ctx: ClauseContext) -> list[Found]:
    out = []
    for q in ctx.quantities:
        if q.kind != "money" or q.value < 50 or q.value > 20000:
            continue
        if q.per in {"day", "night", "shift", "weekend", "call", "diem", "24-hour", "weekday", "holiday"} or (
            q.per is None and _has(r"per diem|stipend|per call|each call|call (day|night|shift)", ctx.around(q, before=60, after=60))
        ):
            if q.value not in {f.value for f in out}:
                out.append(_found("call_compensation.per_diem_usd", q))
    return out


# ------------------------------------------------------------------------------------- tail_coverage
_TAIL_RE = re.compile(r"tail|extended reporting|reporting endorsement|prior acts|nose coverage")


def tail_payer(ctx: ClauseContext) -> list[Found]:
    text = ctx.text.lower()
    if _has(r"occurrence[- ](?:basis|based|form|policy|coverage)|self[- ]insur", text) and _has(
        r"no (?:extended reporting|tail)[^.;]{0,60}(?:need|requir)|(?:not|never) (?:be )?(?:need|requir)\w*|no need for", text):
        return []  # occurrence or self-insured coverage: there is no tail to pay for
    sentences = [s for s in re.split(r"(?<=[.;])\s+|\n", text) if _TAIL_RE.search(s)]
    if not sentences:
        if _has(r"claims[- ]made", text):
            return [Found("tail_coverage.payer", "unspecified", ctx.clause.body_start, ctx.clause.body_start, "")]
        return []
    joined = " ".join(sentences)
    shared = _has(r"shar(e|ed|ing)\b|split|equally|fifty percent|50\s?%|one-half|half of|pro rata|percent(age)? of the (cost|premium)|\d+\s?% of the", joined)
    physician = _has(r"(physician|doctor|employee|associate|you)\s+(shall|will|must|agrees? to|is required to|shall be required to|shall be responsible|will be responsible|is responsible)[^.;]{0,80}(purchase|obtain|pay|bear|procure|secure|responsib|cost|expense)", joined) or _has(
        r"(at|is|be)\s+(the\s+)?(sole\s+)?(cost|expense|responsibility)\s+of\s+(the\s+)?(physician|doctor|employee|associate)|physician'?s?\s+(own|sole)\s+(cost|expense)|at (his|her|their) (own|sole) (cost|expense)", joined)
    employer = _has(r"(employer|practice|group|company|hospital|corporation|university|we)\s+(shall|will|agrees? to)[^.;]{0,80}(purchase|obtain|pay|bear|provide|procure|secure|responsib|cost|expense|maintain)", joined) or _has(
        r"(at|is|be)\s+(the\s+)?(sole\s+)?(cost|expense|responsibility)\s+of\s+(the\s+)?(employer|practice|group|company|hospital)|employer'?s?\s+(sole\s+)?(cost|expense)", joined)
    if shared or (physician and employer):
        value = "shared"
    elif physician:
        value = "physician"
    elif employer:
        value = "employer"
    else:
        value = "unspecified"
    return [Found("tail_coverage.payer", value, ctx.clause.body_start, ctx.clause.body_start, "")]


# ---------------------------------------------------------------------------- termination_without_cause
def notice_days(ctx: ClauseContext) -> list[Found]:
    out: list[Found] = []
    seen: set[Decimal] = set()
    for q in ctx.quantities:
        if q.kind != "duration" or q.days is None:
            continue
        after = ctx.document.text[q.end:q.end + 60].lower()
        before = ctx.document.text[max(0, q.start - 60):q.start].lower()
        if not (_has(r"^\W{0,3}(?:s'|’s|'s)?\s*(?:\(\d+\)\s*)?(?:prior\s+|advance\s+|written\s+|calendar\s+|business\s+)*(?:prior\s+)?(?:written\s+)?notice", after)
                or _has(r"notice\s+(?:period\s+)?(?:of|period|at least|not less than|no less than|upon)\s+(?:at least\s+|not less than\s+)?$", before)):
            continue
        sentence = ctx.sentence(q)
        if _has(r"\bfor cause\b", sentence) and not _has(r"without cause|any reason|no reason|convenience|with or without|other than for cause", sentence):
            continue
        days = q.days.quantize(Decimal("1"))
        if _within(days, NOTICE_DAYS_RANGE) and days not in seen:
            seen.add(days)
            out.append(_found("termination_without_cause.notice_days", q, days))
    return out


# ------------------------------------------------------------------ liquidated_damages / repayment / base
def liquidated_amount(ctx: ClauseContext) -> list[Found]:
    hits = [q for q in ctx.quantities if q.kind == "money" and q.per is None and q.value >= 500
            and _has(r"liquidated|sum of|amount of|shall pay|shall owe|forfeit|penalty|damages", ctx.sentence(q))]
    return [_found("liquidated_damages.amount_usd", q) for q in hits[:1]]


_INCENTIVE_WORDS = r"bonus|relocation|moving|loan|incentive|stipend|advance|allowance|guarantee"


def repayment_amount(ctx: ClauseContext) -> list[Found]:
    """The incentive subject to repayment; when a sub-clause only says "repay the signing bonus", the
    amount is in the clause that grants it (its parent)."""
    for quantities in (ctx.quantities, ctx.parent_quantities()):
        hits = [q for q in quantities if q.kind == "money" and q.per is None and q.value >= 500
                and _has(_INCENTIVE_WORDS, ctx.around(q, before=120, after=80))]
        if hits:
            return [_found("repayment_clawback.amount_usd", hits[0])]
    return []


def base_salary(ctx: ClauseContext) -> list[Found]:
    for q in ctx.quantities:
        if q.kind != "money" or not _within(q.value, SALARY_RANGE) or q.per not in (None, "year"):
            continue
        around = ctx.around(q, before=140, after=60)
        if _has(r"sign(ing|-on| on)|commencement|relocation|moving|retention|loan|stipend|bonus of|buy[- ]?in", ctx.around(q, before=60, after=10)):
            continue
        if _has(r"salary|base (?:compensation|pay)|per annum|annual(?:ly)? (?:rate|compensation)|guarantee", around):
            return [_found("base_compensation.base_salary_usd", q)]
    return []


def sign_on_bonus(ctx: ClauseContext) -> list[Found]:
    hits = [q for q in ctx.quantities if q.kind == "money" and q.per is None and q.value >= 1000
            and _has(r"sign(ing|-on| on)[ -]?(bonus|payment|incentive)|commencement bonus", ctx.around(q, before=120, after=40))]
    return [_found("base_compensation.sign_on_bonus_usd", q) for q in hits[:1]]


#: Which rules run for a clause of each kind.
RULES_BY_KIND: dict[str, tuple[Callable[[ClauseContext], list[Found]], ...]] = {
    "non_compete": (radius_miles, duration_months, scope, buyout_usd),
    "partnership_track": (years_to_eligibility, buy_in_usd),
    "rvu_compensation": (conversion_factor_usd, wrvu_threshold),
    "call_compensation": (frequency_one_in, per_diem_usd),
    "tail_coverage": (tail_payer,),
    "termination_without_cause": (notice_days,),
    "liquidated_damages": (liquidated_amount,),
    "repayment_clawback": (repayment_amount,),
    "base_compensation": (base_salary, sign_on_bonus),
}


def extract_terms(
    document: Document,
    clauses: Sequence[Clause],
    tags: dict[str, list[KindTag]],
    definitions: Sequence[Definition],
) -> list[Term]:
    """Named terms from every tagged clause, in document order, without duplicates."""
    terms: list[Term] = []
    seen: set[tuple[str, str, int]] = set()
    cache: dict[str, list[Quantity]] = {}
    by_id = {c.id: c for c in clauses}
    for clause in clauses:
        kinds = frozenset(t.kind for t in tags.get(clause.id, []))
        if not kinds:
            continue
        if clause.id not in cache:
            cache[clause.id] = [_shift(q, clause.start) for q in find_quantities(clause.text)]
        used = definitions_used(clause.text, definitions, exclude_clause=clause.id)
        parent = by_id.get(clause.parent_id) if clause.parent_id else None
        siblings = tuple(c for c in clauses if c.parent_id == clause.parent_id) if parent else ()
        ctx = ClauseContext(document, clause, kinds, cache[clause.id], used, parent, siblings)
        for kind in sorted(kinds, key=lambda k: list(RULES_BY_KIND).index(k) if k in RULES_BY_KIND else 99):
            for rule in RULES_BY_KIND.get(kind, ()):
                for found in rule(ctx):
                    # a label term (scope, tail payer) is one fact per contract; a number is one per place
                    key = (found.name, str(found.value), -1 if isinstance(found.value, str) else found.start)
                    if key in seen or found.name not in TERM_UNITS:
                        continue
                    seen.add(key)
                    owner = _owner(found, clause, by_id, definitions)
                    terms.append(
                        Term(
                            name=found.name,
                            value=found.value,
                            unit=TERM_UNITS[found.name],
                            text=found.text,
                            clause_id=owner.id,
                            page=document.page_at(found.start),
                            start=found.start,
                            end=found.end,
                        )
                    )
    terms.sort(key=lambda t: (t.start, t.name))
    return terms


def _owner(found: Found, clause: Clause, by_id: dict[str, Clause], definitions: Sequence[Definition]) -> Clause:
    """The clause a term's text sits in: this clause, or the clause of the definition it came from."""
    if clause.start <= found.start < max(clause.end, clause.start + 1):
        return clause
    for definition in definitions:
        if definition.start <= found.start < definition.end and definition.clause_id in by_id:
            return by_id[definition.clause_id]
    return clause
