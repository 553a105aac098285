"""The domain's messages reach the Chinese window in Chinese: a rule's code through
rule_text, a service's ValidationError through domain_text, numbers kept."""

from __future__ import annotations

from typing import Any

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.rules import RuleViolation
from desktop.ui.rule_text import error_text


def test_domain_messages_in_chinese(chinese: Any) -> None:
    minutes = ValidationError({"planned_minutes": "between 5 and 1440 minutes"})
    assert error_text(minutes).endswith("：介于 5 到 1440 分钟之间")
    mobile = ValidationError(
        {"mobile": "is not a mobile number (11 digits starting with 1, or + and a country code)"}
    )
    assert (
        error_text(mobile, "contact")
        == "手机：不是有效的手机号（以 1 开头的 11 位数字，或 + 加国家代码）"
    )
    assert (
        error_text(DomainError("only a planned visit can be moved")) == "只有计划中的拜访可以改期"
    )
    early = RuleViolation("checkin_too_early", "checked_in_at", opens="2026-12-09 08:00", hours=2)
    assert error_text(early).startswith("现在签到太早：签到于 2026-12-09 08:00 开放")


def test_domain_messages_in_english() -> None:
    why = ValidationError({"justification": "tell the manager why these terms are needed"})
    assert error_text(why, "quote").endswith(": tell the manager why these terms are needed")
