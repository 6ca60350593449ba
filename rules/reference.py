"""Reference data shipped with the package: state non-compete law and specialty benchmarks, each sourced.

    state_laws() -> StateLawFile       benchmarks() -> BenchmarkFile       find_specialty(text) -> key | None

Loaded and validated once (``extra="forbid"``; a row without a source fails at load).
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml
from pydantic import ValidationError

from nlp.errors import RuleDataError
from rules.registry import RULES_DIR
from rules.schema import BenchmarkFile, Specialty, StateLawFile

DATA_DIR = RULES_DIR / "data"

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}


def _load(name: str, model: type) -> object:
    path = DATA_DIR / name
    try:
        return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise RuleDataError(f"{path.name}: {error}") from error


@lru_cache(maxsize=1)
def state_laws() -> StateLawFile:
    laws = _load("state_noncompete.yaml", StateLawFile)
    unknown = sorted(set(laws.states) - set(US_STATES))  # type: ignore[attr-defined]
    if unknown:
        raise RuleDataError(f"state_noncompete.yaml: unknown state codes {unknown}")
    return laws  # type: ignore[return-value]


@lru_cache(maxsize=1)
def benchmarks() -> BenchmarkFile:
    return _load("benchmarks.yaml", BenchmarkFile)  # type: ignore[return-value]


def normalise_state(value: str | None) -> str | None:
    """'tx', 'Texas' -> 'TX'; None for anything else."""
    if not value:
        return None
    text = value.strip()
    if text.upper() in US_STATES:
        return text.upper()
    return STATE_BY_NAME.get(text.lower())


def specialty(key: str | None) -> Specialty | None:
    return benchmarks().specialties.get(key) if key else None


def normalise_specialty(value: str | None) -> str | None:
    """A user's specialty ("Cardiology", "ob/gyn", "family_medicine") -> a benchmark key, or None."""
    if not value:
        return None
    wanted = re.sub(r"[\s_-]+", " ", value.strip().lower())
    for key, row in benchmarks().specialties.items():
        if wanted == key.replace("_", " ") or wanted in (a.lower() for a in row.aliases):
            return key
    return None


def find_specialty(text: str) -> str | None:
    """The specialty a contract names most often ("the practice of cardiology"), or None.

    Each alias (4 letters or more) counts its whole-word occurrences in the lower-cased text; the key
    with the most wins, the first in benchmark order on a tie.
    """
    counts: dict[str, int] = {}
    lowered = text.lower()
    for key, row in benchmarks().specialties.items():
        for alias in row.aliases:
            if len(alias) < 4:
                continue
            hits = count_whole_word(lowered, alias.lower())
            if hits:
                counts[key] = counts.get(key, 0) + hits
    return max(counts, key=counts.__getitem__) if counts else None


def _is_a_to_z(char: str) -> bool:
    return "a" <= char <= "z"


def count_whole_word(lowered: str, word: str) -> int:
    """How many times ``word`` occurs in ``lowered`` with no a-z letter just before or just after it.

    The same count as ``len(re.findall(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered))``, without
    compiling a regex per word and running the regex engine at every position (that took ~35 ms on a
    40-page contract for the 40 aliases; ``str.find`` jumps straight to the candidates). ``findall``
    tries positions left to right and, after a match, resumes at its end; so does this loop: a
    candidate that fails a boundary test moves the search on by one character, a match by its length.
    """
    if not word:
        raise ValueError("count_whole_word needs a non-empty word")
    count = start = 0
    size, length = len(word), len(lowered)
    while (found := lowered.find(word, start)) >= 0:
        end = found + size
        if (found == 0 or not _is_a_to_z(lowered[found - 1])) and (
            end == length or not _is_a_to_z(lowered[end])
        ):
            count += 1
            start = end
        else:
            start = found + 1
    return count
