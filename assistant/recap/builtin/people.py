"""Who is who: participants plus full names found in the notes, and how mentions resolve.

Mentions resolve by full name, first name, initials ("JS", "T.", "ŁN", "EP-S"), first person
("I", "me" = whoever wrote the notes: the manager by default, the report, or someone named) and
roles written next to a name ("Ken Ota (infra mgr)", "my boss (Victoria Sloane, controller)",
"the sales director, Linda Hargrove"). Names are compared NFC-normalised and may use any script,
apostrophes, hyphens and particles ("Mary-Kate D'Souza", "Jan van der Berg", "王伟").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex as re

from assistant.recap.builtin.lexicon import TASK_VERBS

# Small precompiled patterns used by the functions below.
_LEADING_ARTICLE = re.compile(r"^(?:the|my|our|their|his|her|a|an)\s+")
_WHITESPACE = re.compile(r"\s+")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,40})\)")
_ROLE_BEFORE_PAREN = re.compile(r"(\p{L}[\w &/-]{1,40}?)\s*\(\s*$")
_ROLE_BEFORE_COMMA = re.compile(r"(?:the|our|their|my)\s+(\p{Ll}[\w -]{2,30}),\s*$")
_FIRST_AND_INITIAL = re.compile(r"(\p{Lu}[\p{Ll}\p{M}]+)\s+(\p{Lu})\.?")
_PAREN_TAIL = re.compile(r"\s*,\s*([^()]{1,30})\)")
_HANDLE = re.compile(r"@([a-z]{2,})[._]([a-z]{2,})\b")
# Where a one-word name shows up as an owner: at the start of a line before "to"/"will" (or
# "X and Y to"), or alone in brackets at the end or start of a line ("(Anselm)", "[Farhan &
# Jonah]").
_ONE_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
_OWNER_SPOT = re.compile(
    # Possessive quantifiers (*+, ?+): a line of nothing but spaces must not backtrack.
    r"(?m)^[^\S\n]*+(?:[-*•+]|\d{1,2}[.)])?+[^\S\n]*+(?:"
    + _ONE_NAME
    + r")(?:\s*+(?:,|&|\+|and)\s*+"
    + _ONE_NAME
    + r"){0,3}\s++(?:to|will)\s++\p{Ll}|"
    r"[\[(]" + _ONE_NAME + r"(?:\s*+(?:,|&|\+|/|and)\s*+(?:" + _ONE_NAME + r"|team))*+[\])]"
    r"(?=[^\S\n]*+[.:]?+[^\S\n]*+$)|"
    r"\(" + _ONE_NAME + r"\s++(?:to|will)\s++\p{Ll}[^()\n]{0,60}\)|"  # "(Saoirse to write issue)"
    r"(?m)^[^\S\n]*+(?:[-*•+][^\S\n]*+)?+\["
    + _ONE_NAME
    + r"(?:\s*+(?:,|&|\+|/|and)\s*+"
    + _ONE_NAME
    + r")*+\]"
)
_NAME_IN_SPOT = re.compile(_ONE_NAME)
_ANY_HANDLE = re.compile(r"(?<![\w.])@([\p{L}][\w-]{2,30})(?![\w@.]*\.\w)")
_INITIALS = re.compile(r"\p{Lu}{2,4}|\p{Lu}{1,2}-\p{Lu}|\p{Lu}\.?")
# Lower-case words inside a name ("Jan van der Berg", "María de la Cruz", "Ciarán Ó Dálaigh").
PARTICLES = frozenset(
    "van der den de del della di da dos das du la le von zu ter ten bin ibn al el ó ní mac".split()
)

Role = Literal["manager", "report", "other"]

_TITLES = r"(?:Dr|Mr|Mrs|Ms|Prof|Officer|Provost|Dean|Coach|Director|Chief|Sgt|Judge|Pastor)"
# One capitalised name word in any cased script ("Søren", "D'Souza", "Mary-Kate", "McKay").
# Lower-case letters include \p{Lo} after a capital: the regex module's newer Unicode data files
# some Latin letters (ʕ, ʔ) as "other", and a name may mix scripts.
_LOW = r"[\p{Ll}\p{Lo}\p{M}]"
NAME_WORD = (
    r"(?:\p{Lu}['’]\p{Lu}" + _LOW + r"+|\p{Lu}" + _LOW + r"+(?:\p{Lu}" + _LOW + r"+)?"
    r"(?:[-'’]\p{Lu}?" + _LOW + r"+)*)"
)
_PARTICLE = (
    r"(?:(?:van|der|den|de|del|della|di|da|dos|das|du|la|le|von|zu|ter|ten|bin|al|Ó|Ní|Mac)\s+)"
)
# "Tomás Herrera", "Nguyễn Thị Hương", "Jan van der Berg", "Álvaro M. Ruiz-Castañeda"; group 1
# is the first name, group 2 the last. Uncased scripts: two to four letters ("王伟").
FULL_NAME = re.compile(
    r"(?:\b" + _TITLES + r"\.?\s+)?(?<![\w'’-])(" + NAME_WORD + r")"
    r"(?:\s+(?:" + NAME_WORD + r"|\p{Lu}\.))?\s+" + _PARTICLE + r"{0,3}"
    r"(" + NAME_WORD + r")(?![\w'’-])"
)
# A name in a script without capitals: one to three words of letters and combining marks
# ("王伟", "प्रिया शर्मा", "สมชาย ใจดี", "فاطمة الزهراء"); a long unbroken run is a sentence.
UNCASED_PERSON = r"\p{Lo}[\p{Lo}\p{M}]{1,15}(?:\s\p{Lo}[\p{Lo}\p{M}]{1,15}){0,2}"
UNCASED_NAME = re.compile(r"(?<!\w)" + UNCASED_PERSON + r"(?!\w)")
# Capitalised words that start sentences or name things, never a person's first name.
_NOT_FIRST = frozenset(
    """The This That These Those Told Asked Great Good Nice Next Last First Second Third New Old
    Our Their His Her My Your We He She They It And But Or So If When While After Before Since
    Also Then Thanks Thank Kudos Decision Decided Agreed Action Follow Feedback Personal Career
    Team Budget Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Q1 Q2 Q3 Q4 Spring Summer Fall
    Winter Holiday Black Six North South East West Mid Early Late Board Key Senior Junior Weekly
    Quarterly Annual Daily Chief Director Manager Lead Head Sales Finance Marketing Support Data
    Product Engineering Quality Safety Customer Client Vendor Store District Regional State City
    County General Internal External Open Closed Done Still Not No Yes Okay Sure Let Lets Can Will
    Would Could Should Need Needs Want Wants Set Send Get Make Take Talk Call Check Review Update
    Write Draft Book Ask Share Post Run Do Went Had Has Was Were Is Are Been Being Happy Big Small
    Up Down Out Over Under About With Without From Into Onto For Of In On At By To Re Via Per
    Intro Meeting Weekly Biweekly Monthly Mtg Notes Recap Summary Agenda Goals Wins Issues Blockers
    Epic Dev Ops Prod Hr It Pm Qa Ux Ui Api Goal Goals Aim Target Idea Ideas Option Options Way
    Time Plan Plans Task Tasks Reason Purpose Objective Intent Priority Priorities Focus Note
    Question Questions Answer Problem Problems Issue Risk Risks Topic Item Items Point Points Step
    Steps Balance Work Everything Nothing Something Anything Someone Nobody Everybody Each Every
    Both Either Neither All Any Some Most Many Few Other Others Another Leads Members Easy Hard
    Difficult Fine Nice Possible Impossible Important Necessary Useful Helpful Ready Able Happy
    Free Safe Worth Tough Simple Quick Slow Cheap Expensive Okay Ok Best Better Worse Fun Likely
    Unlikely Tricky Link Links Need Ability Effort Mentees Mentors Students Users People Folks
    Someone Anyone Nobody Everyone Record Recording Video Slides Docs Doc Painful""".split()
)
_NOT_LAST = frozenset(
    """Bank Dental Logistics Plumbing Wines Schools School Hospital Foundation Summit Insurance
    Grocers Farms Hotels Landscaping Inc Llc Ltd Corp Co Group Partners Team Center Centre
    University College Institute Clinic Labs Lab Systems Solutions Services Studio Studios
    Media Consulting Capital Holdings Foods Motors Airlines Energy Health Healthcare Analytics
    Fund Council Committee Association Club Society Agency Office Department Library Street
    Avenue Road Hall Church Market Mall Store Stores Works Industries International Global Digital
    Software Technologies Tech Network Bakery Cafe Kitchen Pharmacy Realty Properties Construction
    Manufacturing Supply Supplies Distribution Outfitters Academy Review Planning Upgrade Project
    Program Initiative Report Day Week Month Quarter Year Sigma Belt Cohort Conference Con West
    East North South Mutual Trust Credit Union Wireless Logic Cloud Sciences Pictures
    Press""".split()
)


_CALENDAR = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)


_ATTENDEE_LABEL = re.compile(
    r"^\W*(?:present|attendees|attending|attendance|participants|in attendance|who)\b"
    r"(?:\s*\([^)]*\))?[^:\n]{0,20}?(?::|$)\W*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STOP_LABEL = re.compile(r"^\W*(?:regrets|apologies|absent|scribe|agenda|notes?|date)\b", re.I)
_LIST_MARK = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+")
_ATTENDEE = re.compile(r"^[\p{Lu}\p{Lo}][\p{L}\p{M}.'’ -]{0,50}$")


_INITIALS_LIST = re.compile(r"\(\s*(\p{Lu}{1,4}(?:\s*,\s*\p{Lu}{1,4})+)\s*\)")


def attendee_initials(notes: str) -> dict[str, str]:
    """'Present: Andreas, Duncan, Rémi (AK, DF, RG)': initials given in order for the names."""
    out: dict[str, str] = {}
    for line in notes.splitlines()[:200]:
        m = _ATTENDEE_LABEL.match(line.strip().strip("*_#"))
        init = _INITIALS_LIST.search(line) if m else None
        if not m or not init or len(line) > 600:
            continue
        names = [
            n.strip().strip("*_")
            for n in re.split(r"[,;]|\s+and\s+", line[m.start("rest") : init.start()])
            if n.strip()
        ]
        marks = [i.strip() for i in init.group(1).split(",")]
        if len(names) == len(marks):
            out.update(zip(marks, names, strict=True))
    return out


def attendees(notes: str) -> list[str]:
    """Names on a 'Present:' / 'Attendees:' line, or listed under such a heading."""
    found: list[str] = []
    lines = notes.splitlines()
    for i, line in enumerate(lines[:200]):
        m = _ATTENDEE_LABEL.match(line.strip().strip("*_#"))
        if not m or len(line) > 600:
            continue
        rest = m.group("rest").strip().strip("*_")
        if rest:
            parts = re.split(r"[,;]|\s+and\s+", re.sub(r"\([^)]*\)", "", rest))
        else:
            parts = []
            for nxt in lines[i + 1 : i + 40]:
                if not nxt.strip():
                    if parts:
                        break
                    continue
                if nxt.lstrip().startswith("#") or _STOP_LABEL.match(nxt):
                    break
                item = _LIST_MARK.sub("", nxt).strip().strip("*_").strip()
                parts.append(re.split(r"[,(]|\s[-–—/]\s", item)[0])
        for part in parts:
            name = part.strip().strip("*_").strip()
            if _ATTENDEE.match(name) and len(name.split()) <= 4 and name.lower() != "name":
                found.append(name)
    return found or _name_list(lines[:200])


_NAME_ONLY_ITEM = re.compile(
    r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+@?(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,2}|[\w.-]+)\s*$"
)


def _name_list(lines: list[str]) -> list[str]:
    """A sign-in list: three or more bullets in a row that are each only a name or handle."""
    run: list[str] = []
    for line in [*lines, ""]:
        m = _NAME_ONLY_ITEM.match(line)
        word = m.group(1) if m else ""
        if m and word.lower() not in TASK_VERBS and word.split()[0] not in _NOT_FIRST:
            run.append(word)
            continue
        if len(run) >= 3:
            return run
        run = []
    return []


def _lower_elsewhere(word: str, notes: str) -> bool:
    low = word.lower()
    if low == word or len(low) < 3:
        return False
    return re.search(r"(?<![\w'’@.-])" + re.escape(low) + r"(?![\w'’-])", notes) is not None


def _fold(text: str) -> str:
    """Lower case without accents: 'Tomás' and 'tomas' fold alike."""
    decomposed = unicodedata.normalize("NFKD", nfc(text).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_common_word(word: str) -> bool:
    """Capitalised words that start sentences or name things, never a first name."""
    return word in _NOT_FIRST


@dataclass
class Person:
    """Someone who can own an action item."""

    full: str
    role: Role
    aliases: set[str] = field(default_factory=set)

    @property
    def first(self) -> str:
        return self.full.split()[0]

    @property
    def last(self) -> str:
        return self.full.split()[-1]

    @property
    def initials(self) -> str:
        """'Łukasz Nowak' -> 'ŁN', 'Mary-Kate D'Souza' -> 'MD'; particles are skipped."""
        words = [w for w in self.full.split() if w.lower() not in PARTICLES] or self.full.split()
        return "".join(w[0] for w in words if w[:1].isalpha()).upper()

    @property
    def initial_forms(self) -> set[str]:
        """Every way initials of this name are written: 'MKD', 'MD', 'EP-S', 'EPS'."""
        words = [w for w in self.full.split() if w.lower() not in PARTICLES] or self.full.split()
        forms = {self.initials}
        parts = ["".join(p[0] for p in w.split("-") if p[:1].isalpha()) for w in words]
        forms.add("".join(parts).upper())
        forms.add("-".join(parts).upper())
        if len(words) > 1:
            hyph = "".join(parts[:-1]) + "-" + parts[-1]
            forms.add(hyph.upper())
            head = "".join(p[0] for p in words[0].split("-") if p[:1].isalpha())
            forms.add((head + "".join(parts[1:])).upper())
            if words[-1].count("-"):
                last = words[-1].split("-")
                forms.add((words[0][0] + last[0][0] + "-" + last[1][:1]).upper())
        return {f for f in forms if len(f.replace("-", "")) >= 2}


