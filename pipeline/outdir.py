"""The output folder DIR: checked before any work, and locked so one scan at a time writes it.

A link planted in DIR (by anyone who may write there) must never make a scan write outside DIR.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.inputs import UsageError, os_reason, readable


class LockedError(Exception):
    """Another scan is writing the output folder (exit status 2)."""


EXPORTS = ("findings.csv", "findings.xlsx", "claims.csv", "documents.csv", "resolved.csv")


def prepare_out(out: Path) -> None:
    """DIR exists (created if needed) and every export can be written there, or a UsageError in
    plain words — before any document is analysed."""
    shown = readable(str(out))
    try:
        st = os.stat(out)
    except FileNotFoundError:
        if os.path.islink(out):
            raise UsageError(f"--out {shown} is a link to nothing") from None
        try:
            out.mkdir(parents=True)
        except OSError as e:
            raise UsageError(f"--out {shown}: cannot create the folder ({os_reason(e, 'folder')})") from None
        return
    except OSError as e:
        raise UsageError(f"--out {shown}: {os_reason(e, 'folder')}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise UsageError(f"--out {shown} is not a folder")
    for name in EXPORTS:
        target = out / name
        if os.path.lexists(target) and not os.path.islink(target) and not target.is_file():
            what = "a folder" if target.is_dir() else "not a regular file"
            raise UsageError(f"{readable(str(target))} is {what}; gouji writes its {name} there: move it away")


@contextmanager
def dir_lock(out: Path) -> Iterator[None]:
    """One scan at a time per DIR. A POSIX record lock on DIR/.lock: released by the kernel when the
    process dies, and not inherited by worker processes. The lock file is opened without following
    links and must be a regular file with one name, so a link planted there cannot make the scan
    truncate or write a file outside DIR."""
    path = out / ".lock"
    fd = _open_lock_file(path)
    try:
        try:
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise LockedError(f"{out} is being written by another gouji scan (pid {holder}); try again later") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


_LOCK_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_LOCK_FLAGS |= getattr(os, "O_CLOEXEC", 0)


def _open_lock_file(path: Path) -> int:
    for attempt in range(2):
        try:
            fd = os.open(path, _LOCK_FLAGS | (os.O_EXCL if attempt else 0), 0o644)
        except OSError as e:
            if attempt == 0 and os.path.islink(path):  # a link where the lock goes: removed, never followed
                os.unlink(path)
                continue
            raise UsageError(f"cannot open the lock file {readable(str(path))}: {e.strerror or e}") from None
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode) and st.st_nlink == 1:
            return fd
        os.close(fd)
        if attempt == 0 and stat.S_ISREG(st.st_mode):  # a hard link to a file elsewhere: not ours to write
            os.unlink(path)
            continue
        break
    raise UsageError(f"{readable(str(path))} is not a regular file gouji can lock; remove it and scan again")
