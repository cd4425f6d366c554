"""Prose figures: proactive total, applications, reviews and lawsuits, in many phrasings."""

from __future__ import annotations

import pytest

from generator.extract import facts, prose, sections
from generator.extract.text import Text


def read(body: str, year: int | None = 2020) -> dict:
    text = Text(body.strip("\n").splitlines())
    return {k: v.value for k, v in facts.read_facts(text, [], year).items()}


@pytest.mark.parametrize(
    ("body", "total"),
    [
        ("我镇2020年共主动公开政府信息98件,信息公开的主要途径是政府网站。", 98),
        ("我镇通过政务网、微信公众号、政务公开栏等主动公开政府各类信息近200条,包括工作动态。", 200),
        ("全年主动公开信息500余条,其中基层政务公开领域信息达301条。", 500),
        ("截止2020年12月24日,累计主动公开政府信息552条。其中,网上公开145条,2020年发生数为184条。", 184),
        ("2020年,民治街道累计公开信息8775条(2020年新增388条),在已公开信息当中公告类信息累计5434条。", 388),
        ("本街道2020年共主动公开政府信息11条,历年累计234条。", 11),
        ("2020年度，我镇主动公开政府信\n\n息 255 条，其中，工作动态 56条。", 255),
        ("截至2020年12月30日,我苏木主动公开143条信息,其中政务制度7条。", 143),
        ("全年在区政府门户网站公开信息77条,收到1份政府信息公开申请。", 77),
        ("2020年,全镇政府信息公开566条,一是利用门户网站公开政务信息38条。", 566),
        ("进行了及时主动公开,全年累计公开政务信息、工作信息200余条,切实保障了知情权。", 200),
        ("在门户网站通过工作动态等栏目主动公开政府信息260余\n\n二、主动公开政府信息情况", 260),
        ("2020年街道共制作政府信息30条,其中主动公开信息0条,依申请公开信息22条。", 0),
        ("全镇主动公开政府信息共计十一大类条(其中政府领导231条、机构设置70条)。", None),
        ("2019年,我镇通过县政府网站公开信息94条。通过微信公众平台公布信息25条。", None),
        ("线上,通过政府门户网站专栏,主动向社会各界公开有关信息71条。线下,主动公开政府信息文件93份。", None),
        ("公众号公开内容除政务信息外,涵盖日常工作,2020年度累计发布信息331篇。", None),
        ("2020年,共受理政府信息公开申请15件,办结15件。", None),
        ("我乡主动公开政府信息一百二十条。", 120),
        ("2020年,我镇共办理依申请公开事项3件,均按时答复。", None),
        ("2020年共公开政府信息三百余条。", 300),
        ("我镇全年主动公开政府信息1,234条。", 1234),
        ("主动公开政府信息情况:全年共主动公开政府信息158条。", 158),
        ("主动公开政府信息情况\n第二十条第(一)项 |\n规章 | 0 | 26 | 26 |", None),
    ],
)
def test_proactive_total(body: str, total: int | None) -> None:
    assert read(body).get("proactive_total") == total


