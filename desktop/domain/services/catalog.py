"""The product catalog and price lists: what a rep may sell and at what price.

Managers edit products and price lists; reps read them. The applicable unit price of
a product for an account on a date is, in order: the item on a price list made for
that named customer, then the item on a price list for the account's tier (A/B/C),
then the product's list price. A list counts when it is active, not deleted and the
date lies within its validity (open-ended when a bound is empty); among several
lists of one kind the one that started last wins, so a new list supersedes an old one
without anyone having to switch the old one off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from desktop.domain.models import Account, PriceList, PriceListItem, Product, User
from desktop.domain.money import MoneyError, to_decimal
from desktop.domain.services import records
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork

PRODUCT_FIELDS = (
    "sku",
    "name",
    "specification",
    "unit",
    "list_price",
    "tax_rate",
    "category",
    "max_discount_pct",
    "floor_price",
    "active",
)
PRICE_LIST_FIELDS = ("name", "tier", "account_id", "currency", "valid_from", "valid_to", "active")


def require_manager(uow: UnitOfWork, what: str) -> None:
    """Refuse a rep; managers and admins (and a device with no user yet) may go on."""
    if uow.actor_id is None:
        return
    user = uow.session.get(User, uow.actor_id)
    if user is not None and user.role == "rep":
        raise PermissionDeniedError(f"only a manager can {what}")


@dataclass(frozen=True)
class ApplicablePrice:
    unit_price: Decimal
    source: str  # "customer", "tier" or "list"
    price_list_id: str | None = None
    price_list_name: str = ""


# -- products -----------------------------------------------------------------------


def list_products(
    session: Session, search: str = "", *, include_inactive: bool = False, limit: int = 200
) -> list[Record]:
    """Products by SKU; ``search`` matches SKU, name, specification or category."""
    query = select(Product).where(Product.deleted_at.is_(None))
    if not include_inactive:
        query = query.where(Product.active.is_(True))
    text = search.strip()
    if text:
        like = f"%{text}%"
        query = query.where(
            or_(
                Product.sku.ilike(like),
                Product.name.ilike(like),
                Product.specification.ilike(like),
                Product.category.ilike(like),
            )
        )
    return [records.to_record(p) for p in session.scalars(query.order_by(Product.sku).limit(limit))]


def _check_product(values: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    clean = dict(values)
    unknown = [k for k in clean if k not in PRODUCT_FIELDS]
    for key in unknown:
        errors[key] = "unknown field"
    if "sku" in clean and not str(clean["sku"] or "").strip():
        errors["sku"] = "a SKU is required"
    if "name" in clean and not str(clean["name"] or "").strip():
        errors["name"] = "a name is required"
    for key in ("list_price", "floor_price", "max_discount_pct", "tax_rate"):
        if clean.get(key) is None:
            continue
        try:
            clean[key] = to_decimal(clean[key])
        except MoneyError:
            errors[key] = "not a number"
            continue
        if clean[key] < 0:
            errors[key] = "cannot be negative"
    if clean.get("max_discount_pct") is not None and clean["max_discount_pct"] > 100:
        errors["max_discount_pct"] = "at most 100"
    if clean.get("tax_rate") is not None and clean["tax_rate"] >= 1:
        errors["tax_rate"] = "a rate such as 0.13"
    if errors:
        raise ValidationError(errors)
    return clean


def validate_product(values: Mapping[str, Any]) -> dict[str, str]:
    """field -> what is wrong: the checks a save makes, for previews (imports)."""
    try:
        _check_product(values)
    except ValidationError as exc:
        return dict(exc.errors)
    return {}


def create_product(uow: UnitOfWork, values: Mapping[str, Any]) -> str:
    require_manager(uow, "edit the catalog")
    clean = _check_product(values)
    for key in ("sku", "name", "list_price"):
        if clean.get(key) is None:
            raise ValidationError({key: "required"})
    taken = uow.session.scalar(select(Product.id).where(Product.sku == clean["sku"]))
    if taken is not None:
        raise ValidationError({"sku": f"SKU {clean['sku']} already exists"})
    return records.create(uow, Product, clean)


def update_product(uow: UnitOfWork, product_id: str, changes: Mapping[str, Any]) -> list[str]:
    require_manager(uow, "edit the catalog")
    return records.update(uow, Product, product_id, _check_product(changes))


# -- price lists --------------------------------------------------------------------


def list_price_lists(session: Session) -> list[Record]:
    query = (
        select(PriceList)
        .where(PriceList.deleted_at.is_(None))
        .order_by(PriceList.tier, PriceList.name, PriceList.id)
    )
    return [records.to_record(p) for p in session.scalars(query)]


def _check_price_list(values: Mapping[str, Any]) -> None:
    unknown = [k for k in values if k not in PRICE_LIST_FIELDS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "unknown field"))
    if values.get("tier") and values.get("account_id"):
        raise ValidationError({"tier": "a list is for a tier or for one customer, not both"})
    start, end = values.get("valid_from"), values.get("valid_to")
    if start is not None and end is not None and end < start:
        raise ValidationError({"valid_to": "ends before it starts"})


def create_price_list(uow: UnitOfWork, values: Mapping[str, Any]) -> str:
    require_manager(uow, "edit price lists")
    _check_price_list(values)
    if not str(values.get("name") or "").strip():
        raise ValidationError({"name": "a name is required"})
    return records.create(uow, PriceList, values)


def price_list_items(session: Session, price_list_id: str) -> list[Record]:
    """The list's items with the product's SKU, name and list price beside each."""
    query = (
        select(PriceListItem, Product)
        .join(Product, Product.id == PriceListItem.product_id)
        .where(PriceListItem.price_list_id == price_list_id, PriceListItem.deleted_at.is_(None))
        .order_by(Product.sku)
    )
    return [
        {
            **records.to_record(item),
            "sku": product.sku,
            "product_name": product.name,
            "list_price": product.list_price,
        }
        for item, product in session.execute(query)
    ]


def set_item_price(
    uow: UnitOfWork, price_list_id: str, product_id: str, unit_price: Decimal | None
) -> None:
    """Set (or with ``None`` remove) one product's price on a list."""
    require_manager(uow, "edit price lists")
    records.get(uow.session, PriceList, price_list_id)
    records.get(uow.session, Product, product_id)
    item = uow.session.scalars(
        select(PriceListItem).where(
            PriceListItem.price_list_id == price_list_id,
            PriceListItem.product_id == product_id,
            PriceListItem.deleted_at.is_(None),
        )
    ).first()
    if unit_price is None:
        if item is not None:
            uow.delete(item)
        return
    if to_decimal(unit_price) < 0:
        raise ValidationError({"unit_price": "cannot be negative"})
    if item is None:
        uow.add(
            PriceListItem(price_list_id=price_list_id, product_id=product_id, unit_price=unit_price)
        )
    else:
        uow.update(item, {"unit_price": unit_price})


