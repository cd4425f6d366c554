"""A reports/ tree of bad, odd and hostile inputs beside the seeds (issue 7), built at test time.

Small hand-written files live in tests/fixtures/bad/; everything large or binary (5 MB report,
1 MB line, encodings, PDFs, junk) is generated here, so nothing big is committed.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.fixtures.bad.pdfmake import make_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "bad"
SEED = ROOT / "reports" / "黑龙江省" / "佳木斯市" / "桦川县" / "悦来镇" / "2018.txt"
BASE = "reports/测试省/测试市/测试县"
BIG = ("巨大镇", "长行镇")  # built into a site only in the slow run; read and timed in the default run


@dataclass(frozen=True)
class Case:
    """One input of the table in the issue: where it goes, and what the build must do with it."""

    what: str
    rel: str  # path under the project root
    on_site: bool
    reason: str = ""  # a fragment of the reason given on the problems page (rejected files)


def seed_text(town: str = "悦来镇") -> str:
    """The 悦来镇 2018 seed report, retold for another town."""
    return SEED.read_text(encoding="utf-8").replace("悦来镇", town)


def traditional(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("s2t").convert(text)


def big_report(size: int) -> str:
    """A real report repeated up to `size` bytes of UTF-8 (a 5 MB report)."""
    body = seed_text("巨大镇")
    return body * (size // len(body.encode()) + 1)


def long_line(size: int) -> str:
    """A report whose body is one line of about `size` bytes: no line breaks at all."""
    body = seed_text("长行镇").replace("\n", "　")
    return body * (size // len(body.encode()) + 1)


def truncated(text: str) -> bytes:
    """The report cut off inside a character, a little after its proactive-disclosure figure."""
    data = text.encode()
    return data[: data.index("报刊媒体".encode()) + 1]


def junk(size: int) -> bytes:
    return random.Random(7).randbytes(size)


def files(big: bool = True) -> dict[str, tuple[Case, bytes]]:
    """Every generated input, by path (without the 5 MB report and the 1 MB line unless `big`)."""
    t = seed_text
    cases: list[tuple[Case, bytes]] = [
        (Case("empty file", f"{BASE}/空白镇/2018.txt", False, "empty"), b""),
        (Case("only whitespace", f"{BASE}/空格镇/2018.txt", False, "empty"), " \n\t\r\n\u3000\n".encode()),
        (Case("binary junk", f"{BASE}/乱码镇/2018.txt", False, "not text"), junk(4096)),
        (Case("binary junk as .pdf", f"{BASE}/乱码镇/2019.pdf", False, "not a readable PDF"), junk(4096)),
        (
            Case("PDF without a text layer", f"{BASE}/扫描镇/2018.pdf", False, "no text layer"),
            make_pdf([[], []]),
        ),
        (
            Case("truncated report (cut inside a character)", f"{BASE}/截断镇/2018.txt", True),
            truncated(t("截断镇")),
        ),
        (Case("GBK", f"{BASE}/国标镇/2018.txt", True), t("国标镇").replace("\xa0", " ").encode("gbk")),
        (Case("GB18030", f"{BASE}/国标扩展镇/2018.txt", True), (t("国标扩展镇") + "𠀀").encode("gb18030")),
        (Case("UTF-16 with BOM", f"{BASE}/统一码镇/2018.txt", True), t("统一码镇").encode("utf-16")),
        (Case("UTF-16 without BOM", f"{BASE}/无标记镇/2018.txt", True), t("无标记镇").encode("utf-16-le")),
        (Case("Traditional Chinese", f"{BASE}/繁体镇/2018.txt", True), traditional(t("繁体镇")).encode()),
        (Case("5 MB report", f"{BASE}/巨大镇/2018.txt", True), big_report(5 * 1024 * 1024).encode()),
        (Case("one 1 MB line", f"{BASE}/长行镇/2018.txt", True), long_line(1024 * 1024).encode()),
        (
            Case("same town and year: .txt", f"{BASE}/重复镇/2018.txt", False, "same town and year"),
            t("重复镇").encode(),
        ),
        (
            Case("same town and year: .pdf (first in order, kept)", f"{BASE}/重复镇/2018.pdf", True),
            make_pdf([t("重复镇").splitlines()]),
        ),
        (Case("year in the future", f"{BASE}/未来镇/2099.txt", False, "outside"), t("未来镇").encode()),
        (Case("year before 2008", f"{BASE}/古老镇/2005.txt", False, "outside"), t("古老镇").encode()),
        (
            Case("file name not a year", f"{BASE}/命名镇/report-2018.txt", False, "must be the year"),
            t().encode(),
        ),
        (Case("path too short", "reports/测试省/2018.txt", False, "misplaced"), t().encode()),
        (Case("path too deep", f"{BASE}/深层镇/某村/2018.txt", False, "misplaced"), t().encode()),
        (
            Case("unknown file type", f"{BASE}/类型镇/2018.doc", False, "unknown file type"),
            b"\xd0\xcf\x11\xe0",
        ),
        (Case("sidecar without report", f"{BASE}/孤立镇/2018.yaml", False, "sidecar without"), b"title: x\n"),
        (
            Case("county report in a town folder", f"{BASE}/县级镇/2018.txt", False, "county-level"),
            (FIXTURES / "county.txt").read_bytes(),
        ),
        (
            Case("department report in a town folder", f"{BASE}/部门镇/2018.txt", False, "department"),
            (FIXTURES / "department.txt").read_bytes(),
        ),
        (
            Case("hostile report text", f"{BASE}/花园镇/2018.txt", True),
            (FIXTURES / "hostile.txt").read_bytes(),
        ),
        (Case("hostile sidecar values", f"{BASE}/注入镇/2018.txt", True), t("注入镇").encode()),
        (
            Case("sidecar: broken YAML", f"{BASE}/坏格式镇/2018.txt", False, "not valid YAML"),
            t("坏格式镇").encode(),
        ),
        (
            Case("sidecar: misspelt key", f"{BASE}/未知键镇/2018.txt", False, "did you mean 'corrections'"),
            t("未知键镇").encode(),
        ),
        (Case("sidecar: unknown key (warning)", f"{BASE}/多余键镇/2018.txt", True), t("多余键镇").encode()),
        (
            Case("sidecar: wrong types", f"{BASE}/错类型镇/2018.txt", False, "must be str"),
            t("错类型镇").encode(),
        ),
        (
            Case("sidecar: impossible date", f"{BASE}/错日期镇/2018.txt", False, "write dates like"),
            t("错日期镇").encode(),
        ),
        (
            Case("sidecar: javascript: source_url", f"{BASE}/伪链接镇/2018.txt", False, "source_url"),
            t("伪链接镇").encode(),
        ),
        (Case("sidecar: not a mapping", f"{BASE}/列表镇/2018.txt", False, "mapping"), t("列表镇").encode()),
        (Case("hidden file", f"{BASE}/隐藏镇/.2018.txt", False, "must be the year"), t("隐藏镇").encode()),
        (Case("folder name with markup", f"{BASE}/<b>镇/2018.txt", False, "folder name"), t().encode()),
        (
            Case("folder name with Markdown", f"{BASE}/`*_|#[x](y)镇/2018.txt", False, "folder name"),
            t().encode(),
        ),
        (
            Case(
                "folder name with dots",
                "reports/测试省/测试市/..测试县/点点镇/2018.txt",
                False,
                "folder name",
            ),
            t("点点镇").encode(),
        ),
    ]
    sidecars = {
        f"{BASE}/注入镇/2018.yaml": (
            "title: \"<script>alert('xss-title')</script>../../../etc/passwd\"\n"
            "notes: \"[x](javascript:alert('xss-notes')) <img src=x onerror=alert('xss-notes-img')> {{ x }}"
            ' [gone](missing.md#nowhere) [top](#nope)\\n---\\ntitle: x"\n'
            'source_url: "https://example.org/a\\"><script>alert(\'xss-url\')</script>(x)"\n'
        ),
        f"{BASE}/坏格式镇/2018.yaml": "title: 坏格式镇2018年报告\nnotes: [unclosed\nsource_url: x\n",
        f"{BASE}/未知键镇/2018.yaml": "title: 未知键镇\ncorections:\n  proactive_total: {value: 5, reason: x}\n",
        f"{BASE}/多余键镇/2018.yaml": "color: red\n",
        f"{BASE}/错类型镇/2018.yaml": "title: [a, b]\nnotes: 3\n",
        f"{BASE}/错日期镇/2018.yaml": "published: 2021-13-45\n",
        f"{BASE}/伪链接镇/2018.yaml": "source_url: \"javascript:alert('xss-src')\"\n",
        f"{BASE}/列表镇/2018.yaml": "- title\n- notes\n",
        f"{BASE}/重复镇/2018.yaml": "notes: 同一年有两个文件\n",
    }
    out = {c.rel: (c, data) for c, data in cases if big or not any(f"/{b}/" in c.rel for b in BIG)}
    out[f"{BASE}/国标镇/.DS_Store"] = (
        Case("desktop clutter (ignored)", f"{BASE}/国标镇/.DS_Store", True),
        b"\0",
    )
    for rel, text in sidecars.items():
        out.setdefault(rel, (Case("sidecar", rel, True), text.encode()))
    return out


OUTSIDE_SECRET = "OUTSIDE-SECRET-LINE"


def special_files(root: Path) -> list[Case]:
    """Inputs that need the file system: a symlink out of reports/ and a GBK-encoded file name."""
    cases = []
    secret = root / "secret.txt"
    secret.write_text(seed_text("链接镇") + OUTSIDE_SECRET + "\n", encoding="utf-8")
    link = root / BASE / "链接镇" / "2018.txt"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secret)
    cases.append(
        Case("symlink to a file outside reports/", f"{BASE}/链接镇/2018.txt", False, "symbolic link")
    )
    rel = f"{BASE}/" + "编码镇".encode("gbk").decode("utf-8", "surrogateescape") + "/2018.txt"
    (root / rel).parent.mkdir(parents=True)
    (root / rel).write_bytes(seed_text("编码镇").encode())
    cases.append(Case("folder name in GBK bytes (not UTF-8)", rel, False, "UTF-8"))
    return cases


def make_reports(root: Path, with_seeds: bool = True, big: bool = True) -> list[Case]:
    """Write the bad corpus (and the seeds) under root/reports; return every case."""
    if with_seeds:
        shutil.copytree(ROOT / "reports", root / "reports", dirs_exist_ok=True)
    cases = []
    for rel, (case, data) in files(big).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(case)
    return cases + special_files(root)
