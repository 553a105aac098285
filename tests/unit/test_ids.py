"""Ids made offline: valid UUIDv7 text, in creation order, never repeated."""

from __future__ import annotations

import time
import uuid

from desktop.domain.ids import is_id, new_id


def test_ids_are_uuid7_carrying_the_creation_time() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid.UUID(new_id())
    after = time.time_ns() // 1_000_000
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert before <= value.int >> 80 <= after


def test_ids_sort_in_creation_order_and_never_repeat() -> None:
    ids = [new_id() for _ in range(50_000)]  # many within one millisecond
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(is_id(i) and str(uuid.UUID(i)) == i for i in ids[:100])


def test_is_id_refuses_junk() -> None:
    assert not is_id("not-an-id")
    assert not is_id("")
