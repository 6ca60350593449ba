"""One name, one spelling: kinds, pattern files, flag files, rule modules, test tables and docs agree."""

from __future__ import annotations

import re
from pathlib import Path

from nlp.kinds import CLAUSE_KINDS, TERM_UNITS
from rules import RULE_MODULES, flag_files
from rules.registry import pattern_files
from rules.report import ClauseKind, TermName

ROOT = Path(__file__).resolve().parents[2]


def test_registry_pattern_file_per_kind():
    assert [spec.kind for spec in pattern_files()] == list(CLAUSE_KINDS)


def test_registry_rule_module_has_flag_file_and_test_table():
    for kind in RULE_MODULES:
        assert kind in CLAUSE_KINDS
        assert (ROOT / "rules" / "flags" / f"{kind}.yaml").is_file(), f"rules/flags/{kind}.yaml missing"
        assert (ROOT / "tests" / "rules" / f"test_{kind}.py").is_file(), f"tests/rules/test_{kind}.py missing"
    assert set(flag_files()) == set(RULE_MODULES)


def test_registry_every_flag_is_documented():
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", (ROOT / "docs" / "flags.md").read_text()))
    shipped = {flag_id for spec in flag_files().values() for flag_id in spec.flags}
    assert shipped - documented == set(), "flags missing from docs/flags.md"
    assert {f for f in documented if f.split(".")[0] in CLAUSE_KINDS} - shipped == set(), "documented but not shipped"


def test_registry_every_threshold_has_a_source():
    for spec in flag_files().values():
        for name, threshold in spec.thresholds.items():
            assert threshold.source.strip(), f"{spec.kind}.{name} has no source"


def test_registry_report_literals_match_vocabulary():
    assert set(ClauseKind.__args__) == set(CLAUSE_KINDS)
    assert set(TermName.__args__) == set(TERM_UNITS)


def test_registry_flag_rules_use_no_stray_flag_ids():
    for kind, module in RULE_MODULES.items():
        source = Path(module.__file__).read_text()
        for flag_id in re.findall(r'ctx\.add\(\s*"([a-z_]+\.[a-z_]+)"', source):
            if flag_id.split(".")[0] == kind:
                assert flag_id in flag_files()[kind].flags, f"{module.__name__} uses unknown flag {flag_id}"


def test_registry_every_flag_has_a_risky_and_a_fair_test_row():
    """Each flag id appears in some rule test table raised (with a severity) and not raised (None),
    as ``"<flag id>", "<severity>"`` / ``"<flag id>", None`` in a table row."""
    source = "\n".join(p.read_text() for p in (ROOT / "tests" / "rules").glob("test_*.py"))
    for spec in flag_files().values():
        for flag_id in spec.flags:
            if flag_id in ("non_compete.state_law", "non_compete.fired_and_barred", "tail_coverage.missing"):
                continue  # tested in their own tables (test_state_law, test_combined, test_tail_coverage)
            assert re.search(rf'"{re.escape(flag_id)}",\s*"(?:high|medium|low|info)"', source), f"no risky row for {flag_id}"
            assert re.search(rf'"{re.escape(flag_id)}",\s*None', source), f"no fair row for {flag_id}"
