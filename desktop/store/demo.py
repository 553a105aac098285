"""A realistic, reproducible demo dataset, written with bulk Core inserts.

About 3 contacts, 5 visits and 1 quote (with lines) per account, plus teams, users,
a catalog, price lists, opportunities, orders, payments, targets and complaints.
Rows are written as if they had come from a server (version 1, no outbox entries):
they are the starting point, not edits waiting to be sent. 100,000 accounts take well
under a minute (ORM ``add_all`` was about 9x slower than Core ``executemany``).
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.domain.credit_code import complete
from desktop.domain.ids import new_id
from desktop.domain.models.types import stored_form
from desktop.domain.pricing import LineInput, compute
from desktop.domain.services.device import USER_ID, set_meta
from desktop.store import bulk_load
from desktop.store.demo_today import add_manager_week

PROVINCES = {
    "北京": ["北京"],
    "上海": ["上海"],
    "广东": ["广州", "深圳", "东莞", "佛山"],
    "浙江": ["杭州", "宁波", "温州"],
    "江苏": ["南京", "苏州", "无锡"],
    "四川": ["成都", "绵阳"],
    "湖北": ["武汉", "宜昌"],
    "山东": ["济南", "青岛", "烟台"],
    "福建": ["福州", "厦门"],
    "陕西": ["西安"],
    "天津": ["天津"],
    "重庆": ["重庆"],
}
DIVISION = {
    "北京": "110105",
    "上海": "310115",
    "广东": "440305",
    "浙江": "330106",
    "江苏": "320505",
    "四川": "510107",
    "湖北": "420106",
    "山东": "370202",
    "福建": "350203",
    "陕西": "610113",
    "天津": "120116",
    "重庆": "500112",
}
INDUSTRIES = [
    "制造业",
    "信息技术",
    "金融",
    "医药健康",
    "能源化工",
    "物流运输",
    "零售消费",
    "建筑工程",
    "汽车",
    "教育",
]
CN_CORES = [
    "华信",
    "中科",
    "恒通",
    "天元",
    "新锐",
    "博远",
    "瑞丰",
    "鼎盛",
    "安泰",
    "宏达",
    "金桥",
    "永安",
    "启明",
    "东方",
    "海川",
    "长城",
    "正大",
    "星河",
    "联创",
    "万向",
    "同创",
    "嘉禾",
    "德隆",
    "凯越",
    "明珠",
    "远景",
    "盛世",
    "和信",
    "九州",
    "华夏",
]
CN_TRADES = {
    "制造业": "精密制造",
    "信息技术": "信息科技",
    "金融": "投资管理",
    "医药健康": "生物医药",
    "能源化工": "新能源",
    "物流运输": "供应链",
    "零售消费": "商贸",
    "建筑工程": "建设工程",
    "汽车": "汽车零部件",
    "教育": "教育科技",
}
CN_SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"]
EN_WORDS = [
    "Pacific",
    "Summit",
    "Golden Bridge",
    "Evergreen",
    "Orient",
    "Harbor",
    "Keystone",
    "Silverline",
    "Northstar",
    "Bluewater",
    "Redwood",
    "Lotus",
    "Crescent",
    "Atlas",
]
EN_TRADES = {
    "制造业": "Precision Manufacturing",
    "信息技术": "Technology",
    "金融": "Capital",
    "医药健康": "Biopharma",
    "能源化工": "Energy",
    "物流运输": "Logistics",
    "零售消费": "Trading",
    "建筑工程": "Engineering",
    "汽车": "Auto Parts",
    "教育": "Education",
}
FAMOUS = [
    ("中国移动通信集团有限公司", "中国移动", "信息技术", "北京"),
    ("华为技术有限公司", "华为", "信息技术", "广东"),
    ("比亚迪股份有限公司", "比亚迪", "汽车", "广东"),
    ("招商银行股份有限公司", "招商银行", "金融", "广东"),
    ("上海汽车集团股份有限公司", "上汽集团", "汽车", "上海"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "晓东",
    "海燕",
    "志强",
    "丽华",
]
EN_PEOPLE = [
    "Emma Chen",
    "David Wang",
    "Lucy Zhang",
    "Michael Liu",
    "Grace Lin",
    "Kevin Zhou",
    "Sarah Wu",
    "Tom Huang",
]
TITLES = [
    "总经理",
    "采购总监",
    "技术经理",
    "财务总监",
    "IT主管",
    "副总裁",
    "运营经理",
    "Procurement Manager",
    "CTO",
]
PURPOSES = [
    "季度业务回顾",
    "新品介绍",
    "商务谈判",
    "技术交流",
    "合同续签",
    "需求调研",
    "Quarterly business review",
    "Product demo",
]
REPORTS = [
    "客户对新方案感兴趣，要求下周提供报价。",
    "讨论了交付周期，客户希望缩短到两周。",
    "采购总监提到竞争对手报价更低，需要准备价格说明。",
    "技术团队认可方案，进入内部评审。",
    "Customer asked for a revised quote with volume discount.",
    "Met the new IT lead; agreed on a pilot in Q3.",
]
PRODUCTS = [
    ("FB-SRV-01", "企业服务器 X1", "2U 双路", "台", "38000", "0.13", "硬件"),
    ("FB-SRV-02", "企业服务器 X2", "4U 四路", "台", "86000", "0.13", "硬件"),
    ("FB-STO-01", "存储阵列 S100", "100TB", "套", "120000", "0.13", "硬件"),
    ("FB-NET-01", "核心交换机 C48", "48口万兆", "台", "26000", "0.13", "硬件"),
    ("FB-LIC-01", "协同办公软件许可", "按用户/年", "用户", "480", "0.06", "软件"),
    ("FB-LIC-02", "数据分析平台许可", "按核/年", "核", "12000", "0.06", "软件"),
    ("FB-SVC-01", "实施服务", "人天", "人天", "2500", "0.06", "服务"),
    ("FB-SVC-02", "年度维保", "7x24", "年", "18000", "0.06", "服务"),
    ("FB-TRN-01", "培训课程", "每班20人", "班", "9000", "0.06", "服务"),
    ("FB-LOG-01", "运输与安装", "按次", "次", "1500", "0.09", "物流"),
    ("FB-ACC-01", "机柜 42U", "含PDU", "台", "6800", "0.13", "硬件"),
    ("FB-ACC-02", "不间断电源 10kVA", "在线式", "台", "15800", "0.13", "硬件"),
]

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    user_id: str


_NO_VERSIONS: dict[str, int] = {}  # shared by every demo row, never changed


class _Writer:
    """Buffers rows per table and flushes them with executemany."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.now = now
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def row(self, model: type[m.Synced], **values: Any) -> str:
        values.setdefault("id", new_id())
        values.update(
            version=1,
            field_versions=_NO_VERSIONS,
            created_at=self.now,
            updated_at=self.now,
            deleted_at=None,
            created_by=None,
            updated_by=None,
        )
        name = model.__tablename__
        buffer = self.buffers.setdefault(name, [])
        buffer.append(values)
        if len(buffer) >= 5000:
            self.flush(name)
        return str(values["id"])

    def flush(self, name: str | None = None) -> None:
        # Parents first, so foreign keys hold at every flush.
        for table_name in [name] if name else list(m.SYNCED):
            buffer = self.buffers.get(table_name)
            if not buffer:
                continue
            table: Table = m.SYNCED[table_name].__table__  # type: ignore[assignment]
            self._flush_parents(table_name)
            self._insert(table, buffer)
            self.counts[table_name] = self.counts.get(table_name, 0) + len(buffer)
            self.buffers[table_name] = []

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """executemany on the driver, with each column's own bind conversion.

        The same conversions SQLAlchemy applies (money to fen, times to UTC text...),
        looked up once per column instead of once per value.
        """
        plan = stored_form(table, self.session.get_bind().dialect)
        names = ", ".join(f'"{column.name}"' for column in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        data = list(zip(*(column.values(rows) for column in plan), strict=True))
        self.session.connection().exec_driver_sql(
            f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', data
        )

    def _flush_parents(self, table_name: str) -> None:
        for parent in m.SYNCED:
            if parent == table_name:
                return
            if self.buffers.get(parent):
                self.flush(parent)


def _targets(
    w: _Writer, reps: list[str], won: dict[str, Decimal], today: dt.date, rnd: random.Random
) -> None:
    """Yearly and monthly targets per rep, set so the year-to-date attainment lands
    between about 80 % and 125 % of the pro-rata target."""
    elapsed = Decimal(today.timetuple().tm_yday) / Decimal(365)
    for rep in reps:
        pace = won[rep] / elapsed if won[rep] else Decimal(3_000_000)
        factor = Decimal(rnd.randrange(80, 126)) / 100
        annual = (pace * factor / 10000).quantize(Decimal(1)) * 10000
        annual = max(annual, Decimal(100000))
        w.row(m.SalesTarget, owner_id=rep, period=str(today.year), amount=annual)
        for month in range(1, 13):
            w.row(
                m.SalesTarget,
                owner_id=rep,
                period=f"{today.year}-{month:02d}",
                amount=(annual / 12).quantize(Decimal(1)),
            )


def generate(
    session: Session,
    accounts: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Write the demo dataset into ``session`` (the caller commits)."""
    # A bigger page cache for the bulk load: index pages stay in memory instead of
    # being re-read for every batch (the default 2 MB thrashes past ~20k accounts).
    session.connection().exec_driver_sql("PRAGMA cache_size = -262144")
    # As a first download does: the search index and the non-unique indexes are built
    # in one pass at the end, not row by row.
    raw_connection = session.connection().connection.driver_connection
    assert isinstance(raw_connection, sqlite3.Connection)
    bulk_load.begin(session, raw_connection)
    rnd = random.Random(seed)
    spread = random.Random(seed * 7919 + 1)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    today = today or now.astimezone(SHANGHAI).date()
    year_days = today.timetuple().tm_yday - 1
    w = _Writer(session, now)

    teams = [w.row(m.Team, name="华东大客户部"), w.row(m.Team, name="华南大客户部")]
    w.row(m.User, username="admin", display_name="系统管理员", role="admin")
    managers = [
        w.row(
            m.User,
            username="wangfang",
            display_name="王芳",
            role="manager",
            team_id=teams[0],
            rep_code="M01",
        ),
        w.row(
            m.User,
            username="chenjie",
            display_name="陈杰",
            role="manager",
            team_id=teams[1],
            rep_code="M02",
        ),
    ]
    rep_people = [
        ("zhangwei", "张伟", "ZW"),
        ("liuna", "刘娜", "LN"),
        ("lijun", "李军", "LJ"),
        ("emma", "Emma Chen", "EC"),
        ("zhaomin", "赵敏", "ZM"),
        ("sunhao", "孙浩", "SH"),
    ]
    reps = [
        w.row(m.User, username=u, display_name=n, role="rep", team_id=teams[i % 2], rep_code=c)
        for i, (u, n, c) in enumerate(rep_people)
    ]
    rep_codes = {rep: code for rep, (_, _, code) in zip(reps, rep_people, strict=True)}
    w.flush("team")  # users reference teams; teams reference nothing

    products = []
    for sku, name, spec, unit, price_text, tax_text, cat in PRODUCTS:
        pid = w.row(
            m.Product,
            sku=sku,
            name=name,
            specification=spec,
            unit=unit,
            list_price=Decimal(price_text),
            tax_rate=Decimal(tax_text),
            category=cat,
            max_discount_pct=Decimal(15) if cat == "硬件" else None,
            floor_price=(Decimal(price_text) * Decimal("0.7")).quantize(Decimal(1)),
            active=True,
        )
        products.append((pid, name, unit, Decimal(price_text), Decimal(tax_text)))
    for tier, factor in (("A", Decimal("0.90")), ("B", Decimal("0.95"))):
        plid = w.row(
            m.PriceList,
            name=f"{tier}类客户价格表",
            tier=tier,
            currency="CNY",
            valid_from=dt.date(today.year, 1, 1),
            valid_to=dt.date(today.year, 12, 31),
            active=True,
        )
        for pid, _, _, price, _ in products:
            w.row(
                m.PriceListItem,
                price_list_id=plid,
                product_id=pid,
                unit_price=(price * factor).quantize(Decimal(1)),
            )
    w.row(m.Policy, key="coverage", value={"A": 30, "B": 90, "C": 182})
    w.row(m.Policy, key="discounts", value={"A": "20", "B": "12", "C": "8"})
    w.row(
        m.Policy,
        key="pool",
        value={"claim_limit": 200, "return_days": {"A": 60, "B": 90, "C": 120}},
    )
    w.row(m.Policy, key="sla", value={"low": 120, "medium": 72, "high": 24, "critical": 8})

    # Accepted quotes per rep this year; the targets are set from them after the loop,
    # so attainment looks like a real team's at any dataset size.
    won: dict[str, Decimal] = dict.fromkeys(reps, Decimal(0))
    provinces = list(PROVINCES)
    group_parents: list[str] = []
    quote_seq: dict[str, int] = {}
    for index in range(accounts):
        if index < len(FAMOUS):
            name, short, industry, province = FAMOUS[index]
        else:
            industry = rnd.choice(INDUSTRIES)
            province = rnd.choice(provinces)
            if rnd.random() < 0.8:
                core = rnd.choice(CN_CORES) + rnd.choice(CN_CORES)[0]
                short = core
                name = f"{rnd.choice(PROVINCES[province])}{core}{CN_TRADES[industry]}{rnd.choice(CN_SUFFIXES)}"
            else:
                word = rnd.choice(EN_WORDS)
                short = word
                name = f"{word} {EN_TRADES[industry]} Co., Ltd. #{index}"
        city = rnd.choice(PROVINCES[province])
        tier = rnd.choices("ABC", weights=(15, 35, 50))[0]
        status = rnd.choices(["active", "prospect", "dormant", "lost"], weights=(60, 25, 10, 5))[0]
        owner = rnd.choice(reps) if rnd.random() > 0.05 else None
        parent = rnd.choice(group_parents) if group_parents and rnd.random() < 0.04 else None
        code = complete(f"91{DIVISION[province]}{index:08d}"[:16]) if rnd.random() < 0.85 else None
        account = w.row(
            m.Account,
            name=name,
            short_name=short,
            credit_code=code,
            industry=industry,
            province=province,
            city=city,
            address=f"{city}市{rnd.choice(['高新区', '经开区', '滨江区', '浦东新区'])}{rnd.randint(1, 999)}号",
            phone=f"0{rnd.randint(10, 999)}-{rnd.randint(20000000, 89999999)}",
            tier=tier,
            status=status,
            owner_id=owner,
            parent_id=parent,
            potential=Decimal(rnd.randrange(10, 500) * 10000),
            tags=","
            + ",".join(rnd.sample(["战略", "key", "续约", "新客户", "政府"], k=rnd.randint(0, 2)))
            + ",",
            notes="",
            claimed_at=None,
        )
        if tier == "A" and parent is None and rnd.random() < 0.3:
            group_parents.append(account)
        contacts = []
        for c in range(rnd.choice((2, 3, 3, 4))):
            person = (
                rnd.choice(EN_PEOPLE)
                if name[0].isascii()
                else rnd.choice(SURNAMES) + rnd.choice(GIVEN)
            )
            contacts.append(
                w.row(
                    m.Contact,
                    account_id=account,
                    name=person,
                    title=rnd.choice(TITLES),
                    role=rnd.choice(m.CONTACT_ROLES) if c else "decision_maker",
                    is_primary=c == 0,
                    mobile=f"1{rnd.choice('3578')}{rnd.randint(100000000, 999999999)}",
                    email=f"contact{index}_{c}@example.com",
                    notes="",
                    birthday=dt.date(
                        1970 + rnd.randint(0, 30), rnd.randint(1, 12), rnd.randint(1, 28)
                    )
                    if rnd.random() < 0.3
                    else None,
                )
            )
        visit_owner = owner or rnd.choice(reps)
        for v in range(rnd.choice((3, 5, 5, 7))):
            days = rnd.randint(-180, 21)
            start = dt.datetime.combine(
                today + dt.timedelta(days=days), dt.time(rnd.choice((9, 10, 14, 15, 16))), SHANGHAI
            )
            done = days < 0 and rnd.random() < 0.9
            visit = w.row(
                m.Visit,
                account_id=account,
                owner_id=visit_owner,
                contact_ids=[contacts[0]],
                status="done" if done else ("cancelled" if days < 0 else "planned"),
                visit_type=rnd.choice(m.VISIT_TYPES),
                purpose=rnd.choice(PURPOSES),
                planned_start=start,
                planned_minutes=rnd.choice((30, 60, 90)),
                location=None,
                checked_in_at=start if done else None,
                outcome="positive" if done else None,
                report=rnd.choice(REPORTS) if done else "",
                next_steps="",
                competitors="",
            )
            if done and v == 0:
                w.row(
                    m.Task,
                    account_id=account,
                    visit_id=visit,
                    owner_id=visit_owner,
                    title="发送报价与方案",
                    due_date=today + dt.timedelta(days=rnd.randint(-5, 10)),
                    status=rnd.choice(("open", "done")),
                    notes="",
                )
        opp = w.row(
            m.Opportunity,
            account_id=account,
            owner_id=visit_owner,
            name=f"{short} 年度采购",
            stage=rnd.choice(m.OPPORTUNITY_STAGES[:5]),
            amount=Decimal(rnd.randrange(5, 200) * 10000),
            probability=rnd.choice((10, 25, 50, 75, 90)),
            close_date=today + dt.timedelta(days=rnd.randint(-30, 120)),
            notes="",
        )
        # One quote per account, with 1 to 5 lines.
        seq = quote_seq[visit_owner] = quote_seq.get(visit_owner, 0) + 1
        qid = new_id()
        lines: list[dict[str, Any]] = []
        for position, product in enumerate(rnd.sample(products, k=rnd.randint(1, 5))):
            pid, pname, unit, price, tax = product
            qty = Decimal(rnd.choice((1, 2, 5, 10, 20, 50)))
            disc = Decimal(rnd.choice((0, 0, 5, 8, 10)))
            lines.append(
                {
                    "quote_id": qid,
                    "position": position,
                    "product_id": pid,
                    "description": pname,
                    "quantity": qty,
                    "unit": unit,
                    "unit_price": price,
                    "discount_pct": disc,
                    "tax_rate": tax,
                }
            )
        qdisc = Decimal(rnd.choice((0, 0, 0, 2, 3)))
        totals = compute(
            [
                LineInput(ln["quantity"], ln["unit_price"], ln["discount_pct"], ln["tax_rate"])
                for ln in lines
            ],
            qdisc,
        )
        issued = today - dt.timedelta(days=rnd.randint(0, 90))
        qstatus = rnd.choices(
            ["draft", "sent", "accepted", "rejected", "pending_approval"],
            weights=(25, 35, 25, 10, 5),
        )[0]
        if qstatus == "accepted":
            # Wins spread over the year so far, so every month has its actuals (own
            # generator: the main random stream, and so the rest of the data, is kept).
            issued = today - dt.timedelta(days=spread.randint(7, max(7, year_days)))
        accepted_at = (
            dt.datetime.combine(issued + dt.timedelta(days=7), dt.time(10), SHANGHAI)
            if qstatus == "accepted"
            else None
        )
        if accepted_at is not None and accepted_at.year == today.year:
            won[visit_owner] += totals.total
        w.row(
            m.Quote,
            id=qid,
            number=f"Q-{issued.year}-{rep_codes[visit_owner]}-{seq:04d}",
            revision="A",
            previous_id=None,
            is_latest=True,
            account_id=account,
            contact_id=contacts[0],
            opportunity_id=opp,
            owner_id=visit_owner,
            status=qstatus,
            currency="CNY",
            issued_on=issued,
            valid_until=issued + dt.timedelta(days=30),
            payment_terms="合同签订后30天内付款",
            delivery_terms="到货后安装调试",
            discount_pct=qdisc,
            subtotal=totals.subtotal,
            tax_total=totals.tax_total,
            total=totals.total,
            approval_reasons="",
            justification="",
            decision_note="",
            sent_at=None,
            accepted_at=accepted_at,
            notes="",
        )
        for line in lines:
            w.row(m.QuoteLine, **line)
        if qstatus == "accepted":
            order = w.row(
                m.Order,
                number=f"SO-{issued.year}-{index:06d}",
                quote_id=qid,
                account_id=account,
                owner_id=visit_owner,
                order_date=issued + dt.timedelta(days=7),
                amount=totals.total,
                currency="CNY",
                expected_delivery=issued + dt.timedelta(days=30),
                delivery_status=rnd.choice(m.DELIVERY_STATUSES),
                payment_due=issued + dt.timedelta(days=60),
                notes="",
            )
            if rnd.random() < 0.6:
                w.row(
                    m.Payment,
                    order_id=order,
                    received_on=issued + dt.timedelta(days=40),
                    amount=(totals.total / 2).quantize(Decimal("0.01")),
                    method="transfer",
                    notes="",
                )
        if rnd.random() < 0.08:
            severity = rnd.choice(m.COMPLAINT_SEVERITIES)
            opened = now - dt.timedelta(hours=rnd.randint(1, 24 * 60))
            status = rnd.choice(m.COMPLAINT_STATUSES)
            w.row(
                m.Complaint,
                account_id=account,
                contact_id=contacts[0],
                owner_id=visit_owner,
                title=rnd.choice(["交付延迟", "设备故障", "发票问题", "服务响应慢", "Price query"]),
                description="",
                category=rnd.choice(m.COMPLAINT_CATEGORIES),
                severity=severity,
                status=status,
                opened_at=opened,
                sla_due_at=opened
                + dt.timedelta(
                    hours={"low": 120, "medium": 72, "high": 24, "critical": 8}[severity]
                ),
                resolved_at=opened + dt.timedelta(hours=20)
                if status in ("resolved", "closed")
                else None,
                resolution="",
                satisfaction=None,
            )
        if progress is not None and index % 1000 == 999:
            progress(index + 1, accounts)
    _targets(w, reps, won, today, rnd)
    w.flush()
    # The manager's own visits and follow-ups, and their team's approval requests, so
    # the first start opens on a full Today (desktop/store/demo_today.py).
    add_manager_week(session, w, today, managers[0], reps[::2], rep_codes, quote_seq)
    bulk_load.finish(session, raw_connection)
    # The demo device works as the first team's manager, who sees the whole team.
    set_meta(session, USER_ID, managers[0])
    return DemoSummary(counts=dict(w.counts), user_id=managers[0])
