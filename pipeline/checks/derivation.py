"""A finding's printed derivation (2.90 ÷ (18.74 + 2.90), 3213.05万元 ÷ 3050万元 × 100) read back as arithmetic, so a
computed figure can be recomputed with one of its inputs corrected."""

from __future__ import annotations

import ast
import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?")
_OPERATORS = str.maketrans({"÷": "/", "×": "*", "−": "-", "（": "(", "）": ")"})
_NOT_ARITHMETIC = re.compile(r"[^\d.+\-*/() ]")


def _value(node: ast.expr) -> Decimal:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return Decimal(ast.unparse(node))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_value(node.operand)
    if isinstance(node, ast.BinOp):
        a, b = _value(node.left), _value(node.right)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        if isinstance(node.op, ast.Div):
            return a / b
    raise ValueError("not arithmetic")


def evaluate(derivation: str) -> Decimal | None:
    """The value of a derivation written as arithmetic (units and % signs ignored), None when it is words (各项得分之和,
    科目 2050202) or divides by zero."""
    text = _NOT_ARITHMETIC.sub("", derivation.translate(_OPERATORS).replace(",", ""))
    if not re.search(r"\d", text) or not re.search(r"[+\-*/]", text):
        return None
    try:
        return _value(ast.parse(text, mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError, InvalidOperation, RecursionError):
        return None


def with_input(derivation: str, was: Decimal, should: Decimal) -> str | None:
    """The derivation with every printing of the input `was` replaced by `should`, None when it prints no such input."""
    hit = False

    def swap(m: re.Match[str]) -> str:
        nonlocal hit
        if Decimal(m.group(0).replace(",", "")) != was:
            return m.group(0)
        hit = True
        return str(should)

    out = _NUMBER.sub(swap, derivation)
    return out if hit else None


def recomputed(expected: Decimal, derivation: str, was: Decimal, should: Decimal) -> Decimal | None:
    """A computed figure's expected value once its input `was` reads `should`: the derivation evaluated both ways scales
    the figure (the derivation may leave out a × 100 or a unit the figure carries)."""
    swapped = with_input(derivation, was, should)
    if swapped is None:
        return None
    before, after = evaluate(derivation), evaluate(swapped)
    if before is None or after is None or before == 0:
        return None
    return expected * after / before
