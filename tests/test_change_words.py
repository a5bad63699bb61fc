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


def test_chain_results_row_roles_and_rate_headers_are_data() -> None:
    """The 加/减 chain's result names, a project row's column roles and the percent column endings are read from
    claim_words.csv, not kept in the checks' code: a word added to the file reaches the rule."""
    from extractors.tablefacts import _RATE_HEADER
    from pipeline.checks.balance import _RESULT
    from pipeline.checks.rate import _ROW_ROLES, _row_role

    w = words()
    assert {"可用财力", "收入总计", "合计"} <= set(w.chain_results)
    assert all(_RESULT.search(name) for name in w.chain_results)
    assert _ROW_ROLES == w.row_roles and dict(w.row_roles)["执行率"] == "rate"
    assert all(_RATE_HEADER.search("预算" + end) for end in w.rate_headers)
    assert not _RATE_HEADER.search("预算数")

    class _Labelled:
        def __init__(self, *labels: str) -> None:
            self.column_labels = labels

    # the first word in file order decides: 预算执行率 is a rate, not a budget; 调整预算执行数 is the adjusted budget
    assert _row_role(_Labelled("预算执行率")) == "rate"  # type: ignore[arg-type]
    assert _row_role(_Labelled("全年预算数")) == "budget"  # type: ignore[arg-type]
    assert _row_role(_Labelled("资金到位数")) == "received"  # type: ignore[arg-type]
