"""Turn analysis results into the rows of the output contract (../shared/DESIGN.md).

Records kept in the catalog are path-independent (an identical copy of a file shares them);
`document`, `finding_id`, `change` and the auditor's columns are added per input path at export.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from typing import Any

from extractors.model import Claim, Fact, Provenance
from pipeline.findings import Finding, finding_id

FINDINGS_COLUMNS = [
    "finding_id",
    "document",
    "sha256",
    "page",
    "location",
    "rule",
    "severity",
    "subject",
    "stated_text",
    "stated_value",
    "expected_value",
    "difference",
    "unit",
    "related_location",
    "explanation",
    "change",
    "gouji_version",
    "核实状态",
    "审计备注",
]
CLAIMS_COLUMNS = [
    "document",
    "sha256",
    "page",
    "location",
    "kind",
    "subject",
    "row_labels",
    "column_labels",
    "text_value",
    "value",
    "unit",
    "base_value",
    "base_unit",
    "decimals",
    "qualifier",
    "role",
    "period",
    "relation",
    "denominator",
    "source_text",
]
DOCUMENTS_COLUMNS = [
    "path",
    "sha256",
    "format",
    "kind",
    "pages",
    "status",
    "reason",
    "seconds",
    "claims",
    "facts",
    "errors",
    "warnings",
    "infos",
    "gouji_version",
]
AUDITOR_COLUMNS = ("核实状态", "审计备注")

# The header findings.xlsx shows for each contract column: the ONE mapping used both to write the
# workbook and to read the auditors' notes back from it (pipeline.notes finds the findings sheets by
# these headers). Give a column a translated header here and both directions follow.
XLSX_HEADERS: dict[str, str] = {
    "finding_id": "编号",
    "document": "文件",
    "sha256": "文件SHA-256",
    "page": "页码",
    "location": "位置",
    "rule": "规则",
    "severity": "严重程度",
    "subject": "事项",
    "stated_text": "原文",
    "stated_value": "写明数",
    "expected_value": "应为数",
    "difference": "差额",
    "unit": "单位",
    "related_location": "关联位置",
    "explanation": "说明",
    "change": "本次变化",
    "gouji_version": "gouji版本",
    "核实状态": "核实状态",
    "审计备注": "审计备注",
}


def column_for_header(header: str) -> str | None:
    """The contract column a workbook header stands for (its own name or its XLSX_HEADERS header)."""
    text = header.strip()
    if text in XLSX_HEADERS:
        return text
    return next((c for c, h in XLSX_HEADERS.items() if h == text), None)


# Columns written as numbers (CSV: unescaped; xlsx: number cells). Everything else is text.
NUMERIC_COLUMNS: dict[str, frozenset[str]] = {
    "findings": frozenset({"page", "stated_value", "expected_value", "difference"}),
    "claims": frozenset({"page", "value", "base_value", "decimals"}),
    "documents": frozenset({"pages", "seconds", "claims", "facts", "errors", "warnings", "infos"}),
}

# Per-document finding fields stored in the catalog (finding row minus per-path / per-run columns).
FINDING_FIELDS = [c for c in FINDINGS_COLUMNS if c not in ("finding_id", "document", "change", "gouji_version")]
FINDING_FIELDS = [c for c in FINDING_FIELDS if c not in AUDITOR_COLUMNS]
CLAIM_FIELDS = [c for c in CLAIMS_COLUMNS if c != "document"]
LABEL_SEPARATOR = " › "


def plain(value: Decimal | int | float | None) -> str:
    """A number as a plain decimal string, printed decimals kept (2998.30 stays 2998.30, 1E+3 → 1000)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return format(value, "f")
    return str(value)


def position_key(prov: Provenance | None) -> str:
    """A sortable string for a place in the document: page, block, table/paragraph, row, col, span."""
    if prov is None:
        return ""

    def n(v: int | None) -> str:
        return f"{(v if v is not None else -1) + 1:07d}"

    span = prov.span[0] if prov.span else None
    where = prov.table if prov.table is not None else prov.paragraph
    return ".".join(n(v) for v in (prov.page, prov.block, where, prov.row, prov.col, span))


MAX_TEXT = 500  # characters of a sentence kept in a row; a longer one (a data dump) is cut around its figure


# A sentence holding more figures than this is a data dump, not prose: each of its claims keeps only
# DENSE_TEXT characters around its figure, so claims.csv grows linearly with the text (README, Bounds)
DENSE_SENTENCE = 20
DENSE_TEXT = 100


