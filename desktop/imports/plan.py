"""The preview: what importing a table would do, row by row. Reads only.

Every row is create / update / unchanged / skip / error, with the reason. Values are
parsed here (values.py); whether they are valid is the domain's word (the accounts and
contacts services' ``validate``), so the rules stay in one place.

On update, a blank cell leaves the stored value alone. Accounts match on credit code,
else on name; contacts on account and name; products on SKU; targets on rep, account and
period; opportunities on account and name. A contact's (or an opportunity's) account is found by credit code, name or short name, then through
the duplicate-name key (华为技术有限公司 = 华为技术（有限责任公司）).

Owners the file names that are not users are counted once each (``unknown_owners``);
``Options.owners`` maps them to users, ``Options.owner`` gives every account one owner.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import rules
from desktop.domain.errors import ValidationError
from desktop.domain.models import Account, Contact, Opportunity, Product, SalesTarget, Synced
from desktop.domain.rules.opportunities import check_opportunity
from desktop.domain.services import accounts as account_service
from desktop.domain.services import catalog
from desktop.domain.services import contacts as contact_service
from desktop.domain.services import targets as target_service
from desktop.domain.services.opportunities import competitor_lines
from desktop.imports import values as v
from desktop.imports.fields import NAME_PARTS, Field, fields_of
from desktop.imports.lookups import Lookups
from desktop.imports.mapping import ColumnMapping
from desktop.imports.problems import Problem, RowError, reason
from desktop.imports.table import Table

ACTIONS = ("create", "update", "unchanged", "skip", "error")


@dataclass
class Options:
    owner: str | None = None  # user id every imported account gets
    owners: dict[str, str] = field(default_factory=dict)  # folded file name -> user id
    unmatched_skip: bool = False  # contacts without a known account: skip, not error


@dataclass
class RowPreview:
    line: int
    action: str
    reason: str = ""  # in English (the command line); the window words ``problems``
    values: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    target_id: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def refused(
        cls, line: int, action: str, problems: list[Problem], values: dict[str, Any]
    ) -> RowPreview:
        """A row skipped or in error, for ``problems``."""
        return cls(line, action, reason(problems), values, problems=problems)


@dataclass
class Preview:
    kind: str
    table: Table
    mapping: ColumnMapping
    rows: list[RowPreview]
    unmapped_required: list[str]
    options: Options = field(default_factory=Options)
    unknown_owners: dict[str, int] = field(default_factory=dict)
    words: dict[tuple[str, str, str], int] = field(default_factory=dict)
    unmatched_accounts: dict[str, int] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    @property
    def errors(self) -> list[RowPreview]:
        return [r for r in self.rows if r.action == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unmapped_required

    @property
    def writes(self) -> int:
        c = self.counts
        return c["create"] + c["update"]


def _parse_period(value: Any) -> str:
    text = unicodedata.normalize("NFKC", v.as_text(value))
    text = re.sub(r"^(\d{4})年(\d{1,2})月$", lambda m: f"{m[1]}-{int(m[2]):02d}", text)
    text = re.sub(r"^(\d{4})年?第?([1-4])季度$", r"\1-Q\2", text)
    text = re.sub(r"^(\d{4})年$", r"\1", text)
    text = re.sub(r"^(\d{4})[/.](\d{1,2})$", lambda m: f"{m[1]}-{int(m[2]):02d}", text)
    text = re.sub(r"^(\d{4})-(\d)$", r"\1-0\2", text)
    try:
        return target_service.parse_period(text).key
    except ValidationError as exc:
        raise RowError("not_a_period", value=text) from exc


def _parse_names(value: Any) -> str:
    return competitor_lines(v.as_text(value))


_PARSERS = {
    "text": v.as_text,
    "code": v.parse_code,
    "phone": v.parse_phone,
    "email": v.parse_email,
    "money": v.parse_money,
    "rate": v.parse_rate,
    "date": v.parse_date,
    "tier": v.parse_tier,
    "status": v.parse_status,
    "role": v.parse_role,
    "period": _parse_period,
    "stage": v.parse_stage,
    "percent": v.parse_percent,
    "names": _parse_names,
}


class _Rows:
    """Parses one row after another, counting what the summary reports once."""

    def __init__(self, kind: str, lookups: Lookups, options: Options) -> None:
        self.kind = kind
        self.lookups = lookups
        self.options = options
        self.unknown_owners: Counter[str] = Counter()
        self.unmatched: Counter[str] = Counter()
        self.words: Counter[tuple[str, str, str]] = Counter()

    def parse(self, f: Field, raw: Any) -> Any:
        if f.kind == "user":
            text = v.as_text(raw)
            mapped = self.options.owners.get(v.fold(text))
            if mapped is not None:
                return mapped
            try:
                return self.lookups.user(raw)
            except RowError:
                self.unknown_owners[text] += 1
                raise
        if f.kind == "account":
            try:
                return self.lookups.account(raw)
            except RowError:
                self.unmatched[v.as_text(raw)] += 1
                raise
        if f.kind in ("tier", "status") and (used := v.word_used(f.kind, raw)) is not None:
            self.words[(f.label, *used)] += 1
        return _PARSERS[f.kind](raw)

    def values(
        self, row: list[Any], mapping: Mapping[str, int]
    ) -> tuple[dict[str, Any], list[Problem]]:
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for f in fields_of(self.kind):
            if f.name == "owner_id" and self.kind == "accounts" and self.options.owner:
                values[f.name] = self.options.owner
                continue
            index = mapping.get(f.name)
            raw = row[index] if index is not None and index < len(row) else None
            if v.blank(raw):
                if f.required and not (f.name == "name" and _has_parts(row, mapping)):
                    problems.append(Problem("required", f.label))
                continue
            try:
                values[f.name] = self.parse(f, raw)
            except RowError as exc:
                problems.append(exc.problem(f.label))
        join_name(values)
        return values, problems


def _has_parts(row: list[Any], mapping: Mapping[str, int]) -> bool:
    return any(
        part in mapping and mapping[part] < len(row) and not v.blank(row[mapping[part]])
        for part in NAME_PARTS
    )


def join_name(values: dict[str, Any]) -> None:
    """A contact's first and last name as one name, unless the file has the whole name:
    family name first without a space in Chinese (张伟), else "Jane Doe"."""
    given, family = (values.pop(part, "") for part in NAME_PARTS)
    if "name" in values or not (given or family):
        return
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in given + family)
    values["name"] = family + given if chinese else f"{given} {family}".strip()


def _existing(kind: str, values: dict[str, Any], lookups: Lookups) -> Any:
    s = lookups.session
    if kind == "accounts":
        code = values.get("credit_code")
        if code and v.fold(code) in lookups.accounts_by_code:
            return s.get(Account, lookups.accounts_by_code[v.fold(code)])
        named = lookups.accounts_by_name.get(v.fold(values["name"]))
        return s.get(Account, named) if named else None
    if kind == "contacts":
        found = lookups.contacts.get((values["account_id"], v.fold(values["name"])))
        return s.get(Contact, found) if found else None
    if kind == "products":
        return s.scalars(select(Product).where(Product.sku == values["sku"])).first()
    if kind == "opportunities":
        found = lookups.opportunities.get((values["account_id"], v.fold(values["name"])))
        return s.get(Opportunity, found) if found else None
    return s.scalars(
        select(SalesTarget)
        .where(
            SalesTarget.deleted_at.is_(None),
            SalesTarget.owner_id == values["owner_id"],
            SalesTarget.period == values["period"],
            SalesTarget.account_id.is_(None)
            if values.get("account_id") is None
            else SalesTarget.account_id == values["account_id"],
        )
        .order_by(SalesTarget.id)
    ).first()


def _key(kind: str, values: Mapping[str, Any]) -> tuple[Any, ...]:
    if kind == "accounts":
        code = values.get("credit_code")
        return ("code", v.fold(code)) if code else ("name", v.fold(values["name"]))
    if kind in ("contacts", "opportunities"):
        return (values["account_id"], v.fold(values["name"]))
    if kind == "products":
        return (v.fold(values["sku"]),)
    return (values["owner_id"], values.get("account_id"), values["period"])


_MODELS: dict[str, type[Synced]] = {
    "accounts": Account,
    "contacts": Contact,
    "products": Product,
    "targets": SalesTarget,
    "opportunities": Opportunity,
}


def _broken_rules(kind: str, values: Mapping[str, Any], labels: Mapping[str, str]) -> list[Problem]:
    """The rule book's field rules over one row's values, so the preview names the row
    the commit's check (``UnitOfWork.check_rules``) would refuse, and the domain
    services' own checks, so it says what the save would. Where both refuse a field,
    the rule's code stays (the window words it) with the service's words as its
    English ``detail`` (the last character of a credit code, say)."""
    model = _MODELS[kind]
    details = {labels.get(k, k): e for k, e in _validate(kind, values).items()}
    problems = []
    for name, value in values.items():
        try:
            rules.fields.checker(model, name)(value)
        except rules.RuleViolation as exc:
            label = labels.get(name, name)
            problems.append(
                Problem.of_rule(exc, model.__tablename__, label, details.pop(label, ""))
            )
    if kind == "opportunities" and not problems:
        try:  # a stage's probability, a lost deal's reason (the rule book's row rules)
            check_opportunity(None, {"stage": "lead", **values})
        except rules.RuleViolation as exc:
            label = labels.get(exc.field or "stage", exc.field or "stage")
            problems.append(Problem.of_rule(exc, model.__tablename__, label))
    return problems + [Problem("invalid", label, {"detail": e}) for label, e in details.items()]


def _validate(kind: str, values: Mapping[str, Any]) -> dict[str, str]:
    """The domain services' own checks, so the preview says what the save would."""
    if kind == "accounts":
        errors = account_service.validate({"name": values.get("name", "x"), **values})
        return {k: e for k, e in errors.items() if k in values or k == "name"}
    if kind == "contacts":
        return contact_service.validate({"name": values.get("name", "x"), **values})
    if kind == "products":
        return catalog.validate_product(values)
    return {}


