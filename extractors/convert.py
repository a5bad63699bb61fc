"""Convert legacy office files (.doc .wps .rtf .odt .ods) with LibreOffice headless, safely.

Each conversion runs LibreOffice in the reading worker with
- its own throwaway profile directory (two conversions never share state, nothing is left behind),
  seeded with settings that refuse macros and never update links to outside content;
- no network: a fresh network namespace where the kernel allows one (Linux user namespaces), so a
  document that links to a URL cannot make LibreOffice fetch it;
- a time limit (the process group is killed) and an address-space limit; the process dies with the
  worker that started it (PR_SET_PDEATHSIG), so a worker killed for its own time limit leaves nothing.
The input is copied under a plain ASCII name first, so no file name can be taken for an option.
Where LibreOffice is not installed the document fails with reason `needs_converter` and the command
that installs it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.model import ReadError

CONVERT_TIMEOUT = float(os.environ.get("GOUJI_CONVERT_TIMEOUT", "100"))  # seconds per conversion
CONVERT_MEMORY_MB = int(os.environ.get("GOUJI_CONVERT_MEMORY_MB", "2048"))  # address space of LibreOffice
INSTALL_HINT = (
    "install LibreOffice: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui "
    "(other systems: the LibreOffice package, or set GOUJI_SOFFICE to its soffice program)"
)
_RESTART = 81  # soffice.bin's exit code after it created a fresh profile: run it again
# LibreOffice's export filter per target suffix
FILTERS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}

# macros off, links to other files and URLs never updated, no update check, no first-start wizard
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
 oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link"
 oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link"
 oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun"
 oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted"
 oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """LibreOffice's program: $GOUJI_SOFFICE, else soffice.bin beside the `soffice` on PATH (the
    shell wrapper would add a splash process that outlives a kill), else that `soffice` itself."""
    configured = os.environ.get("GOUJI_SOFFICE")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    candidates = [shutil.which("soffice"), shutil.which("libreoffice")]
    candidates += ["/usr/lib/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    for found in candidates:
        if not found or not os.path.exists(found):
            continue
        real = Path(os.path.realpath(found))
        binary = real.with_name("soffice.bin")
        if binary.is_file() and os.access(binary, os.X_OK):
            return str(binary)
        if os.access(real, os.X_OK):
            return str(real)
    return None


def available() -> bool:
    return find_soffice() is not None


@contextmanager
def converted(src: Path, target: str, source_format: str) -> Iterator[Path]:
    """Convert `src` to `target` ("docx" or "xlsx") in a private temporary folder; yield the new file,
    which is removed with the folder afterwards. ReadError `needs_converter`, `timeout` or `corrupt`."""
    soffice = find_soffice()
    if soffice is None:
        raise ReadError("needs_converter", f"reading .{source_format} needs LibreOffice; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="gouji-convert-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        inbox, outbox = work / "in", work / "out"
        inbox.mkdir()
        outbox.mkdir()
        source = inbox / f"input.{source_format}"
        try:
            shutil.copyfile(src, source)
        except OSError as e:
            raise ReadError("corrupt", f"cannot read the file: {e.strerror or e}") from e
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            FILTERS[target],
            "--outdir",
            str(outbox),
            str(source),
        ]
        result = outbox / f"input.{target}"
        for _attempt in range(2):
            code, err = _run(cmd, work)
            if code != _RESTART:
                break
        if not result.is_file() or result.stat().st_size == 0:
            detail = err.strip().splitlines()[-1] if err.strip() else f"exit code {code}"
            raise ReadError("corrupt", f"LibreOffice could not convert this .{source_format} file ({detail[:200]})")
        yield result


def _run(cmd: list[str], cwd: Path) -> tuple[int, str]:
    env = {
        "HOME": str(cwd),  # LibreOffice writes into $HOME if anything escapes the profile
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "SAL_USE_VCLPLUGIN": "svp",  # headless rendering, no display needed
    }
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_confine if sys.platform.startswith("linux") else None,  # noqa: PLW1509 - runs before exec
    )
    try:
        _out, err = proc.communicate(timeout=CONVERT_TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise ReadError("timeout", f"LibreOffice did not finish the conversion within {CONVERT_TIMEOUT:g} s") from None
    except BaseException:
        _kill_group(proc)
        raise
    finally:
        _kill_group(proc)  # soffice may leave helpers behind in its session
    return proc.returncode, err.decode("utf-8", "replace")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1


def _confine() -> None:
    """In the child before exec: no network, a memory cap, and death with the parent."""
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0:
        # be the same user inside the new namespace (as `unshare -r` does), or files look foreign
        for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
            try:
                with open(f"/proc/self/{name}", "w") as f:
                    f.write(text)
            except OSError:
                pass
    try:
        import resource

        limit = CONVERT_MEMORY_MB * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # after unshare: a change of credentials clears it


def network_isolated() -> bool:
    """Whether this kernel lets a conversion run without network (for the README's claim and a test)."""
    try:
        proc = subprocess.run(
            [sys.executable, "-c", "import socket; print(len(socket.if_nameindex()))"],
            preexec_fn=_confine,  # noqa: PLW1509
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0 and proc.stdout.strip() == b"1"  # only the loopback interface
