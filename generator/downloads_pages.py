"""The downloads pages: downloads/index.md lists every bulk file with its size, and one page per
province lists every report's YAML with its size (so no page grows with the whole country)."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass

from generator.markup import esc_md, yaml_str
from generator.pagekit import numeric_marker, relpath
from generator.slugs import sibling_slugs

FILE_NOTES = {
    "reports.csv": "每份报告一行：地区、年度、主要数字和问责指标（UTF-8 带 BOM，Excel 可直接打开）",
    "table_b.csv": "表二（收到和处理政府信息公开申请情况）逐行数据：每份报告的每一行，7 个数字列",
    "reports.json.gz": "全部报告的完整结构化数据：一个 JSON 文件（与各报告的 YAML 相同，另加编号和网址），"
    "用 gzip 压缩（约为原大小的十分之一；解压即得 reports.json，Python 可用 gzip.open 直接读取）",
    "datapackage.json": "Frictionless 数据包描述：各文件的字段、类型、大小和校验值",
    "report.schema.json": "报告 YAML / JSON 记录的 JSON Schema",
    "feed.xml": "Atom 订阅源：最新的报告",
}


@dataclass(frozen=True)
class YamlFile:
    """One report's YAML under places/ and its size in bytes."""

    place: tuple[str, str, str, str]
    year: int
    path: str  # docs-relative, e.g. places/…/2018.yaml
    size: int


def size_text(n: int) -> str:
    return f"{n} 字节" if n < 1024 else f"{n / 1024:.1f} KB（{n} 字节）"


def pages(base: str, sizes: dict[str, int], yamls: list[YamlFile]) -> dict[str, bytes]:
    """base/index.md and base/yaml/<province>.md (base: the downloads folder, e.g. 'downloads')."""
    by_province: dict[str, list[YamlFile]] = defaultdict(list)
    for y in yamls:
        by_province[y.place[0]].append(y)
    slugs = sibling_slugs(list(by_province))
    out = {f"{base}/index.md": index_page(sizes, by_province, slugs)}
    for province, files in sorted(by_province.items()):
        path = f"{base}/yaml/{slugs[province]}.md"
        out[path] = province_page(path, f"{base}/index.md", province, files)
    return {k: v.encode("utf-8") for k, v in out.items()}


def index_page(sizes: dict[str, int], by_province: dict[str, list[YamlFile]], slugs: dict[str, str]) -> str:
    out = [
        "---\ntitle: 数据下载\n---\n",
        "# 数据下载\n\n",
        "本站的全部数据都可以下载、转载和再利用。字段和指标的含义见[数据与指标说明](../fields.md)，"
        "各地收录情况见[收录情况](../coverage/index.md)。\n\n",
        numeric_marker("llr") + "| 文件 | 内容 | 大小 |\n|---|---|---|\n",
    ]
    out += [
        f"| [{name}]({name}) | {note} | {size_text(sizes[name])} |\n" for name, note in FILE_NOTES.items()
    ]
    out.append(
        "\n## 每份报告的结构化数据（YAML）\n\n"
        "每份报告页面都有它的 YAML 下载链接；下面按省份列出全部 YAML 文件和大小。\n\n"
        + numeric_marker("lrr")
        + "| 省份 | 报告数 | 合计大小 |\n|---|---|---|\n"
    )
    for province, files in sorted(by_province.items()):
        total = sum(f.size for f in files)
        link = f"yaml/{slugs[province]}.md"
        out.append(f"| [{esc_md(province)}]({link}) | {len(files)} | {size_text(total)} |\n")
    return "".join(out)


def province_page(path: str, index: str, province: str, files: list[YamlFile]) -> str:
    here = posixpath.dirname(path)
    out = [
        f"---\ntitle: {yaml_str(province + '的结构化数据')}\n---\n",
        f"# {esc_md(province)}：每份报告的结构化数据（YAML）\n\n",
        f"[← 数据下载]({relpath(index, here)})\n\n",
        numeric_marker("lllllr"),  # the year is a label here: only the size is right-aligned
        "| 地市 | 县（市、区、旗） | 乡镇（街道） | 年度 | 文件 | 大小 |\n|---|---|---|---|---|---|\n",
    ]
    for f in sorted(files, key=lambda f: (f.place, f.year)):
        link = relpath(f.path, here)
        names = " | ".join(esc_md(n) for n in f.place[1:])
        out.append(f"| {names} | {f.year} | [{f.year}.yaml]({link}) | {size_text(f.size)} |\n")
    return "".join(out)
