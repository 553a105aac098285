"""In-package Alembic migrations of the local database."""

# The newest revision; tests/unit/test_store.py checks it against Alembic's own head.
HEAD = "0010"
