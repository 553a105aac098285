"""Randomized multi-device simulation: offline edits, handovers, claims, quotes with
lines and their approval, visits, complaints, targets and attachments, through faults.

Fixed seeds (derandomized hypothesis) in the normal run; a larger run is ``slow``.
At the end every device holds exactly the server's rows for its scope, every saved
edit is applied or visible as a conflict or a rejection with its rule's code, nothing
is duplicated and no deleted row comes back; every quote's stored figures are those of
its stored lines, every approved quote was approved by a manager of its owner's team
who is not its owner, and every attachment a device lists has its file there.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.simulation import run_world

WORLD = settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@WORLD
@given(seed=st.integers(0, 2**32 - 1), n_devices=st.integers(3, 5), steps=st.integers(40, 70))
def test_devices_converge_through_faults(seed: int, n_devices: int, steps: int) -> None:
    run_world(seed, n_devices, steps, fault_rate=0.08)


def test_a_world_goes_through_the_quote_flow_and_the_other_work():
    """A fixed world in which the steps the invariants are about do happen: one rep's
    two devices edit lines of one quote, quotes are asked for approval and approved
    (and some are still approved at the end), call reports, complaints, attachments."""
    world = run_world(6, n_devices=4, steps=100, fault_rate=0.08)
    happened = {kind for kind, count in world.stats.items() if count}
    expected = {"twin edits", "asks", "approves", "writes", "logs", "attaches", "refused"}
    assert expected <= happened, world.stats
    assert world.stats["approved quotes"] > 0


@pytest.mark.slow
@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=st.integers(0, 2**32 - 1), n_devices=st.integers(3, 8), steps=st.integers(60, 140))
def test_devices_converge_through_faults_larger(seed: int, n_devices: int, steps: int) -> None:
    run_world(seed, n_devices, steps, fault_rate=0.1)
