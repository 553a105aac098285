"""The quote PDF: Chinese as text from the bundled font, the figures the screen shows,
headers repeated on every page; and the ``fieldbook quote`` commands."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop.commands import main
from desktop.domain.services import quotes
from desktop.reports.quote_document import Company, build, to_html
from desktop.store.migrate import Database
from tests.programs import pdftotext, require
from tests.unit.test_quotes import TODAY, World


def pdf_text(path: Path) -> list[str]:
    """The text of each page, as a reader's copy-and-paste would give it."""
    out = subprocess.run(
        [pdftotext(), "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.split("\f")[:-1]


def make_quote(world: World, lines: int) -> str:
    drafts = [world.server_line(qty=str(i % 5 + 1)) for i in range(lines)]
    quote_id = world.quote(drafts, discount="2")
    world.write(
        world.rep,
        quotes.save_quote,
        quote_id,
        {"payment_terms": "合同签订后30天内付款", "delivery_terms": "到货后安装调试"},
        drafts,
    )
    return quote_id


def test_quote_pdf_prints_chinese_as_text_with_the_screen_totals(
    db: Database, tmp_path: Path, qapp: object
) -> None:
    from desktop.ui.pdf import render_pdf

    world = World(db)
    quote_id = make_quote(world, 2)
    view = world.read(quotes.get_quote, quote_id, TODAY)
    # 1 + 2 servers at 38000 = 114000.00; 2 % off: 111720.00; 13 %: 14523.60.
    assert view.totals.total == D("126243.60")
    document = build(view, Company("杭州恒通信息技术有限公司", "杭州市滨江区网商路599号"))
    path = render_pdf(to_html(document), tmp_path / "quote.pdf", document.number)
    [page] = pdf_text(path)
    for expected in (
        "Q-2026-ZW-0001",
        "华信精密制造有限公司",
        "杭州恒通信息技术有限公司",
        "¥126,243.60",
        "壹拾贰万陆仟贰佰肆拾叁元陆角整",
        "合同签订后30天内付款",
    ):
        assert expected in page
    fonts = subprocess.run(
        [require("pdffonts", "poppler-utils"), str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "WenQuanYi" in fonts
    assert " yes " in fonts.splitlines()[2]  # embedded


def test_a_long_quote_repeats_the_table_header_on_every_page(
    db: Database, tmp_path: Path, qapp: object
) -> None:
    from desktop.ui.pdf import render_pdf

    world = World(db)
    view = world.read(quotes.get_quote, make_quote(world, 70), TODAY)
    document = build(view, Company("Fieldbook Demo Ltd."), lang="en")
    pages = pdf_text(render_pdf(to_html(document), tmp_path / "long.pdf", "long"))
    assert len(pages) >= 2
    table_pages = [p for p in pages if "SRV-01" in p or "企业服务器" in p]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Unit price" in page
    assert document.total in pages[-1] or any(document.total in p for p in pages)


def test_cli_lists_quotes_and_prints_one(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = World(db)
    world.now = dt.datetime.now(dt.UTC)  # the CLI judges expiry by the real date
    year = world.now.year
    first = make_quote(world, 1)
    world.write(world.rep, quotes.send, first)
    make_quote(world, 3)
    (data_dir / "settings.json").write_text(
        json.dumps({"company_name": "恒通信息"}), encoding="utf-8"
    )
    db.dispose()
    assert main(["quote", "list", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [ln.split("\t")[:2] + ln.split("\t")[3:] for ln in lines] == [
        [f"Q-{year}-ZW-0002", "A", "draft", "252487.20"],  # 6 x 38000 x 0.98 x 1.13,
        [f"Q-{year}-ZW-0001", "A", "sent", "42081.20"],
    ]
    assert lines[0].split("\t")[2] == "华信精密制造有限公司"
    assert main(["quote", "list", "--data-dir", str(data_dir), "--status", "sent"]) == 0
    assert capsys.readouterr().out.startswith(f"Q-{year}-ZW-0001\tA\t")
    out = tmp_path / "q.pdf"
    assert (
        main(["quote", "pdf", f"Q-{year}-ZW-0001", "--data-dir", str(data_dir), "-o", str(out)])
        == 0
    )
    [page] = pdf_text(out)
    assert "恒通信息" in page
    assert "肆万贰仟零捌拾壹元贰角整" in page
    assert "草稿" not in "".join(page.split())  # sent: no watermark
    draft = tmp_path / "draft.pdf"
    args = ["quote", "pdf", f"Q-{year}-ZW-0002", "--data-dir", str(data_dir), "-o", str(draft)]
    assert main(args) == 0
    # The CLI keeps Chinese by default; a draft says so across the page (one glyph a line).
    lines = {line.strip() for line in "".join(pdf_text(draft)).splitlines()}
    assert {"草", "稿"} <= lines
    assert (
        main(["quote", "pdf", "Q-2026-XX-9999", "--data-dir", str(data_dir), "-o", str(out)]) == 1
    )
    assert "no quote Q-2026-XX-9999" in capsys.readouterr().err
