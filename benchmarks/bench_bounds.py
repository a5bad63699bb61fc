"""How big gouji's outputs grow with its input: claims.csv and catalog.sqlite per MB of input text.

    python benchmarks/bench_bounds.py [--mb 1] [--shapes dense,prose,table] [--edits 3]

For each shape of text it writes one file of about --mb MB, scans it (`gouji scan`, one worker, in
a fresh process) and prints the input size, the number of claims, claims.csv and the catalog in MB
per MB of input, the seconds and the peak memory of the worker. Then it edits one file --edits
times and scans after each edit, printing the catalog's size: superseded versions are pruned, so it
stays flat instead of growing with every edit.

Shapes: `dense` — one line of figures and nothing else (收入2998.29万元，占82.84%；…, the worst
case: a data dump with a figure every 16 characters); `prose` — the seed report's narrative and
tables repeated; `table` — tab-separated rows of numbers (table facts); `percent` — 占1%，
repeated (a figure every 8 bytes); `grid` — tab-separated one-digit cells (a figure every 2 bytes:
the most figures a text can hold, so the most rows per MB there can be).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "beishan-2023.txt"
MB = 1024 * 1024

RUN = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pipeline.batch import ScanOptions, scan
started = time.perf_counter()
report = scan([{folder!r}], ScanOptions(out={out!r}, workers=1, timeout=3600, memory_mb=None))
seconds = time.perf_counter() - started
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"seconds": seconds, "peak_kb": peak, "claims": sum(int(d["claims"] or 0) + int(d["facts"] or 0)
    for d in report.documents), "status": [d["status"] for d in report.documents]}}))
"""


def make(shape: str, size: int) -> str:
    if shape == "dense":
        unit = "收入2998.29万元，占82.84%；"
    elif shape == "prose":
        unit = SEED.read_text("utf-8") + "\n"
    elif shape == "percent":
        unit = "占1%，"
    elif shape == "grid":
        unit = "1\t2\t3\t4\t5\n"
    elif shape == "table":
        unit = "".join(f"{2010100 + i}\t支出{i}\t{1000 + i}.25\t{900 + i}.75\t{100 + i}.50\n" for i in range(200))
    else:
        raise SystemExit(f"unknown shape {shape}")
    n = max(1, size // len(unit.encode("utf-8")))
    return unit * n


def scan_once(folder: Path, out: Path) -> dict:
    code = RUN.format(root=str(ROOT), folder=str(folder), out=str(out))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="size of each input file in MB (1)")
    ap.add_argument("--shapes", default="dense,prose,table,percent,grid")
    ap.add_argument("--edits", type=int, default=3, help="edits of one file, scanned after each (3)")
    ap.add_argument("--edit-mb", type=float, default=0.05, help="size of the edited file in MB (0.05)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gouji-bounds-"))
    try:
        print(
            f"{'shape':6} {'input MB':>8} {'claims+facts':>12} {'claims.csv MB/MB':>16} {'catalog MB/MB':>13}"
            f" {'seconds':>8} {'peak MB':>8}"
        )
        for shape in args.shapes.split(","):
            folder, out = work / shape, work / f"out-{shape}"
            folder.mkdir()
            (folder / f"{shape}.txt").write_text(make(shape, int(args.mb * MB)), "utf-8")
            size = (folder / f"{shape}.txt").stat().st_size / MB
            got = scan_once(folder, out)
            claims = (out / "claims.csv").stat().st_size / MB
            catalog = (out / "catalog.sqlite").stat().st_size / MB
            print(
                f"{shape:6} {size:8.2f} {got['claims']:12d} {claims / size:16.1f} {catalog / size:13.2f}"
                f" {got['seconds']:8.1f} {got['peak_kb'] / 1024:8.0f}",
                flush=True,
            )
        if args.edits:
            folder, out = work / "edits", work / "out-edits"
            folder.mkdir()
            text = make("prose", int(args.edit_mb * MB))
            sizes = []
            for i in range(args.edits + 1):
                (folder / "report.txt").write_text(text + f"\n第{i}次修订。\n", "utf-8")
                scan_once(folder, out)
                sizes.append((out / "catalog.sqlite").stat().st_size / MB)
            print("catalog MB after the first scan and each edit of one file: " + ", ".join(f"{s:.2f}" for s in sizes))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"({time.strftime('%Y-%m-%d %H:%M')}, one run)")


if __name__ == "__main__":
    main()
