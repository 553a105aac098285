"""The search and duplicate-key index: SQL functions, tables and triggers.

``register_functions`` runs on every connection (engine connect hook), so the
triggers below can call Python: ``fb_search_text`` (searchable text with pinyin) and
the 查重 keys. Triggers on ``account`` and ``contact`` keep ``search_account_doc`` (one
document per account and per contact), its FTS5 trigram index ``search_account`` and
``search_account_key`` current whatever writes the rows. Deleted rows leave the index
and come back on restore.
"""

from __future__ import annotations

import sqlite3

from desktop.domain.services.duplicates import code_key, name_key, phone_key
from desktop.domain.services.search import search_text


def register_functions(connection: sqlite3.Connection) -> None:
    connection.create_function("fb_search_text", -1, search_text, deterministic=True)
    connection.create_function("fb_name_key", 1, name_key, deterministic=True)
    connection.create_function("fb_code_key", 1, code_key, deterministic=True)
    connection.create_function("fb_phone_key", 1, phone_key, deterministic=True)


_ACCOUNT_DOC = """
    INSERT INTO search_account_doc(row_id, account_id, kind, body, names)
    SELECT new.id, new.id, 'account', fb_search_text(new.name, new.short_name, new.credit_code),
           fb_search_text(new.name, new.short_name)
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.id, kind, key FROM (
        SELECT 'name' AS kind, fb_name_key(new.name) AS key
        UNION ALL SELECT 'name', fb_name_key(new.short_name)
        UNION ALL SELECT 'code', fb_code_key(new.credit_code)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
"""
_CONTACT_DOC = """
    INSERT INTO search_account_doc(row_id, account_id, kind, body, names)
    SELECT new.id, new.account_id, 'contact',
           fb_search_text(new.name, new.phone, new.mobile, new.email), fb_search_text(new.name)
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.account_id, 'phone', key FROM (
        SELECT fb_phone_key(new.phone) AS key UNION SELECT fb_phone_key(new.mobile)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
"""
_FORGET = """
    DELETE FROM search_account_doc WHERE row_id = old.id;
    DELETE FROM search_account_key WHERE row_id = old.id;
"""

STATEMENTS: list[str] = [
    """CREATE TABLE search_account_doc (
        doc_id INTEGER PRIMARY KEY,
        row_id VARCHAR(36) NOT NULL UNIQUE,
        account_id VARCHAR(36) NOT NULL,
        kind VARCHAR(10) NOT NULL,
        body TEXT NOT NULL,
        names TEXT NOT NULL
    )""",
    "CREATE INDEX search_account_doc_account ON search_account_doc(account_id)",
    """CREATE VIRTUAL TABLE search_account USING fts5(
        body, content='search_account_doc', content_rowid='doc_id', tokenize='trigram'
    )""",
    """CREATE TABLE search_account_key (
        row_id VARCHAR(36) NOT NULL,
        account_id VARCHAR(36) NOT NULL,
        kind VARCHAR(10) NOT NULL,
        key TEXT NOT NULL
    )""",
    "CREATE INDEX search_account_key_key ON search_account_key(kind, key)",
    "CREATE INDEX search_account_key_row ON search_account_key(row_id)",
    """CREATE TRIGGER search_account_doc_ai AFTER INSERT ON search_account_doc BEGIN
        INSERT INTO search_account(rowid, body) VALUES (new.doc_id, new.body);
    END""",
    """CREATE TRIGGER search_account_doc_ad AFTER DELETE ON search_account_doc BEGIN
        INSERT INTO search_account(search_account, rowid, body)
        VALUES ('delete', old.doc_id, old.body);
    END""",
    f"CREATE TRIGGER search_account_ai AFTER INSERT ON account BEGIN {_ACCOUNT_DOC} END",
    f"""CREATE TRIGGER search_account_au
        AFTER UPDATE OF name, short_name, credit_code, deleted_at ON account
        BEGIN {_FORGET} {_ACCOUNT_DOC} END""",
    f"CREATE TRIGGER search_account_ad AFTER DELETE ON account BEGIN {_FORGET} END",
    f"CREATE TRIGGER search_contact_ai AFTER INSERT ON contact BEGIN {_CONTACT_DOC} END",
    f"""CREATE TRIGGER search_contact_au
        AFTER UPDATE OF name, phone, mobile, email, account_id, deleted_at ON contact
        BEGIN {_FORGET} {_CONTACT_DOC} END""",
    f"CREATE TRIGGER search_contact_ad AFTER DELETE ON contact BEGIN {_FORGET} END",
]
