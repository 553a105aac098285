"""A quote's approval in the window: its history (submitted / approved / returned, who,
when, the note), who it awaits, and Approve / Return for the manager it goes to.

Approve asks for a confirmation first; Return needs a note (the rule book refuses an
empty one, and the dialog shows why and keeps what was typed). The editor and the
approval inbox both host ``ApprovalPanel``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.services import approvals, quotes
from desktop.domain.services.approvals import HistoryStep
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import fill, local_datetime, money, show_as_error
from desktop.ui.rule_text import error_text


@dataclass(frozen=True)
class Approval:
    """What the panel shows of one quote revision (loaded off the GUI thread)."""

    quote_id: str
    number: str
    total: str
    status: str
    steps: list[HistoryStep]
    awaits: list[str]  # who a pending quote goes to
    can_decide: bool


def load(session: Session, quote_id: str, user_id: str | None) -> Approval:
    quote = quotes.get_quote(session, quote_id).quote
    return Approval(
        quote_id=quote_id,
        number=f"{quote['number']} {quote['revision']}",
        total=money(quote["total"], quote["currency"]),
        status=str(quote["status"]),
        steps=approvals.history(session, quote_id),
        awaits=approvals.approvers(session, quote["owner_id"]),
        can_decide=bool(quote["is_latest"])
        and approvals.can_decide(session, user_id, quote["owner_id"]),
    )


class ApprovalPanel(QWidget):
    """History, who it awaits, and the decision buttons of one quote."""

    decided = Signal(str)  # the quote id, after an approval or a return

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.approval: Approval | None = None
        self.dialog: DecisionDialog | None = None
        self.history = QLabel()
        self.history.setObjectName("approval-history")
        self.history.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.setObjectName("approval-approve")
        self.return_button = QPushButton(self.tr("Return…"))
        self.return_button.setObjectName("approval-return")
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(lambda: self.ask("approve"))
        self.return_button.clicked.connect(lambda: self.ask("return"))
        self.show_approval(None)

    def load(self, quote_id: str) -> None:
        user_id = self.ctx.user_id
        self.ctx.tasks.read(
            lambda s: load(s, quote_id, user_id), self.show_approval, key=f"approval-{id(self)}"
        )

    def show_approval(self, approval: Approval | None) -> None:
        if not isValid(self):  # closed before the history arrived
            return
        self.approval = approval
        pending = approval is not None and approval.status == "pending_approval"
        decide = pending and approval is not None and approval.can_decide
        self.approve_button.setVisible(decide)
        self.return_button.setVisible(decide)
        self.history.setText(self._history_html(approval) if approval is not None else "")
        self.setVisible(approval is not None and (bool(approval.steps) or pending))

    def _history_html(self, approval: Approval) -> str:
        words = {
            "submitted": self.tr("Submitted by %1"),
            "approved": self.tr("Approved by %1"),
            "returned": self.tr("Returned by %1"),
        }
        title = self.tr("Approval history")
        lines = [f"<b>{escape(title)}</b>"]
        for step in approval.steps:
            when = local_datetime(step.at, self.ctx.zone)
            who = step.by or self.tr("someone")
            text = (
                fill(self.tr("Submitted by %1 to %2"), who, step.to)
                if step.to
                else fill(words[step.step], who)
            )
            note = f": “{escape(step.note)}”" if step.note else ""
            lines.append(f"{escape(when)} · {escape(text)}{note}")
        if approval.status == "pending_approval":
            awaits = "、".join(approval.awaits) or self.tr("an administrator")
            lines.append(escape(fill(self.tr("Waiting for %1"), awaits)))
        return "<br/>".join(lines)

    @Slot()
    def ask(self, action: str) -> None:
        if self.approval is None:
            return
        self.dialog = DecisionDialog(self.ctx, self.approval, action, self)
        self.dialog.accepted.connect(lambda: self.decided.emit(self.approval_id()))
        self.dialog.open()

    def approval_id(self) -> str:
        return self.approval.quote_id if self.approval is not None else ""


class DecisionDialog(QDialog):
    """Approve (a confirmation, an optional note) or return (a note is required)."""

    def __init__(
        self, ctx: AppContext, approval: Approval, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.approval, self.action = ctx, approval, action
        self.setObjectName(f"decision-{action}")
        approving = action == "approve"
        self.setWindowTitle(self.tr("Approve quote") if approving else self.tr("Return quote"))
        question = (
            self.tr("Approve %1 for %2? The rep can then send it to the customer.")
            if approving
            else self.tr("Return %1 (%2) to the rep? Tell them what to change.")
        )
        self.question = QLabel(fill(question, approval.number, approval.total))
        self.question.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("decision-note")
        self.note.setPlaceholderText(
            self.tr("Note for the rep (optional)")
            if approving
            else self.tr("What should change (required)")
        )
        self.note.setFixedHeight(80)
        self.error = QLabel()
        self.error.setObjectName("decision-error")
        self.error.setWordWrap(True)
        show_as_error(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(
            self.tr("Approve") if approving else self.tr("Return to the rep"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok.setObjectName("decision-ok")
        self.buttons.accepted.connect(self.decide)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self.error.clear)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @Slot()
    def decide(self) -> None:
        quote_id, note = self.approval.quote_id, self.note.toPlainText()
        step = quotes.approve if self.action == "approve" else quotes.return_quote

        def work(uow: UnitOfWork) -> None:
            step(uow, quote_id, note)

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            self.ok.setEnabled(True)
            self.error.setText(error_text(error) if isinstance(error, DomainError) else str(error))

        self.ok.setEnabled(False)
        self.ctx.tasks.write(work, lambda _: self.accept(), failed)
