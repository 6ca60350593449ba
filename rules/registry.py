"""Load and validate the rule data files once: pattern files (tagging cues) and flag files (judgement)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from nlp.errors import RuleDataError
from nlp.kinds import CLAUSE_KINDS
from nlp.tagger import CuePattern
from rules.schema import PatternFile

RULES_DIR = Path(__file__).resolve().parent
PATTERNS_DIR = RULES_DIR / "patterns"


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RuleDataError(f"{path.name}: cannot read YAML: {error}") from error


def load_pattern_file(path: Path) -> PatternFile:
    """One pattern file, validated; the file's stem must equal its ``kind``."""
    try:
        spec = PatternFile.model_validate(_read_yaml(path))
    except ValidationError as error:
        raise RuleDataError(f"{path.name}: {error}") from error
    if spec.kind != path.stem:
        raise RuleDataError(f"{path.name}: kind {spec.kind!r} does not match the file name")
    return spec


@lru_cache(maxsize=1)
def pattern_files() -> tuple[PatternFile, ...]:
    """All pattern files, one per clause kind, in CLAUSE_KINDS order."""
    found = {p.stem: p for p in PATTERNS_DIR.glob("*.yaml")}
    missing = [k for k in CLAUSE_KINDS if k not in found]
    extra = sorted(set(found) - set(CLAUSE_KINDS))
    if missing or extra:
        raise RuleDataError(f"pattern files out of step with CLAUSE_KINDS: missing {missing}, unknown {extra}")
    return tuple(load_pattern_file(found[kind]) for kind in CLAUSE_KINDS)


def cue_patterns() -> list[CuePattern]:
    """Every cue of every kind, as the tagger takes them."""
    cues = []
    for spec in pattern_files():
        for cue in spec.cues:
            cues.append(
                CuePattern(
                    kind=spec.kind,
                    id=cue.id,
                    weight=cue.weight,
                    phrases=tuple(cue.phrases),
                    tokens=tuple(tuple(token for token in pattern) for pattern in cue.tokens),
                    requires=tuple(cue.requires),
                    heading_only=cue.heading_only,
                )
            )
    return cues


def tag_thresholds() -> dict[str, float]:
    return {spec.kind: spec.threshold for spec in pattern_files()}
