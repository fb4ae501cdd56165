"""Who signed in: the verified claims of the OpenID Connect ID token, as Streamlit's `st.user`
hands them over, turned into one normalized e-mail address.

Addresses compare case-insensitively and in Unicode NFC, so "Zoë@Example.com" typed with a
combining diaeresis on the person page and "zoë@example.com" from the provider are the same.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.errors import BadInputError

MAX_EMAIL = 320


def normalize_email(value: str) -> str:
    """NFC, trimmed, case-folded; refused (BadInputError) when it is not an address."""
    clean = unicodedata.normalize("NFC", value).strip().casefold()
    local, at, domain = clean.rpartition("@")
    if (
        not at
        or not local
        or "." not in domain.strip(".")
        or any(c.isspace() for c in clean)
        or len(clean) > MAX_EMAIL
    ):
        raise BadInputError(f"'{value.strip()}' is not an e-mail address")
    return clean


def optional_email(value: str | None) -> str | None:
    """An address to store, or None when the field was left empty (no sign-in)."""
    if value is None or not value.strip():
        return None
    return normalize_email(value)


@dataclass(frozen=True)
class Identity:
    """A signed-in person as the identity provider vouches for them."""

    email: str | None  # normalized; None when the provider sent no usable address
    name: str
    subject: str = ""
    problem: str | None = None  # why the address cannot be used, if it cannot

    @property
    def display(self) -> str:
        return self.name or self.email or "you"


def _truthy(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def identity_from_claims(claims: Mapping[str, Any]) -> Identity | None:
    """The identity behind `st.user` (None when nobody is signed in).

    Only the provider's claims count: `email`, checked against `email_verified` when the
    provider sends it (an address the provider says is not verified is not used; providers
    that never send the claim, such as Microsoft Entra, are trusted on `email`)."""
    if not claims.get("is_logged_in"):
        return None
    name = str(claims.get("name") or "").strip()
    subject = str(claims.get("sub") or "")
    raw = claims.get("email")
    if not isinstance(raw, str) or not raw.strip():
        return Identity(None, name, subject, "Your sign-in did not include an e-mail address.")
    if _truthy(claims.get("email_verified")) is False:
        return Identity(
            None, name, subject, "Your identity provider has not verified your e-mail address."
        )
    try:
        email = normalize_email(raw)
    except BadInputError:
        return Identity(None, name, subject, "Your sign-in's e-mail address is not usable.")
    return Identity(email, name or email, subject)
