"""The jieba tokenizer with the domain dictionary (`data/subjects.txt`), built once and shared: readers use it to
tell a word cut in two by a page break, the subject extractor to cut phrases into words."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"

_TOKENIZER: Any = None


def base_tokenizer() -> Any:
    """A private jieba tokenizer with the domain dictionary, built once on first use."""
    global _TOKENIZER
    if _TOKENIZER is None:
        import jieba

        jieba.setLogLevel(logging.CRITICAL)  # jieba's own log lines never reach the user
        tk = jieba.Tokenizer()
        # built in memory: jieba would otherwise load (marshal) and write a cache in the shared temporary
        # folder, which another user can plant or make unwritable. Building costs about as much as loading.
        tk.FREQ, tk.total = tk.gen_pfdict(tk.get_dict_file())
        tk.initialized = True
        tk.load_userdict(str(DATA / "subjects.txt"))
        _TOKENIZER = tk
    return _TOKENIZER


def splits_a_word(head: str, tail: str) -> bool:
    """Whether head + tail read as one text puts a word across the join (社会效 | 益指标 → 社会效益 指标)."""
    head, tail = head.strip(), tail.strip()
    if not head or not tail:
        return False
    pos = 0
    for token in base_tokenizer().lcut(head + tail, HMM=False):
        if pos < len(head) < pos + len(token):
            return True
        pos += len(token)
    return False
