"""Search as you type over accounts and their contacts.

What is searchable, per account: name, short name, credit code, and of each live
contact: name, phone, mobile, email. Chinese text is also indexed as pinyin, full
spelling and initials, so "zhongguo" and "zgyd" find 中国移动. The index holds one
document per live account (its own text and its contacts'), kept current by triggers
(desktop/store/search_index.py) that call ``search_text`` and ``search_words``.

Matching rules (the Accounts page, ``fieldbook search`` and the pickers share them):
- A query is split into terms at spaces; an account matches when every term matches
  somewhere in it or its contacts. A phone number typed with spaces or dashes is one
  term.
- A term of three characters or more matches any substring (FTS5 trigram index over
  ``search_text``): Chinese, pinyin, initials, codes, phones, e-mails.
- A term of one or two characters matches names only (account, short and contact
  names), where it starts a word, a pinyin syllable or a run of initials, or is any
  Chinese character or pair of characters in the name (FTS5 prefix index over
  ``search_words``). "13" does not match every phone number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy import TextClause, select, text
from sqlalchemy.orm import Session

_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_RUN = re.compile(r"([\u3400-\u9fff]+)")
_WORD = re.compile(r"[^\W_]+")
_PHONE_LIKE = re.compile(r"^\+?[\d\s\-()]{3,}$")
_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D")
SEPARATOR = "\n"
TRIGRAM = 3
# A match set this small is fetched whole and sorted; past it, walking the list in
# its own order (an index) and looking each account up in the match set is cheaper,
# as a screenful is found long before the end (measured at 100k accounts).
NARROW = 5000

DOC_TABLE = "search_account_doc"
TRIGRAM_TABLE = "search_account"
WORDS_TABLE = "search_account_words"


def fold(value: str) -> str:
    """Full-width to half-width, case folded: how both the index and queries see text."""
    return unicodedata.normalize("NFKC", value).casefold().strip()


# -- pinyin -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _pinyin_engine() -> tuple[Any, Any, Any]:
    # pypinyin's phrase tables take ~200 ms to import: only when Chinese is indexed.
    from pypinyin import Style
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    converter = UltimateConverter()  # what lazy_pinyin uses with its default arguments
    return Pinyin(converter), converter, Style.NORMAL


@lru_cache(maxsize=1)
def _phrase_tables() -> tuple[Any, set[str], Any]:
    """pypinyin's hanzi pattern, the prefixes of its phrases and its phrases."""
    from pypinyin.constants import PHRASES_DICT, RE_HANS
    from pypinyin.seg import mmseg

    return RE_HANS, mmseg.seg._prefix_set._set, PHRASES_DICT


def _segments(run: str) -> list[str]:
    """pypinyin's segmentation of ``run`` (Pinyin.seg), twice as fast for plain
    hanzi: its forward maximum matching over the phrase dictionary (mmseg, strict),
    without the generator and the per-character split into hanzi and other text."""
    hans, prefixes, phrases = _phrase_tables()
    if not hans.match(run):
        pinyin, _, _ = _pinyin_engine()
        return list(pinyin.seg(run))
    out: list[str] = []
    start, size = 0, len(run)
    while start < size:
        end = 0  # the end of the longest phrase starting here
        stop = start + 1
        while stop <= size and run[start:stop] in prefixes:
            if run[start:stop] in phrases:
                end = stop
            stop += 1
        if end:
            out.append(run[start:end])
            start = end
        elif stop > size:  # the rest starts a phrase but holds none: one by one
            out.extend(run[start:])
            break
        else:
            out.append(run[start])
            start += 1
    return out


@lru_cache(maxsize=65536)
def _word_syllables(word: str) -> tuple[str, ...]:
    _, converter, normal = _pinyin_engine()
    return tuple(chain(*converter.convert(word, normal, False, "default", True)))


def syllables(run: str) -> list[str]:
    """pypinyin.lazy_pinyin(run), about ten times faster on names.

    lazy_pinyin segments the text with its phrase dictionary and converts each
    segment on its own; we do the same, caching the conversion per segment (company
    names reuse a small set of words), so polyphones still follow their phrase.
    """
    return [s for word in _segments(run) for s in _word_syllables(word)]


@lru_cache(maxsize=65536)
def _cjk_run_forms(run: str) -> tuple[tuple[str, ...], str]:
    found = syllables(run)
    return tuple(s.casefold() for s in found), "".join(s[:1] for s in found).casefold()


