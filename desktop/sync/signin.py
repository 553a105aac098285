"""Signing a device in: the server's answer becomes the device's identity and first rows.

One path for the command line, the GUI's worker and the tests. The answer may give the
device a new id (its old one belongs to another user's device on the server); the
device then counts as new there: it forgets the server's rows and pulls everything
again, and its pending edits keep their mutation ids (a device the server has not
seen may start at any id). The rows that come with the answer (the user's own row,
their team, the policies) are stored as pulled rows are, so every command works
before the first sync has finished.
"""

from __future__ import annotations

import contextlib
import platform

from sqlalchemy import Engine

from desktop.domain.services.device import (
    DEVICE_ID,
    USER_ID,
    delete_meta,
    device_id,
    get_meta,
    pending_outbox,
    set_meta,
)
from desktop.domain.services.numbering import NUMBER_TAG, device_tag
from desktop.sync.apply import apply_transaction, reapply_pending, upsert_rows
from desktop.sync.client import SyncClient, SyncError
from desktop.sync.engine import SERVER_URL, USERNAME, record_refused, start_over
from desktop.sync.protocol import LoginResponse


class OtherUsersChanges(Exception):
    """The device holds unsent edits of another user: they must be synced first."""

    def __init__(self, pending: int) -> None:
        super().__init__(
            f"this data folder holds {pending} unsent change(s) of another user; sync them "
            "as that user first, or use another data folder"
        )
        self.pending = pending


def computer_name() -> str:
    """The name this device signs in with (the administrator's device list shows it)."""
    return platform.node() or "Fieldbook"


def sign_in(
    engine: Engine,
    client: SyncClient,
    server_url: str,
    username: str,
    password: str,
    device_name: str,
) -> LoginResponse:
    """Sign in and store what the answer says; the client keeps the token.

    ``SyncError`` from the server, ``OtherUsersChanges`` when another user's edits
    wait here (the new sign-in is then revoked again)."""
    with apply_transaction(engine) as session:
        this_device = device_id(session)
        previous = get_meta(session, USER_ID)
        pending = pending_outbox(session)
    answer = client.login(username, password, this_device, device_name)
    if previous and previous != answer.user_id and pending:
        with contextlib.suppress(SyncError):
            client.logout()
        raise OtherUsersChanges(pending)
    with apply_transaction(engine) as session:
        switched = previous is not None and previous != answer.user_id
        new_device = answer.device_id or this_device
        if switched or new_device != this_device:
            # Another user's rows, or another device's place in the change log; and
            # the quote-number tag of a device the server now counts anew.
            start_over(session)
            set_meta(session, DEVICE_ID, new_device)
            delete_meta(session, NUMBER_TAG)
        set_meta(session, USER_ID, answer.user_id)
        set_meta(session, SERVER_URL, server_url)
        set_meta(session, USERNAME, username)
        if get_meta(session, NUMBER_TAG) is None:
            set_meta(session, NUMBER_TAG, device_tag(answer.other_devices))
        # A row this device would not store is an issue the user sees, as in a pull.
        refused = list(answer.refused)
        touched = upsert_rows(session, answer.tables, refused)
        record_refused(session, refused)
        reapply_pending(session, touched)
    return answer