# -- the applicable price -----------------------------------------------------------


def _valid_on(on: dt.date) -> Any:
    return (
        PriceList.deleted_at.is_(None),
        PriceList.active.is_(True),
        or_(PriceList.valid_from.is_(None), PriceList.valid_from <= on),
        or_(PriceList.valid_to.is_(None), PriceList.valid_to >= on),
    )


def applicable_prices(
    session: Session, account_id: str, product_ids: list[str], on: dt.date
) -> dict[str, ApplicablePrice]:
    """The price each product has for this account on ``on`` (see the module doc)."""
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"account {account_id} not found")
    result: dict[str, ApplicablePrice] = {}
    products = session.scalars(select(Product).where(Product.id.in_(product_ids)))
    for product in products:
        result[product.id] = ApplicablePrice(product.list_price, "list")
    for source, condition in (
        ("tier", PriceList.tier == account.tier),
        ("customer", PriceList.account_id == account.id),
    ):
        query = (
            select(PriceListItem.product_id, PriceListItem.unit_price, PriceList.id, PriceList.name)
            .join(PriceList, PriceList.id == PriceListItem.price_list_id)
            .where(
                condition,
                *_valid_on(on),
                PriceListItem.deleted_at.is_(None),
                PriceListItem.product_id.in_(product_ids),
            )
            # The list that started last is applied last, so it wins.
            .order_by(PriceList.valid_from.is_not(None), PriceList.valid_from, PriceList.id)
        )
        for product_id, price, list_id, list_name in session.execute(query):
            result[product_id] = ApplicablePrice(price, source, list_id, list_name)
    return result


def applicable_price(
    session: Session, account_id: str, product_id: str, on: dt.date
) -> ApplicablePrice:
    prices = applicable_prices(session, account_id, [product_id], on)
    if product_id not in prices:
        raise NotFoundError(f"product {product_id} not found")
    return prices[product_id]
