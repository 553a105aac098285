"""The visit's rules: a check-in is evidence.

A rep checks in from a window before the planned start (the ``visits`` policy's
``checkin_hours_before``, 2 hours by default) to the end of the visit's planned day
(in the team's zone); with the location when the policy requires it for the
account's tier (``location_required``: tier -> bool, optional by default). A visit
checked in up to ``ON_TIME_GRACE`` after its planned start was on time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from desktop.domain.models import TIERS
from desktop.domain.rules.violation import RuleViolation

POLICY_KEY = "visits"
ZONE = ZoneInfo("Asia/Shanghai")
DEFAULT_HOURS_BEFORE = 2
MAX_HOURS_BEFORE = 24
ON_TIME_GRACE = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class VisitPolicy:
    hours_before: int = DEFAULT_HOURS_BEFORE
    location_required: Mapping[str, bool] | None = None

    def needs_location(self, tier: str | None) -> bool:
        return bool((self.location_required or {}).get(str(tier), False))

    def as_value(self) -> dict[str, Any]:
        return {
            "checkin_hours_before": self.hours_before,
            "location_required": {t: self.needs_location(t) for t in TIERS},
        }


def visit_policy(value: Any) -> VisitPolicy:
    """The policy row's value read leniently: what is not valid takes the default."""
    value = value if isinstance(value, Mapping) else {}
    hours = value.get("checkin_hours_before")
    if isinstance(hours, bool) or not isinstance(hours, int):
        hours = DEFAULT_HOURS_BEFORE
    hours = hours if 0 <= hours <= MAX_HOURS_BEFORE else DEFAULT_HOURS_BEFORE
    required = value.get("location_required")
    required = required if isinstance(required, Mapping) else {}
    return VisitPolicy(hours, {t: required.get(t) is True for t in TIERS})


def check_visit_policy(value: Any) -> None:
    """A manager's ``visits`` policy as saved: the hours a whole number from 0 to 24."""
    hours = value.get("checkin_hours_before") if isinstance(value, Mapping) else None
    if isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= MAX_HOURS_BEFORE:
        raise RuleViolation("out_of_range", "checkin_hours_before", min=0, max=MAX_HOURS_BEFORE)


def checkin_window(
    planned_start: dt.datetime, hours_before: int, zone: ZoneInfo = ZONE
) -> tuple[dt.datetime, dt.datetime]:
    """[opens, closes): from ``hours_before`` the start to the end of its local day."""
    day = planned_start.astimezone(zone).date()
    closes = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return planned_start - dt.timedelta(hours=hours_before), closes.astimezone(dt.UTC)


def check_checkin(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    policy: VisitPolicy,
    tier: str | None,
) -> None:
    """A new or moved check-in: inside its window, with a location if required."""
    when = after.get("checked_in_at")
    if when is None or (before is not None and before.get("checked_in_at") == when):
        return
    start = after.get("planned_start")
    if isinstance(start, dt.datetime) and isinstance(when, dt.datetime):
        opens, closes = checkin_window(start, policy.hours_before)
        if when < opens:
            raise RuleViolation(
                "checkin_too_early",
                "checked_in_at",
                opens=opens.astimezone(ZONE).strftime("%Y-%m-%d %H:%M"),
                hours=policy.hours_before,
            )
        if when >= closes:
            raise RuleViolation(
                "checkin_too_late", "checked_in_at", day=start.astimezone(ZONE).date().isoformat()
            )
    if policy.needs_location(tier) and not str(after.get("checkin_location") or "").strip():
        raise RuleViolation("checkin_location_required", "checkin_location", tier=str(tier))


def checkin_state(
    planned_start: dt.datetime,
    checked_in_at: dt.datetime | None,
    recorded_after_at: dt.datetime | None,
) -> str:
    """``on_time`` / ``late`` (checked in past the grace), ``recorded_later`` (entered
    after it happened, no check-in), or ``none``."""
    if checked_in_at is not None:
        return "on_time" if checked_in_at <= planned_start + ON_TIME_GRACE else "late"
    return "recorded_later" if recorded_after_at is not None else "none"
