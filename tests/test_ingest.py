"""Ingest: every format becomes the same Document of lines; tables as ' | ' rows."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfmaker import make_pdf, serialize, table_ops, text_op

from generator.errors import IngestError
from generator.ingest import read_document, write_lines
from generator.ingest_docx import chinese_number

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"
TEXT = "青山镇2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息128条，其中网站公开96条。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- plain text and encodings ---


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_text_encodings_detected_and_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = read_document(write(tmp_path, "r.txt", data))
    assert doc.encoding == encoding
    assert doc.lines[:3] == TEXT.splitlines()
    assert doc.format == "txt" and not doc.problems


def test_gb18030_characters_outside_gbk(tmp_path: Path) -> None:
    text = "𠀾家镇2020年政府信息公开工作年度报告\n主动公开信息52条。\n"  # U+2003E needs GB18030
    doc = read_document(write(tmp_path, "r.txt", text.encode("gb18030")))
    assert doc.encoding == "gb18030"
    assert doc.lines[0].startswith("𠀾家镇")


def test_crlf_and_cr_line_ends(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "r.txt", "一\r\n二\r三\n".encode()))
    assert doc.lines[:3] == ["一", "二", "三"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet="政府信息公开工作年度报告乡镇街道主动申请复议诉讼一二三四五，。、：abc XYZ0123456789\n",
        min_size=12,
        max_size=300,
    ).filter(lambda t: t.strip() and re.search(r"[\u4e00-\u9fff]", t)),
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be"]),
)
def test_decoding_round_trips(tmp_path_factory: pytest.TempPathFactory, text: str, encoding: str) -> None:
    path = tmp_path_factory.mktemp("enc") / "r.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text


@pytest.mark.parametrize(
    "data",
    [
        random.Random(0).randbytes(4096),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        b"PK\x03\x04" + bytes(200),
    ],
    ids=["random", "png", "zip"],
)
def test_binary_junk_is_an_error_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "junk.txt", data)
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert err.value.file == str(path) and "junk.txt" in str(err.value)
    assert "not text" in err.value.message


@pytest.mark.parametrize(
    "data", [b"", b"  \n\r\n\t ", "\u3000\n".encode()], ids=["empty", "blank", "fullwidth"]
)
def test_empty_file_is_an_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IngestError, match="empty"):
        read_document(write(tmp_path, "empty.txt", data))


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="unknown report format"):
        read_document(write(tmp_path, "r.xls", b"x"))
    with pytest.raises(IngestError, match="cannot read"):
        read_document(tmp_path / "absent.txt")


def test_write_lines_round_trip(tmp_path: Path) -> None:
    doc = read_document(FIXTURES / "qingshan-2021.html")
    out = tmp_path / "lines.txt"
    write_lines(out, doc.lines)
    assert read_document(out).lines[: len(doc.lines)] == doc.lines


# --- HTML ---


def test_html_keeps_the_report_and_drops_the_chrome() -> None:
    doc = read_document(FIXTURES / "qingshan-2021.html")
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert doc.lines[0] == "青山镇2021年政府信息公开工作年度报告"
    text = doc.text
    for chrome in (
        "首页",
        "当前位置",
        "版权所有",
        "分享到",
        "相关链接",
        "统计代码",
        "广告脚本",
        "2019年度报告",
    ):
        assert chrome not in text, chrome
    assert "一、总体情况" in doc.lines
    assert doc.lines[-2:] == ["青山县青山镇人民政府", "2022年1月20日"]


def test_html_tables_are_read_from_the_dom() -> None:
    lines = read_document(FIXTURES / "qingshan-2021.html").lines
    assert "一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4" in lines
    assert "第二十条第（一）项" in lines  # colspan=4 written once
    assert "行政规范性文件 | 2 | 0 | 5" in lines
    assert "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他" in lines  # <br> inside a cell
    assert "三、本年度办理结果 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3" in lines
    assert "（七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4" in lines  # rowspan label not repeated
    assert "四、结转下年度继续办理 | 0 |  | 0 | 0 | 0 | 0 | 0" in lines  # an empty cell keeps its column


def test_html_meta_charset_that_lies_is_overruled(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><div id="content"><p>悦来镇政府信息公开工作年度报告，'
        "本年度主动公开信息98条。</p></div></body></html>"
    )
    doc = read_document(write(tmp_path, "p.html", page.encode("gbk")))
    assert doc.encoding == "gb18030"
    assert "本年度主动公开信息98条。" in doc.lines[-1]


def test_html_utf8_layout_table_is_not_a_data_table(tmp_path: Path) -> None:
    long = "根据《中华人民共和国政府信息公开条例》规定，现公布本镇政府信息公开工作年度报告。" * 4
    page = f"""<?xml version="1.0" encoding="utf-8"?><html><head><title>报告 - 某县政府</title></head><body>
    <table><tr><td class="menu"><a href="/">首页</a></td></tr><tr><td class="bt_content">
    <p>{long}</p><table><tr><td>信息内容</td><td>数量</td></tr><tr><td>规章</td><td>0</td></tr></table>
    </td></tr></table></body></html>"""
    doc = read_document(write(tmp_path, "p.htm", page.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert long in doc.lines and "规章 | 0" in doc.lines and "首页" not in doc.text


def test_html_without_report_text_is_an_error(tmp_path: Path) -> None:
    page = b"<html><head><script>var a='\xe6\x8a\xa5\xe5\x91\x8a';</script></head><body><nav>x</nav></body></html>"
    with pytest.raises(IngestError, match="no report text"):
        read_document(write(tmp_path, "p.html", page))


# --- DOCX ---


def build_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("青山镇2021年政府信息公开工作年度报告")
    d.add_paragraph("二、主动公开政府信息情况")
    t = d.add_table(rows=4, cols=4)
    head = t.cell(0, 0).merge(t.cell(0, 3))
    head.text = "第二十条第（一）项"
    for i, text in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        t.cell(1, i).text = text
    for i, text in enumerate(["规章", "0", "0", "1"]):
        t.cell(2, i).text = text
    label = t.cell(2, 0).merge(t.cell(3, 0))  # a label spanning two rows
    label.text = "规章"
    for i, text in enumerate(["2", "", "5"], start=1):
        t.cell(3, i).text = text
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    d.add_paragraph("总体情况", style="List Number")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "r.docx", build_docx()))
    assert doc.format == "docx"
    assert doc.lines == [
        "青山镇2021年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 1",
        "2 |  | 5",
        "三、收到和处理政府信息公开申请情况",
        "1.总体情况",  # automatic numbering rendered
    ]


@pytest.mark.skipif(not (SAMPLES / "template-2021-blank.docx").exists(), reason="shared samples absent")
def test_docx_official_template_merged_header_cells() -> None:
    lines = read_document(SAMPLES / "template-2021-blank.docx").lines
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况" in lines
    assert "自然人 | 法人或其他组织 | 总计" in lines
    assert "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他" in lines
    assert "三、本年度办理结果 | （一）予以公开 |  |  |  |  |  |  |" in lines
    assert "（四）无法提供 | 1.本机关不掌握相关政府信息 |  |  |  |  |  |  |" in lines
    assert sum(line.count("第二十条第（一）项") for line in lines) == 1
    assert (
        lines.index("二、主动公开政府信息情况")
        < lines.index("第二十条第（一）项")
        < lines.index("三、收到和处理政府信息公开申请情况")
    )


def test_docx_that_is_not_a_zip_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not a readable .docx"):
        read_document(write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0 an old .doc file"))


def test_chinese_list_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 12, 20, 21, 105, 110)] == [
        "一",
        "十",
        "十二",
        "二十",
        "二十一",
        "一百零五",
        "一百一十",
    ]


# --- PDF ---

HUAIAN = SAMPLES / "huaian-2024-report.pdf"
TABLE_B = {  # samples/README.md
    "一、本年新收": [3001, 53, 0, 0, 61, 4, 3119],
    "二、上年结转": [34, 0, 0, 0, 0, 0, 34],
    "（一）予以公开": [1288, 21, 0, 0, 50, 3, 1362],
    "（七）总计": [2932, 53, 0, 0, 61, 4, 3050],
    "四、结转下年度继续办理": [103, 0, 0, 0, 0, 0, 103],
}


def numbers_after(lines: list[str], label: str) -> list[float]:
    line = next(x for x in lines if label in x)
    return [float(c) for c in line.split(" | ") if re.fullmatch(r"\d+(\.\d+)?", c)]


@pytest.fixture(scope="module")
def huaian() -> list[str]:
    if not HUAIAN.exists():
        pytest.skip("shared samples absent")
    return read_document(HUAIAN).lines


def test_pdf_table_b_rows_match_the_printed_figures(huaian: list[str]) -> None:
    for label, figures in TABLE_B.items():
        assert numbers_after(huaian, label) == figures, label


def test_pdf_row_split_by_the_page_break_is_joined(huaian: list[str]) -> None:
    i = huaian.index("（四）无法提供 | 1.本机关不掌握相关政府信息 | 746 | 12 | 0 | 0 | 10 | 1 | 769")
    assert huaian[i + 1] == "2.没有现成信息需要另行制作 | 11 | 0 | 0 | 0 | 0 | 0 | 11"


def test_pdf_tables_a_and_c_and_prose(huaian: list[str]) -> None:
    assert numbers_after(huaian, "规章 |") == [1, 0, 11]
    assert numbers_after(huaian, "行政规范性文件 |") == [8, 26, 66]
    assert numbers_after(huaian, "行政事业性收费 |") == [96171.6]
    assert "72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20" in huaian
    assert any("信息处理费3940元" in line for line in huaian)
    assert "一、总体情况" in huaian and "六、其他需要报告的事项" in huaian


def test_pdf_page_numbers_dropped_and_paragraphs_reflowed(huaian: list[str]) -> None:
    assert not [line for line in huaian if re.fullmatch(r"-\s*\d+\s*-", line)]
    para = next(line for line in huaian if line.startswith("（二）依申请公开情况"))
    assert "全市共受理政府信息公开申请3119件，答复3050件" in para


def minimal_pdf(content: bytes, image: bool) -> bytes:
    """A one-page PDF written by hand: `content` as the page's drawing operators."""
    resources = b"<< /XObject << /Im1 5 0 R >> >>" if image else b"<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        + resources
        + b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
    ]
    return serialize(objects)


