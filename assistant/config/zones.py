"""Time zones: the machine's own (the default) and checking a name the manager chose."""

from __future__ import annotations

import logging
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from assistant.errors import BadInputError

logger = logging.getLogger(__name__)

FALLBACK_ZONE = "UTC"


@cache
def machine_time_zone() -> str:
    """This machine's IANA zone name (TZ, /etc/timezone, /etc/localtime), else UTC."""
    import tzlocal

    try:
        name = tzlocal.get_localzone_name()
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        logger.warning("could not tell this machine's time zone, using UTC: %s", exc)
        return FALLBACK_ZONE
    if not name or name.lower() == "local":
        return FALLBACK_ZONE
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return FALLBACK_ZONE
    return name


@cache
def time_zone_names() -> list[str]:
    """Every IANA zone name this Python knows, sorted (for a picker)."""
    return sorted(available_timezones())


def check_time_zone(name: str) -> str:
    """The name if it is a known IANA zone; otherwise a one-line BadInputError."""
    clean = name.strip()
    try:
        ZoneInfo(clean)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInputError(
            f"'{name}' is not a time zone name; use one like Europe/Paris or America/New_York"
        ) from exc
    return clean
