"""The quote as a printable document: structured data and the HTML the PDF renders.

Qt-free: the CLI and the window both build the HTML here and hand it to
``desktop.ui.pdf.render_pdf``. Every figure comes from the quote view
(``desktop.domain.services.quotes.get_quote``), whose totals come from
``desktop.domain.pricing``, so the paper shows what the screen shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from desktop.domain.money import format_money
from desktop.domain.services.quotes import QuoteView
from desktop.reports.labels import Labels
from desktop.settings import Settings

# A quote in these states is not an approved offer: its paper says so on every page.
WATERMARKS = {
    "draft": "DRAFT",
    "pending_approval": "PENDING APPROVAL",
    "returned": "RETURNED",
    "expired": "EXPIRED",
}
INVOICE_TYPES = {
    "special": ("VAT special invoice", "增值税专用发票"),
    "normal": ("VAT ordinary invoice", "增值税普通发票"),
    "electronic": ("Fully digitalised e-invoice", "全电发票"),
}


def watermark(status: str, lang: str) -> str:
    """The word across the pages of a quote that is not an approved offer ("" if it is);
    ``status`` as the user sees it (a sent quote past its date is expired)."""
    word = WATERMARKS.get(status)
    return Labels(lang)(word) if word else ""


@dataclass(frozen=True)
class Company:
    """The seller on the paper: the ``seller`` policy an admin sets (synced), or this
    computer's settings where no policy is set yet."""

    name: str
    address: str = ""
    phone: str = ""
    logo: str = ""  # a file path or a data: URL, or empty
    tax_id: str = ""
    bank: str = ""
    account_no: str = ""
    invoice_type: str = ""  # a key of INVOICE_TYPES, or empty

    @classmethod
    def from_settings(cls, settings: Settings) -> Company:
        return cls(
            name=str(settings.get("company_name") or ""),
            address=str(settings.get("company_address") or ""),
            phone=str(settings.get("company_phone") or ""),
            logo=str(settings.get("company_logo") or ""),
        )

    @classmethod
    def of(cls, seller: Mapping[str, Any] | None, settings: Settings) -> Company:
        if not seller or not str(seller.get("name") or "").strip():
            return cls.from_settings(settings)
        logo = str(seller.get("logo") or "")
        return cls(
            name=str(seller.get("name") or ""),
            address=str(seller.get("address") or ""),
            phone=str(seller.get("phone") or ""),
            logo=f"data:image/png;base64,{logo}" if logo else "",
            tax_id=str(seller.get("tax_id") or ""),
            bank=str(seller.get("bank") or ""),
            account_no=str(seller.get("account_no") or ""),
            invoice_type=str(seller.get("invoice_type") or ""),
        )

    def invoice_text(self, lang: str) -> str:
        names = INVOICE_TYPES.get(self.invoice_type)
        if names is None:
            return ""
        return names[1] if lang == "zh_CN" else names[0]


@dataclass(frozen=True)
class DocumentLine:
    position: int
    item: str
    specification: str
    quantity: str
    unit: str
    unit_price: str
    discount: str
    tax_rate: str
    amount: str


@dataclass(frozen=True)
class QuoteDocument:
    """The quote as it prints: every value already formatted."""

    title: str
    number: str
    revision: str
    issued_on: str
    valid_until: str
    currency: str
    customer: str
    customer_address: str
    contact: str
    contact_phone: str
    prepared_by: str
    lines: list[DocumentLine]
    totals: list[tuple[str, str]]  # (label, amount), the last is the total
    total: str
    total_in_words: str  # 大写, for CNY
    payment_terms: str
    delivery_terms: str
    notes: str
    company: Company
    lang: str
    watermark: str = ""  # see ``watermark``


