"""Refuse hostile zip packages (Office Open XML workbooks, archives) before any parser opens them:
too many members, too much uncompressed data, a member that inflates like a zip bomb, or XML with a
DOCTYPE (entity expansion)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from extractors.model import ReadError

MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_MEMBERS = 10_000
BOMB_MIN_SIZE = 10 * 1024 * 1024  # a member must inflate past this before its ratio is suspicious
BOMB_RATIO = 200
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def check_package(
    path: Path,
    what: str,
    xml: bool = True,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_members: int = MAX_MEMBERS,
    bomb_ratio: int = BOMB_RATIO,
) -> None:
    """Raise ReadError (too_large | corrupt) for a package no parser should open."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            check_infos(infos, what, max_uncompressed, max_members, bomb_ratio)
            if xml:
                for info in infos:
                    if info.filename.endswith((".xml", ".rels")):
                        with z.open(info) as f:
                            head = f.read(4096)
                        if _DOCTYPE.search(head):
                            raise ReadError("corrupt", f"{info.filename} declares a DOCTYPE/entities (refused)")
    except zipfile.BadZipFile as e:
        raise ReadError("corrupt", f"not a zip container: {e}") from e
    except OSError as e:
        raise ReadError("corrupt", f"cannot read file: {e}") from e


def check_infos(
    infos: list[zipfile.ZipInfo],
    what: str,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_members: int = MAX_MEMBERS,
    bomb_ratio: int = BOMB_RATIO,
) -> None:
    if len(infos) > max_members:
        raise ReadError("too_large", f"{what} holds {len(infos)} members (limit {max_members})")
    total = sum(i.file_size for i in infos)
    if total > max_uncompressed:
        raise ReadError("too_large", f"{what} unpacks to {total} bytes (limit {max_uncompressed})")
    for info in infos:
        if is_bomb(info, bomb_ratio):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ReadError(
                "too_large", f"{info.filename} inflates {ratio:.0f}:1 to {info.file_size} bytes (zip bomb?)"
            )


def is_bomb(info: zipfile.ZipInfo, ratio: int = BOMB_RATIO) -> bool:
    return info.file_size > BOMB_MIN_SIZE and info.file_size / max(info.compress_size, 1) > ratio
