"""The search and duplicate-key index: SQL functions, tables, triggers and a rebuild.

``register_functions`` runs on every connection (engine connect hook), so the
triggers below can call Python: ``fb_search_text`` / ``fb_search_words`` (what search
matches, with pinyin) and the 查重 keys. ``search_account_doc`` holds one document per
live account: its own text and its live contacts', so a term may match either and
the FTS rowid is the account's document. Two FTS5 indexes read it: ``search_account``
(trigram, any substring of three characters or more) and ``search_account_words``
(unicode61 with one- and two-character prefix indexes, for short terms). Triggers on
``account`` and ``contact`` rewrite an account's document whenever any write path
(the unit of work, sync's remote apply, imports) changes what it holds; deleted
accounts and contacts leave it and come back on restore.

Bulk loads (the demo generator) stop the triggers with ``pause`` and build everything
in one pass at the end with ``rebuild``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from desktop.domain.services.duplicates import code_key, name_key, phone_key
from desktop.domain.services.search import TRIGRAM_TABLE, WORDS_TABLE, search_text, search_words

BULK_HASH = 32 * 1024 * 1024
DAILY_HASH = 1024 * 1024  # FTS5's default


class _Executes(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


def register_functions(connection: sqlite3.Connection) -> None:
    connection.create_function("fb_search_text", -1, search_text, deterministic=True)
    connection.create_function("fb_search_words", -1, search_words, deterministic=True)
    connection.create_function("fb_name_key", 1, name_key, deterministic=True)
    connection.create_function("fb_code_key", 1, code_key, deterministic=True)
    connection.create_function("fb_phone_key", 1, phone_key, deterministic=True)


def _refresh(account_id: str) -> str:
    """Statements that rewrite the document of account ``account_id`` (SQL)."""
    return f"""
    DELETE FROM search_account_doc WHERE account_id = {account_id};
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = {account_id} AND a.deleted_at IS NULL;
"""


_ACCOUNT_KEYS = """
    DELETE FROM search_account_key WHERE row_id = new.id;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.id, kind, key FROM (
        SELECT 'name' AS kind, fb_name_key(new.name) AS key
        UNION ALL SELECT 'name', fb_name_key(new.short_name)
        UNION ALL SELECT 'code', fb_code_key(new.credit_code)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
"""
_CONTACT_KEYS = """
    DELETE FROM search_account_key WHERE row_id = new.id;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.account_id, 'phone', key FROM (
        SELECT fb_phone_key(new.phone) AS key UNION SELECT fb_phone_key(new.mobile)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
"""

TABLES: list[str] = [
    """CREATE TABLE search_account_doc (
        doc_id INTEGER PRIMARY KEY,
        account_id VARCHAR(36) NOT NULL UNIQUE,
        name VARCHAR(200) NOT NULL,
        body TEXT NOT NULL,
        words TEXT NOT NULL
    )""",
    # Matches in the list's default order (name, id) without touching ``account``.
    "CREATE INDEX search_account_doc_name ON search_account_doc(name, account_id)",
    """CREATE VIRTUAL TABLE search_account USING fts5(
        body, content='search_account_doc', content_rowid='doc_id', tokenize='trigram',
        columnsize=0
    )""",
    """CREATE VIRTUAL TABLE search_account_words USING fts5(
        words, content='search_account_doc', content_rowid='doc_id', tokenize='unicode61',
        prefix='1 2', detail=none, columnsize=0
    )""",
    """CREATE TABLE search_account_key (
        row_id VARCHAR(36) NOT NULL,
        account_id VARCHAR(36) NOT NULL,
        kind VARCHAR(10) NOT NULL,
        key TEXT NOT NULL
    )""",
    "CREATE INDEX search_account_key_key ON search_account_key(kind, key)",
    "CREATE INDEX search_account_key_row ON search_account_key(row_id)",
]
# The documents feed both FTS indexes (external content: FTS needs the old text to
# forget a document).
DOC_TRIGGERS: list[str] = [
    """CREATE TRIGGER search_account_doc_ai AFTER INSERT ON search_account_doc BEGIN
        INSERT INTO search_account(rowid, body) VALUES (new.doc_id, new.body);
        INSERT INTO search_account_words(rowid, words) VALUES (new.doc_id, new.words);
    END""",
    """CREATE TRIGGER search_account_doc_ad AFTER DELETE ON search_account_doc BEGIN
        INSERT INTO search_account(search_account, rowid, body)
        VALUES ('delete', old.doc_id, old.body);
        INSERT INTO search_account_words(search_account_words, rowid, words)
        VALUES ('delete', old.doc_id, old.words);
    END""",
]
ROW_TRIGGERS: list[str] = [
    f"""CREATE TRIGGER search_account_ai AFTER INSERT ON account BEGIN
        {_refresh("new.id")} {_ACCOUNT_KEYS} END""",
    f"""CREATE TRIGGER search_account_au
        AFTER UPDATE OF name, short_name, credit_code, deleted_at ON account BEGIN
        {_refresh("new.id")} {_ACCOUNT_KEYS} END""",
    """CREATE TRIGGER search_account_ad AFTER DELETE ON account BEGIN
        DELETE FROM search_account_doc WHERE account_id = old.id;
        DELETE FROM search_account_key WHERE row_id = old.id;
    END""",
    f"""CREATE TRIGGER search_contact_ai AFTER INSERT ON contact BEGIN
        {_refresh("new.account_id")} {_CONTACT_KEYS} END""",
    f"""CREATE TRIGGER search_contact_au
        AFTER UPDATE OF name, phone, mobile, email, account_id, deleted_at ON contact BEGIN
        {_refresh("old.account_id")} {_refresh("new.account_id")} {_CONTACT_KEYS} END""",
    f"""CREATE TRIGGER search_contact_ad AFTER DELETE ON contact BEGIN
        {_refresh("old.account_id")}
        DELETE FROM search_account_key WHERE row_id = old.id;
    END""",
]
STATEMENTS: list[str] = [*TABLES, *DOC_TRIGGERS, *ROW_TRIGGERS]
_TRIGGER_NAMES = [s.split()[2] for s in (*DOC_TRIGGERS, *ROW_TRIGGERS)]
# Built again after a rebuild's inserts: sorting once beats inserting row by row.
_INDEXES = [s for s in TABLES if s.startswith("CREATE INDEX")]


def _drop_triggers(connection: _Executes) -> None:
    for name in _TRIGGER_NAMES:
        connection.execute(f"DROP TRIGGER IF EXISTS {name}")


def _create_triggers(connection: _Executes) -> None:
    for statement in (*DOC_TRIGGERS, *ROW_TRIGGERS):
        connection.execute(statement)


def pause(connection: Any) -> None:
    """Stop per-row index upkeep for a bulk load (in the caller's transaction); the
    load ends with ``rebuild``, which builds the index in one pass and resumes it."""
    _drop_triggers(connection)


Document = tuple[str, str, str, str]  # account id, name, body, words
Key = tuple[str, str, str, str]  # row id, account id, kind, key


def documents(connection: Any) -> tuple[list[Document], list[Key], list[tuple[str, str]]]:
    """Every live account's document and the 查重 keys, computed from the rows (the
    Python half of a rebuild), and which account each live contact belongs to."""
    contact_text: dict[str, list[str]] = defaultdict(list)
    contact_words: dict[str, list[str]] = defaultdict(list)
    keys: list[Key] = []
    belongs: list[tuple[str, str]] = []
    contacts = connection.execute(
        "SELECT id, account_id, name, phone, mobile, email FROM contact "
        "WHERE deleted_at IS NULL ORDER BY account_id, created_at, id"
    )
    for row_id, account_id, name, phone, mobile, email in contacts.fetchall():
        belongs.append((row_id, account_id))
        contact_text[account_id].append(search_text(name, phone, mobile, email))
        contact_words[account_id].append(search_words(name))
        for key in dict.fromkeys((phone_key(phone), phone_key(mobile))):
            if key is not None:
                keys.append((row_id, account_id, "phone", key))
    docs: list[Document] = []
    accounts = connection.execute(
        "SELECT id, name, short_name, credit_code FROM account WHERE deleted_at IS NULL"
    )
    for account_id, name, short_name, code in accounts.fetchall():
        body = search_text(name, short_name, code)
        words = search_words(name, short_name)
        if account_id in contact_text:
            body = "\n".join((body, *contact_text[account_id]))
            words = " ".join((words, *contact_words[account_id]))
        docs.append((account_id, name, body, words))
        for kind, key in (
            ("name", name_key(name)),
            ("name", name_key(short_name)),
            ("code", code_key(code)),
        ):
            if key is not None:
                keys.append((account_id, account_id, kind, key))
    return docs, keys, belongs


_PREPARED = (
    "CREATE TABLE doc (account_id TEXT, name TEXT, body TEXT, words TEXT)",
    "CREATE TABLE key (row_id TEXT, account_id TEXT, kind TEXT, key TEXT)",
    "CREATE TABLE contact (id TEXT, account_id TEXT)",
)


def prepare(database: Path, out: Path) -> None:
    """The Python half of a rebuild from ``database`` as it is now, into the file
    ``out`` (read by ``rebuild``). Run in a process of its own while a download goes
    on; ``out`` holds a table ``done`` once it is complete."""
    out.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        source.execute("BEGIN")  # one snapshot for contacts and accounts
        docs, keys, belongs = documents(source)
    finally:
        source.close()
    os.close(os.open(out, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))  # names and phones
    target = sqlite3.connect(out, isolation_level=None)
    try:
        target.execute("PRAGMA journal_mode=OFF")
        target.execute("BEGIN")
        for statement in _PREPARED:
            target.execute(statement)
        target.executemany("INSERT INTO doc VALUES (?, ?, ?, ?)", docs)
        target.executemany("INSERT INTO key VALUES (?, ?, ?, ?)", keys)
        target.executemany("INSERT INTO contact VALUES (?, ?)", belongs)
        target.execute("CREATE TABLE done (at TEXT)")
        target.execute("COMMIT")
    finally:
        target.close()


def read_prepared(path: Path, table: str) -> list[Any]:
    """One table of a file ``prepare`` wrote (doc, key or contact)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"SELECT * FROM {table}").fetchall()
    finally:
        connection.close()


def is_prepared(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'done'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return found is not None


def rebuild(connection: Any, prepared: Path | None = None) -> None:
    """Build the documents, both FTS indexes and the 查重 keys from the rows, at once
    (``connection``: the sqlite3 connection, inside the caller's transaction).

    ``prepared``: a file ``prepare`` wrote, whose documents and keys are taken as they
    are (the caller then refreshes the rows changed since with ``touch``)."""
    _drop_triggers(connection)
    connection.execute("DELETE FROM search_account_doc")
    connection.execute("DELETE FROM search_account_key")
    for statement in _INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    if prepared is None:
        docs, keys, _ = documents(connection)
    else:
        docs, keys = read_prepared(prepared, "doc"), read_prepared(prepared, "key")
    connection.executemany(
        "INSERT INTO search_account_doc(account_id, name, body, words) VALUES (?, ?, ?, ?)",
        docs,
    )
    connection.executemany(
        "INSERT INTO search_account_key(row_id, account_id, kind, key) VALUES (?, ?, ?, ?)",
        keys,
    )
    for statement in _INDEXES:
        connection.execute(statement)
    for table in (TRIGRAM_TABLE, WORDS_TABLE):
        # FTS5 gathers terms in memory and writes a segment each time this fills:
        # with room for more, the 100k-account build writes (and merges) far fewer
        # segments (trigram index 12.6 -> 6.4 s). Back to FTS5's default afterwards,
        # for the small updates of every day.
        connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {BULK_HASH})")
        connection.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        connection.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {DAILY_HASH})")
    _create_triggers(connection)


def touch(connection: Any, accounts: Iterable[str], contacts: Iterable[str]) -> None:
    """Refresh the documents and keys of these rows from what they hold now (their
    update triggers fire; nothing else changes)."""
    for table, ids in (("contact", contacts), ("account", accounts)):
        if not ids:
            continue
        connection.execute(
            f'UPDATE "{table}" SET name = name WHERE id IN (SELECT value FROM json_each(?))',
            (json.dumps(sorted(set(ids))),),
        )