@pytest.mark.parametrize(
    ("content", "image"),
    [(b"q 500 0 0 700 40 60 cm /Im1 Do Q", True), (b"", False)],
    ids=["scanned-image", "no-text-ops"],
)
def test_pdf_without_text_layer_needs_ocr(tmp_path: Path, content: bytes, image: bool) -> None:
    path = write(tmp_path, "scan.pdf", minimal_pdf(content, image))
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert "no text layer" in err.value.message and "OCR" in err.value.message
    assert err.value.file == str(path)


def test_broken_pdf_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_document(write(tmp_path, "bad.pdf", b"%PDF-1.4\nthis is not a pdf"))


# --- synthetic PDFs (tests/pdfmaker.py) ---

HEADER = "青山镇人民政府文件"


def synthetic_report(tmp_path: Path) -> list[str]:
    """Three pages: a running header, page numbers, a ruled table whose row is cut by the break."""
    p1 = (
        text_op(200, 800, HEADER)
        + text_op(72, 760, "三、收到和处理政府信息公开申请情况")
        + table_ops(
            72,
            700,
            [200, 60, 60],
            20,
            [["信息内容", "数量", "合计"], ["一、本年新收", "3", "3"], ["二、上年结转政府信息公开", "", ""]],
        )
        + text_op(280, 40, "第 1 页 共 3 页")
    )
    p2 = (
        text_op(200, 800, HEADER)
        + table_ops(
            72, 780, [200, 60, 60], 20, [["申请数量", "1", "1"], ["四、结转下年度继续办理", "0", "0"]]
        )
        + text_op(72, 700, "四、政府信息公开行政复议、行政诉讼情况")
        + text_op(280, 40, "- 2 -")
    )
    p3 = text_op(200, 800, HEADER) + text_op(72, 760, "全年共 12 件。") + text_op(290, 40, "3")
    return read_document(write(tmp_path, "r.pdf", make_pdf([p1, p2, p3]))).lines


