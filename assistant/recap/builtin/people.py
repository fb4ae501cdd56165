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

import regex as re

from assistant.recap.builtin.attendees import attendee_initials, attendees
from assistant.recap.builtin.languages import (
    FOREIGN_OWNER_SPOT,
    foreign_note,
    heading_kind,
    owner_spot,
)
from assistant.recap.builtin.lexicon import TASK_VERBS, verb_form
from assistant.recap.builtin.name_patterns import (
    ANY_HANDLE,
    CALENDAR,
    FIRST_AND_INITIAL,
    FULL_NAME,
    HANDLE,
    INITIALS,
    LEADING_ARTICLE,
    NAME_IN_SPOT,
    NAME_LABEL,
    NOT_FIRST,
    NOT_LAST,
    OWNER_SPOT,
    PAREN_AFTER,
    PAREN_TAIL,
    PARTICLES,
    ROLE_BEFORE_COMMA,
    ROLE_BEFORE_PAREN,
    TITLES,
    UNCASED_NAME,
    WHITESPACE,
    Role,
)
from assistant.words import PLAIN_LETTERS, fold

_SPACELESS_RUN = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_LETTER = re.compile(r"\p{L}")


def _mostly_spaceless(notes: str) -> bool:
    """Is the note written mostly in Chinese or Japanese (letters of spaceless scripts)?"""
    sample = notes[:20_000]
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(_SPACELESS_RUN.findall(sample)) > 0.3 * letters


def _lower_elsewhere(word: str, notes: str) -> bool:
    low = word.lower()
    if low == word or len(low) < 3:
        return False
    return re.search(r"(?<![\w'’@.-])" + re.escape(low) + r"(?![\w'’-])", notes) is not None


# Endings of English abstract nouns that no given name or surname has ("Incubation Policy",
# "Architecture Comments", "Genetic Programming"): such a capitalised pair is a label, not a name.
_NOUN_ENDING = re.compile(r"(?:tion|sion|ness|ship|ogy|ture|ism|ments|ities|mming)s?$")


