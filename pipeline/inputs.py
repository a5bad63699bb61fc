"""What a scan covers: every file under the given files and folders, each becoming a row.

Paths are data. A name may hold any bytes the file system allows, so each input carries three forms:
`path` is what open() takes (undecodable bytes kept as surrogates, as os.fsdecode makes them),
`shown` is the same path made printable for the outputs (undecodable bytes and control characters
escaped as \\xNN), and `key` is the document's key for finding ids: its path relative to the folder
it was found under, or its name when given as a file, so moving the archive keeps every id.

Nothing under a folder is left out silently: a file no reader is registered for is `skipped` with
reason `unsupported` naming its format; a file or folder that cannot be opened, a dangling or looping
link and a path too long are `failed` with the reason; hidden files and folders, Office lock files
(~$…) and gouji's own output folder are `skipped` with reason `ignored`.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from extractors.registry import HEAD_BYTES, may_read, os_error, unsupported_reason


class UsageError(Exception):
    """Bad command-line input (exit status 2)."""


@dataclass(frozen=True)
class Found:
    path: str  # as given or found; what open() takes
    key: str  # the document's key (see the module docstring), printable
    shown: str  # the path as the outputs show it
    status: str = ""  # "" → to be read; skipped | failed → the row is decided here
    reason: str = ""
    format: str = ""

    @property
    def decided(self) -> bool:
        return bool(self.status)


def readable(text: str) -> str:
    """`text` safe to write anywhere (UTF-8, one line). A path component that is not UTF-8 (a GBK
    name from a zip made on Windows) has every non-ASCII byte shown as \\xNN, so no part of it reads
    as a wrong character; control characters become \\xNN too; everything else is kept as it is."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a file name
        raw = text.encode("utf-8", "backslashreplace")
    parts = []
    for part in raw.split(b"/"):
        try:
            parts.append(part.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append("".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in part))
    shown = "/".join(parts)
    if shown.isprintable():
        return shown
    return "".join(ch if ch.isprintable() else _escape(ord(ch)) for ch in shown)


def _escape(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def found(path: str, key: str, status: str = "", reason: str = "", fmt: str = "") -> Found:
    return Found(path=path, key=readable(key), shown=readable(path), status=status, reason=reason, format=fmt)


def os_reason(e: OSError, what: str = "file") -> str:
    err = os_error(e, what)
    return f"{err.reason}: {err.message}"


def walk(paths: list[str], exclude: Path | None = None) -> list[Found]:
    """Every file under the given files and folders, each once, sorted by path. A file named
    explicitly is always tried, whatever its name; a path that does not exist is a UsageError."""
    skip = _identity(exclude)
    out: list[Found] = []
    for arg in paths:
        try:
            st = os.stat(arg)
        except OSError as e:
            out.append(_unopenable_argument(arg, e))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk_folder(arg, skip, out)
        elif stat.S_ISREG(st.st_mode):
            out.append(found(arg, os.path.basename(os.path.normpath(arg)) or arg))
        else:
            raise UsageError(f"not a regular file or folder: {readable(arg)}")
    seen: set[str] = set()
    unique = []
    for f in out:
        norm = os.path.normpath(f.path)
        if norm not in seen:
            seen.add(norm)
            unique.append(f)
    return sorted(unique, key=lambda f: f.path)


def _identity(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _unopenable_argument(arg: str, e: OSError) -> Found:
    key = os.path.basename(os.path.normpath(arg)) or arg
    if e.errno == errno.ENOENT:
        if not os.path.lexists(arg):
            raise UsageError(f"no such file or folder: {readable(arg)}")
        return found(arg, key, "failed", _dangling(arg))
    return found(arg, key, "failed", os_reason(e))


def _dangling(path: str) -> str:
    try:
        target = readable(os.readlink(path))
    except OSError:
        target = "?"
    return f"dangling_link: a link to {target}, which does not exist"


def _walk_folder(top: str, skip: tuple[int, int] | None, out: list[Found]) -> None:
    """Depth first, in name order. Links to folders are followed after the real folders, so a
    folder reached both ways is listed under its real path; a link to a folder already walked (a
    loop, or a second way in) gets a row of its own instead of being walked again."""
    st = os.stat(top)
    visited = {(st.st_dev, st.st_ino)}
    stack: list[str] = [top]
    links: list[tuple[str, os.stat_result]] = []
    while stack or links:
        if not stack:
            link, target = links.pop(0)
            ident = (target.st_dev, target.st_ino)
            if ident in visited:
                out.append(found(link, os.path.relpath(link, top), "skipped", _walked_link(link), "folder"))
                continue
            visited.add(ident)
            stack.append(link)
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            out.append(found(folder, os.path.relpath(folder, top), "failed", os_reason(e, "folder"), "folder"))
            continue
        subfolders: list[str] = []
        for entry in entries:
            row = _entry(entry, top, skip, visited, subfolders, links)
            if row is not None:
                out.append(row)
        stack.extend(reversed(subfolders))


def _entry(
    entry: os.DirEntry[str],
    top: str,
    skip: tuple[int, int] | None,
    visited: set[tuple[int, int]],
    subfolders: list[str],
    links: list[tuple[str, os.stat_result]],
) -> Found | None:
    """The row of one folder entry, or None for a folder to walk (added to `subfolders` or `links`)."""
    path, key = entry.path, os.path.relpath(entry.path, top)
    if entry.name.startswith("."):
        is_dir = entry.is_dir()
        what = "a hidden folder (not walked)" if is_dir else "a hidden file"
        return found(path, key, "skipped", f"ignored: {what}", "folder" if is_dir else "")
    if entry.name.startswith("~$"):
        return found(path, key, "skipped", "ignored: an Office lock file", "")
    try:
        st = entry.stat()
    except OSError as e:
        if entry.is_symlink() and e.errno == errno.ENOENT:
            return found(path, key, "failed", _dangling(path))
        return found(path, key, "failed", os_reason(e))
    if stat.S_ISDIR(st.st_mode):
        ident = (st.st_dev, st.st_ino)
        if ident == skip:
            return found(path, key, "skipped", "ignored: gouji's output folder (--out)", "folder")
        if entry.is_symlink():
            links.append((path, st))
        elif ident in visited:  # a bind mount of a folder already walked
            return found(path, key, "skipped", _walked_link(path), "folder")
        else:
            visited.add(ident)
            subfolders.append(path)
        return None
    if not stat.S_ISREG(st.st_mode):
        kind = "a pipe" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
        return found(path, key, "skipped", f"unsupported: {kind}, not a regular file", "")
    if may_read(entry.name, b""):
        return found(path, key)
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError as e:
        return found(path, key, "failed", os_reason(e))
    if may_read(entry.name, head):
        return found(path, key)
    fmt, reason = unsupported_reason(entry.name, head)
    return found(path, key, "skipped", reason, fmt)


def _walked_link(path: str) -> str:
    try:
        target = readable(os.readlink(path))
    except OSError:
        target = "?"
    return f"ignored: a link to a folder already walked ({target})"
