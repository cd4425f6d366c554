"""Whose report is it? A county government's or a department's report filed in a township folder.

Such a file is rejected, not shown with a warning: its figures (a county's thousands of items, a
bureau's applications) would be published and charted as the township's, which is wrong data
on a page that says it is the town's. The decision is made on the title alone (the sidecar's
`title:` wins over the text's), because township reports often mention 县政府 or 县教育局 in
their body; a title that names any township (镇/乡/街道/苏木) is never flagged, so a maintainer
whose file is in fact the town's report sets `title:` in the sidecar to say so.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.records import Problem

TOWN_WORD_RX = re.compile(r"(?<!城)(?<!各)(?<!全)(?:镇|乡(?!镇)|街道|苏木|办事处)")
DEPARTMENT_RX = re.compile(
    r"([\u4e00-\u9fff]{0,12}?(?:局|委员会|委|厅|署|中心|管理处|公司|医院|学校|法院|检察院|支队|大队))"
    r"(?=\d{4}|二〇|关于|政府信息|信息公开|年度|$)"
)
COUNTY_RX = re.compile(
    r"([\u4e00-\u9fff]{1,12}?(?:自治县|自治旗|县|区|市|旗|州|盟|省))"
    r"(?=人民政府|政府|\d{4}|二〇|关于|政府信息|信息公开|年度)"
)


def issuer_problems(title: str | None, town: str, path: Path, origin: str = "") -> list[Problem]:
    """An error when the title names a county-level government or a department, not a township.

    `origin` is where the title came from (Meta.origin: "text:3" or "sidecar")."""
    if not title or not town:
        return []
    flat = re.sub(r"\s+", "", title)
    if town in flat or TOWN_WORD_RX.search(flat):
        return []
    sidecar = path.with_suffix(".yaml").name
    fix = (
        f"this folder is for {town}'s own report: move the file out of reports/, "
        f"or, if it is {town}'s report, set `title:` in {sidecar} to its title"
    )
    where = str(path.with_suffix(".yaml")) if origin == "sidecar" else str(path)
    line = int(origin[5:]) if origin.startswith("text:") and origin[5:].isdigit() else None
    department = DEPARTMENT_RX.search(flat)
    if department and "人民政府" not in department.group(1):
        return [Problem(where, f"title '{title}' names a department ({department.group(1)}): {fix}", line)]
    county = COUNTY_RX.search(flat)
    if county:
        return [
            Problem(
                str(path),
                f"title '{title}' names a county-level or higher government ({county.group(1)}): {fix}",
                1,
            )
        ]
    return []
