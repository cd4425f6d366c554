"""Open data: CSV (BOM, formula-safe), Table B CSV, JSON, datapackage (Frictionless), JSON Schema,
Atom feed, the downloads and coverage pages — built from the seeds into a throwaway copy."""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.opendata import csv_value, gzip_bytes
from generator.publish import build
from tests.test_build import ROOT, make_project

ATOM = "{http://www.w3.org/2005/Atom}"
YUELAI = "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("opendata"))
    build(root)
    return root


def downloads(root: Path, name: str) -> bytes:
    return (root / "docs" / "downloads" / name).read_bytes()


def read_csv(content: bytes) -> list[dict[str, str]]:
    assert content.startswith("\ufeff".encode()), "UTF-8 with BOM, for Excel on Chinese Windows"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_summary_csv_has_one_row_per_report_with_measures(built: Path) -> None:
    rows = read_csv(downloads(built, "reports.csv"))
    assert len(rows) == 5 and len({r["id"] for r in rows}) == 5
    by_id = {r["id"]: r for r in rows}
    new = by_id["黑龙江省/佳木斯市/桦川县/悦来镇/2020"]
    assert float(new["text_reuse_share"]) > 0.5 and new["text_reuse_previous_year"] == "2018"
    assert new["substantive_disclosure_rate"] == ""  # 0 applications: not applicable, not 0
    assert new["yaml"] == f"{YUELAI}/2020.yaml" and (built / "site" / new["yaml"]).is_file()
    old = by_id["黑龙江省/佳木斯市/桦川县/悦来镇/2018"]
    assert old["completeness_missing"] == "依申请公开政府信息情况、行政复议、行政诉讼情况"
    assert old["proactive_total"] == "98"
    assert by_id["云南省/楚雄彝族自治州/永仁县/宜就镇/2018"]["days_after_year_end"] == "-1"


def test_table_b_csv_rows_come_from_the_tables(built: Path) -> None:
    rows = read_csv(downloads(built, "table_b.csv"))
    header = list(rows[0].keys()) if rows else downloads(built, "table_b.csv").decode("utf-8-sig").split(",")
    assert header[-7:] == [
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_services",
        "other",
        "total",
    ]
    data = yaml.safe_load((built / "docs" / YUELAI / "2020.yaml").read_text(encoding="utf-8"))
    table = data["tables"].get("B")
    if table is None:
        pytest.skip("Table B not extracted from the 2020 seed yet")
    mine = [r for r in rows if r["report_id"].endswith("悦来镇/2020")]
    assert [r["row"] for r in mine] == [row["key"] for row in table["rows"]]
    assert {r["report_id"] for r in rows} <= {r["id"] for r in read_csv(downloads(built, "reports.csv"))}