def excerpt(text: str, around: str = "", width: int = MAX_TEXT) -> str:
    """The text itself, or for a longer one the `width` characters around `around`, marked with …"""
    if len(text) <= width:
        return text
    i = text.find(around) if around else -1
    start = max(0, min(i - width // 2, len(text) - width)) if i >= 0 else 0
    end = start + width
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def claim_records(claims: list[Claim]) -> list[dict[str, str]]:
    """claim_record of each claim, the sentences of data dumps cut short (DENSE_SENTENCE)."""

    def sentence(c: Claim) -> tuple[Any, ...]:  # cheap identity: hashing each long sentence would not be
        p = c.prov
        return (p.page, p.block, p.paragraph, p.table, p.row, p.col, len(c.sentence), c.sentence[:40])

    figures = Counter(sentence(c) for c in claims)
    return [claim_record(c, DENSE_TEXT if figures[sentence(c)] > DENSE_SENTENCE else MAX_TEXT) for c in claims]


def claim_record(c: Claim, width: int = MAX_TEXT) -> dict[str, str]:
    q = c.quantity
    return {
        "sha256": c.prov.sha256,
        "page": "" if c.prov.page is None else str(c.prov.page),
        "location": c.prov.render(),
        "kind": "claim",
        "subject": c.subject,
        "row_labels": "",
        "column_labels": "",
        "text_value": q.text,
        "value": plain(q.value),
        "unit": q.unit,
        "base_value": plain(q.base_value),
        "base_unit": q.base_unit,
        "decimals": str(q.decimals),
        "qualifier": q.approx,
        "role": c.role,
        "period": c.period,
        "relation": c.relation,
        "denominator": c.denominator,
        "source_text": excerpt(c.sentence, q.text, width),
        "_pos": position_key(c.prov),
    }


def fact_record(f: Fact) -> dict[str, str]:
    q = f.quantity
    return {
        "sha256": f.prov.sha256,
        "page": "" if f.prov.page is None else str(f.prov.page),
        "location": f.prov.render(),
        "kind": "fact",
        "subject": f.row_labels[-1] if f.row_labels else "",
        "row_labels": LABEL_SEPARATOR.join(f.row_labels),
        "column_labels": LABEL_SEPARATOR.join(f.column_labels),
        "text_value": f.text or q.text,
        "value": plain(q.value),
        "unit": q.unit,
        "base_value": plain(q.base_value),
        "base_unit": q.base_unit,
        "decimals": str(q.decimals),
        "qualifier": q.approx,
        "role": "",
        "period": "",
        "relation": "",
        "denominator": "",
        "source_text": excerpt(f.text or q.text, q.text),
        "_pos": position_key(f.prov),
    }


def finding_record(f: Finding) -> dict[str, str]:
    explanation = f.explanation
    if f.derivation and f.derivation not in explanation:
        explanation = f"{explanation}（算式：{f.derivation}）"
    return {
        "sha256": f.prov.sha256,
        "page": "" if f.prov.page is None else str(f.prov.page),
        "location": f.location,
        "rule": f.rule,
        "severity": f.severity,
        "subject": f.subject,
        "stated_text": excerpt(f.stated_text, "" if f.stated_value is None else plain(f.stated_value)),
        "stated_value": plain(f.stated_value),
        "expected_value": plain(f.expected_value),
        "difference": plain(f.difference),
        "unit": f.unit,
        "related_location": f.related_location,
        "explanation": explanation,
        "_pos": position_key(f.prov),
    }


def record_id(record: dict[str, Any], key: str) -> str:
    """The finding id of a stored record in the document with this key (see findings.finding_id)."""
    return finding_id(key, record["rule"], record["subject"], record["stated_value"], record["stated_text"])


def evidence_json(places: list[dict[str, Any]], problem: str = "") -> str:
    """A finding's evidence as stored in the catalog: its places (see extractors.evidence) and, when the
    page images could not be made, why."""
    data: dict[str, Any] = {"places": places}
    if problem:
        data["problem"] = problem
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def evidence_of(record: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(record.get("_evidence") or "{}")
    except ValueError:
        return {"places": []}
    return data if isinstance(data, dict) else {"places": []}


def claim_rows(records: list[dict[str, Any]], document: str) -> list[dict[str, str]]:
    return [{"document": document, **{k: r[k] for k in CLAIM_FIELDS}} for r in records]


def finding_rows(records: list[dict[str, Any]], document: str, version: str, key: str = "") -> list[dict[str, str]]:
    """Findings of one document, in document order; `key` is the document's key for the ids (see
    findings.finding_id; the document's path when not given). Ids are made unique across a run by
    `unique_ids`."""
    rows: list[dict[str, str]] = []
    for r in records:
        row = {"finding_id": record_id(r, key or document), "document": document, **{k: r[k] for k in FINDING_FIELDS}}
        row.update({"change": "", "gouji_version": version, "核实状态": "", "审计备注": ""})
        rows.append(row)
    return rows


def unique_ids(rows: list[dict[str, Any]]) -> None:
    """Two findings about the same thing (one sentence printed twice; two folders each holding a
    report.pdf) keep both, the later one in document order with a suffix -2, -3…"""
    seen: dict[str, int] = {}
    for row in rows:
        fid = row["finding_id"]
        seen[fid] = seen.get(fid, 0) + 1
        if seen[fid] > 1:
            row["finding_id"] = f"{fid}-{seen[fid]}"


def sort_records(records: list[dict[str, Any]], *extra: str) -> list[dict[str, Any]]:
    """Position in the document, then the extra keys (rule; kind), stable otherwise."""
    return sorted(records, key=lambda r: (r.get("_pos", ""), *(r.get(k, "") for k in extra)))
