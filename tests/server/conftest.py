"""The server tests share the sync fixtures (an in-process server with a team)."""

from __future__ import annotations

from tests.sync.conftest import devices, pg_url, server

__all__ = ["devices", "pg_url", "server"]