def _pct(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return f"{text}%"


def _qty(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def build(view: QuoteView, company: Company, lang: str = "zh_CN") -> QuoteDocument:
    t = Labels(lang)
    quote = view.quote
    currency = str(quote["currency"])

    def money(value: Decimal) -> str:
        return format_money(value, currency)

    lines = [
        DocumentLine(
            position=index,
            item=str(line["description"]),
            specification=str(line.get("specification") or line.get("sku") or ""),
            quantity=_qty(line["quantity"]),
            unit=str(line["unit"]),
            unit_price=money(line["unit_price"]),
            discount=_pct(line["discount_pct"]) if line["discount_pct"] else "",
            tax_rate=_pct(line["tax_rate"] * 100),
            amount=money(total.net),
        )
        for index, (line, total) in enumerate(zip(view.lines, view.totals.lines, strict=True), 1)
    ]
    totals = view.totals
    rows = [(t("Subtotal"), money(totals.subtotal))]
    if totals.quote_discount:
        rows.append(
            (
                f"{t('Quote discount')} ({_pct(quote['discount_pct'])})",
                "-" + money(totals.quote_discount),
            )
        )
        rows.append((t("Net amount"), money(totals.taxable)))
    for rate, tax in totals.tax_by_rate.items():
        rows.append((f"{t('Tax')} {_pct(rate * 100)}", money(tax)))
    rows.append((t("Total incl. tax"), money(totals.total)))
    contact = view.contact or {}
    owner = view.owner or {}
    return QuoteDocument(
        title=t("Quotation"),
        number=str(quote["number"]),
        revision=str(quote["revision"]),
        issued_on=_date(quote["issued_on"]),
        valid_until=_date(quote["valid_until"]),
        currency=currency,
        customer=str(view.account["name"]),
        customer_address=" ".join(
            str(view.account.get(k) or "") for k in ("province", "city", "address")
        ).strip(),
        contact=str(contact.get("name") or ""),
        contact_phone=str(contact.get("mobile") or contact.get("phone") or ""),
        prepared_by=" ".join(str(x) for x in (owner.get("display_name"), owner.get("phone")) if x),
        lines=lines,
        totals=rows,
        total=money(totals.total),
        total_in_words=view.capital_total if currency == "CNY" else "",
        payment_terms=str(quote["payment_terms"]),
        delivery_terms=str(quote["delivery_terms"]),
        notes=str(quote["notes"]),
        company=company,
        lang=lang,
        watermark=watermark(view.shown_status, lang),
    )


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _seller_lines(company: Company, lang: str) -> str:
    """The 供方 block's details (tax id, bank, account, invoice), each on its line."""
    rows = (
        ("Address", company.address),
        ("Phone", company.phone),
        ("Tax id", company.tax_id),
        ("Bank", company.bank),
        ("Account no.", company.account_no),
        ("Invoice", company.invoice_text(lang)),
    )
    return "".join(
        f"<br/>{escape(Labels(lang)(name))}: {_text(value)}" for name, value in rows if value
    )


def to_html(doc: QuoteDocument) -> str:
    """HTML in the subset QTextDocument renders; ``<thead>`` repeats on every page."""

    def lab(text: str) -> str:
        return escape(Labels(doc.lang)(text))

    company = doc.company
    logo = f'<img src="{escape(company.logo)}" height="48"/>' if company.logo else ""
    contact_line = " ".join(x for x in (company.address, company.phone) if x)
    parts = [
        f'<html><head><meta charset="utf-8"/><title>{escape(doc.number)}</title></head>',
        '<body style="font-size: 9pt;">',  # the font is the renderer's (desktop.ui.pdf)
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        f'<td width="60">{logo}</td>',
        f'<td><span style="font-size: 14pt; font-weight: bold;">{_text(company.name)}</span>'
        f"<br/>{_text(contact_line)}</td>",
        f'<td align="right"><span style="font-size: 18pt; font-weight: bold;">'
        f"{escape(doc.title)}</span></td>",
        "</tr></table>",
        "<hr/>",
        '<table width="100%" cellspacing="0" cellpadding="2"><tr><td width="55%" valign="top">',
        f"<b>{lab('Customer')}:</b> {_text(doc.customer)}<br/>",
    ]
    if doc.customer_address:
        parts.append(f"<b>{lab('Address')}:</b> {_text(doc.customer_address)}<br/>")
    if doc.contact:
        phone = f" ({_text(doc.contact_phone)})" if doc.contact_phone else ""
        parts.append(f"<b>{lab('Contact')}:</b> {_text(doc.contact)}{phone}<br/>")
    parts += [
        '</td><td valign="top">',
        f"<b>{lab('Quote no.')}:</b> {escape(doc.number)} &nbsp; "
        f"<b>{lab('Revision')}:</b> {escape(doc.revision)}<br/>",
        f"<b>{lab('Quote date')}:</b> {escape(doc.issued_on)}<br/>",
        f"<b>{lab('Valid until')}:</b> {escape(doc.valid_until)}<br/>",
        f"<b>{lab('Prices in')}:</b> {escape(doc.currency)}",
    ]
    if doc.prepared_by:
        parts.append(f"<br/><b>{lab('Prepared by')}:</b> {_text(doc.prepared_by)}")
    parts += ["</td></tr></table><br/>"]
    headers = (
        "No.",
        "Item",
        "Specification",
        "Qty",
        "Unit",
        "Unit price",
        "Discount",
        "Tax rate",
        "Amount excl. tax",
    )
    numeric = {"Qty", "Unit price", "Discount", "Tax rate", "Amount excl. tax"}
    parts.append(
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        'style="border-collapse: collapse; border-color: #888;">'
    )
    parts.append('<thead><tr style="background-color: #e8eef5;">')
    for head in headers:
        align = "right" if head in numeric else "left"
        parts.append(f'<th align="{align}">{lab(head)}</th>')
    parts.append("</tr></thead><tbody>")
    for line in doc.lines:
        cells = (
            str(line.position),
            line.item,
            line.specification,
            line.quantity,
            line.unit,
            line.unit_price,
            line.discount,
            line.tax_rate,
            line.amount,
        )
        parts.append("<tr>")
        for head, cell in zip(headers, cells, strict=True):
            align = ' align="right"' if head in numeric else ""
            parts.append(f"<td{align}>{_text(cell)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table><br/>")
    parts.append('<table width="100%" cellspacing="0" cellpadding="2">')
    for index, (name, amount) in enumerate(doc.totals):
        weight = "font-weight: bold; font-size: 11pt;" if index == len(doc.totals) - 1 else ""
        parts.append(
            f'<tr><td width="70%" align="right" style="{weight}">{escape(name)}</td>'
            f'<td align="right" style="{weight}">{escape(amount)}</td></tr>'
        )
    parts.append("</table>")
    if doc.total_in_words:
        parts.append(
            f"<p><b>{lab('Total in words')}:</b> {escape(doc.total_in_words)} "
            f"({escape(doc.total)})</p>"
        )
    for name, value in (
        ("Payment terms", doc.payment_terms),
        ("Delivery terms", doc.delivery_terms),
        ("Notes", doc.notes),
    ):
        if value.strip():
            parts.append(f"<p><b>{lab(name)}:</b> {_text(value)}</p>")
    parts += [
        "<br/><br/>",
        '<table width="100%" cellspacing="0" cellpadding="4"><tr>',
        f'<td width="50%" valign="top"><b>{lab("For the supplier")}</b><br/>{_text(company.name)}'
        f"{_seller_lines(company, doc.lang)}"
        f"<br/><br/><br/>{lab('Signature / date')}: ____________________</td>",
        f'<td width="50%" valign="top"><b>{lab("For the customer")}</b><br/>{_text(doc.customer)}'
        f"<br/><br/><br/>{lab('Signature / date')}: ____________________</td>",
        "</tr></table>",
        "</body></html>",
    ]
    return "".join(parts)
