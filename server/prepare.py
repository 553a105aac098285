"""What a push's mutations say on their own, worked out before the counter lock is
taken (other pushes wait for it): each mutation's digest (a replay with other content
means a copied device), and its fields decoded to Python values and checked by the
rule book's field rules, or the rejection that says why not."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from desktop.domain import codec, rules
from desktop.domain.models import SYNC_COLUMNS, SYNCED, Synced
from desktop.domain.rules.fields import check_id
from desktop.sync.protocol import Mutation, PushRequest
from server.rejections import Rejected


def digest(m: Mutation) -> str:
    body = json.dumps(
        [m.entity, m.row_id, m.op, m.fields, m.base_versions, m.base_row_version],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Prepared:
    """What a mutation says on its own, worked out before the counter lock is taken
    (other pushes wait for it): its digest, and its fields decoded (or why not)."""

    digests: dict[int, str]
    values: dict[int, dict[str, Any] | Rejected]


def prepare(request: PushRequest) -> Prepared:
    digests: dict[int, str] = {}
    values: dict[int, dict[str, Any] | Rejected] = {}
    for m in request.mutations:
        digests[m.mutation_id] = digest(m)
        model = SYNCED.get(m.entity)
        if model is not None:
            try:
                check_id("id", m.row_id)
                values[m.mutation_id] = decode(model, m.fields)
            except rules.RuleViolation as exc:
                values[m.mutation_id] = Rejected.rule(exc)
            except Rejected as exc:
                values[m.mutation_id] = exc
    return Prepared(digests, values)


def decode(model: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
    """The mutation's fields as Python values, each checked by the rule book's field
    rules (pure work, done before the counter lock)."""
    columns = set(model.data_columns())
    values: dict[str, Any] = {}
    for name, wire in fields.items():
        if name not in columns or name in SYNC_COLUMNS:
            raise Rejected(
                f"{model.label} has no field {name[:60]!r}",
                "unknown_field",
                entity=model.__tablename__,
                field=name[:60],
            )
        try:
            values[name] = codec.normalize(model, name, codec.decode(model, name, wire))
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise Rejected(f"invalid value for {name}: {exc}", "bad_value", field=name) from exc
    rules.check_values(model, values)
    return values
