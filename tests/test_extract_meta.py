"""Metadata rules (town, county, year, published, phone, title) on invented report texts."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract import extract, meta, places, vocab
from generator.extract.text import Text
from generator.records import Document


def read(body: str) -> dict:
    found_meta, facts = meta.read_meta(Text(body.strip("\n").splitlines()))
    return {k: v.value for k, v in facts.items()}


@pytest.mark.parametrize(
    ("body", "town", "county"),
    [
        ("泾县黄村镇\n黄村镇2014年度信息年度公开报告\n本镇全年主动公开信息20条。", "黄村镇", "泾县"),
        ("柳城县古砦仫佬族乡人民政府2025年政府信息公开工作年度报告\n一、总体情况", "古砦仫佬族乡", "柳城县"),
        (
            "按照要求,我乡编制了吉林市昌邑区两家子满族乡人民政府2020年政府信息公开工作年度报告。",
            "两家子满族乡",
            "昌邑区",
        ),
        (
            "现将茅坪回族镇2022年度政府信息公开工作报告如下:\n茅坪回族镇人民政府严格按照要求。\n发布机构 | 镇安县政府 |",
            "茅坪回族镇",
            "镇安县",
        ),
        (
            "全文包括扎赉特旗宝力根花苏木人民政府信息公开总体情况。\n2025年,宝力根花苏木人民政府坚持。",
            "宝力根花苏木",
            "扎赉特旗",
        ),
        ("2014年增城市人民政府永宁街道办事处政府信息公开工作年度报告\n引 言", "永宁街道", "增城市"),
        ("四平市铁东区人民政府解放街道办事处2011年政府信息公开工作年度报告", "解放街道", "铁东区"),
        (
            "首页 > 政务公开 > 信息公开年报\n南塘镇2025年政府信息公开工作年度报告\n来源:陆丰市人民政府",
            "南塘镇",
            "陆丰市",
        ),
        (
            "现公布巴彦托海镇2018年政府信息公开工作年度报告。本报告可在鄂温克旗政府门户网站下载。\n"
            "累计发放《鄂温克族自治旗人民政府公报》5期,鄂温克旗政务网站。\n巴彦托海镇人民政府",
            "巴彦托海镇",
            "鄂温克旗",
        ),
        (
            "宜就镇 2018 年度政府信息公开年度报告\n我镇严格按照县政府统一安排部署。\n宜就镇人民政府",
            "宜就镇",
            None,
        ),
        (
            "武江区惠民街2014年政府信息公开年度报告\n2014年,惠民街道在区委区政府的正确领导下,紧密结合街道工作实际。",
            "惠民街道",
            "武江区",
        ),
        ("为了做好我苏木政府信息公开工作,我苏木成立哈日诺尔苏木政府信息公开领导小组。", "哈日诺尔苏木", None),
        ("２０２３年度报告\n湖南省衡阳市衡东县杨林镇２０２３年政府信息公开年度报告", "杨林镇", "衡东县"),
        ("石林彝族自治县鹿阜街道办事处2022年政府信息公开工作年度报告", "鹿阜街道", "石林彝族自治县"),
        (
            "如对本报告有疑问,请与石林县鹿阜街道办事处联系。\n鹿阜街道2022年政府信息公开工作年度报告",
            "鹿阜街道",
            "石林县",
        ),
        (
            "本乡完成县政务公开下达的全年目标任务,统筹城乡发展。\n大坪乡人民政府\n2015年1月10日",
            "大坪乡",
            None,
        ),
        (
            "张家口市桥西区工人新村街道2021年政府信息公开工作年度报告\n街道办认真落实。",
            "工人新村街道",
            "桥西区",
        ),
        ("2021年度澧镇政府信息公开工作年度报告\n一、总体情况\n2021年以来,澧镇政府认真落实。", "澧镇", None),
        (
            "巴苏木2024年政府信息公开工作年度报告\n全文包括巴苏木人民政府信息公开总体情况,主动公开政府信息情况。",
            "巴苏木",
            None,
        ),
        ("本镇2020年政府信息公开工作年度报告\n我镇全年主动公开信息20条。", None, None),
        ("各乡2020年政府信息公开工作年度报告", None, None),
        ("长青里街2021年政府信息公开工作年度报告\n长青里街党政综合办公室负责日常工作。", "长青里街", None),
        (
            "双江自治县勐库镇人民政府2023年政府信息公开工作年度报告\n现将双江自治县勐库镇人民政府2023年度报告公布。",
            "勐库镇",
            "双江自治县",
        ),
        ("石林自治县鹿阜街道2022年政府信息公开工作年度报告", "鹿阜街道", "石林自治县"),
        ("2022年坝头镇政府信息公开工作年度报告\n我镇全年主动公开信息20条。", "坝头镇", None),
        ("二〇二二年坝头镇政府信息公开工作年度报告\n我镇全年主动公开信息20条。", "坝头镇", None),
        ("二道白河镇2022年政府信息公开工作年度报告\n我镇全年主动公开信息20条。", "二道白河镇", None),
        ("万年乡2022年政府信息公开工作年度报告\n我乡全年主动公开信息20条。", "万年乡", None),
        (
            "双江拉祜族佤族布朗族傣族自治县勐库镇2020年政府信息公开工作年度报告\n我镇全年。",
            "勐库镇",
            "双江拉祜族佤族布朗族傣族自治县",
        ),
        # a district the gazetteer lacks, read by its shape before the township
        (
            "根据《条例》的规定,现公布深圳市明湖区东岭街道2020年政府信息公开工作年度报告。\n东岭街道坚持公开。",
            "东岭街道",
            "明湖区",
        ),
        ("如有疑问,请与上河区北火镇人民政府办公室联系。\n北火镇人民政府", "北火镇", "上河区"),
        ("西岭新区东张街道办事处2023年度政府信息公开工作年度报告\n东张街道坚持公开。", "东张街道", None),
        # no county shape: a one-character stem, a development zone, a lead word inside
        ("如有疑问,请与红旗岭镇人民政府联系。\n红旗岭镇人民政府", "红旗岭镇", None),
        ("经济开发区东张街道2023年度政府信息公开工作年度报告", "东张街道", None),
        ("2023年,我们与红旗岭镇人民政府合作。", "红旗岭镇", None),
        # a bare 乡/镇 after a word before a name is no name
        ("成立了由镇党委书记任组长的领导小组。\n如有疑问请与小河湾乡党政办公室联系。", "小河湾乡", None),
        ("充分运用乡政府门户网站发布信息。\n如有疑问请与青山口乡党政办联系。", "青山口乡", None),
        ("由乡长任组长。对镇政府工作进行监督。\n太和镇人民政府", "太和镇", None),
        # a generic 街道/镇 after verbs and adverbs of the prose is no name
        ("2024年,青石街道认真落实条例。\n我们紧紧围绕街道中心工作,定期更新街道动态。", "青石街道", None),
        ("2020年白马坪镇严格按照条例要求,及时维护和更新镇政府人员分工。", "白马坪镇", None),
        ("2023年,红枫街道在区委领导下开展工作。\n积极发布街道重点工作信息。", "红枫街道", None),
        ("聚焦民生热点,完成街道重大决策事项目录公开。\n全年街道共公开信息。\n东湾街道", "东湾街道", None),
        ("围绕区委中心工作和街道重点任务开展公开。", None, None),
        # 和 + 县委、县政府 is no county 和县; 和县 before its township is
        ("根据《条例》和县委、县政府有关要求编写。\n青山镇人民政府", "青山镇", None),
        ("和县西埠镇2021年政府信息公开工作年度报告\n根据和县政府要求编写。", "西埠镇", "和县"),
        # names made of slogans stay names
        ("2022年,团结乡严格落实条例要求。", "团结乡", None),
        ("2022年,建设街道严格落实条例要求。", "建设街道", None),
        # a 街 printed short before 政府: '2022年白云街政府网站公开…'
        ("2022年,青云街以条例为遵循。\n2022年青云街政府网站公开信息。", "青云街", None),
        # the first named of two equally evidenced names: the report introduces itself first
        ("2025年,东篱街道坚持公开。\n2025年,西篱街道在区里排第二。", "东篱街道", None),
        # a title's name ending like a pronoun (各); enumerators 一是/二是 are never names
        (
            "2023年下各镇政府信息公开工作年度报告\n一是镇党委成员的主要工作职责。二是镇长负责。",
            "下各镇",
            None,
        ),
        ("政府信息公开工作年度报告\n一是镇党委加强领导。2023年,青石镇坚持公开。", "青石镇", None),
        # a two-character county right before the township, though no word starts there
        ("黄村镇2020年政府信息公开工作年度报告\n通过泾县黄村镇政府信息公开平台发布信息。", "黄村镇", "泾县"),
        ("黄村镇2020年政府信息公开工作年度报告\n工作已完成县里部署。", "黄村镇", None),
        # a name ending like a verb phrase (下乡, 返乡) where the text governs it as a unit
        ("现公布example.org溪下乡2017年政府信息公开工作年度报告。", "溪下乡", None),
        ("如有疑问请与单位联系,单位:坪下乡党政办,电话:0577-1234567。", "坪下乡", None),
        ("岭下乡人民政府2016年政府信息公开工作年度报告\n一、概述", "岭下乡", None),
        ("石门镇2019年政府信息公开年度报告\n开展送科技下乡活动3次,组织青年返乡创业。", "石门镇", None),
        ("全年组织文化下乡,送法下乡5场。\n青石镇人民政府", "青石镇", None),
        # a letterhead line: a stem ending like a pronoun (全) is the name before 人民政府
        ("文件编号\n永全镇人民政府\n关于报送年度报告的报告\n我镇2011年信息公开工作平稳。", "永全镇", None),
        ("全年工作总结\n全镇人民政府各部门共同推进信息公开工作。", None, None),
        # a county named after its city (嘉兴市) is never read as the two-character 兴县
        ("文件编号\n永全镇人民政府\n本报告由嘉兴县永全镇编制。", "永全镇", "嘉兴县"),
        ("本报告由兴县蔚汾镇编制。蔚汾镇2011年信息公开工作平稳。", "蔚汾镇", "兴县"),
        # a street named …街: the title's short form and the body's …街街道 are one
        (
            "银川市兴庆区文化街2014年政府信息公开工作年度报告\n现将文化街街道办事处2014年工作报告如下。",
            "文化街街道",
            "兴庆区",
        ),
        # a township named after a county-level name (新县): no county is read from its name
        ("新县镇2012年度政府信息公开年度报告\n一、概述\n我镇认真落实条例。", "新县镇", None),
        # a name with a character of CJK Extension A (㙍 U+364D), after a county
        ("塘㙍镇2024年度政府信息公开工作年度报告\n2024年,我镇在吴川市塘㙍镇政府推动下。", "塘㙍镇", "吴川市"),
    ],
)
def test_town_and_county(body: str, town: str, county: str | None) -> None:
    got = read(body)
    assert got.get("town") == town
    assert got.get("county") == county


@pytest.mark.parametrize(
    ("body", "town", "county"),
    [
        (
            "館前鎮2010年度政府信息公開工作報告\n根據《條例》,長汀縣館前鎮人民政府編製本報告。",
            "館前鎮",
            "長汀縣",
        ),
        ("開平市沙塘鎮人民政府2016年政府信息公開年度報告\n沙塘鎮政府結合實際工作。", "沙塘鎮", "開平市"),
        (
            "宜興市徐舍鎮(zhèn)2021年政府信息公開工作年度報告\n徐舍鎮(zhèn)人民政府嚴格按照《條例》。",
            "徐舍鎮",
            "宜興市",
        ),
        # simplified text is printed as read
        ("泾县黄村镇2014年度政府信息公开工作年度报告", "黄村镇", "泾县"),
    ],
)
def test_names_as_printed_in_traditional_text(body: str, town: str, county: str) -> None:
    """Names are read on the Simplified copy and given back in the characters printed."""
    found_meta, facts = meta.read_meta(Text(body.splitlines()))
    assert (facts["town"].value, facts["county"].value) == (town, county)
    assert found_meta.town is not None and found_meta.county is not None  # meta keeps the reading
    assert "鎮" not in found_meta.town and "縣" not in found_meta.county


@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("2008年张义镇人民政府信息公开工作年度报告\n根据2009年要求", 2008),
        ("政府信息公开工作年度报告\n现公布巴彦托海镇2018年政府信息公开工作年度报告。", 2018),
        (
            "驼峰路街道办事处政府信息公开工作年度报告\n本报告统计期限自2020年1月1日起至2020年12月31日止。",
            2020,
        ),
        ("长桥乡2019年政府信息公开年度工作\n报 告\n一、总体情况", 2019),
        ("二〇二一年度大坪乡政府信息公开工作年度报告", 2021),
        # the year opens the title without 年; a later date line does not win
        ("2009某某市青石镇政府信息公开工作年度报告\n某某市青石镇人民政府\n2010年2月", 2009),
        ("信息名称 2011某某区青石镇政府信息公开工作年度报告\n2012年3月\n2012年", 2011),
        ("一、总体情况\n2023年,我街按照条例要求。截至2023年12月31日,主动公开信息22条。", 2023),
    ],
)
def test_year(body: str, year: int) -> None:
    assert read(body).get("year") == year


@pytest.mark.parametrize(
    ("body", "published"),
    [
        (
            "...\n曙光镇人民政府\n\n                              二0一八年十二月二十四日\n",
            dt.date(2018, 12, 24),
        ),
        ("宜就镇人民政府\n\n2018 年 12 月 30 日\n\n", dt.date(2018, 12, 30)),
        ("信息来源: 凉州区张义镇人民政府 发布日期: 2009-01-06 浏览次数: 次\n正文。", dt.date(2009, 1, 6)),
        (
            "湖东镇2025年政府信息公开工作年度报告\n2026-01-22 17:49:17\n陆丰市人民政府办公室",
            dt.date(2026, 1, 22),
        ),
        ("- 索 引 号:QZ09054\n- 公文生成日期:2013-03-28\n正文", dt.date(2013, 3, 28)),
        ("发布日期 | 2023-01-30 | 文 号 | |\n正文", dt.date(2023, 1, 30)),
        ("标题2024年\n(2024年3 月 26日)\n正文", dt.date(2024, 3, 26)),
        ("发布时间:2022年01月30日 15:52\n正文", dt.date(2022, 1, 30)),
        ("东瓜街道2025年报告\n报告中所列数据的统计时间为2025年1月1日—12月31日。", None),
        ("发布时间:2015-01-06\n正文\n黄村镇人民政府\n2015年1月10日", dt.date(2015, 1, 10)),
        ("某镇2019年政府信息公开工作年度报告\n截至2019年12月31日,共公开信息。", None),
        # a posting date with its time and the page's 来源/浏览 after it
        ("某镇2023年报告\n2024-01-16 08:40     来源:某某区某镇人民政府\n正文", dt.date(2024, 1, 16)),
        ("某镇2023年报告\n2024-01-18 | 浏览次数:35 | 字号:大 中 小\n正文", dt.date(2024, 1, 18)),
        # a bulleted posting date under the title, the page's 来源 bullet after it
        ("某街道2025年报告\n  • 2026-01-27 15:42\n  • 来源:某某区人民政府\n正文", dt.date(2026, 1, 27)),
        ("某街道2025年报告\n  • 2024-01-27起施行的办法要求各单位主动公开信息。\n正文", None),
        # a long line after the date that is no page header
        ("某镇2023年报告\n2023年1月1日起,我镇全面推进政务公开工作,主动公开信息20条。", None),
    ],
)
def test_published(body: str, published: dt.date | None) -> None:
    assert read(body).get("published") == published


@pytest.mark.parametrize(
    ("body", "phone"),
    [
        ("请与凤安镇党政办公室联系,电话:0762—7405328。", "0762—7405328"),
        ("请联系:思明区嘉莲街道办事处党政办(电话:5576799)。", "5576799"),
        ("电话:(020)82971234。", "(020)82971234"),
        ("联系电话0451-55209181。", "0451-55209181"),
        ("联系电话：０４５４－３８３３１１０", "０４５４－３８３３１１０"),
        ("咨询电话:13812345678,传真:0878-3871206", "13812345678"),
        ("监督电话。无号码", None),
        ("邮编015100,电话(传真):0478-7927563,电子邮箱:abc@163.com", "0478-7927563"),
        ("联系电话（传真）：0991-1234567", "0991-1234567"),
        ("电话(办公室) 0731-88889999", "0731-88889999"),
        ("电话(传真号码待定),邮编015100", None),
        ("联系电话/传真:0478-7927563", "0478-7927563"),
        ("联系电话及传真:0478-7927563", "0478-7927563"),
        # a stray comma after the label; an extension kept as printed
        ("电话:,0432-62421057,。", "0432-62421057"),
        ("联系电话:65911166-6509", "65911166-6509"),
        ("联系电话:65911166-2020年起停用", "65911166"),
        # the contact sentence with no 电话 label
        ("如对本报告有任何疑问,请联系:86552285。", "86552285"),
        ("如有疑问,请联系:街道办事处办公室,64066979", "64066979"),
        ("请与镇党政办公室联系,0762-7405328。", "0762-7405328"),
        # the verb as the label: 请致电 / 请电话联系 / 可拨打
        ("如对本报告有任何疑问,请致电0577-12345678。", "0577-12345678"),
        ("如对本报告有任何疑问,请电话联系0591-2295112", "0591-2295112"),
        ("如有疑问可拨打0591-22951127咨询。", "0591-22951127"),
        # a doubled dash, and 电: for 电话:
        ("请与镇政府办公室联系(地址:宜竹路195号 电话:0710--5374392 )。", "0710--5374392"),
        ("请与镇党政办联系(地址:沿河路东50米,电:0798—2691187,邮编:333000)。", "0798—2691187"),
        ("请联系:街道办事处办公室。", None),
        # the number in brackets after the office, before 联系
        ("若有疑问,可直接与某某区青石乡党政综合办公室(0349-2088123)联系。", "0349-2088123"),
        ("如对本报告有疑问,请与镇党政办（电话：0762-7405328）联系。", "0762-7405328"),
        ("可与街道办事处（６４０６６９７９）联系", "６４０６６９７９"),
        ("我们与群众(12345678户)联系紧密。", None),
        ("我们联系群众,走访12345678户。", None),
        # the website's footer phone gives way to the report's own; kept when it is the only one
        (
            "电话:0838-1234567 蜀ICP备12345678号-1\n如有疑问,请联系镇党政办,电话:0838-7654321。",
            "0838-7654321",
        ),
        ("主办单位:某某镇人民政府 电话:0838-1234567\n本报告电子版可在网站下载。", "0838-1234567"),
    ],
)
def test_phone(body: str, phone: str | None) -> None:
    assert read(body).get("phone") == phone


def test_title_joins_unit_line_above() -> None:
    got = read("桃江县鲊埠回族乡\n2021年政府信息公开工作年度报告\n根据条例")
    assert got["title"] == "桃江县鲊埠回族乡2021年政府信息公开工作年度报告"


def test_title_split_before_its_last_words_and_the_body_abbreviating_the_name() -> None:
    body = (
        "北京市西城区广安门外街道办事处2020年政府信息公开\n工作年度报告\n"
        "一、总体情况\n2020年,广外街道动态调整主动公开清单。广外街道坚持公开。\n"
    )
    got = read(body)
    assert got["title"] == "北京市西城区广安门外街道办事处2020年政府信息公开工作年度报告"
    assert got["town"] == "广安门外街道" and got["county"] == "西城区"


def test_an_abbreviation_needs_the_full_name_in_the_title() -> None:
    # two different townships that happen to share characters stay apart
    got = read("东山镇2020年政府信息公开工作年度报告\n东镇村委会公开村务。\n东山镇坚持公开。")
    assert got["town"] == "东山镇"


def test_breadcrumb_is_no_title() -> None:
    got = read(
        "当前位置: 首页 / 政务公开 / 信息公开年报 / 2021年 / 稿件页\n株洲市荷塘区明照街道\n2021年政府信息公开工作年度报告"
    )
    assert got["year"] == 2021 and got["town"] == "明照街道" and got["county"] == "荷塘区"


@pytest.mark.parametrize(
    ("body", "title", "year"),
    [
        # a numbered body line naming some other report is no title; the preface decides
        (
            "根据《中华人民共和国政府信息公开条例》规定及区委、区政府关于政务公开工作的部署要求,"
            "现公布某某镇2025年政府信息公开工作年度报告。\n"
            "一、总体情况\n3.计划总结:公开2024年工作总结,2025年度政府工作报告。",
            None,
            2025,
        ),
        ("一、总体情况\n(三)公开2023年度政府工作报告全文。\n本报告统计期限自2024年1月1日起。", None, 2024),
        # 公开 alone does not make a line a title
        (
            "公开2023年工作总结和政府工作报告\n现公布某某乡2024年政府信息公开工作年度报告。",
            "现公布某某乡2024年政府信息公开工作年度报告。",
            2024,
        ),
        # real titles still count, also without 政府 or with 年报 alone
        ("某某镇2022年政务公开工作年度报告\n一、总体情况", "某某镇2022年政务公开工作年度报告", 2022),
        ("2021年年报\n一、总体情况", "2021年年报", 2021),
    ],
)
def test_title_names_disclosure_before_the_body(body: str, title: str | None, year: int) -> None:
    got = read(body)
    assert got.get("title") == title and got["year"] == year


def test_odd_text_never_raises() -> None:
    for body in ("", "\n\n", "镇", "乡乡乡乡", "|||", "2019年" * 50, "\x00\ufeff一、"):
        read(body)


def test_gazetteer_short_forms() -> None:
    assert places.county_forms("鄂温克族自治旗") >= {"鄂温克族自治旗", "鄂温克旗"}
    assert "增城市" in places.county_forms("增城区")
    assert places.strip_ethnic("双江拉祜族佤族布朗族傣族") == "双江"
    assert places.county_forms("关岭布依族苗族自治县") >= {"关岭自治县", "关岭县"}
    assert places.county_forms("双江拉祜族佤族布朗族傣族自治县") >= {"双江自治县", "双江县"}
    found = [p.form for p in places.scan("完成县政务公开,城区政府,郊区")]
    assert found == []  # 成县 and 城区 here are words, not places


def test_vocabulary_is_clean() -> None:
    for words in (
        vocab.TOWN_LEAD_WORDS,
        vocab.NOT_TOWN_ENDINGS,
        vocab.NOT_IN_TOWN_STEM_WORDS,
        vocab.DATE_LABELS,
        vocab.NEGATIONS,
    ):
        assert len(words) == len(set(words)), "duplicates"
        assert all(w and w.strip() == w for w in words)
    assert list(vocab.TOWN_LEAD_WORDS) == sorted(vocab.TOWN_LEAD_WORDS, key=len, reverse=True)
    assert len(vocab.ETHNIC_GROUPS) == 56


def test_a_county_before_a_reading_gloss_is_its_name_never_an_empty_one() -> None:
    # mirror copies insert pinyin after characters: '锡山区(qū)人民政府云林街道'
    lines = [
        "云林街道2015年政府信息公开工作年度报告",
        "根据《无锡市锡山区(qū)人民政府关于做好政府信息公开工作的通知》要求，由无锡市锡山区(qū)人民政府云林街道办事处编制本报告。",
    ]
    report = extract(Document(path="x.txt", lines=lines))
    assert report.summary["county"] == "锡山区"
