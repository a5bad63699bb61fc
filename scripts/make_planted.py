"""Make variants of the seed report with one planted inconsistency each, plus a manifest.

    python scripts/make_planted.py [--out DIR] [--seed PATH] [--no-docx]

Writes DIR/<id>.txt (and DIR/<id>.docx, built with scripts/make_corpus.py's build_docx) for every plant,
an unmodified copy (seed-unchanged), and DIR/manifest.json. DIR defaults to a new temporary folder, never
corpus/ (the README's main job scans corpus/). Each plant names what was changed, where (a table cell as
0-based table/row/col, or the paragraph holding the new number) and the rule family expected to see it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_3ecd34c07709391b.txt"


@dataclass(frozen=True)
class Plant:
    id: str
    kind: str  # share | table-cell | sum | direction-word | score | narrative-figure
    family: str  # the rule family that should report it
    description: str
    find: str  # unique in the seed
    replace: str
    number: str = ""  # the planted number as printed (narrative plants: where to look)
    cell: tuple[int, int, int] | None = None  # table plants: 0-based table, row, col of the changed cell
    also: list[str] = field(default_factory=list)  # other families that may legitimately report it


PLANTS: tuple[Plant, ...] = (
    Plant("share-project", "share", "share", "项目支出占比 17.16% → 17.61%", "占17.16%", "占17.61%", number="17.61%"),
    Plant(
        "share-basic",
        "share",
        "share",
        "基本支出占比 82.84% → 83.84%",
        "占82.84%",
        "占83.84%",
        number="83.84%",
        also=["repeat"],
    ),
    Plant(
        "cell-reception",
        "table-cell",
        "narrative_table",
        "附件3 公务接待费 2023年决算数 4.99 → 4.89",
        "\t5.11\n\t5\n\t4.99\n",
        "\t5.11\n\t5\n\t4.89\n",
        cell=(0, 9, 3),
        also=["sum", "direction"],
    ),
    Plant(
        "cell-spent",
        "table-cell",
        "rate",
        "附件4 年度资金总额 全年执行数 3619.44 → 3691.44",
        "\t3619.44\n",
        "\t3691.44\n",
        cell=(1, 2, 4),
        also=["narrative_table", "scoresheet"],
    ),
    Plant(
        "cell-control", "table-cell", "rate", "附件3 控制率 111.4% → 114.1%", "\t111.4%\n", "\t114.1%\n", cell=(0, 2, 3)
    ),
    Plant(
        "cell-rate",
        "table-cell",
        "rate",
        "附件4 执行率 99.7% → 97.7%",
        "\t99.7%\n",
        "\t97.7%\n",
        cell=(1, 2, 6),
        also=["scoresheet"],
    ),
    Plant("sum-issues", "sum", "sum", "共解决各类问题 336件 → 338件", "各类问题336件", "各类问题338件", number="338件"),
    Plant("sum-households", "sum", "sum", "监测户合计 291户 → 219户", "共291户", "共219户", number="219户"),
    Plant(
        "sum-project-2022",
        "sum",
        "sum",
        "附件3 项目支出 2022年决算数 114.23 → 124.23",
        "项目支出：\n\t114.23\n",
        "项目支出：\n\t124.23\n",
        cell=(0, 10, 1),
    ),
    Plant(
        "direction-abroad",
        "direction-word",
        "direction",
        "因公出国（境）费 与上年持平 → 比上年增长",
        "与上年持平。\n2.公务接待费",
        "比上年增长。\n2.公务接待费",
        number="0万元",
    ),
    Plant(
        "direction-car",
        "direction-word",
        "direction",
        "公务用车购置费 与上年持平 → 比上年减少",
        "完成预算的100%，与上年持平。\n三、",
        "完成预算的100%，比上年减少。\n三、",
        number="0万元",
    ),
    Plant(
        "score-over",
        "score",
        "scoresheet",
        "附件4 农业保险承保面积 得分 2 → 3",
        "\t2.5万亩　\n\t2.5万亩　\n\t2　\n\t2　\n",
        "\t2.5万亩　\n\t2.5万亩　\n\t2　\n\t3　\n",
        cell=(1, 12, 7),
    ),
    Plant(
        "score-shortfall",
        "score",
        "scoresheet",
        "附件4 群众诉求 实际完成值 186件 → 150件（目标 160件，仍得满分）",
        "\t160件\n\t186件\n",
        "\t160件\n\t150件\n",
        cell=(1, 13, 5),
    ),
    Plant(
        "score-points",
        "score",
        "scoresheet",
        "附件4 信访群众满意度 分值 1 → 2（总分各项之和变为 101）",
        "信访群众满意度\n\t95%　\n\t98%　\n\t1　\n",
        "信访群众满意度\n\t95%　\n\t98%　\n\t2　\n",
        cell=(1, 49, 6),
    ),
    Plant(
        "narrative-rice",
        "narrative-figure",
        "scoresheet",
        "正文 中稻完成 2.25万亩 → 2.35万亩",
        "中稻完成2.25万亩",
        "中稻完成2.35万亩",
        number="2.35万亩",
    ),
    Plant(
        "narrative-reception",
        "narrative-figure",
        "rate",
        "正文 公务接待费支出决算 4.99万元 → 4.89万元",
        "支出决算为4.99万元",
        "支出决算为4.89万元",
        number="4.89万元",
        also=["narrative_table"],
    ),
    Plant(
        "narrative-per-capita",
        "narrative-figure",
        "rate",
        "正文 人均救助 1106.5元 → 1160.5元",
        "人均救助1106.5元",
        "人均救助1160.5元",
        number="1160.5元",
    ),
    Plant(
        "narrative-personnel",
        "narrative-figure",
        "sum",
        "正文 人员经费 2295.62万元 → 2259.62万元",
        "其中人员经费2295.62万元",
        "其中人员经费2259.62万元",
        number="2259.62万元",
        also=["share"],
    ),
)


def plant_text(seed: str, p: Plant) -> str:
    n = seed.count(p.find)
    if n != 1:
        raise ValueError(f"plant {p.id}: {p.find!r} occurs {n} times in the seed (must be once)")
    return seed.replace(p.find, p.replace)


def _docx_builder():
    """make_corpus.build_docx when the corpus script is importable (it needs python-docx only)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_corpus import build_docx  # type: ignore[import-not-found]
    except ImportError:
        return None
    return build_docx