def pinyin_forms(value: str) -> tuple[str, str]:
    """(full spelling, initials) of the Chinese in ``value``: 中国移动 -> zhongguoyidong, zgyd.

    Non-Chinese runs are kept as they are in both forms, so "中国Mobile" gives
    "zhongguomobile" and "zgmobile". Runs are read whole, so polyphones follow their
    phrase (重庆 chongqing, 银行 yinhang).
    """
    full: list[str] = []
    initials: list[str] = []
    for index, run in enumerate(_CJK_RUN.split(value)):
        if index % 2:  # a Chinese run
            spelled, first = _cjk_run_forms(run)
            full.extend(spelled)
            initials.append(first)
        else:
            cleaned = _SPACES.sub("", run)
            full.append(cleaned)
            initials.append(cleaned)
    return "".join(full).casefold(), "".join(initials).casefold()


# -- what is indexed ----------------------------------------------------------------------


def search_text(*values: str | None) -> str:
    """The substring-searchable text of an account or contact (database function
    fb_search_text): the values folded, with pinyin forms and phone digits."""
    return SEPARATOR.join(_value_text(value) for value in values if value)


@lru_cache(maxsize=65536)  # contact names repeat a lot
def _value_text(value: str) -> str:
    folded = fold(value)
    parts = [folded]
    if _CJK.search(folded):
        parts.extend(pinyin_forms(folded))
    elif _PHONE_LIKE.match(folded):
        digits = _NON_DIGITS.sub("", folded)
        if digits != folded:
            parts.append(digits)
    return SEPARATOR.join(parts)


def search_words(*names: str | None) -> str:
    """The words one- and two-character terms look for (database function
    fb_search_words): per Chinese run, every pair of characters and the last
    character (so ``"移"*`` finds any 移), its pinyin syllables and each tail of its
    initials (zgyd, gyd, yd, d); other text as its words."""
    if len(names) == 1:  # a contact's name
        return " ".join(_name_words(names[0])) if names[0] else ""
    return " ".join(dict.fromkeys(w for name in names if name for w in _name_words(name)))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words: dict[str, None] = {}
    for index, run in enumerate(_CJK_RUN.split(fold(name))):
        if index % 2:
            for start in range(len(run) - 1):
                words[run[start : start + 2]] = None
            words[run[-1]] = None
            spelled, initials = _cjk_run_forms(run)
            words.update(dict.fromkeys(w for w in spelled if w.isalnum()))
            for start in range(len(initials)):
                if initials[start:].isalnum():
                    words[initials[start:]] = None
        else:
            words.update(dict.fromkeys(_WORD.findall(run)))
    return tuple(words)


# -- matching -----------------------------------------------------------------------------


def query_terms(query: str) -> list[str]:
    """The terms of a typed query; a phone number typed with spaces or dashes is one term."""
    folded = fold(query)
    if not folded:
        return []
    if _PHONE_LIKE.match(folded):
        return [_NON_DIGITS.sub("", folded)]
    return folded.split()


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _short_pieces(term: str) -> list[str] | None:
    """The FTS5 queries one short term stands for (all must match); None: it cannot
    match anything (punctuation only)."""
    pieces: list[str] = []
    for index, run in enumerate(_CJK_RUN.split(term)):
        if index % 2:
            # A pair is a word of its own; one character starts a pair or ends a run.
            pieces.append(_phrase(run) if len(run) == 2 else _phrase(run) + "*")
        else:
            pieces.extend(_phrase(word) + "*" for word in _WORD.findall(run))
    return pieces or None


@dataclass(frozen=True)
class Match:
    """The FTS5 expressions a query stands for: ``trigram`` over search_text,
    ``words`` over search_words (None: no such terms); ``impossible`` when a term
    can match nothing."""

    trigram: str | None
    words: str | None
    impossible: bool = False

    def doc_ids_sql(self) -> str:
        """SQL selecting the doc ids (the FTS rowids) of matching accounts, with the
        parameters ``trigram`` and ``words``."""
        if self.impossible:
            return f"SELECT doc_id FROM {DOC_TABLE} WHERE 0"
        if self.trigram and self.words:  # two sorted rowid sets: cheaper than probing
            return (
                f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH :trigram "
                f"INTERSECT SELECT rowid FROM {WORDS_TABLE} WHERE {WORDS_TABLE} MATCH :words"
            )
        if self.trigram:
            return f"SELECT rowid FROM {TRIGRAM_TABLE} WHERE {TRIGRAM_TABLE} MATCH :trigram"
        return f"SELECT rowid FROM {WORDS_TABLE} WHERE {WORDS_TABLE} MATCH :words"

    @property
    def params(self) -> dict[str, str]:
        return {k: v for k, v in (("trigram", self.trigram), ("words", self.words)) if v}


