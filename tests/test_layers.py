"""The layer rule, kept by a contract test: readers → extractors → checks → store/export → cli.

Each module may import only from its own layer or the layers before it, and only the CLI prints.
Imports inside functions count too (the AST is walked whole).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# extractors/ holds the readers (one per format, plus the PDF helpers) and the extractors proper
_READER_HELPERS = {"registry", "stitch", "continued", "table_titles", "wordcut"}
# helpers of the other formats' readers: content sniffing, LibreOffice conversion, spreadsheet grids and
# number formats, HTML blocks, zip checks and archive members
_READER_HELPERS |= {"formats", "convert", "numfmt", "sheet_tables", "html_blocks", "zipguard", "archive"}


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_reader(mod: str) -> bool:
    if not mod.startswith("extractors."):
        return False
    name = mod.split(".")[1]
    return name.endswith("_reader") or name.startswith(("pdf_", "ocr")) or name in _READER_HELPERS


CHECKS_LAYER = ("pipeline.checks", "pipeline.tolerance", "pipeline.findings")
OUTPUT_LAYER = ("pipeline.store", "pipeline.export", "pipeline.rows", "pipeline.report", "pipeline.workbook")
ORCHESTRATION = ("pipeline.analyze", "pipeline.batch", "pipeline.isolate", "pipeline.cli")


def _layer(mod: str) -> int:
    if _is_reader(mod):
        return 0
    if mod.startswith("extractors"):
        return 1
    if mod.startswith(CHECKS_LAYER):
        return 2
    if mod.startswith(OUTPUT_LAYER):
        return 3
    if mod == "pipeline.cli":
        return 5
    return 4  # orchestration: analyze, batch, isolate and the rest of pipeline


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
            out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return [(n, m) for n, m in out if m.split(".")[0] in ("extractors", "pipeline")]


def _sources() -> list[Path]:
    return sorted(p for d in ("extractors", "pipeline") for p in (ROOT / d).rglob("*.py"))


def _known(mod: str) -> bool:
    path = ROOT / Path(*mod.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_its_own_layer_or_earlier_ones(path: Path) -> None:
    mod = _module(path)
    mine = _layer(mod)
    wrong = []
    for line, target in _imports(path):
        if "." not in target or not _known(target):
            continue  # the bare packages hold only the version; `from X import name` is checked as X
        theirs = _layer(target)
        # readers may use the shared model and number parsing; extractors never use a reader
        if mine == 0 and theirs == 1 and target.split(".")[1] in ("model", "numbers", "units", "headings"):
            continue
        if theirs > mine:
            wrong.append(f"line {line}: {mod} (layer {mine}) imports {target} (layer {theirs})")
    assert not wrong, "\n".join(wrong)


def test_checks_never_import_a_reader() -> None:
    offenders = [
        f"{_module(p)} imports {t}"
        for p in _sources()
        if _module(p).startswith(CHECKS_LAYER)
        for _, t in _imports(p)
        if _is_reader(t)
    ]
    assert not offenders, offenders


def test_only_the_cli_prints() -> None:
    offenders = []
    for path in _sources():
        if _module(path) == "pipeline.cli":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, offenders


def test_the_layer_test_sees_every_layer() -> None:
    layers = {_layer(_module(p)) for p in _sources()}
    assert layers >= {0, 1, 2, 3, 4, 5}, layers
