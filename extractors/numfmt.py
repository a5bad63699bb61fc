"""A spreadsheet cell as printed: its value shown through its number format (Excel's rules, the
common subset: decimals, thousands separators, percent, literal text, sections for negatives and
zero, thousands scaling). The printed text carries the printed decimals, so a cell holding
1234.5 formatted `#,##0.00` reads as 1,234.50 (2 decimals) and 0.15307 formatted `0.0%` as 15.3%.
Values are rounded the way Excel shows them: the stored double to 15 significant digits, then half
away from zero to the format's decimals.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_SECTION_SPLIT = re.compile(r';(?=(?:[^"]*"[^"]*")*[^"]*$)')  # ; outside quotes
_BRACKET = re.compile(r"\[[^\]]*\]")  # [Red], [$-804], [>=100], [DBNum1]
GENERAL_DIGITS = 10  # significant digits Excel's General format shows in an ordinary column


def display(value: object, fmt: str | None) -> str:
    """The text a spreadsheet shows for `value` under number format `fmt` ('' for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value)
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, int | float | Decimal):
        try:
            return format_number(Decimal(f"{float(value):.15g}") if isinstance(value, float) else Decimal(value), fmt)
        except (InvalidOperation, ValueError, OverflowError):  # inf, nan
            return str(value)
    return str(value)


def _date_text(value: dt.date) -> str:
    if isinstance(value, dt.datetime) and (value.hour or value.minute or value.second):
        return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    return f"{value.year}年{value.month}月{value.day}日"


def format_number(v: Decimal, fmt: str | None) -> str:
    fmt = fmt or "General"
    if fmt.strip().lower() in ("", "@") or fmt.strip().lower().startswith("general"):
        return _general(v)
    sections = _SECTION_SPLIT.split(fmt)
    section, sign = sections[0], "-" if v < 0 else ""
    if v < 0 and len(sections) > 1 and sections[1].strip():
        section, sign = sections[1], ""  # the negative section prints its own sign, if any
        v = -v
    elif v == 0 and len(sections) > 2 and sections[2].strip():
        section = sections[2]
    elif v < 0:
        v = -v
    return sign + _apply(v, section)


def _general(v: Decimal) -> str:
    if v == v.to_integral_value() and abs(v) < Decimal(10) ** 15:
        return str(int(v))
    shown = f"{v:.{GENERAL_DIGITS}g}"
    if "e" in shown or "E" in shown:
        return format(v.normalize(), "f")
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def _literal_and_pattern(section: str) -> tuple[str, str, str]:
    """(prefix, number pattern, suffix): quoted text, \\x escapes and plain characters become literal
    text; _x is a space, *x a fill (nothing); [..] codes are dropped."""
    section = _BRACKET.sub("", section)
    prefix: list[str] = []
    suffix: list[str] = []
    pattern: list[str] = []
    i = 0
    while i < len(section):
        ch = section[i]
        target = suffix if pattern else prefix
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            target.append(section[i + 1 : end])
            i = end + 1
            continue
        if ch == "\\":
            target.append(section[i + 1 : i + 2])
            i += 2
            continue
        if ch == "_" and i + 1 < len(section):
            target.append(" ")
            i += 2
            continue
        if ch == "*" and i + 1 < len(section):
            i += 2
            continue
        if ch in "0#?.,":
            pattern.append(ch)
        else:
            target.append(ch)
        i += 1
    return "".join(prefix), "".join(pattern), "".join(suffix)


def _apply(v: Decimal, section: str) -> str:
    if "E+" in section.upper() or "/" in section.replace("\\/", ""):
        return _general(v)  # scientific and fraction formats: shown as General (rare in reports)
    prefix, pattern, suffix = _literal_and_pattern(section)
    if not pattern:
        return (prefix + suffix) or _general(v)  # a format that prints only text (e.g. "-" for zero)
    percent = (prefix + suffix).count("%")
    v = v * (Decimal(100) ** percent)
    scaled = re.search(r",+$", pattern)
    if scaled:  # #,##0, shows thousands
        v = v / (Decimal(1000) ** len(scaled.group(0)))
        pattern = pattern[: scaled.start()]
    int_part, _, frac_part = pattern.partition(".")
    required = frac_part.count("0")
    optional = frac_part.count("#") + frac_part.count("?")
    q = v.quantize(Decimal(1).scaleb(-(required + optional)), rounding=ROUND_HALF_UP)
    text = f"{q:.{required + optional}f}"
    if optional:
        head, _, tail = text.partition(".")
        tail = tail.rstrip("0")
        tail = tail + "0" * max(0, required - len(tail))
        text = head + ("." + tail if tail else "")
    if "," in int_part:
        head, dot, tail = text.partition(".")
        text = f"{int(head):,}" + dot + tail
    if "0" not in int_part and (text == "0" or text.startswith("0.")):
        text = text[1:]  # #.00 prints .50, and ?? prints nothing for zero
        text = "" if text == "." else text
    return prefix + text + suffix