def nfc(text: str) -> str:
    """NFC form with single spaces: how names are stored and compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _clean_role(text: str) -> str:
    text = _LEADING_ARTICLE.sub("", text.strip().lower())
    return _WHITESPACE.sub(" ", text)


class PeopleDirectory:
    """Resolves mentions in one note to people; built once per note."""

    def __init__(
        self,
        manager: str,
        report: str,
        known: Sequence[str] = (),
        notes: str = "",
        *,
        author: str = "manager",
        participants: Sequence[str] = (),
    ) -> None:
        self.manager = Person(nfc(manager), "manager")
        self.report = Person(nfc(report), "report")
        self.people: list[Person] = [self.manager, self.report]
        self._cache: dict[tuple[str, str], Person | None] = {}
        for name in known:
            self._add(name)
        for name in participants:  # "Present: ..." lines: one-word names count there
            self._add(name, single=True)
        self._marks: dict[str, Person] = {}  # initials an attendee line gives for its names
        self.owners_named: set[str] = set()
        # Known before the attendee line is read: "Present: Ana, me" names the writer.
        self.writer = self._writer(author)
        self.present = [p for p in map(self._add_attendee, attendees(notes)) if p is not None]
        for mark, name in attendee_initials(notes).items():
            person = self.by_full(name) or self._resolve(name, None)
            if person is not None:
                self._marks[mark] = person
        self.writer = self._writer(author)  # again: the author may be an initial the line set
        # Who "you" is in notes addressed to someone: the other participant of the 1:1.
        self.reader = self.manager if self.writer is self.report else self.report
        self._discover(notes)
        self._cache.clear()  # discovery looked names up before it had found them all

    def _add_attendee(self, name: str) -> Person | None:
        person = self.by_full(name) or self._resolve(name, None)
        return person or self._add(name, single=True)

    @property
    def group_meeting(self) -> bool:
        """Minutes of a meeting of three or more: an attendee list says so, or items are given
        to three or more different people."""
        if len(self.owners_named) >= 3:
            return True
        return len({p.full for p in self.present} | {self.manager.full, self.report.full}) > 2

    @property
    def default_owner(self) -> Person:
        """Who owns an action listed without an owner: the writer of a report's own notes,
        the chair (manager) of group minutes, else the report in a manager's 1:1 notes."""
        if self.writer is self.report:
            return self.report
        return self.manager if self.group_meeting else self.report

    @property
    def chair(self) -> Person:
        """Who takes what a group owns ("(Team)", "Leads", "everyone"): the chair, that is the
        manager of a 1:1 or the lead of group minutes."""
        return self.manager

    def _writer(self, author: str) -> Person:
        """Whose "I" the notes use: 'manager' (default), 'report' or a name."""
        key = nfc(author).lower()
        if key in ("", "manager", "me", "i", "myself"):
            return self.manager
        if key == "report":
            return self.report
        found = self.by_full(author) or self._resolve(nfc(author), None)
        return found or self._add(nfc(author), single=True) or self.manager

    # -- building -------------------------------------------------------------------------
    def _add(
        self, full: str, role_text: str | None = None, *, single: bool = False
    ) -> Person | None:
        full = nfc(full)
        uncased = UNCASED_NAME.fullmatch(full) is not None
        if not full or (len(full.split()) < 2 and not (single or uncased)):
            return None
        for p in self.people:
            if p.full.lower() == full.lower():
                if role_text:
                    p.aliases.add(_clean_role(role_text))
                return p
        person = Person(full, "other")
        if role_text:
            person.aliases.add(_clean_role(role_text))
        self.people.append(person)
        return person

    def _discover(self, notes: str) -> None:
        for h in _HANDLE.finditer(notes):  # "@marco.bellini" in a chat paste
            self._add(f"{h.group(1).title()} {h.group(2).title()}")
        for m in FULL_NAME.finditer(notes):
            first, last = m.group(1), m.group(2)
            if first in _NOT_FIRST or last in _NOT_LAST or last in _NOT_FIRST:
                continue
            if first.lower() in TASK_VERBS or last.lower() in TASK_VERBS:
                continue  # "Schedule Rafaël", "Help Wanted": a verb starts a task, not a name
            if "\n" in m.group(0):
                continue  # a name never runs across lines
            if _lower_elsewhere(last, notes) or _lower_elsewhere(first, notes):
                continue  # "Focus Area", "Genetic Programming": words, also written in lower case
            full = m.group(0)
            title = re.match(r"\s*" + _TITLES + r"\.?\s+", full)
            if title:
                full = full[title.end() :]
            person = self._add(full)
            if person is None:
                continue
            self._discover_role(notes, m, person)
        spots: list[str] = []
        for m in _OWNER_SPOT.finditer(notes):  # "Ngozi to ...", "(Anselm)", "[Farhan & Jonah]"
            for word in _NAME_IN_SPOT.findall(m.group(0)):
                spots.append(word)
                if self._plausible_single(word, notes):
                    self._add(word, single=True)
        self._cache.clear()
        # Action lists that give three or more different people items are group minutes.
        self.owners_named = {p.full for p in map(self.resolve, spots[:500]) if p is not None}
        for h in _ANY_HANDLE.finditer(notes):  # "@orinmaddox": known only by a handle
            if not self.resolve(h.group(1)):
                self._add(h.group(1), single=True)
        for m in UNCASED_NAME.finditer(notes):  # "王伟 will run the benchmark"
            self._add(m.group(0))

    def _plausible_single(self, word: str, notes: str) -> bool:
        """A capitalised word in an owner position that is no common word, verb or thing
        also written in lower case ('Design' / 'design')."""
        if word in _NOT_FIRST or word.lower() in TASK_VERBS or len(word) < 3:
            return False
        if word.lower().endswith(("ful", "ous", "ible", "able", "less")):
            return False  # "Painful to debug", "Possible to reuse": adjectives, not names
        if word.upper() == word or self.resolve(word) is not None:
            return False
        return re.search(r"(?<![\w'’-])" + re.escape(word.lower()) + r"(?![\w'’-])", notes) is None

    def _discover_role(self, notes: str, m: re.Match[str], person: Person) -> None:
        after = notes[m.end() : m.end() + 60]
        before = notes[max(0, m.start() - 60) : m.start()]
        # "Ken Ota (infra mgr)" / "Tom Becker (eng lead):"
        paren = _PAREN_AFTER.match(after)
        if paren:
            person.aliases.add(_clean_role(paren.group(1).split(",")[0]))
        # "my boss (Victoria Sloane, controller)" / "HR (Denise Carver)"
        inside = _ROLE_BEFORE_PAREN.search(before)
        if inside:
            person.aliases.add(_clean_role(inside.group(1).split()[-1]))
            person.aliases.add(_clean_role(inside.group(1)))
            tail = _PAREN_TAIL.match(after)
            if tail:
                person.aliases.add(_clean_role(tail.group(1)))
        # "the sales director, Linda Hargrove" / "board chair Gabe Whitman"
        comma = _ROLE_BEFORE_COMMA.search(before)
        if comma:
            person.aliases.add(_clean_role(comma.group(1)))

    def add_person(self, full: str) -> Person | None:
        """Register someone named as a full name where they commit to something."""
        self._cache.clear()
        return self._add(full)

    # -- resolving ------------------------------------------------------------------------
    def by_full(self, text: str) -> Person | None:
        low = nfc(text).lower()
        return next((p for p in self.people if p.full.lower() == low), None)

    def resolve(self, mention: str, *, speaker: Person | None = None) -> Person | None:
        """A mention as written ("JS", "Dana", "me", "the PM") to a person, or None."""
        key = (mention, speaker.full if speaker else "")
        if key not in self._cache:
            self._cache[key] = self._resolve(mention, speaker)
        return self._cache[key]

    def _resolve(self, mention: str, speaker: Person | None) -> Person | None:
        m = nfc(mention).strip(".,:;()@*_[]").strip()
        if not m:
            return None
        low = m.lower()
        if low in ("i", "me", "myself", "my"):
            return speaker or self.writer
        if m.endswith(("'s", "’s")) and len(m) > 3:
            return self._resolve(m[:-2], speaker)  # "Søren's" is Søren
        exact = self.by_full(m)
        if exact:
            return exact
        if m in self._marks:
            return self._marks[m]
        # "Luis O." / "Isaac T." / "Rita S."
        short = _FIRST_AND_INITIAL.fullmatch(m)
        if short:
            hits = [
                p
                for p in self.people
                if p.first == short.group(1) and p.last.startswith(short.group(2))
            ]
            if len(hits) == 1:
                return hits[0]
        # "Tomás Herrera" written "tomas herrera": compare without accents as a last resort.
        folded = _fold(m)
        hits = [p for p in self.people if _fold(p.full) == folded]
        if len(hits) == 1:
            return hits[0]
        words = m.split()
        if len(words) == 1:
            word = words[0]
            firsts = [p for p in self.people if p.first.lower() == word.lower()]
            if firsts:
                return firsts[0]  # participants come first, so they win ties
            lasts = [p for p in self.people if p.last.lower() == word.lower()]
            if len(lasts) == 1:
                return lasts[0]
            if _INITIALS.fullmatch(word):
                letters = word.rstrip(".")
                hits = [
                    p
                    for p in self.people
                    if letters in p.initial_forms or (len(letters) == 1 and p.first[0] == letters)
                ]
                if hits:
                    return hits[0]
            same_first = [p for p in self.people if _fold(p.first) == _fold(word)]
            if same_first:
                return same_first[0]
            nick = self._nickname(word)
            if nick is not None:
                return nick
        return self.by_role(m)

    def _nickname(self, word: str) -> Person | None:
        """'Jas' -> Jasmine, 'Sam' -> Samuel: a short form that starts exactly one first name."""
        low = word.lower()
        # "İaa".lower() is "i̇aa" (a combining dot): letters and marks make a word.
        letters = all(c.isalpha() or unicodedata.combining(c) for c in low)
        if len(low) < 3 or not letters or low in _CALENDAR:
            return None
        if word.islower() and low in TASK_VERBS:
            return None
        # A common word ("Dev", "Art") only shortens the manager's or report's name.
        pool = self.people[:2] if word.title() in _NOT_FIRST else self.people
        hits = [p for p in pool if p.first.lower().startswith(low)]
        return hits[0] if len(hits) == 1 else None

    def by_role(self, text: str) -> Person | None:
        role = _clean_role(text)
        if not role:
            return None
        for p in self.people:
            if role in p.aliases:
                return p
        return None

    def role_aliases(self) -> Iterable[tuple[str, Person]]:
        for p in self.people:
            for alias in p.aliases:
                if alias:
                    yield alias, p
