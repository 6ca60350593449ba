"""The reader's context: specialty, state, setting and contract date, given or read from the contract.

The rules use it (state law, benchmarks, urban radius thresholds) and the report says, for each field,
whether it was given by the user, inferred from the contract (with where), or unknown and assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from nlp.contract_facts import contract_date, governing_law
from rules.reference import US_STATES, benchmarks, find_specialty, normalise_specialty, normalise_state

Setting = Literal["employed", "private_group", "academic"]
Origin = Literal["given", "inferred", "assumed"]
SETTINGS: tuple[str, ...] = ("employed", "private_group", "academic")
_SETTING_ALIASES = {"private_practice": "private_group", "private": "private_group", "group": "private_group",
                    "hospital": "employed", "university": "academic"}


@dataclass(frozen=True)
class UserContext:
    """What the user told us (all optional)."""

    specialty: str | None = None
    state: str | None = None
    setting: str | None = None
    signed: dt.date | None = None
    wrvu_levels: tuple[int, ...] = ()


@dataclass(frozen=True)
class Context:
    """The context the rules run with, and where each part came from."""

    specialty: str | None
    state: str | None
    setting: str | None
    signed: dt.date
    governing_law_state: str | None
    origins: dict[str, Origin]
    notes: tuple[str, ...]
    wrvu_levels: tuple[int, ...] = ()
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def specialty_name(self) -> str | None:
        row = benchmarks().specialties.get(self.specialty) if self.specialty else None
        return row.name if row else None

    @property
    def state_name(self) -> str | None:
        return US_STATES.get(self.state) if self.state else None


class ContextError(ValueError):
    """A context value the user gave cannot be understood (the CLI says which and why)."""


def normalise_setting(value: str | None) -> str | None:
    if not value:
        return None
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    key = _SETTING_ALIASES.get(key, key)
    if key not in SETTINGS:
        raise ContextError(f"setting {value!r} is not one of: employed, private_group, academic")
    return key


def check_user_context(user: UserContext) -> UserContext:
    """Validate what the user gave; raise ContextError with a plain message."""
    if user.specialty and normalise_specialty(user.specialty) is None:
        known = ", ".join(sorted(benchmarks().specialties))
        raise ContextError(f"unknown specialty {user.specialty!r}; known: {known}")
    if user.state and normalise_state(user.state) is None:
        raise ContextError(f"unknown US state {user.state!r} (use a code such as TX or a name such as Texas)")
    normalise_setting(user.setting)
    if any(level <= 0 for level in user.wrvu_levels):
        raise ContextError("wRVU levels must be positive numbers")
    return user


def _infer_setting(text: str) -> str | None:
    lowered = text[:20000].lower()
    if re.search(r"\b(faculty member|faculty appointment|academic appointment|appointment letter|department chair|"
                 r"the dean|academic rank|clinical faculty|tenure track)\b", lowered):
        return "academic"
    group = len(re.findall(r"\bthe (?:group|practice)\b|\bshareholders?\b|\bpartnership track\b|\bbuy-in\b|"
                           r"\bp\.c\.|\bpllc\b|\bp\.a\.|\bprofessional corporation\b|\bmedical group\b", lowered))
    hospital = len(re.findall(r"\bthe (?:hospital|health system|medical center|system)\b|\bhealth system\b", lowered))
    if group or hospital:
        return "private_group" if group > hospital else "employed"
    return None


def resolve_context(user: UserContext, text: str, today: dt.date | None = None) -> Context:
    """Fill in what the user did not give from the contract, and say what was assumed."""
    user = check_user_context(user)
    origins: dict[str, Origin] = {}
    notes: list[str] = []

    def pick(name: str, given: str | None, infer: Callable[[], str | None], found: Callable[[str], str], missing: str) -> str | None:
        """The given value, else the one read from the contract, else None; origin and note recorded."""
        if given:
            origins[name] = "given"
            return given
        value = infer()
        origins[name] = "inferred" if value else "assumed"
        notes.append(found(value) if value else missing)
        return value

    specialty = pick("specialty", normalise_specialty(user.specialty), lambda: find_specialty(text),
                     lambda v: f"Specialty read from the contract: {benchmarks().specialties[v].name}.",
                     "Specialty not given and not recognised in the contract: no specialty benchmarks applied.")

    governing = governing_law(text)
    governing_state = normalise_state(governing.value) if governing else None
    state = normalise_state(user.state)
    if state:
        origins["state"] = "given"
        if governing_state and governing_state != state:
            notes.append(f"The contract is governed by {US_STATES[governing_state]} law, but you practise in "
                         f"{US_STATES[state]}: state-law checks use {US_STATES[state]}; ask a lawyer which law applies.")
    elif governing_state:
        state = governing_state
        origins["state"] = "inferred"
        notes.append(f"State taken from the governing-law clause: {US_STATES[state]}. Give --state if you practise elsewhere.")
    else:
        origins["state"] = "assumed"
        notes.append("State not given and no governing-law clause found: state non-compete law not checked.")

    setting = pick("setting", normalise_setting(user.setting), lambda: _infer_setting(text),
                   lambda v: f"Setting read from the contract's wording: {v.replace('_', ' ')}.",
                   "Setting not given: urban thresholds assumed for the non-compete radius.")

    if user.signed:
        signed, origins["signed"] = user.signed, "given"
    else:
        found = contract_date(text)
        if found:
            signed, origins["signed"] = found[0], "inferred"
            notes.append(f"Contract date read from the contract: {found[0].isoformat()}.")
        else:
            signed, origins["signed"] = today or dt.date.today(), "assumed"
            notes.append("Contract date not found: state law applied as of today.")
    return Context(specialty, state, setting, signed, governing_state, origins, tuple(notes), tuple(user.wrvu_levels))
