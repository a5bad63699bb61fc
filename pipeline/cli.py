"""The `gouji` command: scan, extract, claims, tables, rules. The only module that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from pipeline import __version__

EXIT_OK, EXIT_FAIL_ON, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"gouji: {message}", file=sys.stderr)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gouji",
        description="Cross-check the figures of Chinese government budget, final-account and performance reports.",
    )
    parser.add_argument("--version", action="version", version=f"gouji {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser(
        "scan",
        help="check report files and folders; write findings.csv/.xlsx, claims.csv, documents.csv into DIR",
        description="Scan report files and folders (walked recursively; every file found gets a row in "
        "documents.csv, read or skipped/failed with its reason) and write "
        "findings.csv, findings.xlsx, claims.csv, documents.csv, resolved.csv and catalog.sqlite into DIR. "
        "Unchanged documents are not analysed again. Exit status: 0 done, 1 --fail-on triggered, "
        "2 bad usage or DIR locked by another scan.",
    )
    s.add_argument("paths", nargs="+", metavar="PATH", help="report files and folders")
    s.add_argument("--out", required=True, metavar="DIR", help="output folder (created if needed)")
    s.add_argument("--workers", type=_positive_int, default=None, metavar="N", help="worker processes (default: cores)")
    s.add_argument("--timeout", type=_positive_float, default=120.0, metavar="S", help="seconds per document (120)")
    s.add_argument("--memory-mb", type=_positive_int, default=2048, metavar="MB", help="memory cap per worker (2048)")
    s.add_argument("--rescan", action="store_true", help="analyse every document again, ignoring the catalog")
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.add_argument(
        "--fail-on",
        action="append",
        choices=("error", "warning", "failed"),
        default=[],
        help="exit 1 when a new error (error), a new error or warning (warning) or a failed document (failed) "
        "is found; may be repeated",
    )
    s.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="run on Dask: 'local' starts a local cluster, tcp://HOST:PORT joins a running scheduler "
        "(needs gouji[dask]; files must be readable at the same paths on the workers)",
    )

    e = sub.add_parser(
        "extract",
        help="print the document model of one file (paragraphs, tables, locations)",
        description="Print the document model of FILE. text: one paragraph per line and one table row per line, "
        "cells separated by ' | ', each line prefixed by its location. json: every block with its provenance. "
        "Exit status 1 with a one-line reason when FILE cannot be read.",
    )
    e.add_argument("file", metavar="FILE")
    e.add_argument("--format", choices=("json", "text"), default="text", help="output format (text)")

    c = sub.add_parser(
        "claims",
        help="print the claims and table facts of one file as CSV",
        description="Print every narrative claim and table fact of FILE as CSV (UTF-8 with BOM) on stdout, "
        "with the columns of claims.csv. Exit status 1 with a one-line reason when FILE cannot be read.",
    )
    c.add_argument("file", metavar="FILE")

    t = sub.add_parser(
        "tables",
        help="write every table of the files as CSV and one workbook per file, with an index",
        description="Write every table of each FILE into DIR/<file name>/: one CSV per table (表N.csv: its "
        "标题, 单位, 页码 and 位置 on four lines, a blank line, then the cell grid, merged cells repeated, "
        "figures as plain numbers with their printed decimals) and tables.xlsx (a 目录 sheet, then a sheet "
        "per table with merged cells merged); DIR/index.csv lists every table. Exit status 1 when a FILE "
        "cannot be read (the others are still written).",
    )
    t.add_argument("files", nargs="+", metavar="FILE")
    t.add_argument("--out", required=True, metavar="DIR", help="output folder (created if needed)")

    sub.add_parser(
        "rules",
        help="list the rule catalogue",
        description="List the rule catalogue: id, family, severity, title (tab-separated).",
    )
    return parser


def _looks_like_option(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """A file name starting with '-' (`gouji scan -rf.pdf`) that argparse would take for an option."""
    known = {o for a in parser._actions for o in a.option_strings}
    for sub in parser._subparsers._group_actions if parser._subparsers else []:
        for p in getattr(sub, "choices", {}).values():
            known |= {o for a in p._actions for o in a.option_strings}
    for arg in argv:
        if arg == "--":
            return None
        if arg.startswith("-") and arg != "-" and arg.split("=", 1)[0] not in known and os.path.lexists(arg):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    dashed = _looks_like_option(parser, argv)
    if dashed is not None:
        _err(
            f"{dashed!r} is a file whose name starts with '-', which reads as an option; "
            f"write it as ./{dashed} (or put it after --)"
        )
        return EXIT_USAGE
    args = parser.parse_args(argv)
    try:
        if args.command == "scan":
            return _scan(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "claims":
            return _claims(args)
        if args.command == "rules":
            return _rules()
        if args.command == "tables":
            return _tables(args)
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `gouji claims x | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


# ------------------------------------------------------------------------------------ scan


class _Bar:
    """A tqdm bar on stderr when it is a terminal, else nothing."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Any = None
        self.enabled = enabled

    def __call__(self, advance: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False)
        if label:
            self.bar.set_postfix_str(label[-40:], refresh=False)
        self.bar.update(advance)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _scan(args: argparse.Namespace) -> int:
    from pipeline.batch import ScanOptions, UsageError, scan
    from pipeline.inputs import readable
    from pipeline.outdir import LockedError

    options = ScanOptions(
        out=Path(args.out),
        workers=args.workers,
        timeout=args.timeout,
        memory_mb=args.memory_mb,
        rescan=args.rescan,
        cluster=args.cluster,
    )
    bar = _Bar(enabled=not args.quiet and sys.stderr.isatty())
    try:
        report = scan(args.paths, options, progress=bar)
    except (UsageError, LockedError) as e:
        bar.close()
        _err(str(e))
        return EXIT_USAGE
    except OSError as e:  # e.g. DIR not writable
        bar.close()
        _err(readable(f"{e.filename or args.out}: {e.strerror or e}"))
        return EXIT_USAGE
    bar.close()
    for warning in report.warnings:
        _err(f"warning: {warning}")
    print(report.closing_line())
    return EXIT_FAIL_ON if report.triggered(set(args.fail_on)) else EXIT_OK


