"""The unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters: registration authority (1), organisation type (1), administrative
division (6), organisation code (9, itself ending in a GB 11714 check character),
and a check character over the first 17, modulo 31 with weights 3^i mod 31.
"""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def check_character(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def org_check_character(first8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def problem(code: str) -> str | None:
    """None if ``code`` is a valid code, else what is wrong, in plain words."""
    text = code.strip().upper()
    if len(text) != 18:
        return f"must be 18 characters (has {len(text)})"
    bad = sorted({c for c in text if c not in _VALUE})
    if bad:
        return "contains characters that are not allowed: " + " ".join(bad)
    if not text[2:8].isdigit():
        return "characters 3 to 8 must be the administrative division code (digits)"
    if org_check_character(text[8:16]) != text[16]:
        return "the organisation code (characters 9 to 17) has a wrong check character"
    expected = check_character(text[:17])
    if text[17] != expected:
        return f"the last character should be {expected}: a character was probably mistyped"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def complete(first16: str) -> str:
    """Append both check characters to 16 characters (used by generators and tests)."""
    with_org = first16 + org_check_character(first16[8:16])
    return with_org + check_character(with_org)