def is_common_word(word: str) -> bool:
    """Capitalised words that start sentences or name things, never a first name."""
    return word in NOT_FIRST


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
    text = LEADING_ARTICLE.sub("", text.strip().lower())
    return WHITESPACE.sub(" ", text)


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
        self._notes = notes
        self._foreign = False  # written in another language than English (set by _discover)
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

    def _owner_shaped(self, name: str) -> bool:
        """Is `name` written somewhere as an owner: "Name:", "Name wird …", "(Name)"?"""
        return re.search(owner_spot(name), self._notes[:100_000]) is not None

    def _discover(self, notes: str) -> None:
        self._foreign = foreign_note(notes)
        for h in HANDLE.finditer(notes):  # "@marco.bellini" in a chat paste
            self._add(f"{h.group(1).title()} {h.group(2).title()}")
        for m in FULL_NAME.finditer(notes):
            first, last = m.group(1), m.group(2)
            if first in NOT_FIRST or last in NOT_LAST or last in NOT_FIRST:
                continue
            if first.lower() in TASK_VERBS or last.lower() in TASK_VERBS:
                continue  # "Schedule Rafaël", "Help Wanted": a verb starts a task, not a name
            if "\n" in m.group(0):
                continue  # a name never runs across lines
            if heading_kind(m.group(0)) or (self._foreign and not self._owner_shaped(m.group(0))):
                # "Nächster Schritt", "Visualisierung von Labeldaten": in German every noun is
                # capitalised, so in notes of other languages two capitalised words are a name
                # only where an owner stands (before a commitment cue or a colon, in brackets).
                continue
            if not self._plausible_pair(first, last, notes):
                continue  # "Focus Area", "Genetic Programming": words, also written in lower case
            full = m.group(0)
            title = re.match(r"\s*" + TITLES + r"\.?\s+", full)
            if title:
                full = full[title.end() :]
            person = self._add(full)
            if person is None:
                continue
            self._discover_role(notes, m, person)
        spots: list[str] = []
        for m in OWNER_SPOT.finditer(notes):  # "Ngozi to ...", "(Anselm)", "[Farhan & Jonah]"
            for word in NAME_IN_SPOT.findall(m.group(0)):
                spots.append(word)
                if self._plausible_single(word, notes):
                    self._add(word, single=True)
        self._discover_labels(notes)
        self._cache.clear()
        # Action lists that give three or more different people items are group minutes, and
        # so are lists whose lines are labelled with their people ("- Zoë: draft X").
        spots += [m.group("name") for m in NAME_LABEL.finditer(notes[:100_000]) if m.group("colon")]
        self.owners_named = {p.full for p in map(self.resolve, spots[:500]) if p is not None}
        for h in ANY_HANDLE.finditer(notes):  # "@orinmaddox": known only by a handle
            if not self.resolve(h.group(1)):
                self._add(h.group(1), single=True)
        if self._foreign:
            # "Joost gaat een poll maken", "由韩老师负责…", "由 [zhengwj](…) 协调跟进": someone
            # in the owner spot of another language's commitment.
            for m in FOREIGN_OWNER_SPOT.finditer(notes[:100_000]):
                if m.group("agent"):  # "由 X 负责": whoever X is, a handle or a name
                    if not self.resolve(m.group("agent")):
                        self._add(m.group("agent"), single=True)
                    continue
                word = m.group("who")
                # A capitalised word opening a sentence may be an adverb ("Daarvan zullen",
                # "Verder zal"): a name is written more than once.
                twice = len(re.findall(r"(?<![\w@])" + re.escape(word) + r"(?!\w)", notes)) > 1
                if not self.resolve(word) and (
                    _SPACELESS_RUN.search(word) or (twice and self._plausible_single(word, notes))
                ):
                    self._add(word, single=True)
        spaceless_note = _mostly_spaceless(notes)
        for m in UNCASED_NAME.finditer(notes):  # "王伟 will run the benchmark"
            name = m.group(0)
            if _SPACELESS_RUN.search(name) and (spaceless_note or "\n" in name):
                # In Chinese or Japanese text every clause is a run of uncased letters: only a
                # run set apart by spaces in text of another language is read as a name.
                continue
            self._add(name)

    def _discover_labels(self, notes: str) -> None:
        """One-word names used like the known names beside them: "#### Lukáš" among
        "#### Anselm" / "#### Zhiwei", "- Kaito: integrate X" among "- Rory: set up Y"."""
        groups: dict[str, list[str]] = {}
        for m in NAME_LABEL.finditer(notes[:100_000]):
            shape = WHITESPACE.sub(
                " ", m.group("shape").replace("[x]", "[ ]").replace("[X]", "[ ]")
            )
            groups.setdefault(shape + ("" if m.group("colon") else "$"), []).append(m.group("name"))
        for words in groups.values():
            if len(words) < 2 or not any(self.resolve(w) for w in words):
                continue
            for word in words:
                if self._plausible_single(word, notes):
                    self._add(word, single=True)
                    self._cache.clear()

    @staticmethod
    def _plausible_pair(first: str, last: str, notes: str) -> bool:
        """Two capitalised words that can be a name: neither is an ordinary word of the note
        written in lower case elsewhere, nor has an abstract-noun ending."""
        if _lower_elsewhere(last, notes) or _lower_elsewhere(first, notes):
            return False
        return not (_NOUN_ENDING.search(first) or _NOUN_ENDING.search(last))

    def _plausible_single(self, word: str, notes: str) -> bool:
        """A capitalised word in an owner position that is no common word, verb or thing
        also written in lower case ('Design' / 'design')."""
        if word in NOT_FIRST or verb_form(word) or len(word) < 3:
            return False  # "Forgot to record", "Managed to start": a verb, not a name
        if word.lower().endswith(("ful", "ous", "ible", "able", "less")) or _NOUN_ENDING.search(
            word
        ):
            return False  # "Painful to debug", "Possible to reuse": adjectives, not names
        if word.upper() == word or self.resolve(word) is not None:
            return False
        return re.search(r"(?<![\w'’-])" + re.escape(word.lower()) + r"(?![\w'’-])", notes) is None

    def _discover_role(self, notes: str, m: re.Match[str], person: Person) -> None:
        after = notes[m.end() : m.end() + 60]
        before = notes[max(0, m.start() - 60) : m.start()]
        # "Ken Ota (infra mgr)" / "Tom Becker (eng lead):"
        paren = PAREN_AFTER.match(after)
        if paren:
            person.aliases.add(_clean_role(paren.group(1).split(",")[0]))
        # "my boss (Victoria Sloane, controller)" / "HR (Denise Carver)"
        inside = ROLE_BEFORE_PAREN.search(before)
        if inside:
            person.aliases.add(_clean_role(inside.group(1).split()[-1]))
            person.aliases.add(_clean_role(inside.group(1)))
            tail = PAREN_TAIL.match(after)
            if tail:
                person.aliases.add(_clean_role(tail.group(1)))
        # "the sales director, Linda Hargrove" / "board chair Gabe Whitman"
        comma = ROLE_BEFORE_COMMA.search(before)
        if comma:
            person.aliases.add(_clean_role(comma.group(1)))

    def add_person(self, full: str) -> Person | None:
        """Register someone named as a full name where they commit to something; a label
        ("Next Meeting:", "Architecture Comments:") is no one."""
        words = nfc(full).split()
        if any(w in NOT_FIRST or w in NOT_LAST or w.lower() in TASK_VERBS for w in words):
            return None
        if heading_kind(full) or (self._foreign and not self._owner_shaped(full)):
            return None  # "Nächster Schritt:", a German noun pair: a label, not a person
        if not self._plausible_pair(words[0], words[-1], self._notes):
            return None
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
        short = FIRST_AND_INITIAL.fullmatch(m)
        if short:
            hits = [
                p
                for p in self.people
                if p.first == short.group(1) and p.last.startswith(short.group(2))
            ]
            if len(hits) == 1:
                return hits[0]
        # "Tomás Herrera" written "tomas herrera": compare without accents as a last resort.
        folded = fold(m)
        hits = [p for p in self.people if fold(p.full) == folded]
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
            if INITIALS.fullmatch(word):
                letters = word.rstrip(".")
                hits = [
                    p
                    for p in self.people
                    if letters in p.initial_forms or (len(letters) == 1 and p.first[0] == letters)
                ]
                if hits:
                    return hits[0]
            same_first = [p for p in self.people if fold(p.first) == fold(word)]
            if same_first:
                return same_first[0]
            nick = self._nickname(word)
            if nick is not None:
                return nick
            handle = self._by_handle(word)
            if handle is not None:
                return handle
        return self.by_role(m)

    def _by_handle(self, word: str) -> Person | None:
        """A lower-case handle made of a known name: 'tlindqvist', 'dholloway42', 'tamsino',
        'ludovicfarr' (first initial + surname, first name + initial, a name and digits)."""
        low = fold(word).translate(PLAIN_LETTERS).rstrip("0123456789_-")
        if not low.isalpha() or word != word.lower() or len(low) < 4:
            return None
        hits = []
        for p in self.people:
            parts = [
                fold(w).translate(PLAIN_LETTERS)
                for w in p.full.split()
                if w.lower() not in PARTICLES
            ]
            parts = ["".join(c for c in w if c.isalpha()) for w in parts]
            if len(parts) < 2 or not all(parts):
                continue
            first, last = parts[0], parts[-1]
            forms = (
                first[:1] + last,
                first + last[:1],
                first + last,
                last + first[:1],
                last + first,
            )
            if low in forms or (low.startswith(first) and len(first) >= 4):
                hits.append(p)
        return hits[0] if len(hits) == 1 else None

    def _nickname(self, word: str) -> Person | None:
        """'Jas' -> Jasmine, 'Sam' -> Samuel: a short form that starts exactly one first name."""
        low = word.lower()
        # "İaa".lower() is "i̇aa" (a combining dot): letters and marks make a word.
        letters = all(c.isalpha() or unicodedata.combining(c) for c in low)
        if len(low) < 3 or not letters or low in CALENDAR:
            return None
        if word.islower() and low in TASK_VERBS:
            return None
        # A common word ("Dev", "Art") only shortens the manager's or report's name.
        pool = self.people[:2] if word.title() in NOT_FIRST else self.people
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
