"""Storage: the SQLite engine and its pragmas, in-package Alembic migrations, backups."""
