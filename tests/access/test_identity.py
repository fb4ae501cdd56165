"""The signed-in identity: only the provider's claims, one normalized address per person."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.access.identity import identity_from_claims, normalize_email, optional_email
from assistant.errors import BadInputError


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Sam.Lee@Example.com", "sam.lee@example.com"),
        ("  dana@example.com ", "dana@example.com"),
        ("Zoe\u0308@Example.com", "zoë@example.com"),  # combining diaeresis -> NFC
        ("ZOË@EXAMPLE.COM", "zoë@example.com"),
        ("søren.ødegaard@firma.dk", "søren.ødegaard@firma.dk"),
        ("王伟@例子.中国", "王伟@例子.中国"),
        ("mary-kate.d'souza@example.co.uk", "mary-kate.d'souza@example.co.uk"),
    ],
)
def test_addresses_compare_case_insensitively_in_nfc(typed: str, stored: str) -> None:
    assert normalize_email(typed) == stored


@pytest.mark.parametrize("bad", ["", "sam", "sam@", "@example.com", "sam lee@example.com", "a@b"])
def test_what_is_not_an_address_is_refused_in_one_line(bad: str) -> None:
    with pytest.raises(BadInputError, match="is not an e-mail address"):
        normalize_email(bad)


def test_an_empty_field_means_no_sign_in() -> None:
    assert optional_email("  ") is None
    assert optional_email(None) is None


local_parts = st.text(
    alphabet=st.characters(categories=["Ll", "Lu", "Lo", "Nd"], include_characters=".-_'"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip(".") != "")


@given(local_parts)
def test_normalizing_twice_changes_nothing(local: str) -> None:
    once = normalize_email(f"{local}@Example.org")
    assert normalize_email(once) == once
    assert normalize_email(f" {once.swapcase()} ") == normalize_email(once.swapcase())


def test_nobody_signed_in_is_no_identity() -> None:
    assert identity_from_claims({}) is None
    assert identity_from_claims({"is_logged_in": False, "email": "sam@example.com"}) is None


def test_the_identity_comes_from_the_claims() -> None:
    who = identity_from_claims(
        {
            "is_logged_in": True,
            "email": "Nguyen@Example.com",
            "name": "Nguyễn Thị Hương",
            "sub": "u-1",
        }
    )
    assert who is not None
    assert (who.email, who.name, who.subject, who.problem) == (
        "nguyen@example.com",
        "Nguyễn Thị Hương",
        "u-1",
        None,
    )


@pytest.mark.parametrize(
    ("claims", "problem"),
    [
        ({"email_verified": False}, "not verified"),
        ({"email_verified": "false"}, "not verified"),
        ({"email": None}, "did not include an e-mail"),
        ({"email": "not an address"}, "not usable"),
    ],
)
def test_an_unverified_or_missing_address_is_not_used(
    claims: dict[str, object], problem: str
) -> None:
    base: dict[str, object] = {"is_logged_in": True, "email": "sam@example.com", "name": "Sam"}
    who = identity_from_claims({**base, **claims})
    assert who is not None
    assert who.email is None
    assert who.problem is not None and problem in who.problem


def test_a_verified_address_is_used() -> None:
    who = identity_from_claims(
        {"is_logged_in": True, "email": "sam@example.com", "email_verified": True}
    )
    assert who is not None and who.email == "sam@example.com"
