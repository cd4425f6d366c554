"""Vocabulary of the statutory tables: row keys, official labels, key words, columns.

Key words are matched on the table text with all whitespace removed (labels arrive broken
by spaces and line breaks, e.g. "3. 危及 “三安 全一 稳定”"), after NFKC normalisation
(full-width brackets become ASCII). Each pattern lists a few alternative key words so that
one typo ("2.其他法律行政止公开") or a lost fragment still finds the row.

Table A — 主动公开政府信息情况 (第二十条 items); columns differ per block and per format,
so every row carries its own `columns`.

| key            | label (2019 / 2021)              | 2019 columns                          | 2021 columns              |
|----------------|----------------------------------|---------------------------------------|---------------------------|
| rules          | 规章                              | 本年新制作数量 · 本年新公开数量 · 对外公开总数量 | 本年制发件数 · 本年废止件数 · 现行有效件数 |
| normative      | 规范性文件 / 行政规范性文件           | as rules                              | as rules                  |
| license        | 行政许可                          | 上一年项目数量 · 本年增/减 · 处理决定数量   | 本年处理决定数量             |
| other_service  | 其他对外管理服务事项 (2019 only)     | as license                            | —                         |
| penalty        | 行政处罚                          | as license                            | 本年处理决定数量             |
| coercion       | 行政强制                          | as license                            | 本年处理决定数量             |
| fee            | 行政事业性收费                     | 上一年项目数量 · 本年增/减               | 本年收费金额（单位：万元）     |
| procurement    | 政府集中采购 (2019 only)           | 采购项目数量 · 采购总金额                 | —                         |

Table B — 收到和处理政府信息公开申请情况; 7 columns (B_COLUMNS), rows in template order:

| key                     | label                                             |
|-------------------------|---------------------------------------------------|
| new                     | 一、本年新收政府信息公开申请数量                        |
| carried_over            | 二、上年结转政府信息公开申请数量                        |
| public                  | 三、（一）予以公开                                    |
| partial                 | （二）部分公开                                        |
| withheld_secret         | （三）1.属于国家秘密                                  |
| withheld_law            | 2.其他法律行政法规禁止公开                             |
| withheld_safety         | 3.危及“三安全一稳定”                                  |
| withheld_third_party    | 4.保护第三方合法权益                                  |
| withheld_internal       | 5.属于三类内部事务信息                                 |
| withheld_process        | 6.属于四类过程性信息                                   |
| withheld_case_file      | 7.属于行政执法案卷                                    |
| withheld_query          | 8.属于行政查询事项                                    |
| unavailable_not_held    | （四）1.本机关不掌握相关政府信息                         |
| unavailable_to_create   | 2.没有现成信息需要另行制作                              |
| unavailable_unclear     | 3.补正后申请内容仍不明确                               |
| rejected_complaint      | （五）1.信访举报投诉类申请                              |
| rejected_repeat         | 2.重复申请                                          |
| rejected_publication    | 3.要求提供公开出版物                                  |
| rejected_excessive      | 4.无正当理由大量反复申请                               |
| rejected_confirmation   | 5.要求行政机关确认或重新出具已获取信息                    |
| other                   | （六）其他处理 — 2019 format: one data row             |
| other_no_correction     | （六）1.逾期不补正、不再处理 — 2021 format               |
| other_unpaid_fee        | （六）2.逾期未按收费通知缴纳费用 — 2021 format            |
| other_misc              | （六）3.其他 — 2021 format                            |
| total                   | （七）总计                                           |
| carry_forward           | 四、结转下年度继续办理                                 |

Table C — 行政复议、行政诉讼情况; one printed row of 15 cells, kept as three rows of the
five C_COLUMNS (columns 1–5, 6–10, 11–15 of the printed table):

| key               | label                          |
|-------------------|--------------------------------|
| review            | 行政复议                        |
| suit_direct       | 行政诉讼 · 未经复议直接起诉         |
| suit_after_review | 行政诉讼 · 复议后起诉              |
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RowSpec:
    """One data row of a statutory table as the template prints it."""

    key: str
    label: str
    pattern: re.Pattern[str]  # key words, searched in the whitespace-free table text
    number: str  # its numbering as printed: "一", "(一)", "1"
    columns: tuple[str, ...] = ()  # only where a row's columns differ from the table's


def _row(key: str, label: str, words: str, number: str, columns: tuple[str, ...] = ()) -> RowSpec:
    return RowSpec(key, label, re.compile(words), number, columns)


B_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
C_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

_A19_STOCK = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
_A19_ITEMS = ("上一年项目数量", "本年增/减", "处理决定数量")
_A21_STOCK = ("本年制发件数", "本年废止件数", "现行有效件数")
_A21_DECISIONS = ("本年处理决定数量",)

A_ROWS_2019 = (
    _row("rules", "规章", r"规章", "", _A19_STOCK),
    _row("normative", "规范性文件", r"规范性文件", "", _A19_STOCK),
    _row("license", "行政许可", r"行政许可", "", _A19_ITEMS),
    _row("other_service", "其他对外管理服务事项", r"其他对外管|对外管理服务", "", _A19_ITEMS),
    _row("penalty", "行政处罚", r"行政处罚", "", _A19_ITEMS),
    _row("coercion", "行政强制", r"行政强制", "", _A19_ITEMS),
    _row("fee", "行政事业性收费", r"行政事业性|事业性收费", "", _A19_ITEMS[:2]),
    _row("procurement", "政府集中采购", r"集中采购|政府集中采", "", ("采购项目数量", "采购总金额")),
)
A_ROWS_2021 = (
    _row("rules", "规章", r"规章", "", _A21_STOCK),
    _row("normative", "行政规范性文件", r"规范性文件", "", _A21_STOCK),
    _row("license", "行政许可", r"行政许可", "", _A21_DECISIONS),
    _row("penalty", "行政处罚", r"行政处罚", "", _A21_DECISIONS),
    _row("coercion", "行政强制", r"行政强制", "", _A21_DECISIONS),
    _row("fee", "行政事业性收费", r"行政事业性|事业性收费", "", ("本年收费金额(单位:万元)",)),
)
# Table A cells that hold money or signed changes, not counts (exempt from check N).
A_MONEY = {("2019", "procurement", 1), ("2021", "fee", 0)}
A_SIGNED = {("2019", key, 1) for key in ("license", "other_service", "penalty", "coercion", "fee")}

_B_HEAD = (
    _row("new", "一、本年新收政府信息公开申请数量", r"本年新收|本年度新收|新收政府信息|新收申请", "一"),
    _row(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        r"上年结转|上年度结转|上一年度结转|上年度未办结",
        "二",
    ),
    _row("public", "（一）予以公开", r"予以公开", "(一)"),
    _row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", r"部分公开", "(二)"),
    _row("withheld_secret", "1.属于国家秘密", r"国家秘密", "1"),
    _row("withheld_law", "2.其他法律行政法规禁止公开", r"其他法律|法规禁止|禁止公开", "2"),
    _row("withheld_safety", "3.危及“三安全一稳定”", r"三安全|危及|一稳定", "3"),
    _row("withheld_third_party", "4.保护第三方合法权益", r"第三方|合法权益", "4"),
    _row("withheld_internal", "5.属于三类内部事务信息", r"内部事务|三类内部", "5"),
    _row("withheld_process", "6.属于四类过程性信息", r"过程性|四类过程", "6"),
    _row("withheld_case_file", "7.属于行政执法案卷", r"执法案卷|行政执法", "7"),
    _row("withheld_query", "8.属于行政查询事项", r"查询事项|行政查询", "8"),
    _row("unavailable_not_held", "1.本机关不掌握相关政府信息", r"不掌握|本机关不", "1"),
    _row("unavailable_to_create", "2.没有现成信息需要另行制作", r"现成信息|另行制作|没有现成", "2"),
    _row("unavailable_unclear", "3.补正后申请内容仍不明确", r"补正后|仍不明确|内容仍不", "3"),
    _row("rejected_complaint", "1.信访举报投诉类申请", r"信访|举报投诉", "1"),
    _row("rejected_repeat", "2.重复申请", r"重复申请", "2"),
    _row("rejected_publication", "3.要求提供公开出版物", r"出版物", "3"),
    _row("rejected_excessive", "4.无正当理由大量反复申请", r"大量反复|无正当理由大量", "4"),
    _row(
        "rejected_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        r"重新出具|确认或重新|已获取信息",
        "5",
    ),
)
_B_TAIL = (
    _row("total", "（七）总计", r"总计|合计", "(七)"),
    _row("carry_forward", "四、结转下年度继续办理", r"结转下年|下年度继续|继续办理|结转至下|转入下年", "四"),
)
B_OTHER_2019 = (_row("other", "（六）其他处理", r"其他处理", "(六)"),)
B_OTHER_2021 = (
    _row(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        r"不补正|逾期不补",
        "1",
    ),
    _row(
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        r"收费通知|缴纳费用|逾期未按",
        "2",
    ),
    _row("other_misc", "3.其他", r"其他", "3"),
)
B_ROWS_2019 = _B_HEAD + B_OTHER_2019 + _B_TAIL
B_ROWS_2021 = _B_HEAD + B_OTHER_2021 + _B_TAIL
# Rows whose sum is （七）总计 (identity B-2), per format.
B_RESULT_KEYS = {
    fmt: [r.key for r in rows[2:] if r.key not in ("total", "carry_forward")]
    for fmt, rows in (("2019", B_ROWS_2019), ("2021", B_ROWS_2021))
}
B_OTHER_GROUP = re.compile(r"其他处理")
B_OTHER_2021_WORDS = re.compile(r"不补正|逾期不补|收费通知|缴纳费用|逾期未按")

C_ROWS = (
    ("review", "行政复议"),
    ("suit_direct", "行政诉讼·未经复议直接起诉"),
    ("suit_after_review", "行政诉讼·复议后起诉"),
)
# Header words of Table C (whole or as fragments of a broken PDF header).
C_HEADER = re.compile(
    r"行政复议|行政诉讼|维持|纠正|其他结果|审结|总计|合计|起诉|复议|诉讼|结果|小计|其他|数量|单位"
)


# Where each table starts (spaces allowed inside the words: PDF text breaks them).
def _spaced(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(r"\s*".join(word) for word in words))


A_START = _spaced("第二十条第")
A_NEAR = _spaced("信息内容", "规章", "制作数量", "制发件数", "处理决定数量")
A_2021_WORDS = re.compile(r"制发件数|废止件数|现行有效|本年处理决定|本年收费金额")
A_2019_WORDS = re.compile(
    r"新制作数量|新公开数量|对外公开总数|上一年项目|本年增/?减|采购项目|采购总金额|对外管理服务|集中采购"
)
B_START = _spaced("勾稽关系", "申请人情况")
B_FIRST_ROW = re.compile(r"本年度?新收")  # in the whitespace-free label text
B_FIRST_LINE = _spaced("本年新收", "本年度新收")
B_SECOND_ROW = re.compile(r"上一?年度?结转")
B_SECOND_LINE = _spaced("上年结转", "上年度结转", "上一年度结转")
C_START = _spaced("行政复议")
C_NEAR = re.compile(r"维持|纠正|审结|直接起诉|复议后起诉")
# Headings that end a table region: 四/五/六 sections and their usual wording.
SECTION_AFTER_B = re.compile(r"^\s*[四五六]\s*[、.．]\s*(?!结转)|存在的主要问题|其他需要报告")
SECTION_AFTER_C = re.compile(r"^\s*[五六七]\s*[、.．]|存在的主要问题|其他需要报告|改进情况")
SECTION_AFTER_A = re.compile(r"^\s*[三四五]\s*[、.．]\s*(?!本年度)|收到和处理")
