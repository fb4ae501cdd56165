"""Per-person records and the manager's own trends, as `svc.team` methods (TeamService inherits
them): the timeline, goals, archiving, calendar files, talk ratios and trends.

The CLI and the pages call these with the same arguments; each opens its own session and
returns plain values or detached rows.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from assistant.db.models import Goal, GoalStatus, MeetingStatus
from assistant.db.repositories.goals_topics import UNSET, Unset
from assistant.db.repositories.talk import TalkCounts
from assistant.domain.days import start_of_day
from assistant.errors import BadInputError
from assistant.talk.ratio import TalkRatio, talk_ratio
from assistant.team.calendar import CalendarEntry, CalendarFile, build_calendar, ics_filename
from assistant.team.timeline import Timeline, build_timeline
from assistant.team.trends import DEFAULT_MONTHS, CoachingTrends, build_trends

if TYPE_CHECKING:
    from assistant.services import Services

SERIES_LIMIT = 26  # events in one series file
CLOSED_GOAL = {"achieved": GoalStatus.ACHIEVED, "dropped": GoalStatus.DROPPED}


class PersonRecords:
    services: Services

    def __init__(self, services: Services) -> None:
        self.services = services

    def _today(self) -> dt.date:
        return dt.datetime.now(self.services.settings.zone).date()

    # -- the person ------------------------------------------------------------------------------

    def timeline(
        self, manager_id: int, report: int | str, *, today: dt.date | None = None
    ) -> Timeline:
        """Everything about one report: 1:1s, action items both ways, feedback, goals."""
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            return build_timeline(
                repos, person, zone=self.services.settings.zone, today=today or self._today()
            )

    def archive_report(self, manager_id: int, report: int | str, *, archived: bool = True) -> str:
        """Hide (or bring back) a report: their history stays. Returns their name."""
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            repos.reports.update(person.id, archived=archived)
            return person.name

    # -- goals -----------------------------------------------------------------------------------

    def goals(self, manager_id: int, report: int | str, *, active_only: bool = False) -> list[Goal]:
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            return repos.goals.of_report(person.id, active_only=active_only)

    def add_goal(
        self, manager_id: int, report: int | str, title: str, *, target_date: dt.date | None = None
    ) -> Goal:
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            return repos.goals.add(report_id=person.id, title=title, target_date=target_date)

    def update_goal(
        self,
        manager_id: int,
        goal_id: int,
        *,
        title: str | None = None,
        target_date: dt.date | Unset | None = UNSET,
        status: GoalStatus | None = None,
    ) -> Goal:
        with self.services.repos(manager_id) as repos:
            return repos.goals.update(goal_id, title=title, target_date=target_date, status=status)

    def close_goal(
        self, manager_id: int, report: int | str, goal_id: int, *, outcome: str = "achieved"
    ) -> Goal:
        """Close one of this report's goals as achieved or dropped."""
        status = CLOSED_GOAL.get(outcome)
        if status is None:
            raise BadInputError("A goal closes as 'achieved' or 'dropped'")
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            goal = repos.goals.get(goal_id)
            if goal.report_id != person.id:
                raise BadInputError(f"Goal {goal_id} is not one of {person.name}'s goals")
            return repos.goals.update(goal_id, status=status)

    # -- calendar --------------------------------------------------------------------------------

    def calendar(
        self,
        manager_id: int,
        report: int | str,
        *,
        series: bool = False,
        now: dt.datetime | None = None,
    ) -> CalendarFile:
        """An .ics file for the next planned 1:1 (or every planned one, `series`), with the
        saved agenda in the description, else a freshly drafted one."""
        now = now or dt.datetime.now(dt.UTC)
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            planned = repos.meetings.of_report(
                person.id,
                since=start_of_day(now),
                statuses=[MeetingStatus.SCHEDULED],
                newest_first=False,
                limit=SERIES_LIMIT if series else 1,
            )
            name, report_id = person.name, person.id
        if not planned:
            raise BadInputError(
                f"Nothing is planned with {name}: schedule the next 1:1 first, then download it"
            )
        entries = [
            CalendarEntry(
                meeting_id=meeting.id,
                manager_id=manager_id,
                start=meeting.scheduled_at,
                minutes=meeting.duration_minutes,
                summary=f"1:1 with {name}",
                description=self._agenda_text(manager_id, report_id, meeting.id, draft=n == 0),
            )
            for n, meeting in enumerate(planned)
        ]
        zone = self.services.settings.zone
        return CalendarFile(
            filename=ics_filename(
                name, planned[0].scheduled_at.astimezone(zone).date(), series=series
            ),
            content=build_calendar(entries, zone, now=now),
            events=len(entries),
        )

    def _agenda_text(self, manager_id: int, report_id: int, meeting_id: int, *, draft: bool) -> str:
        saved = self.services.agenda.load(manager_id, meeting_id)
        if saved is not None:
            return saved.to_markdown()
        if not draft:
            return "Agenda: prepare it in 1:1 Coach before the meeting."
        with self.services.repos(manager_id) as repos:
            day = repos.meetings.get(meeting_id).scheduled_at.date()
        drafted = self.services.agenda.draft(manager_id, report_id, meeting_date=day, search=False)
        return "Draft agenda (not yet reviewed):\n\n" + drafted.to_markdown()

    # -- talk ratio ------------------------------------------------------------------------------

    def talk_ratio(self, text: str, *, manager: str, report: str) -> TalkRatio:
        """Who spoke how much in a transcript, and how the manager asked (nothing stored)."""
        return talk_ratio(text, manager=manager, report=report)

    def attach_talk_ratio(self, manager_id: int, meeting_id: int, ratio: TalkRatio) -> None:
        """Keep the counts (not the transcript) on a 1:1, for the manager's trends."""
        manager, them = ratio.stats("manager"), ratio.stats("report")
        counts = TalkCounts(
            manager_words=manager.words,
            report_words=them.words,
            other_words=ratio.other_words,
            manager_share=manager.share,
            manager_questions=manager.questions,
            manager_open_questions=manager.open_questions,
            report_questions=them.questions,
            longest_manager_monologue=manager.longest_monologue_words,
        )
        with self.services.repos(manager_id) as repos:
            repos.talk.save(meeting_id, counts)

    # -- the manager's own trends ----------------------------------------------------------------

    def trends(
        self, manager_id: int, *, months: int = DEFAULT_MONTHS, today: dt.date | None = None
    ) -> CoachingTrends:
        with self.services.repos(manager_id) as repos:
            return build_trends(
                repos, today=today or self._today(), zone=self.services.settings.zone, months=months
            )
