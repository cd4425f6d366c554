"""The proactive total in wordings beyond '主动公开…N条' (invented phrasings, positive and negative)."""

from __future__ import annotations

import pytest

from generator.extract import facts
from generator.extract.text import Text


def total(body: str, year: int | None = 2020) -> int | None:
    text = Text(body.strip("\n").splitlines())
    fig = facts.read_facts(text, [], year).get("proactive_total")
    return None if fig is None else fig.value


@pytest.mark.parametrize(
    "body",
    [
        "依据《中华人民共和国政府信息公开条例》第五十条规定,编制本报告。",
        "根据《条例》第五十条的规定,现公布本镇2020年报告。",
        "对照《条例》第二十条、第二十一条规定,我镇主动公开了以下内容:机构职能等。",
        "按照《条例》第20条及第21条要求,主动公开各类事项。",
        "依照条例第 19 条主动公开。",
        "主动公开依据《条例》第十九条第三款第(二)项执行。",
    ],
)
def test_article_numbers_are_no_counts(body: str) -> None:
    assert total(body) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a count near 公开 without 主动
        ("截至2020年12月31日,我乡在县政府网站信息公开专栏公开信息211条。", 211),
        ("2020年通过“某某县人民政府”网站公开7条信息(即预算、决算)。", 7),
        ("全年共上传信息64条。", 64),
        ("今年以来,已录入各类公开信息93条,其中新增栏目信息4条。", 93),
        ("2020年,我乡通过门户网站公开各类信息38条。其中工作动态类30条。", 38),
        ("公开数量包括了通过线上及线下公开的905条信息。", 905),
        ("2020年通过政府网站发布政务信息87条。", 87),
        ("在报刊发布新闻报道20篇。", None),
        ("本年度共在政府网站公开各类政府信息87条,微信公众号发布信息45条。", 87),
        # 主动公开, a long list of topics, then the count (no other number between)
        (
            "截止到2020年12月,我街道主动公开涉及疫情防控、社会救助、养老服务、公共文化服务、"
            "保障性住房、食品安全等方面信息217条。",
            217,
        ),
        # 主动公开 and the 共计 total a clause on; the channels after it are shares
        (
            "我乡积极主动地公开了各类政府信息,具体包括领导分工、惠民补贴等方面的内容共计64条,"
            "通过微信公众号发布各类信息50条,利用公示栏公示信息80条。",
            64,
        ),
        ("通过门户网站、公告栏等形式,及时公开机构职能、政策法规共计17条。", 17),
        # the year's figure beats a cumulative one
        ("截至目前共发布431条信息,2020年公开政府信息52条,其中概况信息2篇。", 52),
        ("2020年公开政府信息52条,截至目前累计发布431条。", 52),
        ("至今累计公开信息1200条,本年度新增公开信息87条。", 87),
        ("累计公开信息1200条。2019年新增公开信息80条。", 1200),
        # a sum over the year only ('全年累计') keeps its count over a channel's in the next sentence
        ("全年累计发布政务信息64条,涉及通知公告等。某某公众号全年发布信息310篇。", 64),
        ("本年度累计公开信息41条。网站专栏今年发布信息12条。", 41),
        ("累计公开信息900条。本年度新增公开信息77条。", 77),
        # 份/项/次 count items only with information named
        ("主动公开政府信息15项。", 15),
        ("主动公开政务文件11份,开展政策解读活动15次。", None),
        ("对领导介绍模块进行更新两次。", None),
        ("设置信息公开栏目6项。", None),
        # not items of information
        ("本年度收到申请政府信息公开请求1件。", None),
        ("召开新闻发布会6次,发布会发布消息3条。", None),
        ("全年发布预警2次。", None),
    ],
)
def test_wordings(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "(一)政府信息主动公开情况\n2020年,我镇在区政府信息公开平台网站上更新各类信息58条,主要涉及政策文件。",
            58,
        ),
        ("1.主动公开。\n高度重视公开工作。在区政府门户网站公开信息140余条;在报刊发布新闻报道20篇。", 140),
        (
            "(一)主动公开工作扎实推进。持续更新机构概况。2020年,通过政府网站公开政府信息41条,其中政策类6条。",
            41,
        ),
        # outside the 主动公开 heading 更新 is no total
        ("(一)主动公开\n制度完善。\n(二)平台建设\n在平台网站上更新各类信息58条。", None),
        ("二、主动公开政府信息情况\n(一)网站建设\n网站更新各类信息33条。\n三、依申请公开\n更新信息9条。", 33),
    ],
)
def test_under_proactive_heading(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # channels side by side, no total: none stated
        (
            "2020年,在县政府网站主动公开各类信息120条、微信公众号主动公开各类信息300条、公开网站主动公开信息40条。",
            None,
        ),
        (
            "2020年,通过政府门户网站主动公开信息232条,微信平台主动公开信息600条,微博平台主动公开信息300条。",
            None,
        ),
        ("发布环评公示、招聘等通知公告信息15条,公开采购信息2条。", None),
        ("依托微信公众号“某某发布”主动发布工作动态400条,推送招聘、安全提示等信息90条。", None),
        # a total first, then its breakdown
        ("共主动公开信息300条,其中网站公开200条、公众号公开100条。", 300),
        ("2020年,全乡政府信息公开411条,一是利用门户网站公开政务信息38条。", 411),
        ("全年主动公开信息500余条,通过网站公开300条,通过公众号公开200条。", 500),
        ("通过网站、公众号等主动公开信息300条,网站公开200条,公众号公开100条。", 300),
        ("通过政府网站和微信公众号主动公开信息300条,在公示栏公示信息40条。", 300),
        ("通过微信公众号平台主动公开信息60条。", None),
        ("通过政务网、微信公众号等主动公开信息近90条,全年累计公开工作信息120余条。", 90),
    ],
)
def test_parallel_channels(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # sibling channel counts in sentences split at semicolons, same verb, no total
        (
            "我镇主动公开情况:镇政府网站发布信息40条,包含通知公告10条、工作动态30条;"
            "便民大厅显示屏发布12条;村务宣传栏发布30条。",
            None,
        ),
        (
            "一是通过区政府网站向社会公布各类政府信息20条,包括工作动态15条;"
            "二是通过微信公众平台向社会公布各类政府信息300条。",
            None,
        ),
        ("2020年,全镇累计通过区政府网公开信息30条;通过“三务公开”平台公开信息80条。", None),
        # a count with no unit closing its sentence right after 信息
        ("本年度全镇在县政府网站公开政府信息48。", 48),
        ("具体公开情况见附件2。", None),
        ("本年度依申请公开信息3。", None),
        # a first count ruled out as one category still shows the channel count beside it is a share
        ("2020年,本镇在政府网站共发布要闻类信息15条,利用村务公开栏、微信群及时公开、转发信息600余条。", None),
        ("(一)主动公开情况。2020年,本镇在网站发布要闻类信息15条,利用公开栏、微信群转发信息600余条。", None),
        ("2020年共计公开各类信息120条,其中网站发布动态类信息15条,公众号发布信息105条。", 120),
        # the next sentence counts something else, or a total comes first: a total
        ("2020年,全镇通过政府网站公开信息30条;在报刊发布新闻稿件10篇。", 30),
        ("全年共主动公开政府信息90条;通过网站公开信息50条;通过公众号公开信息40条。", 90),
        ("2020年,我镇通过政府网站公开信息35条;", 35),
        # normative documents are no disclosed items
        ("本年度行政规范性文件发布数量3条、废止数量0条。", None),
    ],
)
def test_parallel_across_semicolons(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bare count right after 主动公开信息: before its breakdown, or in 期
        ("全年累计主动公开政府信息45,其中工作动态30条,通知公告15条。", 45),
        ("主动公开信息45,其中工作动态30条。", 45),
        ("2020年,某某乡主动公开信息120期、公示栏公示8次。", 120),
        # no breakdown after it, or 期 elsewhere: no count
        ("主动公开政府信息45,同比有所增加。", None),
        ("编印政务公开简报12期。", None),
        ("主动公开工作开展12期培训。", None),
    ],
)
def test_bare_counts(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # all years to date: no year's total, unless the year's own figure is given
        ("本单位到目前累计主动公开政府信息300条。", None),
        ("截至目前累计主动公开政府信息300条。", None),
        ("本镇历年累计主动公开政府信息300条,2020年新增公开信息40条。", 40),
        ("到目前累计主动公开政府信息300条。2020年新增公开信息40条。", 40),
        ("本镇2020年主动公开政府信息40条,历年累计300条。", 40),
        # 累计 alone, or with the year, is the year's
        ("全年累计主动公开政府信息45条。", 45),
        ("累计主动公开2020年度政府信息28条。", 28),
    ],
)
def test_cumulative_to_date(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # media publicity beside the one count labelled 主动公开: the labelled one
        ("全年通过区政府网站主动公开信息135条,通过报刊、各级媒体平台公开信息300余篇,保障知情权。", 135),
        ("通过区门户网站主动公开政府信息88条,通过新媒体发布平台公布政务信息40条。", 88),
        # ... but two channels both labelled 主动公开 stay per-channel figures
        ("通过网站主动公开信息88条,通过公众号主动公开信息40条。", None),
        # one category of a list is no total; a totalled list is
        ("2020年,街道通过门户网站公开财政预决算信息3条、行政执法信息5条、工作动态2条。", None),
        ("2020年,街道通过门户网站共公开信息12条、政策解读3篇。", 12),
        # a 主动公开 part after 其中: the total before it
        ("全年街道公开政府信息57条,其中主动公开公文信息4条,主动公开率100%。", 57),
        ("全年主动公开政府信息57条,其中公文信息4条。", 57),
        # a heading's words run into another count (enforcement, not information)
        ("5.公开综合监管和执法信息的情况 2020年行政检查15件,巡查巡检300件。", None),
        ("主动公开重大项目进展情况等信息50条。", 50),
        # 发送 under a 主动公开 heading
        ("3.主动公开信息情况\n2020年,某乡政府门户网站共发送12条信息。", 12),
    ],
)
def test_parts_and_publicity(body: str, expected: int | None) -> None:
    assert total(body) == expected


