"""One inconsistency, one finding: a generic family's verdict on a figure the template family already judged is dropped."""

from decimal import Decimal

from extractors.model import Provenance
from pipeline.checks import _dedupe
from pipeline.findings import Finding


def _finding(rule: str, severity: str = "warning", span: tuple[int, int] = (30, 36)) -> Finding:
    prov = Provenance(sha256="x", block=92, page=21, paragraph=91, span=span)
    return Finding(rule, severity, prov, "一般公共预算财政拨款支出", "…占99.86%", "…", stated_value=Decimal("99.86"))


def test_template_supersedes_generic_family_on_the_same_figure():
    kept = _dedupe([_finding("share.stated-vs-computed"), _finding("template.share")])
    assert [f.rule for f in kept] == ["template.share"]


def test_different_place_or_severity_is_kept():
    kept = _dedupe(
        [
            _finding("share.stated-vs-computed", span=(40, 46)),
            _finding("rate.completion", severity="error"),
            _finding("template.share"),
        ]
    )
    assert sorted(f.rule for f in kept) == ["rate.completion", "share.stated-vs-computed", "template.share"]


def test_repeat_findings_are_not_superseded():
    kept = _dedupe([_finding("repeat.different-values"), _finding("template.share")])
    assert len(kept) == 2
