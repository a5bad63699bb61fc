"""Run one document in isolation: its own process, a time limit and a memory cap.

Two engines run the same per-document task (`run_one`):
- `run_local`: a pebble ProcessPool on this machine; workers are recycled after `max_tasks` documents;
- `run_dask`: Dask distributed; each Dask worker process keeps its own pebble pool (warm, recycled), so
  the time and memory limits hold there too. A daemonic Dask worker may not have child processes of
  that kind: there each document runs in a fresh `python -m pipeline.isolate` child instead.
Whatever happens to the document — a hang, a crash, an out-of-memory — the engine yields a
DocumentResult with status `failed` and a reason, and moves on.
"""

from __future__ import annotations

import concurrent.futures
import errno
import importlib
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.analyze import DocumentResult

Analyze = Callable[..., Any] | str  # a function, or 'module:function' (needed for Dask)
DEFAULT_ANALYZE = "pipeline.analyze:analyze_file"
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def resolve(analyze: Analyze) -> Callable[..., DocumentResult]:
    if callable(analyze):
        return analyze
    module, func = analyze.split(":")
    return getattr(importlib.import_module(module), func)


def failed(path: str, sha256: str, reason: str, message: str, seconds: float = 0.0) -> DocumentResult:
    from pipeline.analyze import DocumentResult

    return DocumentResult(path=path, sha256=sha256, status="failed", reason=f"{reason}: {message}", seconds=seconds)


def is_out_of_memory(e: BaseException) -> bool:
    """Memory running out, however it surfaced: MemoryError, or an import or mmap that failed for
    lack of memory under the address-space cap (ImportError: … failed to map segment …, ENOMEM)."""
    if isinstance(e, MemoryError):
        return True
    if isinstance(e, OSError) and e.errno == errno.ENOMEM:
        return True
    text = str(e)
    return isinstance(e, ImportError | OSError) and (
        "failed to map segment" in text or "Cannot allocate memory" in text
    )


