"""Judgement: clauses + terms in, risk flags out. One module per clause kind, one registration point.

    evaluate(findings) -> list[Flag]     every rule module over one contract, worst flags first
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType

import yaml
from pydantic import ValidationError

from nlp.errors import RuleDataError
from rules import (
    ancillary_income,
    base_compensation,
    combined,
    call_compensation,
    liquidated_damages,
    non_compete,
    non_solicitation,
    partnership_track,
    repayment_clawback,
    rvu_compensation,
    tail_coverage,
    termination_without_cause,
)
from rules.base import Findings, Flag, RuleContext
from rules.registry import RULES_DIR
from rules.schema import FlagFile

__all__ = ["RULE_MODULES", "Findings", "Flag", "evaluate", "flag_files"]

#: The one registration point: every kind with a rule module. A kind's module, flag file and test
#: table must exist together (tests/rules/test_registry.py checks it).
RULE_MODULES: dict[str, ModuleType] = {
    module.KIND: module
    for module in (
        non_compete,
        partnership_track,
        rvu_compensation,
        call_compensation,
        ancillary_income,
        non_solicitation,
        tail_coverage,
        termination_without_cause,
        liquidated_damages,
        repayment_clawback,
        base_compensation,
    )
}
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


@lru_cache(maxsize=1)
def flag_files() -> dict[str, FlagFile]:
    """Flag files (thresholds and texts) by kind, validated."""
    files: dict[str, FlagFile] = {}
    for kind in RULE_MODULES:
        path = RULES_DIR / "flags" / f"{kind}.yaml"
        try:
            files[kind] = FlagFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except FileNotFoundError as error:
            raise RuleDataError(f"{path.name}: missing flag file for kind {kind!r}") from error
        except (yaml.YAMLError, ValidationError) as error:
            raise RuleDataError(f"{path.name}: {error}") from error
        if files[kind].kind != kind:
            raise RuleDataError(f"{path.name}: kind {files[kind].kind!r} does not match the file name")
    return files


def evaluate(findings: Findings) -> list[Flag]:
    """All flags for one contract: worst first, then by page."""
    flags: list[Flag] = []
    for kind, module in RULE_MODULES.items():
        ctx = RuleContext(findings, flag_files()[kind])
        module.evaluate(ctx)
        flags.extend(ctx.flags)
    ctx = RuleContext(findings, flag_files()[combined.KIND])
    combined.evaluate(ctx, flags)  # combinations read the flags above
    flags.extend(ctx.flags)
    flags.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], f.page or 10**6, f.id))
    return flags
