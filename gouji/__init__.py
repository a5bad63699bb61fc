"""gouji for analysts: a report's tables as pandas DataFrames, and its findings.

    import gouji

    doc = gouji.read("corpus/beishan-2023.pdf")
    table = doc.tables[0]                   # title, unit, pages, location
    df = table.to_pandas()                  # header rows as the columns, figures as Decimal
    df = table.to_pandas(numbers="float")   # or as float
    findings = gouji.check("corpus/beishan-2023.pdf")   # one row per finding, the findings.csv columns

A thin facade over `extractors/` and `pipeline/` (the same readers, extractors and checks as
`gouji scan`, run in this process without its isolation, catalog or exports). `read` and `check` raise
`gouji.ReadError` (with `.reason`, e.g. `encrypted`) for a file that cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from extractors.model import Document as _Model
from extractors.model import Paragraph, ReadError
from extractors.model import Table as _TableModel
from pipeline import __version__

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Document", "Paragraph", "ReadError", "Table", "__version__", "check", "read"]

Numbers = Literal["decimal", "float"]


@dataclass
class Table:
    """One table of a document. `model` is the reader's Table (cells with their spans, provenance)."""

    model: _TableModel

    @property
    def title(self) -> str:
        return self.model.title or ""

    @property
    def unit(self) -> str:
        """The table-wide unit as printed (万元), from its 单位 line; "" when none."""
        return self.model.unit or ""

    @property
    def pages(self) -> list[int]:
        return list(self.model.pages)

    @property
    def location(self) -> str:
        return self.model.prov.render()

    @property
    def header_rows(self) -> int:
        return self.model.header_rows

    @property
    def shape(self) -> tuple[int, int]:
        return self.model.n_rows, self.model.n_cols

    def grid(self) -> list[list[str]]:
        """Every position's text, row by row; a merged cell's text repeated where it spans."""
        from pipeline.tables import table_grid

        return [[c.text for c in row] for row in table_grid(self.model)]

    def to_pandas(self, numbers: Numbers = "decimal") -> pd.DataFrame:
        """The body rows as a DataFrame indexed by grid row number (1-based, as in `r5c3`). Columns: the
        header rows as a MultiIndex (one level per header row; a single header row gives a plain Index;
        none gives the column numbers 1…n). A figure is a Decimal with its printed decimals (2961.70 stays
        2961.70; a percent cell 82.58% gives 82.58), or a float with numbers="float"; other cells are their
        text, an empty cell None. Merged cells are repeated in every row and column they span."""
        import pandas as pd

        from pipeline.tables import table_grid

        if numbers not in ("decimal", "float"):
            raise ValueError(f"numbers must be 'decimal' or 'float', not {numbers!r}")
        grid = table_grid(self.model)
        heads = grid[: self.header_rows]
        body = grid[self.header_rows :]
        columns: pd.Index
        if not heads:
            columns = pd.Index(range(1, self.model.n_cols + 1), name="col")
        elif len(heads) == 1:
            columns = pd.Index([c.text for c in heads[0]])
        else:
            columns = pd.MultiIndex.from_arrays([[c.text for c in row] for row in heads])

        def value(cell: Any) -> Any:
            if cell.value is not None:
                return cell.value if numbers == "decimal" else float(cell.value)
            return cell.text or None

        index = pd.Index(range(self.header_rows + 1, self.model.n_rows + 1), name="row")
        rows = [[value(c) for c in row] for row in body]
        return pd.DataFrame(rows, index=index, columns=columns, dtype=object)  # Decimals, text and None as they are

    def __repr__(self) -> str:
        return f"<gouji.Table {self.location} {self.title!r} {self.model.n_rows}×{self.model.n_cols}>"


@dataclass
class Document:
    """A read report. `model` is the reader's Document (blocks in reading order, provenance)."""

    model: _Model
    tables: list[Table] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.model.path

    @property
    def format(self) -> str:
        return self.model.format

    @property
    def pages(self) -> int | None:
        return self.model.pages

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.model.paragraphs()

    def __repr__(self) -> str:
        return f"<gouji.Document {self.path!r} {self.format} {len(self.tables)} tables>"


def read(path: str | Path) -> Document:
    """The document of a .pdf, .docx or .txt report: its paragraphs and its tables."""
    from extractors.registry import read_document

    model = read_document(path)
    return Document(model, [Table(t) for t in model.tables()])


FINDING_COLUMNS = [
    "finding_id",
    "document",
    "page",
    "location",
    "where",
    "rule",
    "severity",
    "subject",
    "stated_text",
    "stated_value",
    "expected_value",
    "difference",
    "unit",
    "related_location",
    "related_where",
    "explanation",
]


def check(path: str | Path, numbers: Numbers = "decimal") -> pd.DataFrame:
    """The findings of one report, one row per finding, in document order: the findings.csv columns that
    do not depend on a run, plus `where`/`related_where` (the page and a phrase to search for, as in
    findings.xlsx). Values are Decimal (or float with numbers="float"); page is an int or None."""
    import pandas as pd

    from extractors.claims import extract_claims
    from extractors.evidence import collect
    from extractors.outline import build_outline
    from extractors.registry import read_document
    from extractors.report_kind import classify
    from extractors.tablefacts import extract_facts
    from pipeline.checks import run_checks
    from pipeline.rows import finding_record, record_id, sort_records, unique_ids

    if numbers not in ("decimal", "float"):
        raise ValueError(f"numbers must be 'decimal' or 'float', not {numbers!r}")
    model = read_document(path)
    kind = classify(model)
    found = run_checks(extract_claims(model), extract_facts(model), build_outline(model), doc=model, kind=kind)
    places = collect(model, [[f.prov, *f.related] for f in found]).places  # no page images: path not given
    records = []
    for f, where in zip(found, places, strict=True):
        record = finding_record(f)
        record["where"] = where[0].get("where", "") if where else ""
        record["related_where"] = "; ".join(p.get("where", "") for p in where[1:])
        records.append(record)
    records = sort_records(records, "rule")
    name = Path(path).name
    rows: list[dict[str, Any]] = [{"finding_id": record_id(r, name), "document": str(path), **r} for r in records]
    unique_ids(rows)

    def number(text: str) -> Decimal | float | None:
        if not text:
            return None
        return Decimal(text) if numbers == "decimal" else float(text)

    for r in rows:
        r["page"] = int(r["page"]) if r["page"] else None
        for c in ("stated_value", "expected_value", "difference"):
            r[c] = number(r[c])
    return pd.DataFrame([[r[c] for c in FINDING_COLUMNS] for r in rows], columns=FINDING_COLUMNS, dtype=object)
