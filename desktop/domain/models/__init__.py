"""The schema: every table Fieldbook keeps, on the device and on the server.

Import models from here. ``SYNCED`` maps a table name to its model, in an order where
parents come before the children that reference them.
"""

from __future__ import annotations

from desktop.domain.models.accounts import (
    ACCOUNT_STATUSES,
    ATTITUDES,
    BUYING_ROLES,
    CONTACT_ROLES,
    TIERS,
    Account,
    AccountTeamMember,
    Attachment,
    ChangeRecord,
    Contact,
)
from desktop.domain.models.base import SYNC_COLUMNS, Base, Synced
from desktop.domain.models.competitors import Competitor, Incumbent
from desktop.domain.models.contracts import CONTRACT_STATUSES, Contract
from desktop.domain.models.local import (
    OUTBOX_OPS,
    AccountHealth,
    LocalMeta,
    OutboxEntry,
    SyncIssue,
)
from desktop.domain.models.people import ROLES, Team, User
from desktop.domain.models.plans import OBJECTIVE_STATUSES, AccountPlan, PlanObjective
from desktop.domain.models.receivables import INSTALMENT_KINDS, Instalment, PaymentAllocation
from desktop.domain.models.sales import (
    DELIVERY_STATUSES,
    OPEN_OPPORTUNITY_STAGES,
    OPEN_QUOTE_STATUSES,
    OPPORTUNITY_STAGES,
    QUOTE_STATUSES,
    Delivery,
    Opportunity,
    Order,
    Payment,
    PriceList,
    PriceListItem,
    Product,
    Quote,
    QuoteLine,
    SalesTarget,
)
from desktop.domain.models.service import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    Complaint,
    Policy,
)
from desktop.domain.models.visits import (
    TASK_STATUSES,
    VISIT_STATUSES,
    VISIT_TYPES,
    Task,
    Visit,
    VisitAttendee,
    WeeklyReport,
)

SYNCED: dict[str, type[Synced]] = {
    m.__tablename__: m
    for m in (
        Team,
        User,
        Policy,
        Product,
        PriceList,
        Competitor,
        Account,
        AccountTeamMember,
        Incumbent,
        PriceListItem,
        Contact,
        Opportunity,
        Visit,
        VisitAttendee,
        AccountPlan,
        PlanObjective,
        Task,
        Quote,
        QuoteLine,
        Contract,
        Order,
        Delivery,
        Payment,
        Instalment,
        PaymentAllocation,
        SalesTarget,
        Complaint,
        WeeklyReport,
        Attachment,
        ChangeRecord,
    )
}

__all__ = [
    "ACCOUNT_STATUSES",
    "ATTITUDES",
    "BUYING_ROLES",
    "COMPLAINT_CATEGORIES",
    "COMPLAINT_SEVERITIES",
    "COMPLAINT_STATUSES",
    "CONTACT_ROLES",
    "CONTRACT_STATUSES",
    "DELIVERY_STATUSES",
    "INSTALMENT_KINDS",
    "OBJECTIVE_STATUSES",
    "OPEN_OPPORTUNITY_STAGES",
    "OPEN_QUOTE_STATUSES",
    "OPPORTUNITY_STAGES",
    "OUTBOX_OPS",
    "QUOTE_STATUSES",
    "ROLES",
    "SYNCED",
    "SYNC_COLUMNS",
    "TASK_STATUSES",
    "TIERS",
    "VISIT_STATUSES",
    "VISIT_TYPES",
    "Account",
    "AccountHealth",
    "AccountPlan",
    "AccountTeamMember",
    "Attachment",
    "Base",
    "ChangeRecord",
    "Competitor",
    "Complaint",
    "Contact",
    "Contract",
    "Delivery",
    "Incumbent",
    "Instalment",
    "LocalMeta",
    "Opportunity",
    "Order",
    "OutboxEntry",
    "Payment",
    "PaymentAllocation",
    "PlanObjective",
    "Policy",
    "PriceList",
    "PriceListItem",
    "Product",
    "Quote",
    "QuoteLine",
    "SalesTarget",
    "SyncIssue",
    "Synced",
    "Task",
    "Team",
    "User",
    "Visit",
    "VisitAttendee",
    "WeeklyReport",
]
