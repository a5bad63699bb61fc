"""Make variants of the seed report with one planted inconsistency each, plus a manifest.

    python scripts/make_planted.py [--out DIR] [--seed PATH] [--no-docx]

Writes DIR/<id>.txt and DIR/<id>.docx for every plant,
an unmodified copy (seed-unchanged), and DIR/manifest.json. The .docx variants are the corpus .docx
(scripts/make_corpus.py's output) with the same one cell or paragraph edited. DIR defaults to a new temporary folder, never
corpus/ (the README's main job scans corpus/). Each plant names what was changed, where (a table cell as
0-based table/row/col, or the paragraph holding the new number) and the rule family expected to see it.
"""

from __future__ import annotations

import argparse
import io
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
        # the cell is out against the text's 3619.44; the 执行率 beside it fits the right figure, so the cell's
        # finding names it (pipeline.checks._blame_the_input)
        "narrative_table",
        "附件4 年度资金总额 全年执行数 3619.44 → 3691.44",
        "\t3619.44\n",
        "\t3691.44\n",
        cell=(1, 2, 4),
        also=["rate", "scoresheet"],
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
        "narrative_table",
        "正文 公务接待费支出决算 4.99万元 → 4.89万元",
        "支出决算为4.99万元",
        "支出决算为4.89万元",
        number="4.89万元",
        also=["direction", "rate"],
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


def _changed_cell(p: Plant) -> tuple[str, str]:
    """The old and new text of the one table cell a table plant changes."""
    for a, b in zip(p.find.split("\n"), p.replace.split("\n"), strict=False):
        if a != b:
            return a.strip(), b.strip()
    raise ValueError(f"plant {p.id} changes nothing")


def _replace_in_paragraph(par, old: str, new: str) -> bool:
    for run in par.runs:
        if old in run.text:
            run.text = run.text.replace(old, new, 1)
            return True
    if old in par.text:  # split over runs: keep the first run's formatting
        text = par.text.replace(old, new, 1)
        for i, run in enumerate(par.runs):
            run.text = text if i == 0 else ""
        return True
    return False


def plant_docx(base: bytes, p: Plant) -> bytes:
    """The corpus .docx with the same change as the .txt variant (cell edits by grid position)."""
    import docx  # python-docx, a project dependency

    d = docx.Document(io.BytesIO(base))
    if p.cell is not None:
        t, r, c = p.cell
        old, new = _changed_cell(p)
        cell = d.tables[t].cell(r, c)
        if cell.text.strip() != old:
            raise ValueError(f"plant {p.id}: cell {p.cell} holds {cell.text!r}, not {old!r}")
        if not any(_replace_in_paragraph(par, old, new) for par in cell.paragraphs):
            raise ValueError(f"plant {p.id}: could not edit cell {p.cell}")
    else:
        old, new = p.find.split("\n")[0], p.replace.split("\n")[0]
        context = p.find.replace("\n", "")
        hits = [par for par in d.paragraphs if old in par.text]
        if len(hits) > 1:  # the first line alone is ambiguous: use the following paragraph as context
            texts = [par.text for par in d.paragraphs]
            hits = [
                par
                for i, par in enumerate(d.paragraphs)
                if old in par.text and context in par.text + (texts[i + 1] if i + 1 < len(texts) else "")
            ]
        if len(hits) != 1 or not _replace_in_paragraph(hits[0], old, new):
            raise ValueError(f"plant {p.id}: {old!r} is not in exactly one paragraph of the .docx")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _base_docx(seed: str) -> bytes | None:
    """corpus/beishan-2023.docx when it was made from this seed; else built with make_corpus (slow), if importable."""
    corpus = ROOT / "corpus" / "beishan-2023.docx"
    if corpus.exists() and (ROOT / "corpus" / "beishan-2023.txt").read_text(encoding="utf-8") == seed:
        return corpus.read_bytes()
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_corpus import build_docx  # type: ignore[import-not-found]
    except ImportError:
        return None
    return build_docx(seed)


