"""Sign in to the sync server, and settle one conflict."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import sync_issues
from desktop.domain.services.sync_issues import Issue, field_kind
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_STYLE
from desktop.ui.labels import value_label
from desktop.ui.sync.controller import SyncController
from desktop.ui.sync.labels import entity_label, field_label, value_text
from desktop.ui.sync.reasons import explain


def keyring_note(controller: SyncController) -> str:
    """What happens to the sign-in on this computer, in plain words."""
    if controller.status.keyring_ok is False:
        return QCoreApplication.translate(
            "SyncLabels",
            "This computer has no secure password store (keyring): your sign-in is kept "
            "only until Fieldbook closes, and you will sign in again next time.",
        )
    return QCoreApplication.translate(
        "SyncLabels", "Your sign-in is kept in the system's secure password store (keyring)."
    )


class SignInDialog(QDialog):
    """Server address, user name and password; the token goes to the keyring only."""

    def __init__(
        self, ctx: AppContext, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sign-in-dialog")
        self.ctx = ctx
        self.controller = controller
        self.setWindowTitle(self.tr("Sign in to the sync server"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        status = controller.status
        # The server is kept with this database's sign-in (its one home); a Fieldbook
        # before 0.2 kept it in settings.json too, read here once as a starting point.
        self.server_url = QLineEdit(status.server_url or str(ctx.settings.get("server_url")))
        self.server_url.setPlaceholderText("https://fieldbook.example.com")
        self.username = QLineEdit(status.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server:"), self.server_url)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.note = QLabel(keyring_note(controller))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if self.username.text() else self.username).setFocus()

    @Slot()
    def submit(self) -> None:
        url = self.server_url.text().strip().rstrip("/")
        if not url or not self.username.text().strip() or not self.password.text():
            self.error.setText(self.tr("Fill in the server, your user name and your password."))
            return
        problem = self.controller.url_problem(url)
        if problem is not None:
            self.error.setText(problem)
            self.server_url.setFocus()
            return
        self.error.setText(self.tr("Signing in…"))
        self.sign_in_button.setEnabled(False)
        self.controller.sign_in(
            url, self.username.text().strip(), self.password.text(), self._done, self._failed
        )

    def _done(self) -> None:
        self.password.clear()
        self.accept()

    def _failed(self, message: str) -> None:
        self.password.selectAll()
        self.error.setText(message)
        self.sign_in_button.setEnabled(True)


class ConflictDialog(QDialog):
    """One conflict: my value, the server's, who changed it and when; settle it."""

    def __init__(
        self,
        ctx: AppContext,
        issue: Issue,
        on_settled: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-dialog")
        self.ctx = ctx
        self.issue = issue
        self.on_settled = on_settled
        self.setWindowTitle(self.tr("Settle a conflict"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        record = f"{entity_label(issue.entity)}: {issue.record_name or issue.row_id}"
        title = QLabel(f"<b>{_escape(record)}</b>")
        layout.addWidget(title)
        form = QFormLayout()
        deleted = issue.field == "deleted_at"
        form.addRow(
            self.tr("Field:"),
            QLabel(
                self.tr("the whole record") if deleted else field_label(issue.entity, issue.field)
            ),
        )

        def shown(value: object) -> str:
            return value_text(issue.entity, issue.field, value, issue.names, ctx.zone)

        self.mine_label = QLabel(self.tr("my edits") if deleted else shown(issue.mine))
        self.theirs_label = QLabel(self.tr("deleted") if deleted else shown(issue.theirs))
        for label in (self.mine_label, self.theirs_label):
            label.setWordWrap(True)
        form.addRow(self.tr("My value:"), self.mine_label)
        form.addRow(self.tr("Server's value:"), self.theirs_label)
        who = issue.changed_by or self.tr("someone else")
        when = (
            issue.changed_at.astimezone(ctx.zone).strftime("%Y-%m-%d %H:%M")
            if issue.changed_at
            else self.tr("unknown time")
        )
        form.addRow(self.tr("Changed on the server by:"), QLabel(f"{who} · {when}"))
        if issue.reason:
            explanation = explain(issue.reason, issue.entity, issue.code, issue.params)
            self.reason_label = QLabel(explanation.why + "\n" + explanation.next)
            self.reason_label.setObjectName("conflict-reason")
            self.reason_label.setWordWrap(True)
            form.addRow(self.tr("Why:"), self.reason_label)
        self.value = QLineEdit("" if issue.mine is None else str(issue.mine))
        self.value.setObjectName("conflict-value")
        # A value typed as text only where text is what the user would type: not an
        # id (a name is shown), a stored code, a time or a list.
        typed = not deleted and _typeable(issue.entity, issue.field or "")
        if typed:
            form.addRow(self.tr("Or keep this value:"), self.value)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Whichever value you do not keep stays here under settled conflicts and "
                "can be applied later."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.theirs_button = QPushButton(self.tr("Keep the server's"))
        self.edit_button = QPushButton(self.tr("Keep the value typed"))
        close = QPushButton(self.tr("Close"))
        self.mine_button.clicked.connect(lambda: self._settle(sync_issues.keep_mine))
        self.theirs_button.clicked.connect(lambda: self._settle(sync_issues.keep_theirs))
        self.edit_button.clicked.connect(self._edit)
        close.clicked.connect(self.reject)
        row.addWidget(self.mine_button)
        row.addWidget(self.theirs_button)
        if typed:
            row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def _settle(self, action: Callable[[UnitOfWork, int], None]) -> None:
        issue_id = self.issue.id
        for button in (self.mine_button, self.theirs_button, self.edit_button):
            button.setEnabled(False)
        self.ctx.tasks.write(
            lambda uow: action(uow, issue_id),
            on_done=self._done,
            on_error=self._failed,
            reason=self.tr("sync conflict settled"),
        )

    @Slot()
    def _edit(self) -> None:
        text = self.value.text().strip()
        self._settle(lambda uow, issue_id: sync_issues.use_value(uow, issue_id, text))

    def _done(self, _: object) -> None:
        if self.on_settled is not None:
            self.on_settled()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        for button in (self.mine_button, self.theirs_button, self.edit_button):
            button.setEnabled(True)
        if isinstance(exc, ValueError | LookupError):
            self.error.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
        else:
            self.error.setText(self.tr("Not saved: %1").replace("%1", type(exc).__name__))


def _typeable(entity: str, field: str) -> bool:
    kind = field_kind(entity, field)
    if kind not in ("text", "money", "decimal", "date", "int"):
        return False
    return value_label(entity, field, "") is None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AccountRow(QWidget):
    """For Settings: who is signed in, with Sign in… / Sign out."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.sync.controller import controller_for

        self.ctx = ctx
        self.controller = controller_for(ctx, parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("sync-account")
        self.button = QPushButton()
        self.button.setObjectName("sync-account-button")
        self.button.clicked.connect(self._clicked)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.controller.status_changed.connect(self._show)
        self._show()

    @Slot()
    def _show(self) -> None:
        status = self.controller.status
        if status.signed_in:
            self.label.setText(
                self.tr("Signed in as %1 on %2")
                .replace("%1", status.display_name or status.username)
                .replace("%2", status.server_url)
            )
            self.button.setText(self.tr("Sign out"))
        else:
            self.label.setText(self.tr("Not signed in"))
            self.button.setText(self.tr("Sign in…"))

    @Slot()
    def _clicked(self) -> None:
        if self.controller.status.signed_in:
            self.controller.sign_out()
        else:
            self.dialog = SignInDialog(self.ctx, self.controller, self.window())
            self.dialog.open()
