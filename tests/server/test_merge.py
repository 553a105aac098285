"""The per-field merge on its own (no database): hypothesis over server values, field
versions and a device's edit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from server.merge import merge_fields

FIELDS = st.sampled_from(["name", "city", "notes", "tier"])
VALUES = st.one_of(st.none(), st.sampled_from(["a", "b", "c", ""]))


@given(
    current=st.dictionaries(FIELDS, VALUES),
    versions=st.dictionaries(FIELDS, st.integers(0, 5)),
    incoming=st.dictionaries(FIELDS, VALUES),
    bases=st.dictionaries(FIELDS, st.integers(0, 5)),
    base_default=st.integers(-1, 5),
)
def test_every_field_of_an_edit_applies_conflicts_or_was_already_so(
    current, versions, incoming, bases, base_default
):
    merge = merge_fields(current, versions, incoming, bases, base_default)
    conflicted = {c.field for c in merge.conflicts}
    assert not set(merge.applied) & conflicted
    for name, value in incoming.items():
        server = current.get(name)
        changed_since = versions.get(name, 0) > bases.get(name, base_default)
        if value == server:
            assert name not in merge.applied
            assert name not in conflicted
        elif changed_since:
            assert name in conflicted  # the server's value stays, the device's is shown
        else:
            assert merge.applied[name] == value


def test_an_edit_on_a_field_nobody_else_touched_applies_and_equal_values_merge():
    merge = merge_fields(
        {"city": "北京", "notes": "x"}, {"notes": 7}, {"city": "苏州", "notes": "x"}, {}, 3
    )
    assert merge.applied == {"city": "苏州"}
    assert merge.conflicts == []


def test_a_field_changed_on_the_server_since_the_base_is_a_conflict():
    merge = merge_fields({"notes": "server"}, {"notes": 7}, {"notes": "mine"}, {"notes": 3}, 0)
    assert merge.applied == {}
    assert [(c.field, c.mine, c.theirs) for c in merge.conflicts] == [("notes", "mine", "server")]
