"""Regenerate docs/report-card.png, the README's picture of report.html: the 财政局 finding's card.

    python scripts/screenshot_report.py [--out docs/report-card.png]

Scans ../shared/realdocs into a temporary folder, opens report.html in headless Chromium (Debian's
chromium + chromium-driver, see tests/browser.py) and saves the card of the finding "总计0.3万元" vs
the table's 2,961.68 as a small palette PNG.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from pipeline.batch import ScanOptions, scan  # noqa: E402
from tests import browser  # noqa: E402
from tests.conftest import REALDOCS  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "report-card.png"))
    ap.add_argument("--width", type=int, default=1100, help="browser window width in pixels")
    args = ap.parse_args()
    if browser.missing():
        sys.exit(browser.missing())
    with tempfile.TemporaryDirectory() as tmp:
        scan([str(REALDOCS)], ScanOptions(out=Path(tmp)))
        with browser.chromium(args.width, 2400) as driver:
            driver.get((Path(tmp) / "report.html").as_uri())
            card = next(c for c in driver.find_elements("css selector", "article.card") if "总计0.3万元" in c.text)
            driver.execute_script("arguments[0].scrollIntoView()", card)
            shot = card.screenshot_as_png
    image = Image.open(io.BytesIO(shot)).convert("RGB").quantize(colors=64)
    image.save(args.out, optimize=True)
    print(f"{args.out}: {image.width}×{image.height}, {Path(args.out).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