@pytest.mark.parametrize(
    ("body", "received"),
    [
        ("2020年,共受理政府信息公开申请15件,申请人撤销申请5件。", 15),
        ("收到政府信息公开申请4件,已办结4件,其中予以公开0件。", 4),
        ("全年公开信息77条,收到1份政府信息公开申请。", 1),
        ("2020年,我街道新收政府信息公开申请31宗,其中4宗申请人已主动撤销申请。", 31),
        ("2020年我镇共收到申请公开政府信息5宗,上年结转政府信息公开申请1宗。", 5),
        ("2020年,我苏木依申请公开政府信息共4件,其中,予以公开2件。", 4),
        ("本街道2020年度共受理收到政府信息公开申请0条,历年累计6条。", 0),
        ("2020年,我镇未收到公开政府信息的申请。", 0),
        ("三、依申请公开政府信息:无依申请公开的政府信息。", 0),
        ("2020年度我街办未接到提出公开政府信息的申请。", 0),
        ("对机构职能、工作动态等方面的信息进行公开，目前，我镇尚未收到依\n\n申请公开事项。", 0),
        ("2020年度我乡未发生依申请公开情况。", 0),
        ("全年未接收到依申请公开请求,也没有因政府信息公开申请行政复议、诉讼的情况发生。", 0),
        ("全年未发生因依申请公开引发的行政复议或行政诉讼案件。", None),
        ("我镇未有因政府信息公开申请行政复议和提起行政诉讼的情况。", None),
        ("其中主动公开信息0条,依申请公开信息22条。", None),
        ("4.无正当理由大量反复申请", None),
        ("全年共受理群众依申请公开2件。", 2),
        ("本机关2020年度未收到政府信息公开申请，无行政复议和行政诉讼案件。", 0),
        ("本报告由依申请公开政府信息情况等部分组成。", None),
        ("受理公民、法人和其他组织向镇政府及镇政府办公室提出的政府信息公开申请7件,均按时答复。", 7),
        ("全年依申请公开2次,行政复议0次,行政诉讼0次。", 2),
        ("依申请公开件数为3件,与上年持平。", 3),
        ("受理群众来信来访12件,未收到政府信息公开申请。", 0),
        # a modifier between 未收到 and 申请; a sentence printed with the page's trailing pipe
        ("2020年,某某乡未收到群众提交的政府信息公开申请。 |", 0),
        ("(二)依申请公开情况 |\n2020年,某某乡未收到公民提交的政府信息公开申请。 |", 0),
        # a 'none received' sentence right under an 依申请公开 heading
        ("(二)依申请公开情况。2020年,未收到政府信息公开类事项。", 0),
        ("(三)依申请公开\n本年度未接到相关事项。", 0),
        # ... but not one about other matters, nor under another heading
        ("(二)依申请公开情况。2020年,未收到行政复议案件。", None),
        ("(二)平台建设情况。2020年,未收到群众投诉。", None),
        ("(二)依申请公开情况。2020年,我镇完善了办理流程。未收到相关事项。", None),
        # counts printed without a verb, with one after 依申请公开, with 件 as a noun
        ("(二)依申请公开方面\n依申请公开3条,免于公开信息0条。", 3),
        ("2020年依申请公开共受理4件,均按时答复。", 4),
        ("网上申请、信件邮寄等形式的依申请公开件共15件,均依法办结。", 15),
        ("依申请公开信息5条,主要涉及征地信息。", None),
        # a sum of the year itself, not of all years
        ("2020年,我街道累计收到依申请信息公开件7件,未收取费用。", 7),
        ("全年累计受理政府信息公开申请9件。", 9),
        ("截至目前,历年累计受理政府信息公开申请9件。", None),
        # a negation before the receiving verb: 一例 is none, not one
        ("2020年以来,我镇并未收到一例依申请公开请求。", 0),
        ("全年未接收到一件政府信息公开申请。", 0),
        ("全年接收到一例依申请公开请求,已按时答复。", 1),
        # a numbered label answered 无 (legacy lists)
        ("2、行政机关依申请公开政府信息的数量:无。", 0),
        ("3、不予以公开政府信息的数量:无。", None),
        ("5、因政府信息公开申请行政复议的情况:无。", None),
        # the year's new ones (新收) beside a total that holds the carried-over ones
        ("2020年,共收到政府信息公开申请3件。其中,上年结转申请1件,本年新收申请2件,均已办结。", 2),
        ("全年受理申请5件(上年结转1件、本年新收4件)。", 4),
        ("本年新收政府信息公开申请6件,上年结转0件。", 6),
        ("本年新收行政复议申请2件。共收到政府信息公开申请3件。", 3),
        # a receiving channel named between 依申请公开 and its verb
        ("2020年,政府信息依申请公开系统共收到1宗信息。", 1),
        ("依申请公开平台全年受理3件,均按期答复。", 3),
        # an application for review is no disclosure application
        ("本镇共收到政府信息公开行政复议申请10件,受理10件。", None),
        ("全年接到因信息公开提起的诉讼申请1件。", None),
        # a count of applications stated as zero
        ("2020年,全镇政府信息公开依申请办理事项为零。", 0),
        ("本年度依申请公开申请件数均为0。", 0),
        ("政府信息公开申请的收费数为零。", None),
        # a statement on fees to applicants says nothing of applications
        ("2020年,没有向政府信息公开申请人收费的情况。", None),
        ("2020年,我乡没有收到申请人要求公开政府信息的情况。", 0),
        # 请求 for 申请
        ("2024年,我镇依申请公开请求6件,其中网络平台收到2件,均已答复。", 6),
        ("(二)依申请公开。依申请公开数量为1条。", 1),
        ("2025年,我镇主动公开政府信息37条,全年依申请公开政府信息0条。", 0),
        # a second negated statement joined by 且 does not hide the first
        ("2023年未接到政府信息公开申请且未出现政府信息公开申请行政复议等情况。", 0),
        ("2023年未出现行政复议且受理政府信息公开申请3件。", 3),
        ("全年收到公民获取政府信息的申请,依申请公开办理12件,已公开11件。", 12),
        ("2022年度没有群众提出政府信息公开的请求。", 0),
        # applications one of several things that did not happen; a review of applications is not
        ("2019年,我乡无受理政府信息公开申请件及政府信息公开投诉、行政复议及行政诉讼。", 0),
        ("全年未发生因依申请公开引发的行政复议或行政诉讼案件。", None),
    ],
)
def test_applications(body: str, received: int | None) -> None:
    assert read(body).get("applications_received") == received


