"""Small .docx reports built in a test: paragraphs and tables with merged cells (python-docx)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column
Block = str | tuple[Sequence[Sequence[str]], Sequence[Merge]]


def write_docx(path: Path, blocks: Sequence[Block]) -> Path:
    """Each block is a paragraph (a string) or a table (its rows and its merged ranges)."""
    d = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        rows, merges = block
        table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        covered: set[tuple[int, int]] = set()
        for r1, c1, r2, c2 in merges:
            table.cell(r1, c1).merge(table.cell(r2, c2))
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                if (i, j) not in covered:
                    table.cell(i, j).text = text
    d.save(str(path))
    return path
