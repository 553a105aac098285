"""The stakeholder map drawn as an org chart (Qt's graphics view): a box per contact
under whom they report, coloured by attitude, with their buying roles, relationship
strength and when we last met them; the tier's coverage gaps as empty dashed boxes.

Drag a box onto another to put that contact under the other (``reparent_requested``;
the tab writes it through the unit of work, and a refused loop snaps back). Drag the
background to pan, Ctrl+wheel or the tab's buttons to zoom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from desktop.domain.services.stakeholders import Gap, Stakeholder
from desktop.ui.labels import attitude_label, buying_role_label

BOX_W, BOX_H = 190.0, 92.0
GAP_X, GAP_Y = 24.0, 60.0
# attitude -> (fill, border)
COLOURS = {
    "supportive": ("#dcf2d6", "#3b8a2f"),
    "neutral": ("#f4efd9", "#9a7b16"),
    "opposed": ("#f9dada", "#b23030"),
    None: ("#ffffff", "#8a8a8a"),
}
GAP_COLOUR = "#b23030"


def strength_text(strength: int | None) -> str:
    return "" if strength is None else "●" * strength + "○" * (5 - strength)


def met_text(last_met: dt.datetime | None, zone: ZoneInfo) -> str:
    if last_met is None:
        return QCoreApplication.translate("OrgChart", "Never met")
    day = last_met.astimezone(zone).date().isoformat()
    return QCoreApplication.translate("OrgChart", "Last met %1").replace("%1", day)


def gap_text(gap: Gap) -> str:
    role = buying_role_label(gap.role)
    if gap.state == "missing":
        return QCoreApplication.translate("OrgChart", "%1:\nnobody in this role").replace(
            "%1", role
        )
    return (
        QCoreApplication.translate("OrgChart", "%1:\nnot met within %2 days")
        .replace("%1", role)
        .replace("%2", str(gap.days))
    )


class ContactBox(QGraphicsRectItem):
    """One contact; movable so it can be dropped onto its new manager."""

    def __init__(self, person: Stakeholder, zone: ZoneInfo) -> None:
        super().__init__(0, 0, BOX_W, BOX_H)
        self.person = person
        fill, border = COLOURS.get(person.attitude, COLOURS[None])
        self.setBrush(QBrush(QColor(fill)))
        self.setPen(QPen(QColor(border), 2))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(1)
        name = QGraphicsSimpleTextItem(person.name, self)
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        name.setPos(8, 5)
        lines = [
            person.title,
            " · ".join(buying_role_label(r) for r in person.roles),
            " ".join(
                t
                for t in (
                    attitude_label(person.attitude) if person.attitude else "",
                    strength_text(person.strength),
                )
                if t
            ),
            met_text(person.last_met, zone),
        ]
        for row, text in enumerate(lines):
            item = QGraphicsSimpleTextItem(_fit(text, 30), self)
            item.setPos(8, 24 + row * 16)
        self.setToolTip("\n".join([person.name, *[t for t in lines if t]]))
        self.home = QPointF()

    def place(self, point: QPointF) -> None:
        self.home = point
        self.setPos(point)


class GapBox(QGraphicsRectItem):
    """A role the tier's coverage rule finds uncovered: an empty dashed box."""

    def __init__(self, gap: Gap) -> None:
        super().__init__(0, 0, BOX_W, BOX_H)
        self.gap = gap
        pen = QPen(QColor(GAP_COLOUR), 2, Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        text = QGraphicsSimpleTextItem(gap_text(gap), self)
        text.setBrush(QBrush(QColor(GAP_COLOUR)))
        text.setPos(10, 24)


class OrgChartScene(QGraphicsScene):
    reparent_requested = Signal(str, str)  # contact id, new manager's contact id

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.boxes: dict[str, ContactBox] = {}
        self.gap_boxes: list[GapBox] = []
        self._placed: set[str] = set()

    def show_map(self, people: Sequence[Stakeholder], gaps: Sequence[Gap]) -> None:
        self.clear()
        self.boxes = {p.id: ContactBox(p, self.zone) for p in people}
        children: dict[str | None, list[Stakeholder]] = {}
        for person in people:
            children.setdefault(person.reports_to_id, []).append(person)
        self._placed: set[str] = set()
        x = 0.0
        for root in children.get(None, []):
            x = self._lay_out(root, children, x, 0) + GAP_X
        # Anyone the tree did not reach (a reporting loop the rule book would refuse,
        # say, arriving from elsewhere) still gets a box, in a row of their own.
        depth = 1 + max((b.home.y() for b in self.boxes.values()), default=0) / (BOX_H + GAP_Y)
        unplaced = [p for p in people if p.id not in self._placed]
        for index, person in enumerate(unplaced):
            self.boxes[person.id].place(QPointF(index * (BOX_W + GAP_X), depth * (BOX_H + GAP_Y)))
        for box in self.boxes.values():
            self.addItem(box)
            boss = box.person.reports_to_id
            if boss in self.boxes:
                self.addItem(_connector(self.boxes[boss].home, box.home))
        self.gap_boxes = []
        top = -(BOX_H + GAP_Y) if gaps else 0.0
        for index, gap in enumerate(gaps):
            item = GapBox(gap)
            item.setPos(index * (BOX_W + GAP_X), top)
            self.addItem(item)
            self.gap_boxes.append(item)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-40, -40, 40, 40))

    def _lay_out(
        self,
        person: Stakeholder,
        children: dict[str | None, list[Stakeholder]],
        x: float,
        depth: int,
    ) -> float:
        """Place ``person``'s subtree from ``x``; returns the right edge it used."""
        self._placed.add(person.id)
        below = [c for c in children.get(person.id, []) if c.id not in self._placed]
        right = x
        for child in below:
            right = self._lay_out(child, children, right, depth + 1) + GAP_X
        right = max(x + BOX_W, right - GAP_X if below else x + BOX_W)
        centre = (x + right) / 2
        self.boxes[person.id].place(QPointF(centre - BOX_W / 2, depth * (BOX_H + GAP_Y)))
        return right

    def box_at(self, point: QPointF, moving: ContactBox) -> ContactBox | None:
        for item in self.items(point):
            if isinstance(item, ContactBox) and item is not moving:
                return item
            parent = item.parentItem()
            if isinstance(parent, ContactBox) and parent is not moving:
                return parent
        return None

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        moving = self.mouseGrabberItem()
        super().mouseReleaseEvent(event)
        if not isinstance(moving, ContactBox) or moving.pos() == moving.home:
            return
        target = self.box_at(event.scenePos(), moving)
        moving.setPos(moving.home)  # the chart redraws once the change is saved
        if target is not None and target.person.id != moving.person.reports_to_id:
            self.reparent_requested.emit(moving.person.id, target.person.id)


def _connector(boss: QPointF, person: QPointF) -> QGraphicsPathItem:
    start = QPointF(boss.x() + BOX_W / 2, boss.y() + BOX_H)
    end = QPointF(person.x() + BOX_W / 2, person.y())
    middle = (start.y() + end.y()) / 2
    path = QPainterPath(start)
    path.lineTo(start.x(), middle)
    path.lineTo(end.x(), middle)
    path.lineTo(end)
    line = QGraphicsPathItem(path)
    line.setPen(QPen(QColor("#7a7a7a"), 1.5))
    line.setZValue(0)
    return line


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class OrgChartView(QGraphicsView):
    """Pan by dragging the background, zoom with Ctrl+wheel (or the tab's buttons)."""

    def __init__(self, scene: OrgChartScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.2 <= scale <= 4:
            self.scale(factor, factor)

    def fit(self) -> None:
        rect: QRectF = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > 1:
                self.resetTransform()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)