@pytest.mark.parametrize(
    ("body", "reviews", "suits"),
    [
        ("2020年度,我街道未发生因信息公开而引起的行政复议和行政诉讼。", 0, 0),
        ("2020年,因政府信息公开被提起行政复议0件、行政诉讼0件。", 0, 0),
        ("2020年,发生政府信息公开行政复议4起,其中1起尚未审结。未发生行政诉讼情况。", 4, 0),
        ("因政府信息公开申请工作被申请行政复议6件。", 6, None),
        ("2020年度未接到有关政府信息公开方面的复议、诉讼和申诉。", 0, 0),
        ("无因不及时公开信息而引发行政复议和起诉案件。", 0, 0),
        ("我苏木尚未接到有关政府信息公开的举报、投诉、行政复议和行政诉讼。", 0, 0),
        ("本年度无申请行政复议和提起行政诉讼情况", 0, 0),
        ("行政复议和行政诉讼案件均为0。", 0, 0),
        ("本年度政府信息公开行政复议、行政诉讼数量均为零。", 0, 0),
        ("本年度,我镇行政复议案件1件,行政诉讼案件2件。", 1, 2),
        ("报告包括因政府信息公开申请行政复议、提起行政诉讼的情况等内容。", None, None),
        ("未经复议直接起诉 | 复议后起诉 | 尚未审结 |", None, None),
        ("结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉", None, None),
        # a count with its breakdown in brackets and no unit
        ("政府信息公开行政复议2(结果维持2),政府信息公开行政诉讼0件。", 2, 0),
        # the count before the noun
        ("全年有5起因政府信息公开申请提起的行政复议。", 5, None),
        ("我镇未发生一例因政府信息公开引起的行政复议、诉讼。", 0, 0),
        # '零复议、零诉讼'
        ("全年实现答复“零复议、零诉讼”。", 0, 0),
        # both kinds of lawsuit added; 未经复议直接起诉 is no review
        ("行政诉讼:未经复议直接起诉3件(结果均维持),复议后起诉1件(尚未审结)。", None, 4),
        ("行政诉讼:未经复议直接起诉3件。", None, 3),
        # a numbered label answered 无
        ("5、因政府信息公开申请行政复议、提起行政诉讼的情况:无。", 0, 0),
        ("4、政府信息公开的收费及减免情况:无。", None, None),
        # one negation over two objects split by a comma
        ("2015年度,我乡未发生公民就政府信息公开申请行政复议,提起行政诉讼的情况。", 0, 0),
        ("全年没有出现因信息公开引起的行政诉讼,或提起行政复议的情形。", 0, 0),
        ("未发生行政复议,提起行政诉讼2件。", 0, 2),
        ("未收到信息公开申请,提起行政诉讼1件。", None, 1),
        ("2020年因政府信息公开申请行政复议、提起行政诉讼0件。", 0, 0),
    ],
)
def test_reviews_and_lawsuits(body: str, reviews: int | None, suits: int | None) -> None:
    got = read(body)
    assert got.get("reviews_total") == reviews
    assert got.get("litigations_total") == suits


@pytest.mark.parametrize(
    ("body", "cases"),
    [
        (
            "一、概述\n我镇认真开展公开工作。\n二、主动公开政府信息情况\n全年公开信息20条。\n三、因政府信息公开申请行政复议、提起行政诉讼的情况\n我镇2016年度无申请。\n四、存在的主要问题\n无。",
            0,
        ),
        (
            "一、概述\n我镇认真开展公开工作。\n二、主动公开政府信息情况\n全年公开信息20条。\n三、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度没有。\n四、存在的主要问题\n无。",
            0,
        ),
        (
            "一、概述\n我镇认真开展公开工作。\n二、主动公开政府信息情况\n全年公开信息20条。\n三、因政府信息公开申请行政复议、提起行政诉讼的情况\n我镇2016年度无申请,但有咨询3次。\n四、其他\n无。",
            None,
        ),
    ],
)
def test_a_section_on_reviews_answered_by_one_short_none(body: str, cases: int | None) -> None:
    text = Text(body.splitlines())
    got = facts.read_facts(text, sections.read_sections(text), 2016)
    assert getattr(got.get("reviews_total"), "value", None) == cases
    assert getattr(got.get("litigations_total"), "value", None) == cases


