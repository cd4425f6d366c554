"""Heading rules: numbering styles, table rows, headings run into a paragraph; problems/measures."""

from __future__ import annotations

import pytest

from generator.extract import detect_template, sections
from generator.extract.text import Text


def titles(body: str) -> list[str]:
    return [s.title for s in sections.read_sections(Text(body.strip("\n").splitlines()))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "一、概况\n正文。\n二、政府信息主动公开情况\n（一）公开平台\n1.概况信息。\n三、政府信息公开的收费情况：\n无。",
            ["概况", "政府信息主动公开情况", "政府信息公开的收费情况"],
        ),
        ("一 概 述\n正文。\n二 政府信息主动公开情况\n正文。", ["概 述", "政府信息主动公开情况"]),
        (
            "八、保密审查情况\n正文。\n九、存在的主要问题及改进情况\n正文。\n10、 下一步工作安排\n正文。",
            ["保密审查情况", "存在的主要问题及改进情况", "下一步工作安排"],
        ),
        ("第一部分 概述\n正文。\n第二部分：主动公开情况\n正文。", ["概述", "主动公开情况"]),
        (
            "三、依申请公开政府信息:无依申请公开的政府信息。\n四、政府信息公开的收费及减免情况:",
            ["依申请公开政府信息", "政府信息公开的收费及减免情况"],
        ),
        (
            "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 4 | 0 |\n二、上年结转政府信息公开申请数量 | 0 |\n三、本年度办理结果 | (一)予以公开 | 0 |\n"
            "四、结转下年度继续办理 | 0 |\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况",
            [
                "总体情况",
                "主动公开政府信息情况",
                "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况",
                "存在的主要问题及改进情况",
            ],
        ),
        (
            "报告全文如下。 一、概述 2016年以来,我镇积极贯彻条例,落实措施,突出重点,大力推进工作深入开展。"
            " 二、政府信息主动公开情况 (一)公开的主要内容: 共主动公开政府信息25条。 三、回应解读情况 回应公众关注热点2次。",
            ["概述", "政府信息主动公开情况", "回应解读情况"],
        ),
        (
            "三、政府信息依申请公开情况\n正文。\n四、因政府信息公开申请行政复议、诉讼和申诉情况\n正文。",
            ["政府信息依申请公开情况", "因政府信息公开申请行政复议、诉讼和申诉情况"],
        ),
        ("六、主要问题和改进措施（2019年的主要工作）\n正文", ["主要问题和改进措施（2019年的主要工作）"]),
        ("总体情况\n（一）工作机构情况。正文。", []),
        # a numeral lost from the heading ('、总体情况'); the first heading printed unnumbered
        ("某街道2025年报告\n、总体情况\n2025年,我街严格依照条例。\n()政府信息主动公开情况", ["总体情况"]),
        (
            "某镇2015年报告\n概述\n2015年,我镇认真贯彻。\n二、主动公开政府信息情况\n正文。",
            ["概述", "主动公开政府信息情况"],
        ),
        ("、我镇认真学习条例\n正文。", []),
        # headings run into one paragraph: the title stops at the sub-heading or the paragraph
        (
            "一、基本情况\n正文。\n二、主动公开政府信息情况 (一)政府信息公开的内容。主要包括公文。 (二)公开方式。"
            "满足了需要。 三、依申请公开政府信息情况 目前,暂无。 四、行政复议和诉讼情况\n"
            "目前,暂无。 五、收费和减免情况\n正文。\n六、存在的主要问题和改进情况 我街道的组织领导和制度框架基本完备。正文",
            [
                "基本情况",
                "主动公开政府信息情况",
                "依申请公开政府信息情况",
                "行政复议和诉讼情况",
                "收费和减免情况",
                "存在的主要问题和改进情况",
            ],
        ),
        ("一、概况\n一是学习。二、是培训\n三、其他", ["概况"]),
        (
            "一、总体情况\n(一)主动公开\n一是拓展渠道。二是规范内容。\n二、主动公开政府信息情况\n三、收到",
            ["总体情况", "主动公开政府信息情况", "收到"],
        ),
        ("存在的问题:一、对政府信息公开知识学习不够。二、公开内容方式方法比较单一。", []),
        ("", []),
        (
            "  一、总体情况\n  (一)概述\n  1、主动公开信息总数\n正文。\n  2、主动公开信息分类\n正文。\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况",
            ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"],
        ),
        ("一、概况\n1、网站公开\n2、公众号公开\n3、公开栏公开", ["概况"]),
        ("1、概况\n2、主动公开情况\n3、依申请公开情况", []),
        # a flattened page: the table later on the first heading's line makes it no table row
        (
            "一、总体情况 2020年,本镇按照要求推进公开工作,不断完善制度。 (一)加强领导。明确专人负责"
            "网站信息发布和审核工作。 二、主动公开政府信息情况 第二十条第(一)项 | 信息内容 | 规章 | 0 | 0 |",
            ["总体情况", "主动公开政府信息情况"],
        ),
        ("一、规章 | 0 | 0 | 0\n二、规范性文件 | 1 | 0 | 1", []),
    ],
)
def test_sections(body: str, expected: list[str]) -> None:
    assert titles(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the page skipped headings: a statutory heading at its own number still follows
        (
            "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n五、存在的主要问题及改进情况\n正文。",
            ["总体情况", "主动公开政府信息情况", "存在的主要问题及改进情况"],
        ),
        (
            "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n正文。\n四、政府信息公开行政复议、行政诉讼情况",
            ["总体情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"],
        ),
        # no jump to a heading that is not the statutory one at that number, nor a long one
        (
            "一、总体情况\n正文。\n二、主动公开情况\n正文。\n五、加强队伍建设\n正文。",
            ["总体情况", "主动公开情况"],
        ),
        (
            "一、总体情况\n正文。\n二、主动公开情况\n正文。\n六、存在的主要问题及改进情况\n正文。",
            ["总体情况", "主动公开情况"],
        ),
        # a Traditional report: the statutory words are read on its Simplified copy, the
        # titles kept as printed
        (
            "一、政府信息主動公開情況\n正文。\n三、依申請公開政府信息情況\n正文。\n四、政府信息公開的收費情況",
            ["政府信息主動公開情況", "依申請公開政府信息情況", "政府信息公開的收費情況"],
        ),
    ],
)
def test_sections_with_a_gap(body: str, expected: list[str]) -> None:
    assert titles(body) == expected


