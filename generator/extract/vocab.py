"""Chinese vocabulary the extraction rules read, kept as data (checked by tests)."""

from __future__ import annotations

from generator.extract.vocab_places import (  # noqa: F401  (re-exported: vocabulary is read from here)
    COUNTY_SUFFIXES,
    ETHNIC_GROUPS,
    NOT_COUNTY_WORDS,
    NOT_IN_TOWN,
    NOT_IN_TOWN_STEM,
    NOT_PLACES,
    NOT_TOWN_ENDINGS,
    NOT_TOWN_STEM_ENDS,
    PLACE_LEAD_WORDS,
    PREFECTURE_SUFFIXES,
    PROVINCE_SUFFIXES,
    TOWN_LEAD_WORDS,
    TOWN_SUFFIXES,
)
from generator.extract.vocab_town import NOT_IN_TOWN_STEM_WORDS  # noqa: F401  (re-exported)

# Header labels of the posting or document date (web page chrome, document tables).
DATE_LABELS: tuple[str, ...] = (
    "发布日期",
    "发布时间",
    "成文日期",
    "公文生成日期",
    "生成日期",
    "印发日期",
    "信息提供日期",
    "发文日期",
    "公开日期",
    "日期",
    "时间",
)
# Words before 时间/日期 that make it something other than a posting date.
NOT_DATE_LABEL_LEADS: tuple[str, ...] = ("统计", "办公", "截止", "截至", "受理", "答复")

# Title: a line that names an annual report on information disclosure.
TITLE_WORDS: tuple[str, ...] = (
    "年度报告",
    "年报",
    "工作报告",
    "的报告",
    "年度工作报告",
    "公开报告",
    "情况报告",
)

# Negations that make a count zero ("未收到…申请", "无…行政复议").
NEGATIONS: tuple[str, ...] = ("没有", "尚未", "未曾", "均未", "并未", "从未", "未", "无", "没")
# Verbs that receive an application (not 办结/答复, which count handled ones).
RECEIVE_VERBS: tuple[str, ...] = ("新收", "收到", "受理", "接到", "接收", "收悉", "登记")
# Count units after a number of disclosed items / applications / cases.
ITEM_UNITS = "条件篇则"
# Units that count items only when information is named with them ('信息15项', not '文件11份').
LIST_UNITS = "份项次"
# Words that show a count is of information ('公开信息373条', '公开机构职能文件5件').
INFO_NOUNS: tuple[str, ...] = ("信息", "政务", "文件", "内容", "动态", "公告", "事项")
# Channels a count may be labelled with: two such counts side by side, no total, are no total
# (平台 and 网 label a channel but never name a second one: '微信公众号平台').
REPORT_CHANNELS: tuple[str, ...] = (
    "微信公众号",
    "微信公众平台",
    "网站",
    "网",
    "公众号",
    "微信",
    "微博",
    "平台",
    "公示栏",
    "公开栏",
    "宣传栏",
    "显示屏",
    "电子屏",
    "客户端",
    "抖音",
    "头条",
    "视频号",
    "报刊",
    "电视",
    "广播",
)
CASE_UNITS = "件宗起个份次例条"
# Words of media publicity (articles in 篇, press, new media): a count with them beside a
# labelled 主动公开 count is no second channel of disclosure.
MEDIA_WORDS: tuple[str, ...] = ("篇", "报刊", "媒体", "新闻", "宣传", "政务信息")
# Channel words: a count read with them is one channel's share, not the total.
PARTIAL_CHANNELS: tuple[str, ...] = (
    "公众号",
    "微信",
    "微博",
    "抖音",
    "视频号",
    "APP",
    "App",
    "线上",
    "线下",
    "头条号",
)

# Section titles of the problems / measures parts.
PROBLEM_WORDS: tuple[str, ...] = ("问题", "不足", "差距")
MEASURE_WORDS: tuple[str, ...] = (
    "改进",
    "措施",
    "今后",
    "下一步",
    "工作计划",
    "工作安排",
    "努力方向",
    "整改",
)

# A report announcing its own parts ("本报告由概述、主动公开…组成", "全文包括…", "报告包括…"):
# the verbs that open the list, and the part names only the pre-2019 structure used (the
# statutory format opens with 总体情况 and has 收到和处理政府信息公开申请情况 instead).
STRUCTURE_LEADS: tuple[str, ...] = (
    "本报告由",
    "报告由",
    "全文由",
    "本报告包括",
    "报告包括",
    "全文包括",
    "报告分为",
    "全文分为",
)
LEGACY_PARTS: tuple[str, ...] = (
    "概述",
    "依申请公开政府信息情况",
    "依申请公开政府信息和不予公开",
    "收费及减免",
    "咨询和投诉",
)
STATUTORY_PARTS: tuple[str, ...] = ("收到和处理", "总体情况")