def make(out: Path, seed_path: Path = SEED, docx: bool = True) -> dict:
    if out.resolve() == (ROOT / "corpus").resolve() or (ROOT / "corpus").resolve() in out.resolve().parents:
        raise ValueError("planted variants never go into corpus/")
    out.mkdir(parents=True, exist_ok=True)
    seed = seed_path.read_text(encoding="utf-8")
    base = _base_docx(seed) if docx else None
    entries = []
    for p in (Plant("seed-unchanged", "none", "", "the seed, unmodified", "", ""),) + PLANTS:
        text = seed if p.kind == "none" else plant_text(seed, p)
        files = {"txt": f"{p.id}.txt"}
        (out / files["txt"]).write_text(text, encoding="utf-8")
        if base is not None:
            files["docx"] = f"{p.id}.docx"
            (out / files["docx"]).write_bytes(base if p.kind == "none" else plant_docx(base, p))
        entries.append({**asdict(p), "files": files})
    manifest = {"seed": str(seed_path), "docx": base is not None, "plants": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


# ------------------------------------------------------------------ measuring


def findings_of(path: Path) -> list:
    sys.path.insert(0, str(ROOT))
    from extractors.claims import extract_claims
    from extractors.outline import build_outline
    from extractors.registry import file_sha256, read_document
    from extractors.tablefacts import extract_facts
    from pipeline.checks import run_checks

    doc = read_document(path, file_sha256(path))
    return doc, run_checks(extract_claims(doc), extract_facts(doc), build_outline(doc), doc=doc)


def _where(doc, plant: dict) -> tuple[str, tuple]:
    """('cell', (t, r, c)) or ('paragraph', (index, span of the planted number or None))."""
    if plant["cell"] is not None:
        return "cell", tuple(plant["cell"])
    first = plant["replace"].split("\n")[0]
    context = plant["replace"].replace("\n", "")
    paras = doc.paragraphs()
    for i, par in enumerate(paras):
        nxt = paras[i + 1].text if i + 1 < len(paras) else ""
        if first in par.text and context in par.text + nxt:
            at = par.text.index(first)
            n = plant["number"]
            k = par.text.find(n, at, at + len(first)) if n and n in first else -1
            return "paragraph", (par.prov.paragraph, (k, k + len(n)) if k >= 0 else None)
    raise LookupError(f"plant {plant['id']}: planted text not found in {doc.path}")


def _at(prov, kind: str, where: tuple) -> bool:
    if kind == "cell":
        return (prov.table, prov.row, prov.col) == where
    para, span = where
    if prov.paragraph != para or prov.table is not None:
        return False
    return span is None or prov.span is None or (prov.span[0] < span[1] and span[0] < prov.span[1])


def evaluate(out: Path, formats: tuple[str, ...] = ("txt", "docx")) -> list[dict]:
    """For each plant and format: the error/warning findings at the planted place, and which families made them."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    results = []
    baseline: dict[str, set] = {}
    for plant in manifest["plants"]:
        for fmt in formats:
            if fmt not in plant["files"]:
                continue
            doc, found = findings_of(out / plant["files"][fmt])
            alarms = [f for f in found if f.severity in ("error", "warning")]
            keys = {(f.rule, f.location, str(f.stated_value)) for f in alarms}
            if plant["kind"] == "none":
                baseline[fmt] = keys
                results.append({"id": plant["id"], "format": fmt, "kind": "none", "alarms": sorted(keys)})
                continue
            kind, where = _where(doc, plant)
            hits = [f for f in alarms if _at(f.prov, kind, where) or any(_at(p, kind, where) for p in f.related)]
            results.append(
                {
                    "id": plant["id"],
                    "format": fmt,
                    "kind": plant["kind"],
                    "family": plant["family"],
                    "found": bool(hits),
                    "by_family": plant["family"] in {f.rule.split(".")[0] for f in hits},
                    "rules": sorted({f.rule for f in hits}),
                    "new_elsewhere": len(
                        keys - baseline.get(fmt, set()) - {(f.rule, f.location, str(f.stated_value)) for f in hits}
                    ),
                }
            )
    return results


def recall(results: list[dict], key: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for r in results:
        if r["kind"] == "none":
            continue
        found, total = out.get(r[key], (0, 0))
        out[r[key]] = (found + (1 if r["found"] else 0), total + 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a new temporary folder)")
    ap.add_argument("--seed", type=Path, default=SEED)
    ap.add_argument("--no-docx", action="store_true")
    ap.add_argument("--score", action="store_true", help="also run the checks and print recall per family")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="gouji-planted-"))
    m = make(out, args.seed, docx=not args.no_docx)
    sys.stdout.write(f"{len(m['plants'])} variants ({'txt+docx' if m['docx'] else 'txt only'}) in {out}\n")
    if args.score:
        results = evaluate(out)
        for r in results:
            if r["kind"] != "none":
                mark = "found" if r["found"] else "MISSED"
                sys.stdout.write(f"{r['id']:<22} {r['format']:<5} {mark:<6} {', '.join(r['rules'])}\n")
        for key in ("family", "kind"):
            for name, (found, total) in sorted(recall(results, key).items()):
                sys.stdout.write(f"recall {key}={name}: {found}/{total}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