def test_problems_and_measures_split_by_subheadings() -> None:
    text = Text(
        "四、政府信息公开工作存在的主要问题及改进情况\n（一）存在的主要问题\n1.信息公开不及时。\n2.内容把握不准。\n"
        "（二）改进措施\n1.进一步加强组织领导。\n2.进一步加大宣传力度。\n五、其他需要报告的事项\n无。".splitlines()
    )
    problems, measures = sections.read_problems_and_measures(text, sections.read_sections(text))
    assert problems == ["信息公开不及时。", "内容把握不准。"]
    assert measures == ["进一步加强组织领导。", "进一步加大宣传力度。"]


def test_problems_and_measures_in_two_sections() -> None:
    text = Text(
        "六、存在的主要问题\n一是信息公开数量偏少。二是宣传力度不够。\n七、今后的主要工作\n（一）加大培训力度。\n（二）完善目录。".splitlines()
    )
    problems, measures = sections.read_problems_and_measures(text, sections.read_sections(text))
    assert problems == ["信息公开数量偏少。", "宣传力度不够。"]
    assert measures == ["加大培训力度。", "完善目录。"]


def test_statutory_heading_count() -> None:
    heads = sections.read_sections(
        Text(["一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"])
    )
    assert sections.statutory_heading_count(heads) == 2
    assert sections.statutory_heading_count(heads, new_only=True) == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a spaced title run into a long paragraph
        (
            "2、地址:某区某街35号;电子邮箱: )。 一、概 述 根据条例要求,某某街道认真开展政府信息公开工作,"
            "确定了主管领导和主管部门。\n二、主动公开情况\n正文。",
            ["概 述", "主动公开情况"],
        ),
        # a heading cut after one character on the last line counts as printed
        (
            "一、总体情况\n2020年我镇认真落实各项信息公开要求,定期维护网站内容。\n\n二、主\n",
            ["总体情况", "主"],
        ),
        # ... but not one in the middle of the text, nor a lone 一、主 with no chain
        ("一、总体情况\n正文。\n二、主\n正文。", ["总体情况"]),
    ],
)
def test_spaced_inline_and_cut_headings(body: str, expected: list[str]) -> None:
    assert titles(body) == expected


@pytest.mark.parametrize(
    ("body", "year", "template"),
    [
        # the 第二十条 row labels, with or without 第 before the item, and with cells run together
        ("信息内容本年新制作数量本年新公开数量\n规章000\n第二十条(五)项\n行政许可000", 2019, "2019"),
        ("第二十条第(一)项\n信息内容 | 本年制发件数", 2019, "2019"),
        ("第二十条（八）项\n行政事业性收费 | 0", None, "2019"),
        ("按照国办公开办函〔2021〕30号要求编制。", 2019, "2019"),
        # a legacy report of 2019 citing the regulation's article is no table label
        ("一、概述\n根据《条例》第二十条规定,我镇公开了本报告。", 2019, "legacy"),
        ("第二十条(五)项\n行政许可000", 2018, "legacy"),
        # from 2020 on the format is the rule, unless the report announces the old parts ...
        ("一、总体情况\n本镇全年公开信息50条。", 2021, "2019"),
        ("本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、咨询和投诉情况组成。", 2020, "legacy"),
        (
            "全文包括概述,政府信息主动公开情况,依申请公开政府信息情况,复议、诉讼情况。\n一、总体情况",
            2022,
            "legacy",
        ),
        ("报告分为概述、主动公开、收费及减免情况三部分。", 2021, "legacy"),
        # ... the new parts (申请 or 申报) ...
        ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况组成。", 2021, "2019"),
        ("本報告由總結概述、主動公開政府信息情況、收到和處理政府信息公開申報情況組成。", 2024, "2019"),
        # ... or shows the table after all
        ("本报告由概述、依申请公开政府信息情况组成。\n第二十条第(一)项\n规章 0 0 0", 2020, "2019"),
    ],
)
def test_template_from_the_formats_marks(body: str, year: int | None, template: str) -> None:
    text = Text(body.splitlines())
    assert detect_template(text, sections.read_sections(text), {}, year) == template


def test_inline_headings_of_a_traditional_report_keep_their_printed_characters() -> None:
    body = (
        "2010年度某鎮政府信息公開年度報告\n"
        "根據《中華人民共和國政府信息公開條例》規定，現將本鎮工作情況報告如下。"
        "一、政府信息主動公開情況 本年度全鎮主動公開政府信息。"
        "二、政府依申請公開政府信息情況 本年度未收到申請。三、政府信息公開收費和減免情況 未收取費用。"
        "四、政府信息公開工作存在的主要問題和改進措施 無。"
    )
    assert titles(body) == [
        "政府信息主動公開情況",
        "政府依申請公開政府信息情況",
        "政府信息公開收費和減免情況",
        "政府信息公開工作存在的主要問題和改進措施",
    ]
