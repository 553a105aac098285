"""Competitors: the team's shared list, and who supplies each account today (incumbents).

An opportunity names its competitors and who won it as text (``Opportunity.competitors``,
``Opportunity.lost_to``), so a rep can write a name the list does not have yet; the
window offers the list's names, and the win/loss report groups by name.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced


class Competitor(Synced):
    """One competitor, shared by the whole company (every user sees and edits the list)."""

    __tablename__ = "competitor"
    label = "competitor"

    name: Mapped[str] = mapped_column(String(200))
    strengths: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Incumbent(Synced):
    """A competitor that supplies an account today, and what it supplies."""

    __tablename__ = "incumbent"
    __table_args__ = (Index("ix_incumbent_account_id", "account_id"),)
    label = "incumbent"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    competitor_id: Mapped[str] = mapped_column(ForeignKey("competitor.id"))
    supplies: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
