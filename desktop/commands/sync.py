"""``fieldbook login``, ``fieldbook sync`` and ``fieldbook logout``."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

import httpx

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database
from desktop.domain.services.attachments import store_root
from desktop.domain.services.device import get_meta
from desktop.store.migrate import Database
from desktop.sync import credentials
from desktop.sync.blobs import BlobReport
from desktop.sync.client import SyncClient, SyncError, check_server_url, make_http
from desktop.sync.engine import SERVER_URL, USERNAME, SyncReport
from desktop.sync.run import sign_out, sync_all
from desktop.sync.signin import OtherUsersChanges, computer_name, sign_in

# How a command reaches a server URL (tests swap in an in-process transport).
HTTP_FACTORY: Callable[[str], httpx.Client] = make_http


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    login = sub.add_parser("login", help="sign in to a sync server (the token goes to the keyring)")
    add_data_dir(login)
    login.add_argument("--server", required=True, metavar="URL")
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    login.set_defaults(handler=run_login)

    sync = sub.add_parser("sync", help="send local changes and fetch the server's")
    add_data_dir(sync)
    sync.add_argument("--server", default=None, metavar="URL")
    sync.add_argument("--user", default=None, metavar="NAME")
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="sign in for this run with a password from standard input",
    )
    sync.set_defaults(handler=run_sync)

    logout = sub.add_parser("logout", help="sign out and forget the stored token")
    add_data_dir(logout)
    logout.set_defaults(handler=run_logout)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandError("no password: use --password-stdin or run in a terminal")
    return getpass.getpass("Password: ")


def _sign_in(db: Database, client: SyncClient, server: str, user: str, password: str) -> str:
    try:
        answer = sign_in(db.engine, client, server, user, password, computer_name())
    except SyncError as exc:
        raise CommandError(f"sign-in failed: {exc}") from exc
    except OtherUsersChanges as exc:
        raise CommandError(str(exc)) from exc
    return answer.token


def run_login(args: argparse.Namespace) -> int:
    server = _server_url(args.server)
    password = _password(args)
    with database(args) as db, HTTP_FACTORY(server) as http:
        token = _sign_in(db, SyncClient(http), server, args.user, password)
    if credentials.save_token(server, args.user, token):
        print(f"signed in to {server} as {args.user}; the token is in the system keyring")
    else:
        print(f"signed in to {server} as {args.user}")
        print(
            f"warning: {credentials.NOT_REMEMBERED}; use `fieldbook sync --user "
            f"{args.user} --password-stdin` to sync",
            file=sys.stderr,
        )
    return 0


def _server_url(url: str) -> str:
    try:
        return check_server_url(url)
    except SyncError as exc:
        raise CommandError(str(exc)) from exc


def run_sync(args: argparse.Namespace) -> int:
    with database(args) as db:
        with db.sessions() as session:
            server = args.server or get_meta(session, SERVER_URL)
            user = args.user or get_meta(session, USERNAME)
        if not server or not user:
            raise CommandError(
                "not signed in: run `fieldbook login --server URL --user NAME` "
                "or pass --server and --user"
            )
        server = _server_url(server)
        with HTTP_FACTORY(server) as http:
            client = SyncClient(http)
            token = None if args.password_stdin else credentials.load_token(server, user)
            if token is None:
                if not args.password_stdin and not sys.stdin.isatty():
                    raise CommandError(
                        f"no stored sign-in for {user} on {server}: run `fieldbook login` "
                        "or pass --password-stdin"
                    )
                if not credentials.keyring_usable():
                    print(f"note: {credentials.NOT_REMEMBERED}", file=sys.stderr)
                token = _sign_in(db, client, server, user, _password(args))
            client.token = token
            try:
                run = sync_all(db.engine, client, store_root(db.path.parent), _progress)
            except SyncError as exc:
                if exc.auth:
                    credentials.forget_token(server, user)
                raise CommandError(f"sync failed: {exc}") from exc
    _print_report(run.report)
    _print_files(run.sent, run.received)
    return 0


def _print_files(sent: BlobReport, received: BlobReport) -> None:
    if sent.uploaded or received.downloaded:
        print(f"uploaded {sent.uploaded} file(s), downloaded {received.downloaded} file(s)")
    for problem in sent.problems + received.problems:
        print(f"file: {problem}")


def _progress(phase: str, done: int, total: int | None) -> None:
    if sys.stderr.isatty():
        of = f"/{total}" if total else ""
        print(f"\r{phase}: {done}{of}", end="", file=sys.stderr, flush=True)


def _print_report(report: SyncReport) -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(report.summary())
    for issue in report.issues:
        if issue["kind"] == "conflict":
            print(
                f"conflict: {issue['entity']} {issue['row_id']} {issue['field']}: yours "
                f"{issue['mine']!r}, server kept {issue['theirs']!r} ({issue['reason']})"
            )
        else:
            print(f"rejected: {issue['entity']} {issue['row_id']}: {issue['reason']}")


def run_logout(args: argparse.Namespace) -> int:
    with database(args) as db, db.sessions() as session:
        server = get_meta(session, SERVER_URL)
        user = get_meta(session, USERNAME)
    if not server or not user:
        print("not signed in")
        return 0
    problem = sign_out(server, user, credentials.load_token(server, user), HTTP_FACTORY)
    if problem is not None:
        print(
            f"warning: the server was not told ({problem}); the token is forgotten here",
            file=sys.stderr,
        )
    print(f"signed out of {server} ({user})")
    return 0
