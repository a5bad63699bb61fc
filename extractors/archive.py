"""Zip bundles: their members are documents of their own, named `bundle.zip!/附件2.pdf`.

- Member names written without the UTF-8 flag (Windows' zip tools, in GBK) are decoded as UTF-8 when
  they are valid UTF-8, else as GB18030; the name shown is the decoded one.
- A member is never written under its own name: it is copied into a private temporary folder (0700)
  as `member.<suffix>`, so no name (`../../etc/passwd`, `C:\\…`, an absolute path) can place a file
  outside it; members whose names climb out of the archive are refused all the same, as are
  encrypted members, zip bombs (a member inflating past BOMB_RATIO, an archive past MAX_TOTAL) and
  archives nested deeper than MAX_DEPTH.
- .7z and .rar are `unsupported` with the reason (see extractors.registry): RAR has no maintained
  pure-Python reader (rarfile needs the non-free unrar program); 7-Zip is not read yet.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extractors.model import Document, ReadError
from extractors.zipguard import BOMB_RATIO, is_bomb

SEPARATOR = "!/"  # bundle.zip!/附件2.pdf
MAX_DEPTH = 3  # archives inside archives inside archives, no deeper
MAX_MEMBERS = 10_000
MAX_TOTAL = 2 * 1024**3  # uncompressed bytes of one archive
MAX_MEMBER = 500 * 1024**2  # uncompressed bytes of one member
_SAFE_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


@dataclass(frozen=True)
class Member:
    name: str  # decoded member name, as shown after `!/`
    size: int
    problem: str = ""  # "reason: message" when the member is refused without reading it
    is_archive: bool = False  # a nested zip, to be listed in turn


def is_member_path(path: str | Path) -> bool:
    text = str(path)
    return SEPARATOR in text and not os.path.exists(text)


def split(path: str | Path) -> tuple[str, list[str]]:
    """`a.zip!/b.zip!/c.pdf` → ('a.zip', ['b.zip', 'c.pdf'])."""
    outer, *inner = str(path).split(SEPARATOR)
    return outer, inner


def decoded_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return info.filename


def _climbs_out(name: str) -> bool:
    p = PurePosixPath(name.replace("\\", "/"))
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in p.parts


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise ReadError("corrupt", f"broken zip archive: {e}") from e


def list_members(path: Path, depth: int = 1) -> list[Member]:
    """The files of a zip archive, in archive order; ReadError for an archive refused as a whole."""
    with _open(path) as z:
        infos = [i for i in z.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise ReadError("too_large", f"archive of {len(infos)} members (limit {MAX_MEMBERS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise ReadError("too_large", f"archive unpacks to {total} bytes (limit {MAX_TOTAL})")
    out: list[Member] = []
    seen: set[str] = set()
    for info in infos:
        name = decoded_name(info)
        if name in seen:
            continue  # a second member of the same name cannot be told apart by its path
        seen.add(name)
        out.append(Member(name, info.file_size, _problem(info, name, depth), _looks_like_zip(name)))
    return out


def _problem(info: zipfile.ZipInfo, name: str, depth: int) -> str:
    if _climbs_out(name):
        return "unsupported: a member name that climbs out of the archive (refused, not extracted)"
    if info.flag_bits & 0x1:
        return "encrypted: a password-protected archive member"
    if is_bomb(info) or info.file_size > MAX_MEMBER:
        ratio = info.file_size / max(info.compress_size, 1)
        return f"too_large: inflates {ratio:.0f}:1 to {info.file_size} bytes (zip bomb? limit {BOMB_RATIO}:1)"
    if _looks_like_zip(name) and depth >= MAX_DEPTH:
        return f"unsupported: an archive nested deeper than {MAX_DEPTH} levels"
    return ""


def _looks_like_zip(name: str) -> bool:
    return name.lower().endswith(".zip")


@contextmanager
def materialized(path: str | Path) -> Iterator[Path]:
    """A member path as a real file in a private temporary folder (removed afterwards); a plain path as is."""
    if not is_member_path(path):
        yield Path(path)
        return
    outer, inner = split(path)
    if len(inner) > MAX_DEPTH:
        raise ReadError("unsupported", f"an archive nested deeper than {MAX_DEPTH} levels")
    tmp = tempfile.mkdtemp(prefix="gouji-member-")  # created 0700
    try:
        current = Path(outer)
        for i, name in enumerate(inner):
            current = _extract(current, name, Path(tmp) / f"{i}")
        yield current
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _extract(archive: Path, name: str, stem: Path) -> Path:
    with _open(archive) as z:
        info = next((i for i in z.infolist() if not i.is_dir() and decoded_name(i) == name), None)
        if info is None:
            raise ReadError("corrupt", f"no member {name!r} in the archive")
        problem = _problem(info, name, 1)
        if problem:
            reason, _, message = problem.partition(": ")
            raise ReadError(reason, message)
        suffix = PurePosixPath(name.replace("\\", "/")).suffix
        target = stem.with_name(stem.name + "-member" + (suffix if _SAFE_SUFFIX.match(suffix) else ""))
        written = 0
        try:
            with z.open(info) as src, open(target, "wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    written += len(chunk)
                    if written > max(info.file_size, 1) or written > MAX_MEMBER:
                        raise ReadError("too_large", f"{name} inflates past its declared size (refused)")
                    dst.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as e:
            raise ReadError("corrupt", f"cannot extract {name!r}: {type(e).__name__}: {e}") from e
    return target


def member_sha256(path: str | Path) -> str:
    with materialized(path) as local:
        h = hashlib.sha256()
        with open(local, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()


def read_archive(path: Path, sha256: str) -> Document:
    """An archive is not a document: its members are (gouji scan lists each as `bundle.zip!/member`)."""
    members = list_members(path)
    sample = ", ".join(m.name for m in members[:3])
    raise ReadError(
        "unsupported",
        f"an archive of {len(members)} member(s) ({sample}…): each is read as a document of its own, "
        f"named {path.name}{SEPARATOR}<member>",
    )