def preview(
    session: Session,
    kind: str,
    table: Table,
    mapping: ColumnMapping,
    *,
    actor_id: str | None = None,
    options: Options | None = None,
) -> Preview:
    """What importing ``table`` would do, row by row. Reads only."""
    options = options or Options()
    fields = mapping.fields
    missing = [
        f.label
        for f in fields_of(kind)
        if f.required
        and f.name not in fields
        and not (f.name == "owner_id" and options.owner)
        and not (f.name == "name" and any(part in fields for part in NAME_PARTS))
    ]
    skipped = [RowPreview(s.line, "skip", f"{s.reason}: {s.text}") for s in table.skipped]
    if missing:
        return Preview(kind, table, mapping, skipped, missing, options)
    lookups = Lookups(session, kind)
    parser = _Rows(kind, lookups, options)
    labels = {f.name: f.label for f in fields_of(kind)}
    seen: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}
    rows: list[RowPreview] = []
    for line, raw in table.rows:
        values, problems = parser.values(raw, fields)
        problems += _broken_rules(kind, values, labels)
        if problems:
            if options.unmatched_skip and "account_id" not in values and "account_id" in fields:
                index = fields["account_id"]
                if index >= len(raw) or v.blank(raw[index]):
                    problems = [Problem("no_organisation")]
                rows.append(RowPreview.refused(line, "skip", problems, values))
            else:
                rows.append(RowPreview.refused(line, "error", problems, values))
            continue
        key = _key(kind, values)
        if key in seen:
            first_line, first_values = seen[key]
            if first_values == values:
                same = [Problem("same_as_row", params={"line": first_line})]
                rows.append(RowPreview.refused(line, "skip", same, values))
            else:
                other = [Problem("conflicts_with_row", params={"line": first_line})]
                rows.append(RowPreview.refused(line, "error", other, values))
            continue
        seen[key] = (line, dict(values))
        row = _existing(kind, values, lookups)
        if row is None:
            if kind == "accounts":
                values.setdefault("owner_id", actor_id)
            rows.append(RowPreview(line, "create", "", values))
            continue
        changes = {
            name: (getattr(row, name), value)
            for name, value in values.items()
            if getattr(row, name) != value
        }
        if kind == "accounts" and "tags" in changes:
            tags = account_service.normalize_tags(values["tags"])
            if tags == row.tags:
                del changes["tags"]
        action = "update" if changes else "unchanged"
        rows.append(RowPreview(line, action, "", values, changes, row.id))
    return Preview(
        kind,
        table,
        mapping,
        sorted(rows + skipped, key=lambda r: r.line),
        [],
        options,
        dict(parser.unknown_owners),
        dict(parser.words),
        dict(parser.unmatched),
    )