def test_pdf_row_cut_by_the_page_break_is_glued(tmp_path: Path) -> None:
    lines = synthetic_report(tmp_path)
    assert lines == [
        "三、收到和处理政府信息公开申请情况",
        "信息内容 | 数量 | 合计",
        "一、本年新收 | 3 | 3",
        "二、上年结转政府信息公开申请数量 | 1 | 1",
        "四、结转下年度继续办理 | 0 | 0",
        "四、政府信息公开行政复议、行政诉讼情况",
        "全年共12件。",
    ]


def test_pdf_new_table_on_next_page_is_not_glued(tmp_path: Path) -> None:
    p1 = text_op(72, 760, "第二十条第（一）项") + table_ops(72, 700, [200, 60], 20, [["规章", "1"]])
    p2 = table_ops(72, 780, [200, 60], 20, [["行政许可", "5"]])
    lines = read_document(write(tmp_path, "r.pdf", make_pdf([p1, p2]))).lines
    assert lines == ["第二十条第（一）项", "规章 | 1", "行政许可 | 5"]


def test_html_declaring_latin1_is_detected(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        "<body><div class='content'><p>悦来镇政府信息公开工作年度报告：主动公开信息98条。</p></div></body></html>"
    )
    doc = read_document(write(tmp_path, "p.html", page.encode("utf-8")))
    assert doc.encoding == "utf-8" and "主动公开信息98条" in doc.text


def test_html_page_pointing_to_an_attachment(tmp_path: Path) -> None:
    page = """<html><head><title>悦来镇2020年政府信息公开工作年度报告</title></head><body><div class="content">
    <p>附件：<a href="/files/2021/report.pdf">悦来镇2020年政府信息公开工作年度报告.pdf</a></p></div></body></html>"""
    doc = read_document(write(tmp_path, "p.html", page.encode("utf-8")))
    assert doc.problems and "report.pdf" in doc.problems[0].message and doc.problems[0].level == "warning"
    empty = "<html><body><div class='nav'>首页</div><p><a href='a.docx'></a></p></body></html>"
    with pytest.raises(IngestError, match="a.docx"):
        read_document(write(tmp_path, "q.html", empty.encode("utf-8")))
