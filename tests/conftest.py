"""Shared paths: the seed, the corpus and the real reports (read in place, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("GOUJI_SHARED", ROOT.parent / "shared"))
SEED_TXT = SHARED / "seed" / "000_3ecd34c07709391b.txt"
REALDOCS = SHARED / "realdocs"
REALDOCS_WIDE = SHARED / "realdocs-wide"


def realdocs_pdfs() -> list[Path]:
    return sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []


@pytest.fixture
def realdocs() -> Path:
    if not REALDOCS.is_dir():
        pytest.skip(f"real reports not present at {REALDOCS} (a user's own clone); CI always has them")
    return REALDOCS


def realdoc(name_part: str) -> Path:
    """The real report whose file name contains name_part; skips when the folder is absent."""
    if not REALDOCS.is_dir():
        pytest.skip(f"real reports not present at {REALDOCS} (a user's own clone); CI always has them")
    matches = [p for p in realdocs_pdfs() if name_part in p.name]
    assert len(matches) == 1, f"expected one real report matching {name_part!r}, found {matches}"
    return matches[0]


def realdoc_wide(name_part: str) -> Path:
    """The file of ../shared/realdocs-wide whose name contains name_part; skips when the folder is absent."""
    if not REALDOCS_WIDE.is_dir():
        pytest.skip(f"real reports not present at {REALDOCS_WIDE} (a user's own clone); CI always has them")
    matches = [p for p in sorted(REALDOCS_WIDE.iterdir()) if name_part in p.name]
    assert len(matches) == 1, f"expected one file matching {name_part!r}, found {matches}"
    return matches[0]
