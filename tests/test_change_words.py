"""One list of change words (extractors/data/claim_words.csv, kind `change`) for every family that reads them."""

import re

from extractors.subjects import words
from pipeline.checks.base import change_pattern, change_sign, change_words
from pipeline.checks.compare import DIRECTION, DOWN, UP


def test_the_families_share_claim_words_change_list() -> None:
    listed = dict(words().change)
    assert change_words() == {w: 1 if v == "增长" else -1 for w, v in listed.items()}
    assert {"增加", "提高", "减少", "节约", "压减"} <= set(listed)
    assert set(UP) == {w for w in listed if listed[w] == "增长"} | {w + "了" for w in listed if listed[w] == "增长"}
    assert set(DOWN) == {w for w in listed if listed[w] == "减少"} | {w + "了" for w in listed if listed[w] == "减少"}
    assert change_sign("增加了") == 1 and change_sign("节约") == -1 and change_sign("持平") == 0
    assert re.fullmatch(change_pattern(), "压减") and not re.fullmatch(change_pattern(), "持平")
    m = DIRECTION.search("公务接待费比上年节约了。")
    assert m is not None and m.group(2) == "节约了"


def test_no_family_keeps_its_own_list() -> None:
    from pathlib import Path

    checks = Path(__file__).resolve().parents[1] / "pipeline" / "checks"
    for path in checks.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\(\s*\"增加\"\s*,\s*\"增长\"|\(\s*\"增长\"\s*,\s*\"增加\"", text), path.name
        assert "(增加|增长|上升|减少" not in text and "(增加|减少)" not in text, path.name
