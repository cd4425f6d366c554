"""A synthetic reports/ folder for scale work: `python -m generator synth N OUT --seed 42`.

Deterministic (one random.Random(seed), sorted inputs): the same N and seed give the same bytes.
Real provinces, prefectures and counties from the cpca gazetteer; generated town names with
the real suffixes; several years per town; legacy free text before 2019, the statutory tables
from 2019 (2019 format) and 2021 (2021 format) in the renderings of the real corpus. Each report
has a truth file at the same place under OUT/truth/ (<省>/<地市>/<县>/<乡镇>/<年>.yaml, outside
reports/ so the collector never sees it) with the summary figures the extractor must read back.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.gazetteer import names_by_code, place_of
from generator.synth_tables import tables_text
from generator.synth_text import legacy_body, statutory_body

SYLLABLES = (
    "安 白 柏 宝 北 碧 长 城 崇 大 丹 东 凤 福 富 高 古 广 桂 海 禾 和 河 红 洪 华 花 黄 吉 嘉 江 金 锦 "
    "靖 九 康 兰 乐 黎 莲 良 林 龙 隆 芦 马 梅 明 南 宁 平 埔 青 清 庆 泉 仁 瑞 三 山 上 石 双 水 顺 太 "
    "泰 桃 天 田 通 万 王 文 西 仙 祥 小 新 兴 杏 阳 杨 永 玉 元 云 枣 樟 镇 中 竹"
).split()
SUFFIXES = ("镇", "镇", "镇", "乡", "乡", "街道")


@dataclass(frozen=True)
class Town:
    province: str
    prefecture: str
    county: str
    name: str

    def folder(self, root: Path) -> Path:
        return root / "reports" / self.province / self.prefecture / self.county / self.name


def counties(rng: random.Random) -> list[tuple[str, str, str]]:
    """Every county-level unit (province, prefecture, county), shuffled by the seed."""
    out = []
    for code in sorted(names_by_code()):
        if code.endswith("000000") and not code.endswith("00000000"):
            place = place_of(code)
            if place.county not in ("市辖区", "县") and place.province:
                out.append((place.province, place.prefecture, place.county))
    out = sorted(set(out))
    rng.shuffle(out)
    return out


def town_name(rng: random.Random, province: str, taken: set[str]) -> str:
    """Two syllables and a suffix (苏木 in Inner Mongolia), unique within its county."""
    suffixes = SUFFIXES + (("苏木", "苏木") if province.startswith("内蒙古") else ())
    while True:
        name = rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(suffixes)
        if name not in taken and name[0] != name[1]:
            taken.add(name)
            return name


def towns(rng: random.Random, n_reports: int) -> Iterator[tuple[Town, list[int]]]:
    """Towns with their report years until n_reports are planned (3–6 towns per county)."""
    planned = 0
    for province, prefecture, county in counties(rng):
        taken: set[str] = set()
        for _ in range(rng.randint(3, 6)):
            first = rng.randint(2009, 2019)
            last = rng.randint(max(first + 2, 2019), 2024)
            years = sorted(rng.sample(range(first, last + 1), min(last - first + 1, rng.randint(3, 10))))
            years = years[: n_reports - planned]
            yield Town(province, prefecture, county, town_name(rng, province, taken)), years
            planned += len(years)
            if planned >= n_reports:
                return


def report(rng: random.Random, town: Town, year: int) -> tuple[str, dict[str, Any]]:
    """One report's text and its truth (the contract's summary keys)."""
    fmt = "legacy" if year < 2019 else ("2019" if year < 2021 else "2021")
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    area = rng.choice(["0", "0", "0"]) + str(rng.randint(310, 999))
    phone = f"{area}-{rng.randint(2000000, 8999999)}" if rng.random() < 0.7 else None
    proactive = rng.choice([rng.randint(12, 120), rng.randint(100, 900)])
    truth: dict[str, Any] = {
        "town": town.name,
        "county": town.county,
        "year": year,
        "published": published,
        "template": "legacy" if fmt == "legacy" else "2019",
        "proactive_total": proactive,
        "applications_received": None,
        "applications_carried_over": None,
        "reviews_total": None,
        "litigations_total": None,
        "phone": phone,
    }
    if fmt == "legacy":
        text = legacy_body(rng, town, year, published, proactive, phone, truth)
    else:
        tables, found = tables_text(rng, fmt)
        truth.update(
            applications_received=found.applications_received,
            applications_carried_over=found.applications_carried_over,
            reviews_total=found.reviews_total,
            litigations_total=found.litigations_total,
        )
        text = statutory_body(rng, town, year, published, proactive, phone, tables)
    return text, truth


def synth(n: int, out: Path, seed: int = 42) -> int:
    """Write n reports under out/reports (and their truth files); returns the number written."""
    rng = random.Random(seed)
    written = 0
    for town, years in towns(rng, n):
        folder = town.folder(out)
        folder.mkdir(parents=True, exist_ok=True)
        for year in years:
            text, truth = report(rng, town, year)
            (folder / f"{year}.txt").write_text(text, encoding="utf-8")
            dumped = yaml.safe_dump(truth, allow_unicode=True, sort_keys=False)
            truth_path = out / "truth" / folder.relative_to(out / "reports") / f"{year}.yaml"
            truth_path.parent.mkdir(parents=True, exist_ok=True)
            truth_path.write_text(dumped, encoding="utf-8")
            written += 1
    return written


def truth_of(out: Path, report_path: Path) -> dict[str, Any]:
    """The truth written for a synthetic report (out/truth/… mirrors out/reports/…)."""
    truth_path = (out / "truth" / report_path.relative_to(out / "reports")).with_suffix(".yaml")
    return yaml.safe_load(truth_path.read_text(encoding="utf-8"))
