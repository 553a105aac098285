"""Duplicate protection (查重): the normalised keys two accounts are compared by, and the
look-up of existing accounts that share one.

Names are compared after NFKC (full-width -> half-width), case folding, removal of
spaces and punctuation and of legal-form suffixes (有限公司, 有限责任公司, 股份有限公司,
Co., Ltd. ...), so "华为技术有限公司" and "华为技术（有限责任公司）" are the same company.
The keys are kept by triggers in ``search_account_key`` (see desktop/store/search_index.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

# Longest first, so "股份有限公司" goes before "有限公司" leaves "股份" behind.
LEGAL_SUFFIXES = (
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "分公司",
    "corporationlimited",
    "companylimited",
    "coltd",
    "colimited",
    "limited",
    "ltd",
    "corporation",
    "corp",
    "company",
    "inc",
    "llc",
    "gmbh",
    "co",
)
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).casefold()


def name_key(value: str | None) -> str | None:
    """The comparable form of an account name or short name; None when nothing is left."""
    if not value:
        return None
    key = _PUNCT.sub("", _fold(value))
    stripped = True
    while stripped:
        stripped = False
        for suffix in LEGAL_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
                break
    return key or None


def code_key(value: str | None) -> str | None:
    """A credit code without spaces, upper case (codes are typed in either case)."""
    if not value:
        return None
    key = re.sub(r"\s+", "", _fold(value)).upper()
    return key or None


def phone_key(value: str | None) -> str | None:
    """Digits only, without a +86/0086 country prefix; None when too short to mean a line."""
    if not value:
        return None
    digits = re.sub(r"\D", "", _fold(value))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 11:
            digits = digits[len(prefix) :]
            break
    return digits if len(digits) >= 7 else None


@dataclass(frozen=True)
class DuplicateMatch:
    """An existing account that shares a key with the one being saved."""

    account_id: str
    account_name: str
    field: str  # name | short_name | credit_code | phone
    value: str  # what was typed that matched


Probe = tuple[str, str, str, str]  # (field, typed value, key kind, key)


def _probes(
    name: str | None, short_name: str | None, credit_code: str | None, phones: Iterable[str | None]
) -> list[Probe]:
    probes: list[Probe] = []
    for field, value in (("name", name), ("short_name", short_name)):
        key = name_key(value)
        if key and value:
            probes.append((field, value, "name", key))
    code = code_key(credit_code)
    if code and credit_code:
        probes.append(("credit_code", credit_code, "code", code))
    for phone in phones:
        key = phone_key(phone)
        if key and phone:
            probes.append(("phone", phone, "phone", key))
    return probes


def find_duplicates(
    session: Session,
    *,
    name: str | None = None,
    short_name: str | None = None,
    credit_code: str | None = None,
    phones: Iterable[str | None] = (),
    exclude_account_id: str | None = None,
    keys: KeyIndex | None = None,
) -> list[DuplicateMatch]:
    """Live accounts that look like the same company, one entry per (account, field);
    ``keys``: from the keys held in memory (a bulk write) rather than the database."""

    def stored(kind: str, key: str) -> Iterable[tuple[str, str]]:
        rows = session.execute(
            text(
                "SELECT DISTINCT a.id, a.name FROM search_account_key k "
                "JOIN account a ON a.id = k.account_id "
                "WHERE k.kind = :kind AND k.key = :key AND a.deleted_at IS NULL "
                "AND (:exclude IS NULL OR a.id <> :exclude) ORDER BY a.name LIMIT 20"
            ),
            {"kind": kind, "key": key, "exclude": exclude_account_id},
        )
        return [(account_id, account_name) for account_id, account_name in rows]

    def held(kind: str, key: str) -> Iterable[tuple[str, str]]:
        assert keys is not None
        return keys.accounts(kind, key, exclude_account_id)

    matches: dict[tuple[str, str], DuplicateMatch] = {}
    for field, value, kind, key in _probes(name, short_name, credit_code, phones):
        for account_id, account_name in (held if keys is not None else stored)(kind, key):
            matches.setdefault(
                (account_id, field), DuplicateMatch(account_id, account_name, field, value)
            )
    return list(matches.values())


class KeyIndex:
    """Every live account's keys in memory, for writing thousands of accounts at once
    (an import): ``find_duplicates`` answers from it without a query per key, and
    ``note`` adds each account written meanwhile, so the rows of one import are
    compared with each other too (while the search index's triggers are paused)."""

    def __init__(self, session: Session) -> None:
        self._accounts: dict[tuple[str, str], dict[str, str]] = {}  # key -> {id: name}
        self._keys: dict[str, list[tuple[str, str]]] = {}  # an account's own name/code keys
        rows = session.execute(
            text(
                "SELECT k.kind, k.key, a.id, a.name, k.row_id = a.id FROM search_account_key k "
                "JOIN account a ON a.id = k.account_id WHERE a.deleted_at IS NULL"
            )
        )
        for kind, key, account_id, account_name, own in rows:
            self._accounts.setdefault((kind, key), {})[account_id] = account_name
            if own:
                self._keys.setdefault(account_id, []).append((kind, key))

    def accounts(self, kind: str, key: str, exclude: str | None) -> list[tuple[str, str]]:
        """(id, name) of the accounts with this key, by name, as the query gives them."""
        found = self._accounts.get((kind, key), {})
        named = sorted((n, i) for i, n in found.items() if i != exclude)
        return [(i, n) for n, i in named[:20]]

    def note(
        self, account_id: str, name: str, short_name: str | None, credit_code: str | None
    ) -> None:
        """The account as now written (its old name and code keys are forgotten)."""
        for old in self._keys.pop(account_id, []):
            self._accounts.get(old, {}).pop(account_id, None)
        for _, _, kind, key in _probes(name, short_name, credit_code, ()):
            self._accounts.setdefault((kind, key), {})[account_id] = name
            self._keys.setdefault(account_id, []).append((kind, key))