def parse(query: str) -> Match | None:
    """The FTS5 expressions of a typed query; None for an empty query."""
    terms = query_terms(query)
    if not terms:
        return None
    trigram: list[str] = []
    words: list[str] = []
    for term in dict.fromkeys(terms):
        if len(term) >= TRIGRAM:
            trigram.append(_phrase(term))
            continue
        pieces = _short_pieces(term)
        if pieces is None:
            return Match(None, None, impossible=True)
        words.extend(pieces)
    return Match(" AND ".join(trigram) or None, " AND ".join(words) or None)


@dataclass(frozen=True)
class TextFilter:
    """A typed query, ready for the account list.

    ``narrow`` when at most NARROW accounts match (``count`` says how many): those
    are fetched whole and sorted. Otherwise the list is walked in its own order (an
    index) and each account looked up in the match set, which finds a screenful long
    before the end; counting every match is then left to ``full_count``.
    """

    match: Match
    narrow: bool
    count: int | None

    def condition(self) -> TextClause:
        """True for the ``account`` rows that match."""
        docs = self.match.doc_ids_sql()
        if self.narrow:
            sql = (
                f"account.id IN (SELECT d.account_id FROM ({docs}) m "
                f"CROSS JOIN {DOC_TABLE} d ON d.doc_id = m.rowid)"
            )
        else:
            sql = (
                f"(SELECT d.doc_id FROM {DOC_TABLE} d WHERE d.account_id = account.id) IN ({docs})"
            )
        return text(sql).bindparams(**self.match.params)

    def first_by_name(self, session: Session, limit: int, *, descending: bool = False) -> list[str]:
        """The first ``limit`` matching account ids in the list's default order (name,
        id), from the documents alone (they carry the name)."""
        way = "DESC" if descending else "ASC"
        docs = self.match.doc_ids_sql()
        if self.narrow:  # sort the few
            sql = (
                f"SELECT d.account_id FROM ({docs}) m CROSS JOIN {DOC_TABLE} d "
                f"ON d.doc_id = m.rowid"
            )
        else:  # walk the name index; left to itself SQLite would sort every match
            sql = (
                f"SELECT d.account_id FROM {DOC_TABLE} d INDEXED BY {DOC_TABLE}_name "
                f"WHERE d.doc_id IN ({docs})"
            )
        sql += f" ORDER BY d.name {way}, d.account_id {way} LIMIT {int(limit)}"
        return list(session.scalars(text(sql).bindparams(**self.match.params)))

    def full_count(self, session: Session) -> int:
        """How many live accounts match (the index holds one document per live account)."""
        if self.count is not None:
            return self.count
        sql = f"SELECT count(*) FROM ({self.match.doc_ids_sql()})"
        return int(session.execute(text(sql).bindparams(**self.match.params)).scalar_one())


def text_filter(session: Session, query: str) -> TextFilter | None:
    """The list's view of a typed query (None: no query)."""
    match = parse(query)
    if match is None:
        return None
    if match.impossible:
        return TextFilter(match, narrow=True, count=0)
    # Streamed: the LIMIT stops a broad match after NARROW + 1 documents.
    sql = f"SELECT count(*) FROM ({match.doc_ids_sql()} LIMIT {NARROW + 1})"
    found = int(session.execute(text(sql).bindparams(**match.params)).scalar_one())
    if found <= NARROW:
        return TextFilter(match, narrow=True, count=found)
    return TextFilter(match, narrow=False, count=None)


@dataclass(frozen=True)
class SearchHit:
    id: str
    name: str
    city: str | None
    tier: str
    owner: str | None


def search(session: Session, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Live accounts matching ``query``, by name (the CLI and quick look-ups)."""
    from desktop.domain.models import Account, User

    found = text_filter(session, query)
    if found is None:
        return []
    ids = found.first_by_name(session, limit)
    rows = session.execute(
        select(Account.id, Account.name, Account.city, Account.tier, User.display_name)
        .outerjoin(User, User.id == Account.owner_id)
        .where(Account.id.in_(ids))
    )
    by_id = {row[0]: SearchHit(*row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]