def test_numbered_channel_items_are_no_total() -> None:
    body = (
        "(一)主动公开\n"
        "1.门户网站主动公开政府信息情况。2020年我街道在市政府网共发布信息91条,其中部门动态60条。\n"
        "2.官方微信主动公开政府信息情况。2020年度我街道官方微信共推送1200条信息。\n"
    )
    assert total(body) is None
    one = "(一)主动公开\n1.门户网站主动公开政府信息情况。2020年我街道在市政府网共发布信息91条。\n2.其他工作。正文。\n"
    assert total(one) == 91


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a label's own count after its colon
        ("一、总体情况 1、主动公开政府信息的情况:35条,其内容涉及财政预算、工程招标等。", 35),
        ("5.公开执法信息的情况 2020年行政检查15件。", None),
        # the year's own figure wins over the cumulative one, even after 其中
        (
            "截至2020年12月31日,在区政府网站累计公开政府信息900条,其中本年度在区政府网站及本单位网站公开230条。",
            230,
        ),
        (
            "本镇到2020年底累计主动公开政府信息95条,全文电子化率达100%,其中,本年度新增的主动公开政府信息31条。",
            31,
        ),
        ("本镇到2020年底累计主动公开政府信息95条。", 95),
        # a long list of categories closed by 等 before the count
        (
            "2020年,我镇主动公开的政府信息主要包括政府领导、机构职能、人事信息、政策文件、权力运行结果、"
            "政府工作报告、年度重点工作任务分解执行及落实情况、政府会议、应急管理、财政资金、公共资源交易、"
            "土地利用、政策解读、回应关切等多个领域政府信息320余条。",
            320,
        ),
        ("主动公开的政府信息主要包括政府领导、机构职能、人事信息、政策文件等多个领域。", None),
        # the count right before 主动公开 and its noun
        ("编制了公开指南,并发布了86篇法定主动公开内容,其内容包括:领导分工等。", 86),
        ("依申请公开3件,主动公开内容涉及民生。", None),
    ],
)
def test_labels_years_lists_and_counts_before(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # channels counted one per sentence, no total
        (
            "(一)主动公开情况\n2020年,某镇通过区政府门户网站累计更新政务信息40条,涵盖乡村振兴等领域。"
            "某镇微信公众号累计发布信息300条,采用图文形式。镇政府官方网站同步更新信息40条,聚焦重点项目。",
            None,
        ),
        # one channel alone, or the same channel again, is still the count
        (
            "(一)主动公开情况\n2020年,通过区政府门户网站累计更新政务信息40条,涵盖乡村振兴等领域。全年开展培训3次。",
            40,
        ),
        # media articles in 篇 beside it are no second channel
        ("(一)主动公开情况\n2020年,在区政府门户网站公开信息120余条;利用客户端发布新闻300余篇。", 120),
    ],
)
def test_channels_across_sentences(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a count followed by its breakdown of information
        (
            "(一)主动公开情况\n截止2020年12月31日,我乡在政府门户网站发布45条,其中政策公告类信息40条,政策解读类信息5条。",
            45,
        ),
        ("(一)主动公开情况\n我乡在政府门户网站发布45条。", None),
        # one channel's count, the only count under the heading, is the total
        (
            "(一)主动公开政府信息的情况\n2020年,某某乡运用微信公众号发布信息。某某乡微信平台公开发布信息66条,涉及政策文件。",
            66,
        ),
        # ... but not with another count there, nor a half named 线上
        (
            "(一)主动公开政府信息的情况\n某某乡微信平台公开发布信息66条,涉及政策文件。公开栏张贴公告12份。",
            None,
        ),
        ("(一)主动公开情况\n线上,通过微信公众号公开信息71条。", None),
        ("(一)主动公开情况\n微信平台公开发布信息66条。\n(二)依申请公开情况\n受理申请2件。", 66),
    ],
)
def test_breakdown_and_sole_count_under_heading(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one category's count ('X类信息') is no total; '各类信息' is
        ("二、主动公开情况\n3.推进计划信息公开。全年我镇通过县政府网站公开计划类信息5条。", None),
        ("二、主动公开情况\n全年我镇通过县政府网站公开各类信息45条。", 45),
        ("二、主动公开情况\n坚持公开为常态,及时公开通知类政务信息4件,涵盖安全等方面。", None),
        # a list of categories after 全年累计: the next item names information too
        ("二、主动公开情况\n全年累计在重点领域发布信息5条、民生工作信息12条,公示类信息3条。", None),
        ("二、主动公开情况\n全年累计发布信息73条。", 73),
        # the heading '主要类别' run into a category's count is no total
        (
            "二、政府信息主动公开情况\n(一)主动公开政府信息的数量\n全年累计公开信息58条。\n"
            "(二)主动公开政府信息的主要类别\n要闻速递21条,民俗风情13条。",
            58,
        ),
        ("(二)主动公开政府信息的主要类别\n要闻速递21条,民俗风情13条。", None),
        # two channels each with 共 in their own sentences: no total
        (
            "在区人民政府门户网站发布政务信息共41条,及时完善机构设置。通过本镇微信公众号发布信息共105篇,"
            "其中工作动态40篇。",
            None,
        ),
        ("在区人民政府门户网站发布政务信息共41条,及时完善机构设置等内容。", 41),
    ],
)
def test_categories_headings_and_channel_totals(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a 主动公开 label inside the breakdown after 包括 never wins over the count it breaks down
        ("2020年,通过网站公开信息120条,内容包括工作动态80条、法定主动公开内容25条、其他15条。", 120),
        ("通过门户网站发布信息75条,包括工作动态50条、主动公开文件25条。", 75),
        # …but a lone 法定主动公开 count is the total
        ("2020年,更新法定主动公开内容42条,包括乡镇文件30条,组织机构12条。", 42),
        # a total (共) then another channel counting more than it: per channel, no total
        ("2020年,我镇通过镇政府共发布公开信息40条,通过微信公众号发布信息300条。", None),
        ("2020年,我乡共公布网站信息50条,政务信息800条,政务微博发布政府信息120条。", None),
        # a total then smaller parts: still the total
        ("2020年,我镇共发布公开信息400条,通过微信公众号发布信息300条。", 400),
        # a platform's total, then another channel in the same paragraph: per channel
        (
            "在政务公开平台公布信息共计70条,在公告栏目公布信息20条;在“美丽乡村”微信公众号平台共计推送信息500条。",
            None,
        ),
        # the online channels' share after 微信公众号等线上平台 is no total
        ("通过微信公众号等线上平台,及时公开各类动态,全年共发布信息900条。", None),
        ("通过政府网站、微信公众号等平台,及时公开各类动态,全年共发布信息900条。", 900),
        # sibling categories across a semicolon, each with its verb: neither is the total
        (
            "2020年,通过门户网站发布工作动态信息90条,其中重点动态50条;发布法定主动公开内容3条,包括机构概况3条。",
            None,
        ),
    ],
)
def test_channel_and_breakdown_conventions(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # channel counts that add up to the count before them are its parts, not siblings
        (
            "2020年,主动公开政府信息累计96条,通过网站公开信息60条,公众号公开政府信息30条,公示栏公开信息6条。",
            96,
        ),
        ("全年主动公开政府信息150条,网站发布信息100条,微信公众号发布信息50条。", 150),
        # ... but counts that do not add up stay per-channel figures with no total
        ("通过网站公开信息60条,通过微信公众号公开信息300条。", None),
    ],
)
def test_parts_adding_up_to_the_count(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 项 counts items with 事项 named (the noun repeats its unit); 次 and 份 still do not
        ("2020年度,某某街道主动公开事项共计273余项,其中网上公开事项3件,张贴公告170余次。", 273),
        ("全年主动公开各类事项58项。", 58),
        ("在公示栏公示年度计划、居民自治事项等160余次。", None),
        ("主动公开文件11份。", None),
        ("主动公开信息15项。", 15),
        # press copy sent to the media is no disclosure
        ("2020年累计推送稿件138篇,被各级媒体采用71条次。", None),
        ("全年共向上级报送稿件45篇。", None),
        ("全年共发布政府信息45条,推送稿件30篇。", 45),
        # a total through no channel, then a larger count of another kind in one channel
        ("2020年度,共公开政府信息15条,在县政府网站发布工作动态38条。", 15),
        ("全年共公开政府信息20条,在政府网站发布工作动态12条。", 20),
        # ... but a total sent through one channel beside a larger one stays a share
        ("2020年,我镇通过某某镇人民政府共发布公开信息66条,通过微信公众号发布信息527条。", None),
        ("全年通过网站共发布信息40条,通过公众号发布信息300条。", None),
        # 全年 and the township naming itself before channels each with their own count
        ("全年我镇在市政府门户网站主动公开信息60条,在镇门户网站主动公开信息5条。", None),
        ("全年本乡通过政府网站公开信息23条;通过公众号公开信息154条。", None),
        ("全年我镇主动公开信息65条,其中在市政府门户网站公开60条。", 65),
    ],
)
def test_items_press_copy_and_totals_beside_channels(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an application's outcome is no proactive disclosure count
        ("2020年共收到依申请公开案件4件,予以公开1件,所申请信息已主动公开3件。", None),
        (
            "2020年度,累计发布各类政府信息310条,其中网站发布信息70条,新媒体发布信息240条。"
            "本年收到申请3件,所申请信息已主动公开2件。",
            310,
        ),
    ],
)
def test_answered_applications_are_no_disclosures(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 累计 in a sentence that opens with the report's year sums that year
        ("2020年,主动公开政府信息累计204条。2020年共发布重点领域信息12条。", 204),
        # a running total with the year's own figure after it still gives the year's figure
        ("累计主动公开政府信息552条。其中2020年发生数为184条。", 184),
    ],
)
def test_cumulative_within_the_year(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a list of new-media channels only is their share, not the total
        ("依托政务微博、微信公众号、视频号等平台,全年推送各类政务信息260余条。", None),
        ("2020年,通过抖音、视频号等新媒体账号,全年发布各类信息75条。", None),
        # ... but 线上 and 线下 together, or a website among them, are every channel
        ("打造“线上+线下”公开体系,全年累计主动公开各类政务信息520余条,其中政策文件40条。", 520),
        ("通过门户网站、微信公众号等渠道,全年发布各类政务信息180条。", 180),
        # an online channel across a semicolon is a sibling whatever its verb
        ("2020年,某街道通过信息公开专栏公开政府信息33条;通过某某APP推送信息410条。", None),
        ("2020年,某街道通过政务网主动公开政府信息54条,通过政务微信等新媒体发布各类信息218条。", None),
        # media articles beside the labelled count remain publicity
        ("2020年,通过政务网主动公开政府信息54条,通过报刊等媒体刊发宣传稿件21篇。", 54),
        # cases assigned or filed as disclosure requests are no disclosed items
        ("(一)主动公开情况\n全年办理上级交办信息公开件6件。", None),
        ("全年办理信息公开件12件,均按时答复。", None),
    ],
)
def test_new_media_and_online_siblings(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the strongest cue wins over an earlier weaker one
        ("全年共上传信息70条。主动公开政府信息65条,其中工作动态40条。", 65),
        # on a tie of cues the earlier count wins
        (
            "本年度主动公开政府信息共210条。在主动公开的信息中,通过门户网站主动公开信息共130条,其中动态80条。",
            210,
        ),
        # a share marks its sentence; the next candidate elsewhere then wins
        (
            "在门户网站主动公开信息30条、在公众号主动公开信息90条。全年共发布政府信息120条。",
            120,
        ),
        # nothing that could be the total: none
        ("全年召开政务公开专题会议4次,开展业务培训2场,发放宣传资料500余份。", None),
        ("本镇严格落实主动公开制度,不断提升公开质效。", None),
        # approximate counts keep their figure
        ("全年主动公开政府信息近300条。", 300),
        ("全年主动公开政府信息约1,200条。", 1200),
        ("全年主动公开政府信息逾八十条。", 80),
    ],
)
def test_cue_ranking(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a total over all channels, then numbered per-channel parts said with 主动公开
        (
            "(一)主动公开情况\n2020年,我镇通过多种渠道公开政府信息共500条。"
            "1.通过政府网站主动公开政府信息210条,其中工作动态120条。"
            "2.通过微信公众号主动发布信息290条。",
            500,
        ),
        ("全年通过各类平台公布政务信息共计86条。在镇门户网站主动公开政府信息41条。", 86),
        # the channel's count is larger: no part of the earlier count
        ("我镇通过各类平台发布工作动态20条。通过政府网站主动公开政府信息120条。", 120),
        # no total over all channels before: the channel's 主动公开 count stands
        ("2020年,我镇通过政府网站主动公开政府信息75条,涵盖机构职能等内容。", 75),
    ],
)
def test_all_channels_total_beats_its_channel_parts(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # all kinds of information, then one channel's list of single categories: its breakdown
        (
            "本镇通过政府网和各类新媒体平台发布各类政务信息300条,在政府网上主动公开机构职能信息5条、"
            "财政预决算信息16条、政府信息公开年度报告1条、其他公告等信息40条。",
            300,
        ),
        ("今年以来,发布所有政务信息120条,在网站主动公开机构职能信息5条、财政预决算信息16条。", 120),
        # two channels side by side (no category list after): still siblings, no total
        ("在网站发布各类信息217条,在公众号发布信息108条。", None),
        # '年度' of the annual report is no total word: a list of categories, no total
        ("按时发布政府信息公开年度报告1条、公示通知等信息45条。", None),
    ],
)
def test_all_kinds_count_and_its_category_breakdown(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 主动公开, then a clause of topics closed by 等方面 and the count
        ("全年积极主动公开政府信息,主要涉及工作动态、惠民政策等方面46条。", 46),
        ("我镇主动公开政府信息,内容聚焦在防汛救灾、乡村振兴等方面的信息约60条,更新栏目10余次。", 60),
        # a breakdown (其中), another number between, or no information counted: none
        ("我镇主动公开政府信息,其中工作动态等方面12条。", None),
        ("主动公开政府信息,2020年重点围绕疫情防控等方面12条。", None),
        ("我镇主动公开政府信息,并受理群众咨询等方面问题3件。", None),
    ],
)
def test_count_after_aspects_list(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a sentence opened by 其中, and those joined to it by semicolons, hold parts of the
        # count before it, 主动公开 or not
        (
            "(一)主动公开情况\n全年公开政府信息数80条。其中主动公开财政信息9条;主动公开救助信息14条;"
            "通过不同方式公开的情况,包括网站公开信息数6条。",
            80,
        ),
        ("全年公开政府信息38条。其中工作动态30条;通知公告8条。", 38),
        # one category's label: its count is a share; its parts are no total either
        ("重点领域公开政府信息数40条。其中主动公开环境信息9条;主动公开安全生产信息14条;", None),
        ("全年主动公开政府信息200条,重点领域信息发布50条。", 200),
        # ... unless counted over all of them
        ("本年度,12个重点领域累计更新信息151条。", 151),
        ("全面公开城乡低保、医疗救助、安全生产等重点领域信息共计320余条。", 320),
        # a count in 次 after a period word says how often
        ("要求各站所至少一周更新发布一次信息。", None),
        ("每月公开政府信息两次。", None),
        ("全年共公开政府信息120次。", 120),
    ],
)
def test_breakdown_runs_labels_and_frequencies(body: str, expected: int | None) -> None:
    assert total(body) == expected


