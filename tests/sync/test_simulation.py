"""Randomized multi-device simulation: offline edits, handovers, claims, faults.

Fixed seeds (derandomized hypothesis) in the normal run; a larger run is ``slow``.
At the end every device holds exactly the server's rows for its scope, every saved
edit is applied or visible as a conflict or rejection, nothing is duplicated and no
deleted row comes back.
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
@given(seed=st.integers(0, 2**32 - 1), n_devices=st.integers(3, 5), steps=st.integers(15, 30))
def test_devices_converge_through_faults(seed: int, n_devices: int, steps: int) -> None:
    run_world(seed, n_devices, steps, fault_rate=0.08)


@pytest.mark.slow
@settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=st.integers(0, 2**32 - 1), n_devices=st.integers(3, 8), steps=st.integers(40, 120))
def test_devices_converge_through_faults_larger(seed: int, n_devices: int, steps: int) -> None:
    run_world(seed, n_devices, steps, fault_rate=0.1)
