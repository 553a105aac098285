"""The unified social credit code check (GB 32100-2015) on codes in the real format."""

from __future__ import annotations

import pytest

from desktop.domain.credit_code import complete, is_valid, problem

# Codes as printed on business licences (public registrations).
REAL_CODES = [
    "914403001922038216",  # 华为技术有限公司
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "91330100799655058B",  # 阿里巴巴(中国)有限公司
    "91310000607216596U",
    "91110108551385082Q",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_pass(code: str) -> None:
    assert problem(code) is None


def test_lower_case_and_spaces_around_are_accepted() -> None:
    assert is_valid(" 9144030071526726xg ")


def test_one_mistyped_character_names_the_expected_check_character() -> None:
    assert problem("914403001922038217") == (
        "the last character should be 6: a character was probably mistyped"
    )


def test_swapped_digits_in_the_organisation_code_are_caught() -> None:
    # 1922038216 -> 1922083216: the organisation code's own check character fails.
    assert problem("914403001922083216") == (
        "the organisation code (characters 9 to 17) has a wrong check character"
    )


def test_wrong_length() -> None:
    assert problem("91440300192203821") == "must be 18 characters (has 17)"


def test_letters_the_standard_leaves_out_are_refused() -> None:
    # I, O, Z, S and V are not used, so they cannot be confused with 1, 0, 2, 5 and U.
    assert problem("9144030O1922038216") == "contains characters that are not allowed: O"


def test_division_code_must_be_digits() -> None:
    assert problem("91A403001922038216") == (
        "characters 3 to 8 must be the administrative division code (digits)"
    )


def test_complete_appends_both_check_characters() -> None:
    assert complete("9144030019220382") == "914403001922038216"
