"""Search as you type over accounts and their contacts.

What is searchable, per account: name, short name, credit code; per contact: name,
phone, mobile, email. Chinese text is also indexed as pinyin, full spelling and
initials, so "zhongguo" and "zgyd" find 中国移动. ``search_text`` builds that text; the
database calls it (as ``fb_search_text``) from triggers, so every write path (the
unit of work, sync's remote apply, bulk demo inserts) keeps the index current.

Queries use the FTS5 trigram index for terms of three characters or more (any
substring, Chinese or not) and a LIKE scan of the account documents for shorter ones.
Several terms must all match, each anywhere in the account or its contacts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import String, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

_CJK = re.compile(r"[\u3400-\u9fff]")
_PHONE_LIKE = re.compile(r"^\+?[\d\s\-()]{3,}$")
SEPARATOR = "\n"
TRIGRAM = 3


def fold(value: str) -> str:
    """Full-width to half-width, case folded: how both the index and queries see text."""
    return unicodedata.normalize("NFKC", value).casefold().strip()


_CJK_RUN = re.compile(r"([\u3400-\u9fff]+)")


@lru_cache(maxsize=65536)
def pinyin_forms(value: str) -> tuple[str, str]:
    """(full spelling, initials) of the Chinese in ``value``: 中国移动 -> zhongguoyidong, zgyd.

    Non-Chinese runs are kept as they are in both forms, so "中国Mobile" gives
    "zhongguomobile" and "zgmobile". Runs are read whole, so polyphones follow their
    phrase (重庆 chongqing, 银行 yinhang).
    """
    # pypinyin's phrase tables take ~200 ms to import: only when Chinese is indexed.
    from pypinyin import lazy_pinyin

    full: list[str] = []
    initials: list[str] = []
    for index, run in enumerate(_CJK_RUN.split(value)):
        if index % 2:  # a Chinese run
            syllables = lazy_pinyin(run)
            full.extend(syllables)
            initials.extend(s[:1] for s in syllables)
        else:
            cleaned = re.sub(r"\s+", "", run)
            full.append(cleaned)
            initials.append(cleaned)
    return "".join(full).casefold(), "".join(initials).casefold()


def search_text(*values: str | None) -> str:
    """The indexed text of one account or contact (database function fb_search_text)."""
    parts: list[str] = []
    for value in values:
        if not value:
            continue
        folded = fold(value)
        parts.append(folded)
        if _CJK.search(folded):
            parts.extend(pinyin_forms(folded))
        elif _PHONE_LIKE.match(folded):
            digits = re.sub(r"\D", "", folded)
            if digits != folded:
                parts.append(digits)
    return SEPARATOR.join(parts)


def query_terms(query: str) -> list[str]:
    """The terms of a typed query; a phone number typed with spaces or dashes is one term."""
    folded = fold(query)
    if not folded:
        return []
    if _PHONE_LIKE.match(folded):
        return [re.sub(r"\D", "", folded)]
    return folded.split()


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def term_clause(term: str, index: int) -> tuple[str, dict[str, str]]:
    """SQL selecting the account ids one term matches, with its parameters."""
    name = f"term{index}"
    if len(term) >= TRIGRAM:
        phrase = '"' + term.replace('"', '""') + '"'
        sql = (
            "SELECT d.account_id FROM search_account f "
            "JOIN search_account_doc d ON d.doc_id = f.rowid "
            f"WHERE search_account MATCH :{name}"
        )
        return sql, {name: phrase}
    # Too short for trigrams: scan the names (with their pinyin) of accounts and
    # contacts; not codes, phones or e-mails, where two characters match everyone.
    sql = f"SELECT account_id FROM search_account_doc WHERE names LIKE :{name} ESCAPE '\\'"
    return sql, {name: f"%{_escape_like(term)}%"}


def matching_ids_sql(query: str) -> tuple[str, dict[str, str]] | None:
    """SQL selecting the ids of accounts matching every term, with its parameters;
    None for an empty query."""
    terms = query_terms(query)
    if not terms:
        return None
    sqls: list[str] = []
    params: dict[str, str] = {}
    for index, term in enumerate(terms):
        sql, term_params = term_clause(term, index)
        sqls.append(sql)
        params.update(term_params)
    return " INTERSECT ".join(sqls), params


def matching_ids_select(query: str) -> TextualSelect | None:
    """``matching_ids_sql`` as a selectable, for ``Account.id.in_(...)``."""
    found = matching_ids_sql(query)
    if found is None:
        return None
    sql, params = found
    return text(sql).bindparams(**params).columns(account_id=String)


@dataclass(frozen=True)
class SearchHit:
    id: str
    name: str
    city: str | None
    tier: str
    owner: str | None


def search(session: Session, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Live accounts matching ``query``, by name (the CLI and quick look-ups)."""
    found = matching_ids_sql(query)
    if found is None:
        return []
    sql, params = found
    rows = session.execute(
        text(
            "SELECT a.id, a.name, a.city, a.tier, u.display_name FROM account a "
            "LEFT JOIN user u ON u.id = a.owner_id "
            f"WHERE a.deleted_at IS NULL AND a.id IN ({sql}) ORDER BY a.name, a.id LIMIT :limit"
        ),
        {**params, "limit": limit},
    )
    return [SearchHit(*row) for row in rows]