def make(out: Path, seed_path: Path = SEED, docx: bool = True) -> dict:
    if out.resolve() == (ROOT / "corpus").resolve() or (ROOT / "corpus").resolve() in out.resolve().parents:
        raise ValueError("planted variants never go into corpus/")
    out.mkdir(parents=True, exist_ok=True)
    seed = seed_path.read_text(encoding="utf-8")
    build_docx = _docx_builder() if docx else None
    entries = []
    for p in (Plant("seed-unchanged", "none", "", "the seed, unmodified", "", ""),) + PLANTS:
        text = seed if p.kind == "none" else plant_text(seed, p)
        files = {"txt": f"{p.id}.txt"}
        (out / files["txt"]).write_text(text, encoding="utf-8")
        if build_docx is not None:
            files["docx"] = f"{p.id}.docx"
            (out / files["docx"]).write_bytes(build_docx(text))
        entries.append({**asdict(p), "files": files})
    manifest = {"seed": str(seed_path), "docx": build_docx is not None, "plants": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a new temporary folder)")
    ap.add_argument("--seed", type=Path, default=SEED)
    ap.add_argument("--no-docx", action="store_true")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="gouji-planted-"))
    m = make(out, args.seed, docx=not args.no_docx)
    sys.stdout.write(f"{len(m['plants'])} variants ({'txt+docx' if m['docx'] else 'txt only'}) in {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
