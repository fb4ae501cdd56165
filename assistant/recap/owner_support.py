"""Whose is a model's action item? The owner it names, checked against the notes.

A model reads the whole note, so its owner is usually right, but it can also hand a task to
the person who only receives it ("send the deck to Priya") or to someone the notes never tie
to the task. The owner is kept when the notes support it:

* the evidence names them as the doer ("Jordan to send…", "Lee: book…"), or names them anywhere
  but after a word that makes them the receiver ("…to Priya", "ask Sam", "mit Jonas");
* a line the evidence sits under names them: its parent bullet, or the nearest heading or
  label above it ("**Tomás**", "祁敏捷：", "Aurelio's items:");
* the evidence names their handle: one the notes write beside their name ("Oisín Brady
  (@obrady)" in the attendees, then "@obrady to update the RFC"), or one made of their name
  ("@kniemiec" for Konrad Niemiec);
* it is whoever wrote the notes, and the evidence says "I" or names nobody else;
* the built-in engine read the same line the same way.

A model may also name several people ("Ilya, Sebastián"): the first one the notes support owns
the item (the evals' convention: when a task is shared, the first named acts), and a first name
that the notes give in full elsewhere ("Kaja" -> "Kaja Wilczek") becomes the full name. A
phrase of everyday English words ("Mail" in "Mail to the dev list…") is never a person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import islice
from types import MappingProxyType

from assistant.llm.everyday_words import is_everyday_word
from assistant.recap.builtin.languages import DUE_PREPOSITION
from assistant.words import PLAIN_LETTERS, fold, unsegmented

# What separates several owners in one field: "A, B", "A and B", "柴钰，尹伟", "A/B", "A & B".
_SEVERAL = re.compile(
    r"\s*(?:[,，、;；/&+]|\s(?:and|und|et|y|e|en|og|och|i|a)\s|和|与|及)\s*", re.IGNORECASE
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'll|i've|i'd|me|my|myself)\b", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^\W*(?:(?:ai|ap|action(?:\s+items?)?|todo|next\s+steps?)\s*[:\-]\s*)?\W*", re.I
)
# What follows the doer's name in a commitment: "Jordan to send", "Lee will", "Sam: book".
_DOER_CUE = re.compile(
    r"^['’]?s?\W{0,3}(?:to\b|will\b|['’]ll\b|:|->|→|-|–|is\s+going\s+to\b|agreed\s+to\b|"
    r"offered\s+to\b|volunteered\s+to\b|promised\s+to\b|owns\b|takes\b|\()",
    re.IGNORECASE,
)
# Words after which a name receives the task rather than doing it ("send it to Priya", "ask
# Sam", "met Jan afstemmen", "envoyer à Zoë"); the name of a doer never follows them.
_RECEIVER_BEFORE = re.compile(
    r"(?:\b(?:to|with|for|from|ask|asks|asked|tell|tells|told|ping|cc|email|e-mail|call|"
    r"contact|thank|thanks|inform|remind|invite|mit|für|an|von|à|avec|pour|de|para|con|com|"
    r"per|naar|met|voor|van|aan|"
    # and a date: "by Friday", "in May", "bis Juni" (a name may be a month or a day)
    rf"by|on|until|till|before|after|since|in|at|{DUE_PREPOSITION})\s+(?:@\s*)?)$",
    re.IGNORECASE,
)
# A section's heading (Markdown or a bold line) and a short label line ("Owner: Kaja", "汇报人：").
_SECTION = re.compile(r"^\s{0,3}#{1,6}\s|^\s*(?:\*\*|__).+(?:\*\*|__)\s*[:：]?\s*$")
_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?[^:：\s][^:：]{0,30}[:：]")
_NEXT_WORD = re.compile(r"[ \t]([^\W\d_][\w'’\-]*)")  # the next word of a name, one space on
# "Oisín Brady (@obrady)", "@obrady (Oisín Brady)": a handle declared beside a name.
_NAME_THEN_HANDLE = re.compile(
    r"([^\W\d_][\w'’\-]*(?:[ \t][^\W\d_][\w'’\-]*){0,3})\s*[(\[]\s*@([\w.\-]+?)\s*[)\]]"
)
_HANDLE_THEN_NAME = re.compile(r"@([\w.\-]+?)\s*[(\[]\s*([^\W\d_][^()\[\]@\n]{0,60}?)\s*[)\]]")
_HANDLE = re.compile(r"(?<![\w@])@([\w.\-]*\w)")
MAX_SCOPE_LINES = 40  # how far up the notes a heading may still own the lines below it
MAX_MENTIONS = 20  # a line names a person a few times at most


def owner_choices(owner: str) -> list[str]:
    """The people a model's owner field names, in its order ("@Vortix, @Kaelith" -> both)."""
    whole = " ".join(owner.split()).strip(" @")
    parts = [p.strip(" @") for p in _SEVERAL.split(whole)]
    parts = [p for p in parts if p]
    return parts if len(parts) > 1 else [whole]


