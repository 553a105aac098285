"""What the rep sees when sync cannot work: wrong password, plain http, an app too old or
too new, an untrusted certificate, no keyring, and a lost laptop revoked with a wipe."""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox

from desktop.domain.services.device import device_id
from desktop.store.backups import backup
from desktop.store.engine import DB_FILENAME
from desktop.sync.protocol import PROTOCOL_VERSION
from desktop.ui.testing import screenshot
from tests.gui.sync_helpers import (  # noqa: F401 (fixtures)
    PASSWORD,
    LiveServer,
    devices_fixture,
    files_containing,
    live_server_fixture,
    memory_keyring_fixture,
)


def _try_sign_in(qtbot: Any, device: Any, url: str, user: str, password: str) -> Any:
    page = device.window.show_page("sync")
    dialog = page.open_sign_in()
    dialog.server_url.setText(url)
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.submit()
    qtbot.waitUntil(
        lambda: dialog.sign_in_button.isEnabled() or not dialog.isVisible(), timeout=20_000
    )
    return dialog


def test_wrong_password_and_plain_http_are_refused_in_plain_words(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any
) -> None:
    laptop = devices("laptop")
    dialog = _try_sign_in(qtbot, laptop, live_server.url, "alice", "wrong")
    qtbot.waitUntil(lambda: "Wrong user name or password" in dialog.error.text(), timeout=20_000)
    assert not laptop.sync.status.signed_in
    screenshot(dialog, "sync_sign_in_wrong_password_en")
    dialog.server_url.setText("http://crm.example.com")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert "unencrypted" in dialog.error.text()
    dialog.reject()
    assert memory_keyring.store == {}


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(-2, "too old for the server"), (1, "server is older than this Fieldbook")],
)
def test_an_app_too_old_or_too_new_for_the_server_says_so(
    qtbot: Any,
    live_server: LiveServer,
    memory_keyring: Any,
    devices: Any,
    monkeypatch: Any,
    offset: int,
    expected: str,
) -> None:
    device_protocol = PROTOCOL_VERSION + offset
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    monkeypatch.setattr("desktop.sync.client.PROTOCOL_VERSION", device_protocol)
    monkeypatch.setattr("desktop.ui.sync.status.PROTOCOL_VERSION", device_protocol)
    laptop.sync.sync_now()
    qtbot.waitUntil(lambda: expected in laptop.sync.status.error, timeout=20_000)
    assert laptop.sync.status.signed_in  # nothing to sign in again for


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fieldbook.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    certfile, keyfile = folder / "cert.pem", folder / "key.pem"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certfile, keyfile


def test_an_untrusted_certificate_is_shown_never_ignored(
    qtbot: Any, memory_keyring: Any, devices: Any, tmp_path: Path
) -> None:
    certfile, keyfile = _self_signed(tmp_path / "tls")
    server = LiveServer(tmp_path / "tls-server", certfile=certfile, keyfile=keyfile)
    server.start()
    try:
        laptop = devices("laptop")
        dialog = _try_sign_in(qtbot, laptop, server.url, "alice", PASSWORD)
        qtbot.waitUntil(lambda: "certificate is not trusted" in dialog.error.text(), timeout=20_000)
        assert not laptop.sync.status.signed_in
        screenshot(dialog, "sync_certificate_error_en")
        dialog.reject()
    finally:
        server.close()


def test_without_a_keyring_the_sign_in_lasts_this_run_only(
    qtbot: Any, live_server: LiveServer, devices: Any
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        laptop = devices("laptop")
        laptop.sign_in(qtbot, live_server, "alice")
        assert laptop.sync.status.signed_in
        assert not laptop.sync.status.remembered
        page = laptop.window.pages["sync"]
        assert "kept only until Fieldbook closes" in page.keyring_label.text()
        token = laptop.sync._token
        assert token
        laptop.tasks.wait_idle()
        assert files_containing(laptop.root, token) == []
    finally:
        keyring.set_keyring(previous)


def test_a_revoked_laptop_signs_out(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    with laptop.db.sessions() as s, s.begin():
        this_device = device_id(s)
    live_server.revoke(this_device, wipe=False)
    laptop.sync.sync_now()
    qtbot.waitUntil(lambda: not laptop.sync.status.signed_in, timeout=20_000)
    assert "Sign in again" in laptop.sync.status.error
    qtbot.waitUntil(lambda: memory_keyring.store == {})
    assert (laptop.root / DB_FILENAME).exists()  # no wipe asked: the data stays


def test_a_lost_laptop_revoked_with_a_wipe_loses_its_data(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any, monkeypatch: Any
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    backup(laptop.root / DB_FILENAME, laptop.root / "backups", label="test")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    with laptop.db.sessions() as s, s.begin():
        this_device = device_id(s)
    live_server.revoke(this_device, wipe=True)
    laptop.sync.sync_now()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "deleted the local database and its backups" in told[0]
    assert not (laptop.root / DB_FILENAME).exists()
    assert not (laptop.root / "backups").exists()
    assert memory_keyring.store == {}
    assert not laptop.window.isVisible()
