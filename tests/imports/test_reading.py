"""Reading text files, mapping headers and parsing values: the parts that decide what a
file means before any row is previewed."""

from __future__ import annotations

import codecs
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.imports import read_table
from desktop.imports.fields import header_key
from desktop.imports.files import ImportFileError, decode, pick_delimiter
from desktop.imports.mapping import MappingError, guess, parse_pairs
from desktop.imports.values import (
    RowError,
    parse_code,
    parse_number,
    parse_phone,
    parse_status,
    parse_tier,
)


def test_encodings_are_detected_not_tried_in_order() -> None:
    assert decode("Müller;Köln".encode("cp1252"), "x") == ("Müller;Köln", "cp1252")
    assert (
        decode("客户名称,城市\n华信,北京\n".encode("gbk"), "x")[0] == "客户名称,城市\n华信,北京\n"
    )
    assert decode(codecs.BOM_UTF8 + "名称".encode(), "x") == ("名称", "utf-8")
    # UTF-16 without a BOM, as some exporters write it.
    assert decode("Name\tCity\r\n".encode("utf-16-le"), "x") == ("Name\tCity\r\n", "utf-16-le")


def test_delimiter_comes_from_the_header_row_not_from_decimal_commas() -> None:
    lines = ["Name;City;Potential", "Müller;Köln;1,5", "Schäfer;Bonn;2,75"]
    assert pick_delimiter(lines) == ";"
    assert pick_delimiter(["Name,City", '"Berlin, Mitte GmbH",Berlin']) == ","
    assert pick_delimiter(["名称\t级别", "华信\tA"]) == "\t"


def test_headers_are_compared_whole() -> None:
    assert header_key("*客户名称（必填）") == header_key("客户名称")
    assert header_key("Ｅ－mail") == header_key("email")
    mapping = guess("accounts", ["Is a Company", "成交状态", "Company name", "Status"])
    assert mapping.fields == {"name": 2, "status": 3}
    notes = {c.header: c.note for c in mapping.columns}
    assert notes["成交状态"] == "not a known column"
    assert guess("accounts", ["Is a Company", "Customer"]).fields == {"name": 1}
    # A mobile is an account's phone only when there is no phone column.
    assert guess("accounts", ["名称", "手机"]).fields == {"name": 0, "phone": 1}
    assert guess("accounts", ["名称", "手机", "电话"]).fields == {"name": 0, "phone": 2}


def test_map_and_ignore_name_real_columns_and_fields() -> None:
    mapping = guess("accounts", ["Firma", "电话"], assign={"Firma": "name"}, ignore=["电话"])
    assert mapping.fields == {"name": 0}
    with pytest.raises(MappingError, match="no column 'Ort'"):
        guess("accounts", ["Firma"], assign={"Ort": "city"})
    with pytest.raises(MappingError, match="write it as"):
        parse_pairs(["Firma"])


def test_values_excel_mangled_are_errors_and_words_are_read() -> None:
    with pytest.raises(RowError, match="digits were lost"):
        parse_phone("1.86246E+10")
    with pytest.raises(RowError, match="digits were lost"):
        parse_code("9.1110105E+17")
    assert parse_phone(18624612345.0) == "18624612345"  # a real number in a workbook
    assert [parse_tier(t) for t in ("A类客户", "b级", "Ｃ", "重要客户", "普通客户", "Tier A")] == [
        "A",
        "B",
        "C",
        "A",
        "B",
        "A",
    ]
    assert [parse_status(s) for s in ("已成交", "潜在客户", "Customer - Direct", "lead")] == [
        "active",
        "prospect",
        "active",
        "prospect",
    ]
    with pytest.raises(RowError, match="not a tier"):
        parse_tier("D类")
    written = ["1,5", "12.000,75", "1.234.567", "38,000", "1,234.56", "1.234", "3.5万"]
    assert [parse_number(n) for n in written] == [
        Decimal("1.5"),
        Decimal("12000.75"),
        Decimal(1234567),
        Decimal(38000),
        Decimal("1234.56"),
        Decimal("1.234"),
        Decimal(35000),
    ]


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    fake = tmp_path / "accounts.xls"
    fake.write_bytes(b"not a workbook at all")
    with pytest.raises(ImportFileError, match="not a workbook Fieldbook can read"):
        read_table(fake)
    with pytest.raises(ImportFileError, match="choose a workbook"):
        read_table(tmp_path / "accounts.pdf")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00\x00\rIHDR" * 20)
    with pytest.raises(ImportFileError, match=r"^photo\.csv: "):
        read_table(binary)
    empty = tmp_path / "empty.csv"
    empty.write_text("just one line\n", "utf-8")
    with pytest.raises(ImportFileError, match="no header row"):
        read_table(empty)


def test_subtotals_between_groups_are_skipped_and_the_data_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "分组.csv"
    path.write_text(
        "客户名称,客户级别,城市,潜力\n"
        "南京一号有限公司,A,南京,100\n"
        "小计,,,100\n"
        "苏州二号有限公司,B,苏州,200\n"
        "Total Logistics Ltd,C,上海,300\n"
        "合计,,,600\n"
        "注：金额单位为元\n",
        "utf-8",
    )
    table = read_table(path)
    assert [row[0] for _, row in table.rows] == [
        "南京一号有限公司",
        "苏州二号有限公司",
        "Total Logistics Ltd",
    ]
    assert [(s.line, s.reason) for s in table.skipped] == [
        (3, "a total row"),
        (6, "a total row"),
        (7, "a note below the data"),
    ]