def _folded(text: str) -> str:
    """Case and accents aside: notes often write "Jose", "Ronan" or "Lukasz" for José, Rónán
    and Łukasz."""
    return fold(text).translate(PLAIN_LETTERS)


def resolve_owner(owner: str, people: Sequence[str]) -> str | None:
    """Map 'Maria', 'MS', 'maria santos' or 'Jose' to the full name of a known person (José
    …), else a handle built from one person's name ('msantos', 'mariasantos2', 'mariasan');
    None if unknown or ambiguous."""
    wanted = _folded(owner)
    for name in people:
        full = _folded(name)
        parts = full.split()
        initials = "".join(p[0] for p in parts)
        if wanted in (full, parts[0], initials) or (len(parts) > 1 and wanted == parts[-1]):
            return name
    handle = _handle_letters(wanted)
    if len(handle) < 4 or " " in wanted:
        return None
    matches = [name for name in people if _is_handle_of(handle, _folded(name).split())]
    return matches[0] if len(matches) == 1 else None


def _handle_letters(handle: str) -> str:
    """A handle without its "@", digits and separators: "@m.quintero_1" -> "mquintero"."""
    return re.sub(r"[\d_.\-@]+", "", handle)


def _is_handle_of(handle: str, parts: list[str]) -> bool:
    """The ways people make a handle of their name: "msantos", "mariasantos", "marias",
    "santosm", or one of those cut short by a length limit ("tmarchet" for Théo Marchetti).
    The start of a one-word name is not enough: "hina" and "hinahina" are two people."""
    first, last = parts[0], parts[-1]
    forms = {"".join(parts)}
    if len(parts) > 1:
        forms |= {first[0] + last, first + last[0], last + first[0], last + first}
    if handle in forms:
        return True
    return len(handle) >= 6 and len(parts) > 1 and any(f.startswith(handle) for f in forms)


def looks_like_a_person(owner: str) -> bool:
    """Not a phrase of everyday English words ("Mail", "Revisit Brown Bag Schedule"), which a
    model can take for a name when a note opens a line with it. Given names that are also
    words (Mark, Grace) and words of other languages pass."""
    words = [w for w in re.split(r"[\s\-]+", owner.strip(" @")) if w]
    return bool(words) and not all(w.isascii() and is_everyday_word(w) for w in words)


def full_name_in_notes(owner: str, notes: str) -> str | None:
    """'Kaja' -> 'Kaja Wilczek' when the notes write exactly one longer name starting with it
    (capitalised words joined by single spaces, on the same line)."""
    if len(owner.split()) != 1 or not owner[:1].isupper():
        return None
    found: set[str] = set()
    mentions = re.finditer(rf"(?<![\w@]){re.escape(owner)}(?!\w)", notes)
    for match in islice(mentions, 10 * MAX_MENTIONS):
        words, position = [owner], match.end()
        while len(words) < 4:
            following = _NEXT_WORD.match(notes, position)
            if following is None or not following.group(1)[:1].isupper():
                break
            words.append(following.group(1))
            position = following.end()
        if len(words) > 1:
            found.add(" ".join(words))
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=8)  # read once per note, not once per item and owner the model gives
def declared_handles(notes: str) -> Mapping[str, str]:
    """Handles the notes write beside a name, folded handle -> name ("@obrady" -> "Oisín
    Brady"); a handle given for two different names is left out."""
    pairs = [(m.group(2), _name_part(m.group(1))) for m in _NAME_THEN_HANDLE.finditer(notes)]
    pairs += [(m.group(1), _name_part(m.group(2))) for m in _HANDLE_THEN_NAME.finditer(notes)]
    names: dict[str, set[str]] = {}
    for handle, name in pairs:
        if name:
            names.setdefault(_folded(handle), set()).add(name)
    return MappingProxyType({h: next(iter(n)) for h, n in names.items() if len(n) == 1})


def _name_part(text: str) -> str:
    """The words of `text` that can be a name, read back from its end: they start with a
    capital (or a letter of a script without case). "Sharing the design - Oisín Brady" ->
    "Oisín Brady"; "action item" -> "" (a task, not a person)."""
    kept: list[str] = []
    for word in reversed(text.split()):
        if not word[:1].isalpha() or word[:1].islower():
            break
        kept.insert(0, word)
    return " ".join(kept)


def name_for_handle(owner: str, notes: str) -> str | None:
    """The name the notes declare for a handle the model gave as the owner ("@obrady")."""
    return declared_handles(notes).get(_folded(owner.strip().lstrip("@")))


def named_by_handle(owner: str, evidence: str, notes: str) -> bool:
    """The evidence names a handle the notes declare for this owner, or one made of the
    owner's name ("@kniemiec" for Konrad Niemiec)."""
    if "@" not in evidence:
        return False
    declared = declared_handles(notes)
    wanted = _folded(owner)
    for h in islice(_HANDLE.findall(evidence), MAX_MENTIONS):
        if _folded(declared.get(_folded(h), "")) == wanted:
            return True
        handle = _handle_letters(_folded(h))
        if len(handle) >= 4 and _is_handle_of(handle, wanted.split()):
            return True
    return False


