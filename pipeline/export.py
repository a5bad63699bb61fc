"""Write the contract's CSV files (UTF-8 with BOM, formula-safe), atomically; helpers for the workbooks.

Reading the previous run back (the `change` column, resolved.csv, the auditors' notes) is
pipeline.notes.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from pipeline.rows import NUMERIC_COLUMNS

FORMULA_PREFIXES = ("=", "+", "-", "@")
XLSX_MAX_ROWS = 1_000_000  # data rows per sheet; Excel's own limit is 1,048,576
TEMP_PREFIX = ".gouji-tmp-"


def escape_text(value: str) -> str:
    """A text cell Excel would run as a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def unescape_text(value: str) -> str:
    if value.startswith("'") and value[1:2] in FORMULA_PREFIXES and value[1:2]:
        return value[1:]
    return value


_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)


def _cell(value: Any, numeric: bool) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if numeric and _is_number(text):
        return text
    return "'" + text if text[:1] in _FORMULA_FIRST else text


def _is_number(text: str) -> bool:
    if not text:
        return False
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


def as_excel_number(text: str) -> float | None:
    """A number Excel can hold; absurd magnitudes (a garbled 5,000-digit figure) stay text."""
    if not _is_number(text):
        return None
    value = float(Decimal(text))
    return value if math.isfinite(value) and abs(value) < 1e300 else None


@contextmanager
def atomic_write(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """Write to a temporary file in the same folder, fsync, then rename over `path`."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX + path.name + ".", dir=path.parent)
    try:
        mode = "wb" if binary else "w"
        kwargs: dict[str, Any] = {} if binary else {"encoding": "utf-8-sig", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


@contextmanager
def all_or_nothing(folder: Path) -> Iterator[Callable[[str], Path]]:
    """Exports that replace the previous run's together: `stage(name)` gives a temporary path in
    `folder` to write `name` to; only when every one is written are they renamed into place, in the
    order staged. A failure on the way leaves the previous run's files as they were, none mixed."""
    staged: list[tuple[Path, Path]] = []

    def stage(name: str) -> Path:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX + name + ".", dir=folder)
        os.close(fd)
        staged.append((Path(folder) / name, Path(tmp)))
        return Path(tmp)

    try:
        yield stage
        for final, tmp in staged:
            os.replace(tmp, final)
    finally:
        for _, tmp in staged:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary exports left behind by a scan that was killed (called under the DIR lock)."""
    for p in Path(folder).glob(TEMP_PREFIX + "*"):
        try:
            p.unlink()
        except OSError:
            pass


def _column_flags(columns: list[str], kind: str) -> list[tuple[str, bool]]:
    numeric = NUMERIC_COLUMNS.get(kind, frozenset())
    return [(c, c in numeric) for c in columns]


def write_csv_stream(f: IO[str], columns: list[str], rows: Iterable[dict[str, Any]], kind: str) -> None:
    flags = _column_flags(columns, kind)
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(columns)
    w.writerows([_cell(row.get(c), is_numeric) for c, is_numeric in flags] for row in rows)


def csv_records(columns: list[str], rows: Iterable[dict[str, Any]], kind: str) -> list[str]:
    """Each row as one rendered CSV record (line terminator included), cells escaped as write_csv does."""
    flags = _column_flags(columns, kind)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    out: list[str] = []
    for row in rows:
        w.writerow([_cell(row.get(c), is_numeric) for c, is_numeric in flags])
        out.append(buf.getvalue())
        buf.seek(0)
        buf.truncate()
    return out


def write_prerendered_csv(path: Path, columns: list[str], parts: Iterable[tuple[str, list[str]]]) -> None:
    """A CSV whose first column is the same over a run of records rendered earlier by csv_records from
    the other columns (claims.csv: the document path, then that document's stored claims)."""
    with atomic_write(path) as f:
        csv.writer(f, lineterminator="\r\n").writerow(columns)
        for first, records in parts:
            prefix = csv_records([columns[0]], [{columns[0]: first}], "")[0][:-2] + ","
            f.writelines(prefix + r for r in records)


def write_csv(path: Path, columns: list[str], rows: Iterable[dict[str, Any]], kind: str) -> None:
    """UTF-8 with BOM (Excel on Chinese Windows reads it as UTF-8), written atomically."""
    with atomic_write(path) as f:
        write_csv_stream(f, columns, rows, kind)


def csv_bytes(columns: list[str], rows: Iterable[dict[str, Any]], kind: str) -> bytes:
    buf = io.StringIO()
    write_csv_stream(buf, columns, rows, kind)
    return buf.getvalue().encode("utf-8-sig")


def read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV this tool wrote, possibly re-saved by Excel (UTF-8 with/without BOM, or GB18030)."""
    data = Path(path).read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8-sig", errors="replace")
    return [
        {k: unescape_text(v or "") for k, v in row.items() if k is not None}
        for row in csv.DictReader(io.StringIO(text))
    ]