# ------------------------------------------------------------------------------------ extract


def _read(file: str) -> Any:
    """The Document of FILE, or None after printing a one-line reason."""
    from extractors.model import ReadError
    from extractors.registry import read_document
    from pipeline.inputs import readable

    shown = readable(file)
    try:
        return read_document(file)
    except ReadError as e:
        _err(readable(f"{shown}: {e.reason}: {e.message}"))
    except MemoryError:
        _err(f"{shown}: oom: out of memory")
    except RecursionError:
        _err(f"{shown}: crashed: nesting too deep")
    except Exception as e:  # a reader bug must still end in one line, not a traceback
        _err(readable(f"{shown}: crashed: {type(e).__name__}: {e}")[:400])
    return None


def _extract(args: argparse.Namespace) -> int:
    doc = _read(args.file)
    if doc is None:
        return 1
    if args.format == "json":
        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        for line in text_lines(doc):
            print(line)
    return EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _table_lines(table: Any, indent: str = "") -> list[str]:
    where = table.prov.render()
    head = [x for x in (table.title, f"单位：{table.unit}" if table.unit else "") if x]
    lines = [f"{indent}{where}\t[表 {table.n_rows}×{table.n_cols}] {' '.join(_one_line(h) for h in head)}".rstrip()]
    for r, cells in enumerate(table.rows()):
        lines.append(f"{indent}{where} r{r + 1}\t" + " | ".join(_one_line(c.text) for c in cells))
        for cell in cells:
            for nested in cell.nested:
                lines.extend(_table_lines(nested, indent + "  "))
    return lines


def text_lines(doc: Any) -> list[str]:
    """Each paragraph on one line and each table row on one line (cells joined by ' | '),
    each prefixed with its location and a tab, so grep finds a figure and where it is."""
    lines: list[str] = []
    for problem in doc.problems:
        lines.append(f"# {problem}")
    for block in doc.blocks:
        if block.kind == "table":
            lines.extend(_table_lines(block))
        else:
            lines.append(f"{block.prov.render()}\t{_one_line(block.text)}")
    return lines


# ------------------------------------------------------------------------------------ claims, rules


def _claims(args: argparse.Namespace) -> int:
    doc = _read(args.file)
    if doc is None:
        return 1
    from extractors.claims import extract_claims
    from extractors.tablefacts import extract_facts
    from pipeline.export import csv_bytes
    from pipeline.inputs import readable
    from pipeline.rows import CLAIMS_COLUMNS, claim_records, claim_rows, fact_record, sort_records

    try:
        records = claim_records(extract_claims(doc)) + [fact_record(f) for f in extract_facts(doc)]
    except Exception as e:
        _err(readable(f"{args.file}: crashed: {type(e).__name__}: {e}")[:400])
        return 1
    rows = claim_rows(sort_records(records, "kind"), readable(args.file))
    sys.stdout.flush()
    sys.stdout.buffer.write(csv_bytes(CLAIMS_COLUMNS, rows, "claims"))
    sys.stdout.buffer.flush()
    return EXIT_OK


def _tables(args: argparse.Namespace) -> int:
    from pipeline.inputs import readable
    from pipeline.tables import folder_name, write_document_tables, write_index

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        _err(f"--out {readable(str(out))} is not a folder")
        return EXIT_USAGE
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    index: list[dict[str, Any]] = []
    failed = 0
    for file in args.files:
        doc = _read(file)
        if doc is None:
            failed += 1
            continue
        shown = readable(file)
        folder = out / folder_name(file, taken)
        try:
            rows = write_document_tables(doc, shown, folder)
        except Exception as e:  # a bug meeting odd input: this file only
            _err(readable(f"{shown}: crashed: {type(e).__name__}: {e}")[:400])
            failed += 1
            continue
        index.extend(rows)
        print(f"{shown}: {len(rows)} tables → {readable(str(folder))}")
    write_index(out / "index.csv", index)
    done = len(args.files) - failed
    unread = f"; {failed} could not be read" if failed else ""
    print(f"Wrote {len(index)} tables of {done} files into {readable(str(out))} (index.csv){unread}")
    return 1 if failed else EXIT_OK


def _rules() -> int:
    from pipeline.checks import RULES
    from pipeline.checks.template import declared_rules

    # the template family's declarative rules (pipeline/data/template_rules.toml) are listed under the rule
    # whose findings they make, as template.cross-table/js.total.balance (their explanations name the id)
    under: dict[str, list[str]] = {}
    for r, sub_id, title, kinds in declared_rules():
        under.setdefault(r.id, []).append(f"{r.id}/{sub_id}\t{r.family}\t{r.severity}\t{title}\t{','.join(kinds)}")
    print("id\tfamily\tseverity\ttitle\tkinds")
    for rid in sorted(RULES):
        r = RULES[rid]
        print(f"{r.id}\t{r.family}\t{r.severity}\t{r.title}\t{'*' if r.any_kind else ','.join(r.kinds)}")
        for line in under.get(rid, []):
            print(line)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