def _forms(owner: str) -> list[str]:
    """The whole name, its capitalised parts ("van", "de" and other particles alone name
    nobody) and its initials."""
    forms = [owner, *(p for p in owner.split() if not p[:1].islower())]
    initials = "".join(p[0] for p in owner.split() if p)
    if len(initials) > 1:
        forms.append(initials)
    return sorted({f for f in forms if len(f) > 1}, key=len, reverse=True)


def _mentions(owner: str, text: str) -> list[re.Match[str]]:
    """Where the owner is written (full name, a part, initials); a part inside a longer
    mention ("Nair" in "Priya Nair") is not a mention of its own. A line names a person a
    few times at most, so only the first mentions of each form are read (bounded time on
    a pasted 200 KB line)."""
    found: list[re.Match[str]] = []
    for form in _forms(owner):  # longest first
        # Chinese and Japanese put no space between a name and the verb ("王伟负责…").
        edge = "" if unsegmented(form[-1]) else r"(?!\w)"
        pattern = re.compile(rf"(?<!\w){re.escape(form)}{edge}", re.IGNORECASE)
        for match in islice(pattern.finditer(text), MAX_MENTIONS):
            if not any(m.start() <= match.start() and match.end() <= m.end() for m in found):
                found.append(match)
    return sorted(found, key=lambda m: m.start())


def named_as_doer(owner: str, evidence: str) -> bool:
    """The owner's name opens the line or is followed by a commitment ("Jordan to…"); a name
    that only receives something ("…send the deck to Priya") does not make its owner."""
    start = _LEAD_IN.match(evidence)
    body = evidence[start.end() if start else 0 :]
    return any(
        match.start() == 0
        or (
            _as_name(match, owner)
            and _DOER_CUE.match(body[match.end() : match.end() + 60].lstrip())
        )
        for match in _mentions(owner, body)
    )


def _as_name(match: re.Match[str], owner: str) -> bool:
    """Written as the name is: a part of it in other letter case mid-line is a word ("to",
    "will", "may", "mark"). The whole name may differ in case, and at the start of a line
    "jordan to send" is still Jordan."""
    found = match.group(0)
    return found in _forms(owner) or found.casefold() == owner.casefold()


def named_not_as_receiver(owner: str, evidence: str) -> bool:
    """Named in the line, and not right after a word that makes them the receiver: "(TB
    kümmert sich)", "@Anouk and @petrksm to come up with…", "Feature de login: Caio Mendonça"."""
    return any(_not_receiver(match, evidence, owner) for match in _mentions(owner, evidence))


def _not_receiver(match: re.Match[str], text: str, owner: str) -> bool:
    """Written as a name, and not right after a word that makes it the receiver or a date."""
    if not _as_name(match, owner):
        return False
    return not _RECEIVER_BEFORE.search(text[max(0, match.start() - 40) : match.start()])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def named_above(owner: str, evidence: str, notes: str) -> bool:
    """A line the evidence sits under names the owner: a parent bullet (less indented), or a
    heading or label line of its section ("**Tomás**", "汇报人：陆川", "Owner: Kaja")."""
    at = notes.find(evidence)
    if at < 0 or not evidence.strip():
        return False
    lines = notes[:at].split("\n")
    current = lines.pop()  # the start of the evidence's own line
    depth = _indent(current) if current.strip() else _indent(evidence)
    climbed = False  # once past a parent, labels beside it belong to its siblings
    for line in reversed(lines[-MAX_SCOPE_LINES:]):
        if not line.strip():
            continue
        indent = _indent(line)
        section = bool(_SECTION.search(line))
        parent = indent < depth
        carries = parent or section or (not climbed and bool(_LABEL.match(line)))
        if carries and any(_not_receiver(m, line, owner) for m in _mentions(owner, line)):
            return True
        climbed = climbed or parent
        depth = min(depth, indent)
        if section:
            return False  # the section's own heading closes the scope
    return False


def names_someone_else(owner: str, evidence: str, others: Sequence[str]) -> bool:
    """The evidence names a doer who is not `owner`: a known person, or a handle."""
    if "@" in evidence:
        return True
    return any(p.lower() != owner.lower() and named_as_doer(p, evidence) for p in others)


def owner_supported(
    owner: str,
    evidence: str,
    first_person: str,
    twin_owner: str | None = None,
    *,
    notes: str = "",
    people: Sequence[str] = (),
) -> bool:
    """Do the notes say this person took it on? See the module's docstring for the ways."""
    if not owner:
        return False
    if twin_owner and twin_owner.lower() == owner.lower():
        return True
    if named_as_doer(owner, evidence) or named_not_as_receiver(owner, evidence):
        return True
    if notes and named_above(owner, evidence, notes):
        return True
    if named_by_handle(owner, evidence, notes):
        return True
    if owner.lower() != first_person.lower():
        return False
    return bool(_FIRST_PERSON.search(evidence)) or not names_someone_else(owner, evidence, people)
