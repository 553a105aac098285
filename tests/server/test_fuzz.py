"""Property-based fuzzing of every operation in /openapi.json: malformed input never
gets a 5xx, and neither tokens nor passwords reach the logs.

An equivalent of schemathesis kept in the test suite: hypothesis draws bodies, query
values and headers (valid, missing or junk) for each path and method the schema lists.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync.protocol import PROTOCOL_HEADER
from tests.sync.harness import PASSWORD, Device, Server

# The values that once got through or broke the server: NUL and control characters,
# numbers past what a column holds, oversized ids and text, path-like hashes.
BOUNDARY = st.sampled_from(
    [
        "a\x00b",
        "\x1b[31m",
        "x" * 70_000,
        "1e400",
        "-1e400",
        "NaN",
        "1000000000000000000",
        2**31,
        2**63,
        -(2**63) - 1,
        "0" * 64,
        "../../../../etc/passwd",
        "9999-12-31T23:59:59+00:00",
    ]
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | BOUNDARY,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "mutations",
        "cursor",
        "resume",
        "limit",
        "protocol",
        "username",
        "password",
        "device_id",
        "entity",
        "op",
        "fields",
    ]
)


def bodies() -> st.SearchStrategy[Any]:
    mutation = st.fixed_dictionaries(
        {
            "mutation_id": st.integers(-5, 2**63),
            "entity": st.sampled_from(
                ["account", "contact", "user", "quote", "quote_line", "attachment", "nope", ""]
            ),
            "row_id": st.text(max_size=70) | st.sampled_from(["0" * 64, "x" * 36]),
            "op": st.sampled_from(["insert", "update", "delete", "restore", "drop"]),
            "fields": st.dictionaries(
                st.sampled_from(
                    [
                        "name",
                        "owner_id",
                        "potential",
                        "tier",
                        "planned_start",
                        "id",
                        "zzz",
                        "notes",
                        "size",
                        "content_hash",
                        "quantity",
                        "discount_pct",
                        "status",
                    ]
                ),
                JSON,
                max_size=3,
            ),
        },
        optional={"base_versions": st.dictionaries(st.text(max_size=8), JSON, max_size=2)},
    )
    return st.one_of(
        JSON,
        st.dictionaries(FIELDS, JSON, max_size=4),
        st.fixed_dictionaries({"mutations": st.lists(mutation, max_size=3)}),
        st.fixed_dictionaries(
            {
                "cursor": st.integers(-3, 2**64),
                "resume": st.none() | st.text(max_size=60),
                "limit": st.integers(-1, 10**6),
            }
        ),
    )


@pytest.fixture
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("fuzz")
    server = Server(root / "server")
    server.team("East")
    server.user("alice", "rep", team="East")
    device = Device(server, root / "device", "alice")
    yield server, device
    device.close()
    server.close()


def test_no_operation_answers_5xx_to_malformed_input(fuzz_target: Any, caplog) -> None:
    server, device = fuzz_target
    token = device.client.token
    http = server.http()
    operations = [
        (path, method)
        for path, item in http.get("/openapi.json").json()["paths"].items()
        for method in item
    ]
    assert ("/sync/v1/push", "post") in operations

    @settings(
        max_examples=300,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        op=st.sampled_from(operations),
        body=bodies(),
        auth=st.sampled_from(["good", "none", "junk"]),
        protocol=st.sampled_from(["1", None, "0", "x"]),
        hash_=st.sampled_from(["a" * 64, "../etc", "0" * 64, "Z"]),
        query=st.dictionaries(
            st.sampled_from(["size", "offset"]),
            st.sampled_from(["0", "-1", "10", "99999999999999999999", "x"]),
            max_size=2,
        ),
    )
    def probe(
        op: tuple[str, str],
        body: Any,
        auth: str,
        protocol: str | None,
        hash_: str,
        query: dict[str, str],
    ) -> None:
        path, method = op
        headers = {}
        if auth == "good":
            headers["Authorization"] = f"Bearer {token}"
        elif auth == "junk":
            headers["Authorization"] = "Bearer x y z"
        if protocol is not None:
            headers[PROTOCOL_HEADER] = protocol
        url = path.replace("{content_hash}", hash_)
        if method == "put":
            response = http.request(
                method, url, headers=headers, params=query, content=repr(body).encode()
            )
        else:
            # NaN and Infinity on purpose: some clients send them.
            headers["Content-Type"] = "application/json"
            response = http.request(
                method, url, headers=headers, params=query, content=json.dumps(body).encode()
            )
        assert response.status_code < 500, (method, url, body, response.text)
        if response.status_code >= 400:
            assert "detail" in response.json()

    with caplog.at_level(logging.DEBUG):
        probe()
        http.post("/auth/login", json={"username": "alice", "password": PASSWORD, "device_id": "d"})
    http.close()
    assert token not in caplog.text
    assert PASSWORD not in caplog.text