def test_datapackage_is_valid_frictionless(built: Path) -> None:
    from frictionless import validate

    report = validate(built / "docs" / "downloads" / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    names = [r["path"] for r in json.loads(downloads(built, "datapackage.json"))["resources"]]
    assert names == ["reports.csv", "table_b.csv", "reports.json.gz"]


def gzip_members(packed: bytes) -> list[bytes]:
    """The members of a gzip stream (RFC 1952 §2.2), each as its compressed bytes."""
    members = []
    while packed:
        unzip = zlib.decompressobj(wbits=31)
        unzip.decompress(packed)
        assert unzip.eof
        members.append(packed[: len(packed) - len(unzip.unused_data)])
        packed = unzip.unused_data
    return members


def test_bulk_json_is_deterministic_gzip_of_every_record(built: Path) -> None:
    packed = downloads(built, "reports.json.gz")
    data = json.loads(gzip.decompress(packed))
    assert data["count"] == 5 and len(data["reports"]) == 5
    members = gzip_members(packed)
    provinces = {r["id"].split("/")[0] for r in data["reports"]}
    assert len(members) == 2 * len(provinces) + 1  # head, provinces with "," between them, tail
    for member in members:  # each deterministic: mtime 0, no file name
        assert member[:2] == b"\x1f\x8b" and member[4:8] == b"\0\0\0\0" and not member[3] & 0x08
        assert gzip_bytes(gzip.decompress(member)) == member
    assert not (built / "docs" / "downloads" / "reports.json").exists()
    assert (built / "site" / "downloads" / "reports.json.gz").read_bytes() == packed
    resource = json.loads(downloads(built, "datapackage.json"))["resources"][2]
    assert resource["compression"] == "gz" and resource["bytes"] == len(packed)


def test_datapackage_catches_a_tampered_file(built: Path, tmp_path: Path) -> None:
    from frictionless import validate

    copy = tmp_path / "downloads"
    shutil.copytree(built / "docs" / "downloads", copy)
    (copy / "reports.csv").write_bytes(downloads(built, "reports.csv").replace(b",2018,", b",20x8,", 1))
    assert not validate(copy / "datapackage.json").valid


def test_every_report_yaml_and_json_record_matches_the_schema(built: Path) -> None:
    schema = json.loads(downloads(built, "report.schema.json"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted((built / "docs" / "places").rglob("*.yaml"))
    assert len(files) == 5
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "indicators" in data
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (path.name, errors[:5])
    for record in json.loads(gzip.decompress(downloads(built, "reports.json.gz")))["reports"]:
        validator.validate(record)


def test_schema_rejects_a_broken_record(built: Path) -> None:
    schema = json.loads(downloads(built, "report.schema.json"))
    data = yaml.safe_load((built / "docs" / YUELAI / "2020.yaml").read_text(encoding="utf-8"))
    data["indicators"]["text_reuse"]["share"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_atom_feed_is_ordered_by_report_dates(built: Path) -> None:
    feed = ET.fromstring(downloads(built, "feed.xml"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]
    assert updated[0] == "2020-12-31T00:00:00Z"  # no published date: the end of the statistics year
    assert "2018-12-30T00:00:00Z" in updated  # 宜就镇: its published date
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 5
    link = entries[0].find(f"{ATOM}link").get("href")
    assert (built / "site" / "downloads" / link / "index.html").resolve().is_file()


def test_downloads_page_lists_every_file_with_its_size(built: Path) -> None:
    page = (built / "docs" / "downloads" / "index.md").read_text(encoding="utf-8")
    for path in sorted((built / "docs" / "downloads").iterdir()):
        if path.is_file() and path.name != "index.md":
            assert f"[{path.name}]({path.name})" in page and f"（{path.stat().st_size} 字节）" in page
    listings = "".join(
        p.read_text(encoding="utf-8") for p in (built / "docs" / "downloads" / "yaml").glob("*.md")
    )
    for path in (built / "docs" / "places").rglob("*.yaml"):
        link = path.relative_to(built / "docs").as_posix()
        assert (
            f"](../../{link}) | {path.stat().st_size / 1024:.1f} KB（{path.stat().st_size} 字节）" in listings
        )
    assert (built / "site" / "downloads" / "reports.csv").read_bytes() == downloads(built, "reports.csv")


def test_coverage_grid_marks_missing_years(built: Path) -> None:
    summary = (built / "docs" / "coverage" / "index.md").read_text(encoding="utf-8")
    assert "| 2019 年 | 0 | 4 | 0% |" in summary
    grid = (built / "docs" / "coverage" / "heilongjiangsheng" / "jiamusishi" / "huachuanxian.md").read_text()
    assert "| · |" in grid and grid.count("[✓]") == 2
    assert (built / "site" / "coverage" / "index.html").is_file()


def test_report_page_shows_measures_and_fields_page_explains_them(built: Path) -> None:
    html = (built / "site" / YUELAI / "2020" / "index.html").read_text(encoding="utf-8")
    assert "问责指标" in html and "不适用（分母为 0）" in html and 'href="#L91"' in html
    fields = (built / "site" / "fields" / "index.html").read_text(encoding="utf-8")
    assert "实质公开率" in fields and "文本重复率" in fields


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+86 123", "'+86 123"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("悦来镇", "悦来镇"),
        (-1, "-1"),
        (0.5, "0.5"),
        (3.0, "3"),
        (True, "true"),
        (None, ""),
    ],
)
def test_csv_cells_never_become_formulas(value: object, written: str) -> None:
    assert csv_value(value) == written


def test_hostile_sidecar_text_is_neutralised_in_csv(tmp_path: Path) -> None:
    reports = tmp_path / "in" / "reports" / "黑龙江省" / "佳木斯市" / "桦川县" / "悦来镇"
    reports.mkdir(parents=True)
    shutil.copy(ROOT / "reports" / "黑龙江省" / "佳木斯市" / "桦川县" / "悦来镇" / "2018.txt", reports)
    (reports / "2018.yaml").write_text('title: "=HYPERLINK(\\"http://x\\",\\"点我\\")"\n', encoding="utf-8")
    root = tmp_path / "out"
    root.mkdir()
    make_project(root, reports=tmp_path / "in" / "reports")
    build(root, run_mkdocs=False)
    row = read_csv(downloads(root, "reports.csv"))[0]
    assert row["title"].startswith("'=HYPERLINK(")


def test_year_region_and_home_pages_rank_and_link(built: Path) -> None:
    year = (built / "docs" / "years" / "2020.md").read_text(encoding="utf-8")
    assert "问责指标排行" in year and "% ⚠" in year and "重复不等于造假" in year
    county = (
        built / "docs" / "places" / "heilongjiangsheng" / "jiamusishi" / "huachuanxian" / "index.md"
    ).read_text()
    assert "问责指标排行（各乡镇最新一份报告）" in county and "2020 年" in county.split("问责指标排行")[1]
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/feed.xml"' in home and 'href="coverage/' in home and 'href="fields/' in home
