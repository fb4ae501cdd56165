"""Two teams of one organisation, signed-in addresses set, on SQLite and PostgreSQL.

Team A: manager Dana Reyes (dana@example.com) with Sam Lee (sam@example.com) and Zoë Ødegaard
(the address typed with a capital and a combining diaeresis). Team B: manager Łukasz Nowak
(lukasz@example.com) with 王伟 (wang.wei@example.com). Each report has a 1:1 planned for
tomorrow and open action items (one theirs, one their manager's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.access.identity import Identity
from assistant.access.roles import Access
from assistant.db.models import OwnerRole
from assistant.services import Services
from tests.conftest import make_settings
from tests.support.net import closed_port

ZOE_TYPED = "Zoe\u0308.Odegaard@Example.COM"  # "Zoë" with a combining diaeresis


@dataclass
class Org:
    svc: Services
    dana: int  # manager ids
    lukasz: int
    sam: int  # report ids
    zoe: int
    wang: int
    meetings: dict[int, int]  # report id -> tomorrow's 1:1
    theirs: dict[int, int]  # report id -> an open item they own
    managers_item: dict[int, int]  # report id -> an open item their manager owns

    def signed_in(self, email: str, name: str = "") -> Access:
        from assistant.access.identity import normalize_email

        clean = normalize_email(email)
        return self.svc.access.resolve(Identity(clean, name or clean))


def tomorrow_at(hour: int = 10) -> dt.datetime:
    day = dt.date.today() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


@pytest.fixture
def org(db_url: str, tmp_path: Path) -> Iterator[Org]:
    svc = Services.from_settings(
        make_settings(
            tmp_path, db_url, chroma_host="127.0.0.1", chroma_port=closed_port(), time_zone="UTC"
        )
    )
    dana = svc.team.create_team("Dana Reyes", "Sam Lee").id
    svc.team.add_report(dana, "Zoë Ødegaard")
    lukasz = svc.team.create_team("Łukasz Nowak", "王伟").id
    svc.access.set_manager_email(dana, "dana@example.com")
    svc.access.set_manager_email(lukasz, "Lukasz@Example.com")
    ids = {r.name: r.id for m in (dana, lukasz) for r in svc.team.reports(m)}
    sam, zoe, wang = ids["Sam Lee"], ids["Zoë Ødegaard"], ids["王伟"]
    svc.access.set_report_email(dana, sam, "sam@example.com")
    svc.access.set_report_email(dana, zoe, ZOE_TYPED)
    svc.access.set_report_email(lukasz, wang, "wang.wei@example.com")
    meetings, theirs, managers_item = {}, {}, {}
    for manager, report, name in (
        (dana, sam, "Sam Lee"),
        (dana, zoe, "Zoë Ødegaard"),
        (lukasz, wang, "王伟"),
    ):
        meetings[report] = svc.team.schedule(manager, report, tomorrow_at()).id
        with svc.repos(manager) as repos:
            theirs[report] = repos.action_items.add(
                report_id=report,
                task=f"{name} sends the rollout plan",
                owner_role=OwnerRole.REPORT,
                owner_name=name,
            ).id
            managers_item[report] = repos.action_items.add(
                report_id=report,
                task=f"Ask finance about {name}'s conference budget",
                owner_role=OwnerRole.MANAGER,
                owner_name="their manager",
            ).id
    yield Org(svc, dana, lukasz, sam, zoe, wang, meetings, theirs, managers_item)
    svc.engine.dispose()
