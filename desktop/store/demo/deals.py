"""One demo account's opportunity, believable on the Pipeline board: open deals with a
probability inside their stage's limits, a source and a next step; deals won; deals
lost with a reason, most of them to a named competitor; competitors in the running.

The stage, amount, probability and close date are drawn from the run's main stream in
the order they always were (so every later row of a seed stays the same); the rest
comes from the run's own stream for deals.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.domain import models as m
from desktop.domain.rules.opportunities import PROBABILITY_LIMITS

if TYPE_CHECKING:
    from desktop.store.demo.account_rows import DemoRun

COMPETITORS = (
    "西门子",
    "ABB",
    "施耐德电气",
    "霍尼韦尔",
    "汇川技术",
    "和利时",
    "中控技术",
    "罗克韦尔",
)
LOST_REASONS = (
    "价格高于对手",
    "价格高于对手",
    "交期太长",
    "客户选择了现有供应商",
    "技术方案不匹配",
    "预算取消",
    "客户未决策，项目搁置",
)
SOURCES = ("老客户", "老客户", "转介绍", "招标", "展会", "客户来询", "合作伙伴")
NEXT_STEPS = (
    "约技术交流会",
    "提交技术方案",
    "安排样品测试",
    "报价后电话跟进",
    "约采购经理谈商务条款",
    "邀请客户参观工厂",
    "准备投标文件",
)
# Of the deals the main stream left open or won, the share that was lost instead.
LOST_SHARE = 0.2


def add_opportunity(run: DemoRun, account: str, owner: str, short: str) -> str:
    rnd, deals = run.rnd, run.deals
    stage = rnd.choice(m.OPPORTUNITY_STAGES[:5])
    amount = Decimal(rnd.randrange(5, 200) * 10000)
    drawn = rnd.choice((10, 25, 50, 75, 90))
    close_date = run.today + dt.timedelta(days=rnd.randint(-30, 120))
    if deals.random() < LOST_SHARE:
        stage = "lost"
    low, high = PROBABILITY_LIMITS[stage]
    in_running = deals.sample(COMPETITORS, k=deals.choice((0, 1, 1, 2, 3)))
    details = {
        "source": deals.choice(SOURCES),
        "competitors": "\n".join(in_running),
        "next_step": "",
        "lost_reason": "",
        "lost_to": "",
    }
    if stage in ("won", "lost"):
        close_date = run.today - dt.timedelta(days=deals.randint(3, 200))
    else:
        details["next_step"] = deals.choice(NEXT_STEPS)
    if stage == "lost":
        details["lost_reason"] = deals.choice(LOST_REASONS)
        if deals.random() < 0.8:
            details["lost_to"] = in_running[0] if in_running else deals.choice(COMPETITORS)
    return run.w.row(
        m.Opportunity,
        account_id=account,
        owner_id=owner,
        name=f"{short} 年度采购",
        stage=stage,
        amount=amount,
        probability=min(max(drawn, low), high),
        close_date=close_date,
        notes="",
        contact_id=None,
        **details,
    )