def limit_memory(memory_mb: int | None) -> None:
    """Cap this process's address space; allocations beyond it raise MemoryError."""
    if not memory_mb:
        return
    try:
        import resource

        limit = int(memory_mb) * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def _die_with_parent() -> None:
    """Linux: a worker whose scan was killed (SIGKILL) must not keep working on its document."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def init_worker(memory_mb: int | None) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    limit_memory(memory_mb)


def run_one(analyze: Analyze, path: str, sha256: str) -> DocumentResult:
    """The per-document task. Python-level failures become a failed result, never an exception."""
    started = time.perf_counter()
    try:
        result = resolve(analyze)(path, sha256)
    except MemoryError:
        return failed(path, sha256, "oom", "out of memory (MemoryError)", time.perf_counter() - started)
    except RecursionError:
        return failed(path, sha256, "crashed", "nesting too deep (RecursionError)", time.perf_counter() - started)
    except Exception as e:  # a bug or an unexpected input: this document only
        msg = f"{type(e).__name__}: {e}".replace("\n", " ")[:300]
        if is_out_of_memory(e):
            return failed(path, sha256, "oom", f"out of memory ({msg})", time.perf_counter() - started)
        return failed(path, sha256, "crashed", msg, time.perf_counter() - started)
    result.path, result.sha256 = path, sha256
    return result


WARM_UP_TEXT = (
    "一、基本情况\n2023年本年支出合计3619.44万元，其中基本支出2998.29万元，占本年支出82.84%，比上年增长5%。\n"
)


def warm_up(analyze: Analyze) -> None:
    """Analyse a two-line report in this process so lazy caches (dictionaries, tokenizers, compiled
    patterns) are built before the pool forks: each recycled worker then starts warm."""
    fd, path = tempfile.mkstemp(prefix="gouji-warm-up-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(WARM_UP_TEXT)
        resolve(analyze)(path, "0" * 64)
    except Exception:  # only an optimisation; the real documents will report any problem
        pass
    finally:
        os.unlink(path)


def _expired(path: str, sha256: str, exitcode: int | None, seconds: float) -> DocumentResult:
    if exitcode is not None and exitcode in (-signal.SIGKILL, 137):
        # killed: the kernel's OOM killer, or memory exhausted below Python's reach
        return failed(path, sha256, "oom", "worker killed (SIGKILL), most likely out of memory", seconds)
    return failed(path, sha256, "crashed", f"worker process died (exit code {exitcode})", seconds)


# ------------------------------------------------------------------------------------ local pool


def outcome(fut: concurrent.futures.Future, path: str, sha256: str, timeout: float) -> DocumentResult:
    """The result of a pebble future, or a failed result saying what ended the document."""
    from pebble import ProcessExpired

    try:
        return fut.result()
    except concurrent.futures.TimeoutError:
        return failed(path, sha256, "timeout", f"no result within {timeout:g} s", timeout)
    except ProcessExpired as e:
        return _expired(path, sha256, e.exitcode, 0.0)
    except MemoryError:
        return failed(path, sha256, "oom", "result too large for memory", 0.0)
    except Exception as e:  # e.g. a result that cannot be pickled back
        return failed(path, sha256, "crashed", f"{type(e).__name__}: {e}"[:300], 0.0)


def make_pool(workers: int, memory_mb: int | None, max_tasks: int) -> Any:
    import multiprocessing

    from pebble import ProcessPool

    # fork where it is safe (Linux): workers start with this process's warm caches. Dask workers
    # default to spawn, which would make every recycled worker import and warm up from scratch.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    return ProcessPool(
        max_workers=workers, max_tasks=max_tasks, initializer=init_worker, initargs=(memory_mb,), context=context
    )


def run_local(
    jobs: list[tuple[str, str]],
    analyze: Analyze,
    workers: int,
    timeout: float,
    memory_mb: int | None,
    max_tasks: int = 20,
) -> Iterator[DocumentResult]:
    """Yield one DocumentResult per (path, sha256) job, in completion order."""
    if not jobs:
        return
    workers = max(1, min(workers, len(jobs)))
    # import the analysis code once, here: forked workers inherit it instead of each importing it
    importlib.import_module("pipeline.analyze")
    if len(jobs) > workers:  # workers will be recycled: warm the caches once, for all of them
        warm_up(analyze)
    pool = make_pool(workers, memory_mb, max_tasks)
    try:
        futures = {pool.schedule(run_one, args=(analyze, p, sha), timeout=timeout): (p, sha) for p, sha in jobs}
        for fut in concurrent.futures.as_completed(futures):
            yield outcome(fut, *futures[fut], timeout)
    finally:
        pool.stop()
        pool.join(timeout=10)


# ------------------------------------------------------------------------------------ subprocess


def run_in_subprocess(
    path: str, sha256: str, timeout: float, memory_mb: int | None, analyze: str = DEFAULT_ANALYZE
) -> DocumentResult:
    """One document in a fresh `python -m pipeline.isolate` child, killed after `timeout` seconds."""
    started = time.perf_counter()
    fd, out = tempfile.mkstemp(prefix="gouji-result-", suffix=".pickle")
    os.close(fd)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH", "")]))
    cmd = [sys.executable, "-m", "pipeline.isolate", analyze, path, sha256, out, str(memory_mb or 0)]
    try:
        try:
            proc = subprocess.run(cmd, env=env, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except subprocess.TimeoutExpired:
            return failed(path, sha256, "timeout", f"no result within {timeout:g} s", timeout)
        seconds = time.perf_counter() - started
        if proc.returncode != 0 or os.path.getsize(out) == 0:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if proc.stderr else []
            if proc.returncode < 0 or not tail:
                return _expired(path, sha256, proc.returncode, seconds)
            return failed(path, sha256, "crashed", tail[0][:300], seconds)
        with open(out, "rb") as f:
            return pickle.load(f)
    finally:
        os.unlink(out)


_DASK_POOL: dict[str, Any] = {}
_DASK_LOCK = threading.Lock()


def _dask_worker_pool(analyze: str, memory_mb: int | None, max_tasks: int) -> Any:
    """A warm pebble pool living in this Dask worker process, one process per worker thread, or None
    when this worker may not have child processes (a daemonic worker: then one fresh process per task)."""
    key = (analyze, memory_mb, max_tasks)
    with _DASK_LOCK:
        if _DASK_POOL.get("key") == key:
            return _DASK_POOL["pool"]
        if "pool" in _DASK_POOL and _DASK_POOL["pool"] is not None:
            _DASK_POOL["pool"].stop()
        import multiprocessing

        pool = None
        if not multiprocessing.current_process().daemon:
            try:
                from distributed import get_worker

                threads = get_worker().state.nthreads
            except (ImportError, ValueError, AttributeError):
                threads = 1
            importlib.import_module("pipeline.analyze")
            warm_up(analyze)
            pool = make_pool(max(1, threads), memory_mb, max_tasks)
        _DASK_POOL.update(key=key, pool=pool)
        return pool


def dask_task(path: str, sha256: str, timeout: float, memory_mb: int | None, analyze: str, max_tasks: int) -> Any:
    """What a Dask worker runs for one document: the same isolation as the local pool."""
    pool = _dask_worker_pool(analyze, memory_mb, max_tasks)
    if pool is None:
        return run_in_subprocess(path, sha256, timeout, memory_mb, analyze)
    return outcome(pool.schedule(run_one, args=(analyze, path, sha256), timeout=timeout), path, sha256, timeout)


def run_dask(
    jobs: list[tuple[str, str]],
    client: Any,
    timeout: float,
    memory_mb: int | None,
    analyze: str = DEFAULT_ANALYZE,
    max_tasks: int = 20,
) -> Iterator[DocumentResult]:
    """The same per-document task on a Dask distributed cluster; results come back to this process."""
    from distributed import as_completed

    futures = {}
    for path, sha in jobs:
        fut = client.submit(dask_task, path, sha, timeout, memory_mb, analyze, max_tasks, pure=False, retries=0)
        futures[fut] = (path, sha)
    for fut in as_completed(list(futures)):
        path, sha = futures[fut]
        try:
            yield fut.result()
        except Exception as e:  # the Dask worker itself died or the task could not run
            yield failed(path, sha, "crashed", f"dask task failed: {type(e).__name__}: {e}"[:300], 0.0)
        finally:
            fut.release()


def _child_main(argv: list[str]) -> int:
    analyze, path, sha256, out, memory_mb = argv
    _die_with_parent()
    limit_memory(int(memory_mb))
    result = run_one(analyze, path, sha256)
    with open(out, "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
