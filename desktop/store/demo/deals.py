"""One demo account's opportunity, believable on the Pipeline board: open deals with a
probability inside their stage's limits, a source and a next step; deals won; deals
lost with a reason, most of them to a named competitor; competitors in the running;
the shared competitor list, and an incumbent on about a third of the accounts.

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
from desktop.store.demo.receivables import add_contract_plan

if TYPE_CHECKING:
    from desktop.store.demo.account_rows import DemoRun
    from desktop.store.demo.writer import Writer

# The shared competitor list: name -> strengths.
STRENGTHS = {
    "西门子": "品牌认可度高，产品线全，服务网点多",
    "ABB": "电气与机器人方案成熟，大项目经验多",
    "施耐德电气": "配电与能效管理强，渠道覆盖广",
    "霍尼韦尔": "楼宇与过程控制口碑好",
    "汇川技术": "性价比高，交期短，响应快",
    "和利时": "国产DCS，央企项目多",
    "中控技术": "流程工业DCS份额领先，本地服务强",
    "罗克韦尔": "离散制造控制系统稳定，外资客户认可",
}
COMPETITORS = tuple(STRENGTHS)
# Share of accounts with an incumbent on record, and what incumbents supply.
INCUMBENT_SHARE = 0.35
SUPPLIES = ("PLC", "变频器", "DCS系统", "配电柜", "伺服系统", "运维服务")
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


def add_competitor_list(w: Writer) -> dict[str, str]:
    """The shared list; returns name -> id."""
    return {
        name: w.row(m.Competitor, name=name, strengths=strengths, notes="")
        for name, strengths in STRENGTHS.items()
    }


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
    if run.competitor_ids and deals.random() < INCUMBENT_SHARE:
        incumbent = details["lost_to"] or deals.choice(COMPETITORS)
        run.w.row(
            m.Incumbent,
            account_id=account,
            competitor_id=run.competitor_ids[incumbent],
            supplies=deals.choice(SUPPLIES),
            notes="",
        )
    if stage == "won" and deals.random() < 0.7:
        run.contract_of[account] = _contract(run, account, owner, short, amount)
    opportunity = run.w.row(
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
    run.in_running[opportunity] = details["competitors"]
    return opportunity


def _contract(run: DemoRun, account: str, owner: str, short: str, amount: Decimal) -> str:
    """A won deal's contract: a year long, some ending (renewals due) in the coming
    months, a few already expired."""
    deals = run.deals
    end = run.today + dt.timedelta(days=deals.randint(-30, 300))
    code = run.rep_codes.get(owner, "X")
    seq = run.contract_seq[code] = run.contract_seq.get(code, 0) + 1
    contract = run.w.row(
        m.Contract,
        number=f"HT-{end.year - 1}-{code}-{seq:04d}",
        account_id=account,
        owner_id=owner,
        quote_id=None,
        title=f"{short} 年度采购合同",
        status="expired" if end < run.today else "active",
        signed_on=end - dt.timedelta(days=372),
        start_on=end - dt.timedelta(days=364),
        end_on=end,
        value=amount,
        currency="CNY",
        payment_terms="合同签订后预付30%，到货验收后付60%，质保金10%一年后支付",
        decided_by=None,
        decided_at=None,
        decision_note="",
        notes="",
    )
    if end >= run.today:
        add_contract_plan(run, account, contract, end - dt.timedelta(days=364), amount)
    return contract
