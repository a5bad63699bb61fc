"""Batch throughput: documents per minute with 1 and 2 workers, and the rerun's time.

    python benchmarks/bench_batch.py                 # corpus/ and ../shared/realdocs
    python benchmarks/bench_batch.py --variants 20   # plus 20 distinct variants of the seed text
    python benchmarks/bench_batch.py --cluster local # the same through a local Dask cluster

Each measurement is a fresh `gouji scan` process into a fresh output folder (start-up included), then
the same scan again over the unchanged folder (everything skipped; target: under 10% of the first run).
Not a test: it prints figures for the notes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = Path(os.environ.get("GOUJI_SHARED", ROOT.parent / "shared")) / "realdocs"


def build_inputs(folder: Path, variants: int, with_realdocs: bool) -> int:
    for f in sorted((ROOT / "corpus").glob("*")):
        if f.suffix in (".txt", ".docx", ".pdf"):
            shutil.copyfile(f, folder / f.name)
    if with_realdocs and REALDOCS.is_dir():
        for f in sorted(REALDOCS.glob("*.pdf")):
            shutil.copyfile(f, folder / f.name)
    seed = ROOT / "corpus" / "beishan-2023.txt"
    for i in range(variants):
        (folder / f"variant-{i:03d}.txt").write_text(seed.read_text("utf-8") + f"\n（第{i + 1}份）\n", "utf-8")
    return sum(1 for _ in folder.iterdir())


def gouji_scan(inputs: Path, out: Path, workers: int, cluster: str | None, timeout: float) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "pipeline.cli", "scan", str(inputs), "--out", str(out), "--quiet"]
    cmd += ["--workers", str(workers), "--timeout", str(timeout)]
    if cluster:
        cmd += ["--cluster", cluster]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"gouji scan failed ({proc.returncode}): {proc.stderr.strip()}")
    return seconds, proc.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", type=int, default=0, help="distinct variants of the seed text to add")
    ap.add_argument("--no-realdocs", action="store_true", help="only corpus/ (and variants)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cluster", default=None, help="'local' or tcp://HOST:PORT")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="gouji-bench-") as tmp:
        inputs = Path(tmp) / "inputs"
        inputs.mkdir()
        n = build_inputs(inputs, args.variants, not args.no_realdocs)
        print(
            f"{n} documents ({'corpus' + ('' if args.no_realdocs else ' + realdocs')}"
            f"{f' + {args.variants} seed variants' if args.variants else ''}), cpu count {os.cpu_count()}"
        )
        print(f"{'workers':>7}  {'first run':>10}  {'docs/min':>8}  {'rerun':>7}  {'rerun/first':>11}")
        for workers in args.workers:
            out = Path(tmp) / f"out-{workers}"
            first, line = gouji_scan(inputs, out, workers, args.cluster, args.timeout)
            rerun, line2 = gouji_scan(inputs, out, workers, args.cluster, args.timeout)
            print(f"{workers:>7}  {first:>9.1f}s  {n / first * 60:>8.1f}  {rerun:>6.2f}s  {rerun / first:>10.1%}")
            print(f"         first: {line}\n         rerun: {line2}")


if __name__ == "__main__":
    main()