def test_features_are_named_and_ruled_out_by_name() -> None:
    """Every feature has a unique name; a candidate ruled out says which feature did it."""
    from generator.extract import proactive_cues, proactive_features
    from generator.extract.prose import sentences

    names = [f.name for f in proactive_features.FEATURES]
    assert len(names) == len(set(names))
    assert set(proactive_features.CUE_WEIGHTS) == {c.name for c in proactive_cues.CUES}
    weights = sorted(proactive_features.CUE_WEIGHTS.values())
    bonus = sum(f.weight for f in proactive_features.FEATURES if f.weight is not None and f.weight > 0)
    assert bonus < min(b - a for a, b in zip(weights, weights[1:], strict=False))  # cues read kind by kind
    sents = sentences(Text(["本年度收到依申请公开请求1件,主动公开信息2件。"]))
    counted = proactive_cues.countable(sents)
    cands = [
        c
        for cue in proactive_cues.CUES
        for c in proactive_cues.collect(sents, 2020, [False] * len(sents), cue, counted)
    ]
    verdicts = {c.fig.value: proactive_features.ruled_out(sents, c) for c in cands}
    assert verdicts.get(2) is None
    assert all(v in (None, *names) for v in verdicts.values())


def test_proactive_vocabulary_is_clean() -> None:
    from generator.extract import vocab, vocab_proactive

    for words in (
        vocab_proactive.DISCLOSE_VERBS,
        vocab_proactive.PLAIN_VERBS,
        vocab_proactive.TOTAL_WORDS,
        vocab_proactive.CUMULATIVE_WORDS,
        vocab_proactive.TO_DATE_WORDS,
        vocab_proactive.APPROX_WORDS,
        vocab_proactive.NOT_ITEM_WORDS,
        vocab_proactive.YEAR_NEW_VERBS,
        vocab_proactive.ALL_CHANNEL_WORDS,
        vocab_proactive.ALL_KINDS_WORDS,
        vocab_proactive.CATEGORY_LABELS,
        vocab_proactive.FREQUENCY_WORDS,
        vocab.PARTIAL_CHANNELS,
        vocab.REPORT_CHANNELS,
    ):
        assert len(words) == len(set(words)), "duplicates"
        assert all(w and w.strip() == w for w in words)
    assert set(vocab_proactive.PLAIN_VERBS) <= set(vocab_proactive.DISCLOSE_VERBS)
    # each list unit's nouns: 信息 with every one, any other noun ends in its unit ('事项'/项)
    assert set(vocab_proactive.LIST_NOUNS) == set(vocab.LIST_UNITS)
    for unit, nouns in vocab_proactive.LIST_NOUNS.items():
        assert "信息" in nouns and all(n == "信息" or n.endswith(unit) for n in nouns)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the stated year total wins over channel counts beside or before it
        (
            "(一)主动公开情况\n通过网站主动公开信息64条,通过公众号主动公开信息31条,全年共主动公开政府信息95条。",
            95,
        ),
        (
            "(一)主动公开情况\n今年以来,通过公众号发布信息400余篇,通过网站主动公开政府信息47条,全年共主动公开政府信息47条。",
            47,
        ),
        ("一、主动公开\n在网站公开信息30条,在公示栏公开信息12条,合计主动公开政府信息42条。", 42),
        ("(一)主动公开情况\n本年度主动公开政府信息总数为133条,较上年增加9条。", 133),
        ("(一)主动公开情况\n2020年,我乡主动公开政府信息71条。截至年底,累计主动公开政府信息980条。", 71),
        ("(一)主动公开情况\n通过网站、公示栏等载体主动公开政府信息共计58条,其中网站40条、公示栏18条。", 58),
        # several kinds joined and totalled are no one category
        ("(一)主动公开情况\n2020年,依照目录主动公开各类信息及工作动态类信息合计126条。", 126),
        ("(一)主动公开情况\n主动公开机构职能类及财政预决算类信息共计19条。", 19),
        ("主动公开规划类信息6条。", None),
        # a count of areas between 主动公开 and its 共计 total; 小项 counts items
        ("(一)主动公开情况\n共主动公开相关信息9大领域内容,共计187小项。", 187),
        ("(一)主动公开情况\n主动公开政府信息涉及5个方面,共计61条。", 61),
        # the disclosed share of all items produced, though it names their kind
        ("2020年共计产生公文类信息75条,其中主动公开的公文类信息有31条,不予公开的44条。", 31),
        ("本年度制作政府文件类信息40件,其中主动公开文件类信息12件。", 12),
        ("全年街道公开政府信息43条,其中主动公开公文类信息2条。", 43),
        # a bare total closing the channels' counts is stated (their sum, as printed)
        (
            "(一)主动公开情况\n2020年,我镇在政府网站主动公开政府信息52条,在公众号发布信息380条,共计432条。",
            432,
        ),
        ("(一)主动公开情况\n网站主动公开信息20条;公示栏公开信息15条;合计35条。", 35),
        ("(一)主动公开情况\n2020年,在网站主动公开政府信息98条,微信公众号推送30条,两项合计128条。", 128),
        ("(一)主动公开情况\n网站公开信息40条,公开栏公开信息25条,以上共计65条。", 65),
        ("(一)主动公开情况\n网站主动公开信息90条,其中工作动态60条,通知公告30条,共计90条。", 90),
        # the 主动公开 share of a total split by mode; not a category of a 主动公开 total
        ("(一)主动公开情况\n2020年度,我镇共公开政府信息130条,其中主动公开125条,依申请公开5条。", 125),
        ("全年公开各类信息96条,其中主动公开信息93条、依申请公开信息3条。", 93),
        ("全年累计主动公开政府信息46条,其中主动公开公文14条,依申请公开0条。", 46),
        # under the heading, a total after the channels' own counts, without 主动
        ("(一)主动公开情况\n今年在门户网站发布信息86条,在微信公众号发布信息42条,全年共发布信息128条。", 128),
        # a count of documents yields to a later count of information
        ("(一)主动公开情况\n全年主动公开文件12件,主动公开政府信息128条。", 128),
        ("(一)主动公开情况\n2020年共主动公开政府发文9条,主动公开政府信息57条。", 57),
        # a count scoped to all years so far states no year's total
        ("(一)主动公开情况\n主动公开政府信息97条。截至目前,共主动公开政府信息1230条。", 97),
        ("(一)主动公开情况\n主动公开信息64条。至今共主动公开政府信息800余条。", 64),
        ("(一)主动公开情况\n截至目前共发布信息592条,2020年共主动公开政府信息60条。", 60),
        # no stated total: channel figures side by side, or cumulative to date only
        ("(一)主动公开情况\n2020年,在镇网站主动公开信息88条、“某某发布”公众号主动公开信息240条。", None),
        (
            "(一)主动公开情况\n本年度通过门户网站主动公开政府信息21条,通过报刊、电视等媒体主动公开政府信息150条。",
            None,
        ),
        ("(一)主动公开情况\n截至目前累计主动公开政府信息1500条。", None),
        (
            "1.通过网站主动公开政府信息情况\n2020年,在镇网上主动公开政府信息66条。\n2.通过公开栏主动公开政府信息情况\n全镇在公开栏公开信息38条。",
            None,
        ),
    ],
)
def test_stated_year_total(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a count scoped to all years so far (截至目前/至今/历年, or '(含历年)') is no year's total
        ("(一)主动公开情况\n全年在网站公开信息73条。截至目前,累计主动公开政府信息4400条。", 73),
        ("(一)主动公开情况\n本年度发布信息73条。至今,我镇已主动公开政府信息3000余条。", 73),
        ("(一)主动公开情况\n公开信息73条。主动公开政府信息2600条(含历年)。", 73),
        ("(一)主动公开情况\n截至目前,累计主动公开政府信息4400条。", None),
        # but a run from a date in the year reported is the year's own
        ("2020年1月至今,通过政府网站主动公开信息73条。", 73),
        ("年初至今,我镇主动公开政府信息73条。", 73),
        # a clause opening with an earlier year counts that year
        ("(一)主动公开情况\n全年公开信息73条。对比如下:2019年主动公开政府信息61条。", 73),
        ("(一)主动公开情况\n2020年主动公开政府信息73条,2019年主动公开政府信息61条。", 73),
        ("(一)主动公开情况\n2019年主动公开政府信息61条,2020年主动公开政府信息73条。", 73),
        ("2019年,我镇主动公开政府信息61条,同比增长8%。", None),
        # a cumulative count's year figure is read from its own paragraph only
        ("(一)主动公开情况\n累计主动公开政府信息900条,2020年新增主动公开政府信息73条。", 73),
        ("累计公开信息900条。\n(二)政策解读\n2020年发布政策解读2篇。", 900),
    ],
)
def test_year_scope(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # under the heading, a count tallied before its verb names a total though no 信息
        ("(一)主动公开情况\n全年共发布212条,其中财政信息2条,动态信息97条。另外,累计公开信息5000条。", 212),
        ("(一)主动公开情况\n本年度合计更新58条。", 58),
        # 本年度 alone before the verb does not make a count of something unnamed a total
        ("(一)主动公开情况\n本年度市级媒体发布55篇,网站发布信息14条,公众号发布信息241篇。", None),
    ],
)
def test_tallied_before_verb(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a count of documents followed by a larger count of information is one kind of several
        ("2020年度共计主动公开政府发文6条,其中业务工作6条;工作动态类信息数48条;通知公告数3条。", None),
        ("(一)主动公开情况\n主动公开文件3件,动态信息数40条。", None),
        ("2020年度共计主动公开政府发文6条,其中业务工作6条。", 6),
        # an application's outcomes split by mode are no disclosed items
        ("收到政务公开申请9件,其中:主动公开2件,依申请公开4件,咨询3件。", None),
    ],
)
def test_documents_and_modes(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the 主动公开 part read as side-by-side shares: a weak count elsewhere is no total
        (
            "(一)主动公开情况\n2020年,通过网站发布动态信息120条;发布法定主动公开内容3条。\n"
            "(二)平台建设\n街道政府信息公开45条,其中社会保险9条。",
            None,
        ),
        # but a 主动公开 total elsewhere still is
        (
            "(一)主动公开情况\n2020年,通过网站发布动态信息120条;发布法定主动公开内容3条。\n"
            "(二)平台建设\n全年共主动公开政府信息123条。",
            123,
        ),
    ],
)
def test_part_read_as_shares(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a running total's year figure is a part of it, and no count of applications
        (
            "(一)主动公开情况 2020年度,我镇累计发布各类信息260条。(二)依申请公开情况 2020年我镇收到依申请公开件3件。",
            260,
        ),
        ("累计公开政府信息300条。2020年公开申请答复2件。", 300),
        ("累计主动公开信息80条。2020年新增公开信息95条。", 80),
        ("累计主动公开信息800条。2020年新增公开信息95条。", 95),
    ],
)
def test_year_part_of_running_total(body: str, expected: int | None) -> None:
    assert total(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bare total closing a list whose first count reads like a heading's or one kind's
        ("某乡2021年主动公开工作情况40条,机构简介3条,预算决算2条,民生信息25条,合计70条。", 70),
        ("主动公开规划类信息6条,财政类信息9条,民生类信息12条,共计27条。", 27),
        # 一 with its unit before a noun is the article 'a'; before 信息 it counts one
        ("我镇把政府信息公开作为推进依法行政的一项重要工作,常抓不懈。", None),
        ("本年度主动公开一条信息。", 1),
        # a part of what was disclosed, named as such, or the information of a topic named before
        ("在主动公开的信息中涉及重大事项方面的信息有52条,其中应急预案6条。", None),
        ("生态环保领域,常态化开展宣讲预警,全年发布相关信息300余条。", None),
        ("全年主动公开政府信息150条,其中生态环保领域发布相关信息30条。", 150),
        # kinds listed side by side, none tallied: no total; a tally or a breakdown keeps it
        ("本年度公开政府信息公开指南1条,预决算信息2条,应急预案信息6条。", None),
        ("更新法定主动公开内容51条,包括乡镇文件30条,组织机构3条,年报1条。", 51),
        # training sessions are not disclosed items
        ("全镇全年共组织政府信息公开业务培训2次,培训30人次。", None),
    ],
)
def test_totals_closing_lists_articles_and_named_parts(body: str, expected: int | None) -> None:
    assert total(body) == expected
