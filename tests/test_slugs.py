"""Place-name slugs: pinyin, collision-free among siblings, and memoised between builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import slugs


@pytest.fixture(autouse=True)
def empty_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slugs, "_MEMO", {})
    monkeypatch.setattr(slugs, "_MEMO_STATE", {"dirty": False})


def test_pinyin_and_collisions() -> None:
    assert slugs.pinyin_slug("悦来镇") == "yuelaizhen"
    got = slugs.sibling_slugs(["黄村镇", "皇村镇", "东山镇"])
    assert got["东山镇"] == "dongshanzhen"
    assert got["黄村镇"] != got["皇村镇"] and got["黄村镇"].startswith("huangcunzhen-")


def test_memo_round_trip_gives_the_same_slugs(tmp_path: Path) -> None:
    names = ["悦来镇", "西乡塘街道", "巴彦扎拉嘎乡", "塘㙍镇"]
    fresh = slugs.sibling_slugs(names)
    memo = tmp_path / "slugs.json"
    slugs.save_memo(memo)
    stored = json.loads(memo.read_text(encoding="utf-8"))
    assert set(stored["slugs"]) == set(names)
    slugs._MEMO.clear()
    slugs.use_memo(memo)
    assert slugs.sibling_slugs(names) == fresh
    assert not slugs._MEMO_STATE["dirty"]  # nothing new: the memo is not written again


def test_memo_of_another_pypinyin_or_damaged_is_ignored(tmp_path: Path) -> None:
    memo = tmp_path / "slugs.json"
    memo.write_text(json.dumps({"pypinyin": "0.0", "slugs": {"悦来镇": "wrong"}}), encoding="utf-8")
    slugs.use_memo(memo)
    assert slugs.pinyin_slug("悦来镇") == "yuelaizhen"
    memo.write_text("{not json", encoding="utf-8")
    slugs.use_memo(memo)  # no error
    assert slugs.pinyin_slug("悦来镇") == "yuelaizhen"
