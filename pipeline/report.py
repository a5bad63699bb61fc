"""DIR/report.html: every finding beside its evidence, in one self-contained page an auditor opens in a browser.

No server, no network, no external script, style or font: the page images are JPEGs inside the file
(each once, as a CSS background that every card showing that part of the page reuses), the figures'
boxes are drawn over them, and a small inline script filters and sorts the cards. A Content-Security-
Policy forbids the page any request. A large batch gets one page per document under DIR/report/,
linked from the overview in report.html.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from extractors.pdf_render import Crop
from pipeline import __version__
from pipeline.export import atomic_write
from pipeline.rows import evidence_of

SPLIT_DOCUMENTS = 20  # more documents with findings than this: one page per document
SPLIT_IMAGE_BYTES = 10_000_000  # or more page images than this in all (an e-mail attachment stays small)
PAGES_FOLDER = "report"  # DIR/report/: the per-document pages of a large batch
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
UNCHECKED = "未核实"  # the 核实状态 filter's name for an empty status
STATUS_NAMES = {"ok": "完成", "partial": "部分完成", "failed": "失败", "skipped": "跳过"}

CropsOf = Callable[[str], dict[str, Crop]]  # a document's sha256 → its page images


@dataclass
class _Place:
    index: int  # 0 = the stated figure
    anchor: str  # HTML id of the place's figure
    data: dict[str, Any]
    crop_class: str = ""  # CSS class of the page image shown here; "" when none or shown earlier
    same_crop_as: str = ""  # anchor of the earlier place whose image shows this one too
    boxes: list[tuple[int, list[float]]] = field(default_factory=list)  # place index, box fractions


@dataclass
class _Card:
    row: dict[str, Any]
    anchor: str
    position: int  # order in the document (page order)
    places: list[_Place]
    problem: str
    others: list[tuple[str, str]] = field(default_factory=list)  # (anchor, label) of findings sharing a place


@dataclass
class _DocumentView:
    index: int
    row: dict[str, Any]
    anchor: str
    cards: list[_Card]
    href: str = ""  # its own page in split mode


def write_report(
    out: Path,
    documents: list[dict[str, Any]],
    findings: list[dict[str, Any]],
    evidence: dict[str, str],
    crops_of: CropsOf,
    rules: dict[str, str] | None = None,
) -> list[Path]:
    """Write DIR/report.html (and DIR/report/*.html for a large batch); return the files written.

    `findings` are the rows of findings.csv (after the auditors' columns were carried over),
    `evidence` maps a finding_id to its stored `_evidence` JSON, `rules` a rule id to its title."""
    out = Path(out)
    views = _document_views(documents, findings, evidence)
    shas = sorted({v.row.get("sha256", "") for v in views if v.cards} - {""})
    split = sum(1 for v in views if v.cards) > SPLIT_DOCUMENTS
    total_bytes = 0
    for sha in shas if not split else []:  # one document's images in memory at a time
        total_bytes += sum(len(c.jpeg) for c in crops_of(sha).values())
        split = total_bytes > SPLIT_IMAGE_BYTES
        if split:
            break
    env = _environment()
    written: list[Path] = []
    folder = out / PAGES_FOLDER
    keep: set[Path] = set()
    if split:
        folder.mkdir(exist_ok=True)
        for v in views:
            if not v.cards:
                continue
            name = f"{v.index + 1:04d}-{_safe_name(v.row.get('path', ''))}.html"
            v.href = f"{PAGES_FOLDER}/{name}"
            page = folder / name
            images = {v.row.get("sha256", ""): crops_of(v.row.get("sha256", ""))}
            text = _render(env, [v], views, images, rules or {}, split=True, page_of_document=v)
            _write(page, text)
            written.append(page)
            keep.add(page)
    _remove_stale_pages(folder, keep)
    images = {} if split else {sha: crops_of(sha) for sha in shas}
    text = _render(env, [] if split else views, views, images, rules or {}, split=split, page_of_document=None)
    _write(out / "report.html", text)
    written.insert(0, out / "report.html")
    return written


# ------------------------------------------------------------------------------------------- model


def _document_views(
    documents: list[dict[str, Any]], findings: list[dict[str, Any]], evidence: dict[str, str]
) -> list[_DocumentView]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in findings:
        by_doc.setdefault(row["document"], []).append(row)
    views: list[_DocumentView] = []
    for i, doc in enumerate(documents):
        rows = by_doc.get(doc["path"], [])
        cards = [_card(i, k, row, evidence.get(row["finding_id"], "")) for k, row in enumerate(rows)]
        _link_shared_places(cards)
        cards.sort(key=lambda c: (SEVERITY_RANK.get(c.row["severity"], 3), c.position))
        views.append(_DocumentView(i, doc, f"d{i + 1}", cards))
    return views


def _card(doc_index: int, position: int, row: dict[str, Any], stored: str) -> _Card:
    ev = evidence_of({"_evidence": stored})
    anchor = f"f-{row['finding_id']}"
    places = [_Place(k, f"{anchor}-p{k}", p) for k, p in enumerate(ev.get("places") or []) if isinstance(p, dict)]
    if not places:  # no stored evidence (a document analysed before evidence existed): the row's own locations
        locs = [row.get("location", "")] + [x for x in str(row.get("related_location", "")).split("; ") if x]
        places = [_Place(k, f"{anchor}-p{k}", {"loc": loc}) for k, loc in enumerate(locs)]
    first_with: dict[str, _Place] = {}
    for pl in places:
        crop = pl.data.get("crop")
        if not crop:
            continue
        if crop in first_with:
            pl.same_crop_as = first_with[crop].anchor
        else:
            first_with[crop] = pl
            pl.crop_class = _crop_class(doc_index, crop)
        holder = first_with[crop]
        if isinstance(pl.data.get("box"), list):
            holder.boxes.append((pl.index, pl.data["box"]))
    return _Card(row, anchor, position, places, str(ev.get("problem") or ""))


def _link_shared_places(cards: list[_Card]) -> None:
    """Each card lists the other findings of its document that involve one of its places."""
    by_loc: dict[str, list[_Card]] = {}
    for c in cards:
        for loc in {p.data.get("loc", "") for p in c.places if p.data.get("loc")}:
            by_loc.setdefault(loc, []).append(c)
    for c in cards:
        seen: dict[str, str] = {}
        for p in c.places:
            for other in by_loc.get(p.data.get("loc", ""), []):
                if other is not c and other.anchor not in seen:
                    seen[other.anchor] = f"{other.row.get('location', '')} {other.row.get('rule', '')}"
        c.others = list(seen.items())


def status_label(row: dict[str, Any]) -> str:
    """The document's status in Chinese; a document skipped because it is unchanged shows its stored results."""
    status = str(row.get("status", ""))
    if status == "skipped" and str(row.get("reason", "")).startswith("unchanged"):
        return "完成（未变，沿用上次结果）"
    return STATUS_NAMES.get(status, status)


def _crop_class(doc_index: int, crop: str) -> str:
    return f"i{doc_index + 1}-{re.sub(r'[^A-Za-z0-9_-]', '_', crop)}"


def _safe_name(path: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\s#%&]+', "_", Path(path).name)
    return name[:60] or "document"


# ------------------------------------------------------------------------------------------- html


def _environment() -> Environment:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True)
    env.filters["marked"] = _marked
    env.filters["status"] = status_label
    return env


def _asset(name: str) -> str:
    return resources.files("pipeline").joinpath("templates", name).read_text(encoding="utf-8")


def _marked(text: str, hit: Any = None, figure: str = "") -> Markup:
    """Text with the figure in <mark>: at the stored character span, else its first occurrence."""
    text = str(text or "")
    a = b = -1
    if isinstance(hit, list) and len(hit) == 2 and 0 <= hit[0] <= hit[1] <= len(text):
        a, b = hit
    elif figure and figure in text:
        a = text.index(figure)
        b = a + len(figure)
    if a < 0:
        return Markup(html.escape(text))
    return Markup(f"{html.escape(text[:a])}<mark>{html.escape(text[a:b])}</mark>{html.escape(text[b:])}")


def _css_images(views: Iterable[_DocumentView], images: dict[str, dict[str, Crop]]) -> Markup:
    """One CSS rule per page image used by these cards: the JPEG is in the file once however often shown."""
    rules: list[str] = []
    done: set[str] = set()
    for v in views:
        crops = images.get(v.row.get("sha256", ""), {})
        for card in v.cards:
            for pl in card.places:
                if not pl.crop_class or pl.crop_class in done:
                    continue
                crop = crops.get(pl.data.get("crop", ""))
                if crop is None:
                    pl.crop_class = ""
                    continue
                done.add(pl.crop_class)
                data = base64.b64encode(crop.jpeg).decode("ascii")
                rules.append(
                    f".{pl.crop_class}{{background-image:url(data:image/jpeg;base64,{data});"
                    f"aspect-ratio:{crop.width}/{crop.height}}}"
                )
    return Markup("\n".join(rules))


def _render(
    env: Environment,
    shown: list[_DocumentView],
    views: list[_DocumentView],
    images: dict[str, dict[str, Crop]],
    rules: dict[str, str],
    split: bool,
    page_of_document: _DocumentView | None,
) -> str:
    template = env.from_string(_asset("report.html.j2"))
    cards = [c for v in shown for c in v.cards]
    families = sorted({c.row["rule"].split(".")[0] for c in cards})
    statuses = sorted({c.row.get("核实状态", "") or UNCHECKED for c in cards})
    totals = {s: sum(int(v.row.get(s + "s") or 0) for v in views) for s in ("error", "warning", "info")}
    return template.render(
        css=Markup(_asset("report.css")),
        script=Markup(_asset("report.js")),
        images=_css_images(shown, images),
        shown=shown,
        views=views,
        families=families,
        statuses=statuses,
        rules=rules,
        split=split,
        single=page_of_document,
        home="../report.html" if page_of_document is not None else "",
        severity_names=SEVERITY_NAMES,
        unchecked=UNCHECKED,
        totals=totals,
        version=__version__,
    )


def _write(path: Path, text: str) -> None:
    with atomic_write(path, binary=True) as f:
        f.write(text.encode("utf-8"))


def _remove_stale_pages(folder: Path, keep: set[Path]) -> None:
    """Per-document pages of an earlier run that this run did not write (under the DIR lock)."""
    if not folder.is_dir():
        return
    for p in folder.glob("*.html"):
        if p not in keep:
            try:
                p.unlink()
            except OSError:
                pass
