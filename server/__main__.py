"""``fieldbook-server``: serve, migrate, and administer users, teams and devices.

Every sub-command takes ``--data-dir`` (the SQLite file and attachment contents live
there) and ``--db`` (a PostgreSQL URL, ``postgresql+psycopg://...``, instead of SQLite).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from server.admin import AdminError

DEFAULT_DATA_DIR = "fieldbook-server-data"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldbook-server", description="Fieldbook sync server")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument(
            "--data-dir",
            default=DEFAULT_DATA_DIR,
            metavar="DIR",
            help=f"server data folder (default ./{DEFAULT_DATA_DIR})",
        )
        p.add_argument(
            "--db",
            default=None,
            metavar="URL",
            help="database URL (default: SQLite file in the data folder)",
        )
        return p

    serve = command("serve", "run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--max-upload-mb", type=int, default=50)
    command("migrate", "create or upgrade the database schema")

    user = sub.add_parser("user", help="manage users").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    for name in ("add", "disable", "reset-password"):
        p = user.add_parser(name)
        p.add_argument("--data-dir", default=DEFAULT_DATA_DIR, metavar="DIR")
        p.add_argument("--db", default=None, metavar="URL")
        p.add_argument("name", metavar="NAME")
        if name != "disable":
            p.add_argument(
                "--password-stdin",
                action="store_true",
                help="read the password from standard input",
            )
        if name == "add":
            p.add_argument("--role", choices=("rep", "manager", "admin"), required=True)
            p.add_argument("--team", default=None)
            p.add_argument("--rep-code", default=None)
            p.add_argument("--display-name", default=None)
        p.set_defaults(command=f"user-{name}")
    team = sub.add_parser("team", help="manage teams").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = team.add_parser("add")
    p.add_argument("--data-dir", default=DEFAULT_DATA_DIR, metavar="DIR")
    p.add_argument("--db", default=None, metavar="URL")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(command="team-add")
    device = sub.add_parser("device", help="manage devices").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = device.add_parser("revoke")
    p.add_argument("--data-dir", default=DEFAULT_DATA_DIR, metavar="DIR")
    p.add_argument("--db", default=None, metavar="URL")
    p.add_argument("device_id", metavar="DEVICE_ID")
    p.add_argument("--wipe", action="store_true", help="tell the device to erase its data")
    p.set_defaults(command="device-revoke")
    return parser


def _password(args: argparse.Namespace) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise AdminError("the passwords differ")
    return first


def run(args: argparse.Namespace) -> int:
    from server import admin, auth
    from server.db import default_url, open_server_database, writing

    data_dir = Path(args.data_dir)
    url = args.db or default_url(data_dir)
    database = open_server_database(url)
    try:
        if args.command == "serve":
            import uvicorn

            from server.app import Settings, create_app

            settings = Settings(
                blob_dir=data_dir / "blobs", max_blob_size=args.max_upload_mb * 1024 * 1024
            )
            uvicorn.run(
                create_app(database, settings), host=args.host, port=args.port, log_level="info"
            )
            return 0
        if args.command == "migrate":
            print(f"schema up to date ({url.split('@')[-1]})")
            return 0
        with database.sessions() as session, writing(), session.begin():
            if args.command == "team-add":
                print(admin.add_team(session, args.name))
            elif args.command == "user-add":
                user_id = admin.add_user(
                    session,
                    args.name,
                    _password(args),
                    role=args.role,
                    display_name=args.display_name,
                    team=args.team,
                    rep_code=args.rep_code,
                )
                print(user_id)
            elif args.command == "user-disable":
                admin.disable_user(session, args.name)
                print(f"user {args.name} disabled; their sign-ins were revoked")
            elif args.command == "user-reset-password":
                admin.reset_password(session, args.name, _password(args))
                print(f"password of {args.name} changed; their sign-ins were revoked")
            elif args.command == "device-revoke":
                if not auth.revoke_device(session, args.device_id, wipe=args.wipe):
                    raise AdminError(f"no device {args.device_id!r}")
                print(
                    f"device {args.device_id} revoked" + (" (wipe requested)" if args.wipe else "")
                )
        return 0
    finally:
        database.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except AdminError as exc:
        print(f"fieldbook-server: {exc}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        from server.db import DatabaseTooNewError  # server.db loads only when a command runs

        if not isinstance(exc, DatabaseTooNewError):
            raise
        print(f"fieldbook-server: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(
            f"fieldbook-server: database error: {type(exc).__name__}: {exc.args[0] if exc.args else ''}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