def test_carried_over_and_legacy_figures() -> None:
    got = read(
        "2020年我镇共收到申请公开政府信息5宗,上年结转政府信息公开申请1宗,已全部办结。\n"
        "目前我镇从事信息公开工作人员有4人,其中专职人员1人,兼职人员3人。\n"
        "全年举办学习培训会3次。\n2020年,我镇政府信息公开没有收费。\n"
        "在主动公开的信息中,机构职能类信息3条,政策法规类信息5条,规划计划类信息3条。"
    )
    assert got["applications_carried_over"] == 1
    assert read("共受理政府信息公开申请21件,结转上年度3件,已办结18件。")["applications_carried_over"] == 3
    assert "applications_carried_over" not in read("已办结18件,结转下年度继续办理5件。")
    # the typo 转结; none carried over
    assert read("新受理申请4件,上年转结政府信息公开申请2件。")["applications_carried_over"] == 2
    assert read("全年收到政府信息公开申请3件,上年无结转。")["applications_carried_over"] == 0
    assert "applications_carried_over" not in read("全年收到申请3件,无结转下年度的申请。")
    assert got["staff_fulltime"] == 1 and got["staff_parttime"] == 3
    assert got["training_sessions"] == 3
    assert got["fees"] == 0
    assert got["proactive_by_category"] == {"机构职能": 3, "政策法规": 5, "规划计划": 3}


def test_lines_are_kept() -> None:
    text = Text(
        ["一、概述", "2020年,我镇通过门户网站、公开栏等渠道全年主动公开政府", "信息共计127条,涵盖各类信息。"]
    )
    fig = facts.read_facts(text, [], 2020)["proactive_total"]
    assert fig.value == 127 and fig.line == 3


def test_sentences_join_wrapped_lines_only() -> None:
    text = Text(["我镇严格按照县政府统一安排部署，进一", "", "步加强组织领导。", "规章", "0", "二、主动公开"])
    got = [s.text for s in prose.sentences(text)]
    assert got[0] == "我镇严格按照县政府统一安排部署,进一步加强组织领导。"  # NFKC: ， -> ,
    assert got[1:] == ["规章", "0", "二、主动公开"]


def test_odd_text_never_raises() -> None:
    for body in ("", "主动公开", "申请" * 100, "未" * 50 + "复议", "|\t|", "主动公开近条", "收到〇件申请"):
        read(body)
        read(body, None)


def test_prose_sharing_a_line_with_a_table_is_prose() -> None:
    line = "一是通过门户网站更新公开信息71条,涉及工作动态等。 二、主动公开情况 信息内容 | 本年新制作数量 | 规章 | 0 |"
    sents = prose.sentences(Text([line]))
    assert [s.table for s in sents] == [False, True]


@pytest.mark.parametrize(
    ("line", "table"),
    [
        ("2020年,某某乡未收到申请。 |", False),
        ("全年主动公开信息20条; |", False),
        ("(二)依申请公开情况 |", True),
        ("规章 | 0 | 26 |", True),
        ("本年新收政府信息公开申请数量 | 3", True),
        ("某某。 | 某某。 |", True),
    ],
)
def test_one_trailing_pipe_after_a_sentence_is_prose(line: str, table: bool) -> None:
    assert prose.is_table(line) is table


@pytest.mark.parametrize(
    ("body", "received", "carried"),
    [
        ("本年度依申请公开政府信息申请 3件,均已答复。不存在上年度结转政府信息公开申请。", 3, 0),
        ("不存在上年度结转政府信息公开申请。", None, 0),
        ("本年度不存在政府信息公开申请。", 0, None),
        ("上年度结转政府信息公开申请2件。", None, 2),
    ],
)
def test_spaced_count_and_none_carried_over(body: str, received: int | None, carried: int | None) -> None:
    found = read(body)
    assert found.get("applications_received") == received
    assert found.get("applications_carried_over") == carried


@pytest.mark.parametrize(
    ("body", "carried"),
    [
        # the year before named as the one none was carried from
        ("本镇2019年未结转政府信息公开申请。", 0),
        ("未转结2019年度政府信息公开申请,复议和诉讼均为0起。", 0),
        ("本镇2018年未结转政府信息公开申请。", None),
        ("2019年未转结的申请2件。", None),
    ],
)
def test_none_carried_from_the_year_before(body: str, carried: int | None) -> None:
    assert read(body).get("applications_carried_over") == carried


def test_reading_glosses_are_dropped_for_the_prose_rules() -> None:
    body = "四、行政復(fù)議、訴訟情況\n2020年本鎮未發(fā)生因政府信息公開申請(qǐng)行政復(fù)議的情況。"
    assert read(body).get("reviews_total") == 0
    assert facts.without_glosses(Text(["某某镇(zhèn)公开(公示)信息"])).norm == ["某某镇公开(公示)信息"]
