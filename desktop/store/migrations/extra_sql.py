"""Schema the models cannot express (FTS5 virtual tables, triggers), as 0001_initial
created it in 0.1.0.

0001 is released: these statements are a frozen copy of what
``desktop.store.search_index.STATEMENTS`` held in 0.1.0, so a fresh database still gets
the schema the release wrote (tests/unit/test_upgrades.py compares the two) even when
the search index changes later. A change to the search schema is a NEW revision that
runs its own literal SQL (drop and create the trigger or table), never an edit here.
Tables here are named ``search_*`` so the model comparison leaves them out.
"""

from __future__ import annotations

from typing import Any

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE search_account_doc (
        doc_id INTEGER PRIMARY KEY,
        account_id VARCHAR(36) NOT NULL UNIQUE,
        name VARCHAR(200) NOT NULL,
        body TEXT NOT NULL,
        words TEXT NOT NULL
    )""",
    """CREATE INDEX search_account_doc_name ON search_account_doc(name, account_id)""",
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
    """CREATE INDEX search_account_key_key ON search_account_key(kind, key)""",
    """CREATE INDEX search_account_key_row ON search_account_key(row_id)""",
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
    """CREATE TRIGGER search_account_ai AFTER INSERT ON account BEGIN
        
    DELETE FROM search_account_doc WHERE account_id = new.id;
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = new.id AND a.deleted_at IS NULL;
 
    DELETE FROM search_account_key WHERE row_id = new.id;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.id, kind, key FROM (
        SELECT 'name' AS kind, fb_name_key(new.name) AS key
        UNION ALL SELECT 'name', fb_name_key(new.short_name)
        UNION ALL SELECT 'code', fb_code_key(new.credit_code)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
 END""",
    """CREATE TRIGGER search_account_au
        AFTER UPDATE OF name, short_name, credit_code, deleted_at ON account BEGIN
        
    DELETE FROM search_account_doc WHERE account_id = new.id;
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = new.id AND a.deleted_at IS NULL;
 
    DELETE FROM search_account_key WHERE row_id = new.id;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.id, kind, key FROM (
        SELECT 'name' AS kind, fb_name_key(new.name) AS key
        UNION ALL SELECT 'name', fb_name_key(new.short_name)
        UNION ALL SELECT 'code', fb_code_key(new.credit_code)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
 END""",
    """CREATE TRIGGER search_account_ad AFTER DELETE ON account BEGIN
        DELETE FROM search_account_doc WHERE account_id = old.id;
        DELETE FROM search_account_key WHERE row_id = old.id;
    END""",
    """CREATE TRIGGER search_contact_ai AFTER INSERT ON contact BEGIN
        
    DELETE FROM search_account_doc WHERE account_id = new.account_id;
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = new.account_id AND a.deleted_at IS NULL;
 
    DELETE FROM search_account_key WHERE row_id = new.id;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.account_id, 'phone', key FROM (
        SELECT fb_phone_key(new.phone) AS key UNION SELECT fb_phone_key(new.mobile)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
 END""",
    """CREATE TRIGGER search_contact_au
        AFTER UPDATE OF name, phone, mobile, email, account_id, deleted_at ON contact BEGIN
        
    DELETE FROM search_account_doc WHERE account_id = old.account_id;
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = old.account_id AND a.deleted_at IS NULL;
 
    DELETE FROM search_account_doc WHERE account_id = new.account_id;
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = new.account_id AND a.deleted_at IS NULL;
 
    DELETE FROM search_account_key WHERE row_id = new.id;
    INSERT INTO search_account_key(row_id, account_id, kind, key)
    SELECT new.id, new.account_id, 'phone', key FROM (
        SELECT fb_phone_key(new.phone) AS key UNION SELECT fb_phone_key(new.mobile)
    ) WHERE key IS NOT NULL AND new.deleted_at IS NULL;
 END""",
    """CREATE TRIGGER search_contact_ad AFTER DELETE ON contact BEGIN
        
    DELETE FROM search_account_doc WHERE account_id = old.account_id;
    INSERT INTO search_account_doc(account_id, name, body, words)
    SELECT a.id, a.name,
           fb_search_text(a.name, a.short_name, a.credit_code) || coalesce(char(10) || (
               SELECT group_concat(fb_search_text(c.name, c.phone, c.mobile, c.email), char(10))
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), ''),
           fb_search_words(a.name, a.short_name) || coalesce(' ' || (
               SELECT group_concat(fb_search_words(c.name), ' ')
               FROM contact c WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
    FROM account a WHERE a.id = old.account_id AND a.deleted_at IS NULL;

        DELETE FROM search_account_key WHERE row_id = old.id;
    END""",
)


def upgrade(op: Any) -> None:
    for statement in STATEMENTS:
        op.execute(statement)
