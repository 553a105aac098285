"""A phone's contacts (.vcf, vCard 3.0 and 4.0) as a table of contacts to import.

The cards are parsed by vobject (a well-kept parser that handles folded lines, escapes,
groups and parameters of both versions). Each card becomes one row: name, the
organisation (matched to an account by the preview: exact name, short name or credit
code, then the duplicate-name key), title, department (ORG's second part), mobile, work
phone, e-mail; the address goes to the notes, as Fieldbook keeps no contact address.
Cards whose organisation is no account are skipped and listed, not errors: a phone
holds private contacts as well as customers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import vobject

from desktop.imports.files import ImportFileError, decode
from desktop.imports.table import Table

HEADERS = ["Account", "Name", "Title", "Department", "Mobile", "Phone", "Email", "Notes"]


def read_vcards(path: Path) -> Table:
    path = Path(path)
    text, encoding = decode(path.read_bytes(), path.name)
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(f"{path.name}: not a vCard file (no BEGIN:VCARD)")
    rows: list[tuple[int, list[Any]]] = []
    try:
        for number, card in enumerate(vobject.readComponents(text), start=1):
            rows.append((number, _row(card)))
    except Exception as exc:  # vobject raises ParseError and ValueError on broken cards
        raise ImportFileError(f"{path.name}: card {len(rows) + 1} cannot be read ({exc})") from exc
    return Table(HEADERS, rows, format="vcard", encoding=encoding)


def _values(card: Any, key: str) -> list[Any]:
    return list(card.contents.get(key, []))


def _types(line: Any) -> set[str]:
    found: set[str] = set()
    for value in line.params.get("TYPE", []):
        found |= {t.strip().strip('"').casefold() for t in str(value).split(",")}
    return found


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value if v).strip()
    return str(value or "").strip()


def _name(card: Any) -> str:
    for line in _values(card, "fn"):
        if _text(line.value):
            return _text(line.value)
    for line in _values(card, "n"):
        n = line.value
        family, given = _text(n.family), _text(n.given)
        # Chinese names are written family first without a space: 张伟.
        if any("\u4e00" <= ch <= "\u9fff" for ch in family + given):
            return family + given
        return f"{given} {family}".strip()
    return ""


def _phone(text: str) -> str:
    return text[4:] if text.casefold().startswith("tel:") else text


def _pick(lines: Iterable[Any], wanted: set[str], unwanted: set[str]) -> str:
    for line in lines:
        types = _types(line)
        if types & wanted and not types & unwanted:
            return _phone(_text(line.value))
    return ""


def _row(card: Any) -> list[Any]:
    org: Any = next((line.value for line in _values(card, "org")), [])
    parts = [org] if isinstance(org, str) else list(org)
    account = _text(parts[0]) if parts else ""
    department = _text(parts[1]) if len(parts) > 1 else ""
    title = next((_text(line.value) for line in _values(card, "title")), "")
    tels = _values(card, "tel")
    mobile = _pick(tels, {"cell", "mobile", "iphone"}, {"fax"})
    phone = _pick(tels, {"work", "voice", "main"}, {"fax", "cell", "home"})
    if not mobile and not phone and tels:
        mobile = _phone(_text(tels[0].value))
    emails = _values(card, "email")
    email = next(
        (_text(e.value) for e in emails if "work" in _types(e)),
        _text(emails[0].value) if emails else "",
    )
    notes = [_text(line.value) for line in _values(card, "note") if _text(line.value)]
    for line in _values(card, "adr"):
        a = line.value
        address = " ".join(_text(p) for p in (a.country, a.region, a.city, a.street) if _text(p))
        if address:
            notes.append(f"Address: {address}")
    return [account, _name(card), title, department, mobile, phone, email, "\n".join(notes)]
