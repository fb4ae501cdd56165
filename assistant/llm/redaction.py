"""Replace people's names and contact details with stable placeholders before text goes to a
model, and put them back in the answer.

`Redactor.for_people(["Maria Santos", "Sam Lee"])` maps every way of writing a person —
full name, first name, last name, initials ("MS") — to one placeholder ("Person A"), and
`restore` maps placeholders back to the full name. A form shared by two people (two Marias)
gets its own placeholder that restores to the form itself, so nothing is misattributed.

Matching rules: whole words only (Maria never matches inside Mariana), possessives keep their
suffix (Maria's -> Person A's), whitespace inside a full name may vary. Names are matched
case-insensitively, except initials and names that are also common words (Will, May, Mark),
which must be written capitalised exactly; generic words ("Manager" in "Demo Manager") and
common acronyms ("DM", "PR") are only redacted as part of a full name.

E-mail addresses, links, phone numbers and ID-like numbers (`sensitive.find_sensitive`) are
replaced first, as whole tokens ("[email A]", "[phone A]"), so a name inside an address never
splits it ("maria.o@gmail.com" stays one token and comes back intact). One `Redactor` serves
one model call: the placeholders it hands out are remembered for `restore`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from assistant.llm.prompts import template_words
from assistant.llm.sensitive import find_sensitive

T = TypeVar("T", bound=BaseModel)

# First or last names that are everyday words: only the capitalised form is a name.
NAME_WORDS = frozenset(
    """
    will may june april august grant mark bill rose long young king hope joy faith summer
    dawn sky iris ivy lily pat page rich park hill wood field brown green white black gray
    grey stone bell lane hall ward cook baker major day north west
    """.split()
)
# Role and generic words (e.g. the default "Demo Manager"): never redacted on their own,
# or every "manager" in the prompt's own instructions would become a placeholder.
GENERIC_WORDS = frozenset(
    """
    manager report demo test user admin team lead person owner boss coach staff member
    new old the and of de la van von
    """.split()
)
# Two-letter words and workplace acronyms that are not taken for someone's initials.
NOT_INITIALS = frozenset(
    """
    AM AS AT BE DO GO IF IN IS IT ME MY NO OF OK ON OR SO TO UP US WE
    AI CI CD DM EM HR ID OS PM PR QA UI UX VP
    """.split()
)
_WORD = r"(?<![\w])"
_END = r"(?![\w])"
# Scripts written without spaces between words: a name there has no word boundary around it.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _bounded(pattern: str, text: str) -> str:
    """Whole words only ("Maria" never inside "Mariana"), except in unspaced scripts."""
    if _UNSPACED.search(text):
        return f"(?:{pattern})"
    return f"{_WORD}(?:{pattern}){_END}"


def _letters(index: int) -> str:
    """A ... Z, AA, AB ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def placeholder(index: int) -> str:
    """Person A ... Person Z, Person AA, Person AB ..."""
    return f"Person {_letters(index)}"


_CONTACT_LABEL = re.compile(r"\[(?:email|link|id|phone) [A-Z]+\]")


@dataclass(frozen=True)
class _Form:
    text: str  # as it should be written when restored (for shared forms)
    key: str  # normalised lookup key
    pattern: str
    case_sensitive: bool


def _key(text: str, case_sensitive: bool) -> str:
    collapsed = " ".join(text.split())
    return collapsed if case_sensitive else collapsed.casefold()


def _forms(full_name: str) -> Iterator[_Form]:
    """Every way the person may be written: full name, each part, initials."""
    parts = full_name.split()
    if len(parts) > 1:
        pattern = r"\s+".join(re.escape(p) for p in parts)
        yield _Form(" ".join(parts), _key(full_name, False), f"(?i:{pattern})", False)
    for part in dict.fromkeys(parts):
        if len(part.rstrip(".")) < 2 or part.casefold() in GENERIC_WORDS:
            continue  # "J." or "Manager" alone is too ambiguous to redact
        sensitive = part.casefold() in NAME_WORDS
        pattern = re.escape(part) if sensitive else f"(?i:{re.escape(part)})"
        yield _Form(part, _key(part, sensitive), pattern, sensitive)
    if len(parts) > 1:
        initials = "".join(p[0] for p in parts if p[0].isalpha()).upper()
        # Initials that are also a word of our own prompt ("MM" in "YYYY-MM-DD") stay words.
        if (
            len(initials) >= 2
            and initials not in NOT_INITIALS
            and initials.casefold() not in template_words()
        ):
            yield _Form(initials, initials, re.escape(initials), True)


class Redactor:
    """Bidirectional name <-> placeholder mapping for one call."""

    def __init__(self, people: Iterable[str], *, contacts: bool = True) -> None:
        self._contacts = contacts
        self._contact_labels: dict[str, str] = {}  # original text -> "[email A]"
        self._contact_values: dict[str, str] = {}  # "[email A]" -> original text
        self._contact_counts: dict[str, int] = {}  # kind -> placeholders handed out
        names = list(dict.fromkeys(" ".join(n.split()) for n in people if n and n.strip()))
        owners: dict[str, set[int]] = {}
        forms: dict[str, _Form] = {}
        for index, name in enumerate(names):
            for form in _forms(name):
                owners.setdefault(form.key, set()).add(index)
                forms.setdefault(form.key, form)
        self._to_placeholder: dict[str, str] = {}
        self._to_name: dict[str, str] = {}
        for index, name in enumerate(names):
            self._to_name[placeholder(index)] = name
        shared = sorted(k for k, o in owners.items() if len(o) > 1)
        for offset, key in enumerate(shared):
            label = placeholder(len(names) + offset)
            self._to_name[label] = forms[key].text
            self._to_placeholder[key] = label
        for key, owner in owners.items():
            if len(owner) == 1:
                self._to_placeholder[key] = placeholder(next(iter(owner)))
        self._case_sensitive = {k for k, f in forms.items() if f.case_sensitive}
        # Longest first so "Maria Santos" wins over "Maria".
        patterns = sorted(forms.values(), key=lambda f: len(f.text), reverse=True)
        self._names_re = (
            re.compile("|".join(_bounded(f.pattern, f.text) for f in patterns))
            if patterns
            else None
        )
        labels = sorted(self._to_name, key=len, reverse=True)
        self._labels_re = (
            # ASCII boundaries: "Person A说" (Chinese after the label) is still a label.
            re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, labels)) + r")(?![A-Za-z])")
            if labels
            else None
        )

    @classmethod
    def for_people(cls, people: Iterable[str]) -> Redactor:
        return cls(people)

    @property
    def mapping(self) -> dict[str, str]:
        """Placeholder -> restored text (for debugging and tests; holds real names)."""
        return dict(self._to_name)

    def redact(self, text: str) -> str:
        if self._contacts:
            text = self._redact_contacts(text)
        if self._names_re is None:
            return text
        return self._names_re.sub(self._replace_name, text)

    def _redact_contacts(self, text: str) -> str:
        spans = find_sensitive(text)
        if not spans:
            return text
        out: list[str] = []
        position = 0
        for span in spans:
            label = self._contact_labels.get(span.text)
            if label is None:
                count = self._contact_counts.get(span.kind, 0)
                self._contact_counts[span.kind] = count + 1
                label = f"[{span.kind} {_letters(count)}]"
                self._contact_labels[span.text] = label
                self._contact_values[label] = span.text
            out += [text[position : span.start], label]
            position = span.end
        out.append(text[position:])
        return "".join(out)

    def _replace_name(self, match: re.Match[str]) -> str:
        found = match.group(0)
        key = _key(found, True)
        if key not in self._case_sensitive or key not in self._to_placeholder:
            key = _key(found, False)
        return self._to_placeholder.get(key, found)

    def restore(self, text: str) -> str:
        if self._contact_values:
            text = _CONTACT_LABEL.sub(
                lambda m: self._contact_values.get(m.group(0), m.group(0)), text
            )
        if self._labels_re is None:
            return text
        return self._labels_re.sub(lambda m: self._to_name[m.group(0)], text)

    def restore_model(self, obj: T) -> T:
        """Copy of a pydantic object with placeholders restored in every string it holds.

        Walks the fields instead of dumping and re-validating, so computed fields, frozen
        models and `extra="forbid"` schemas all survive unchanged apart from the text.
        """
        updates = {name: self.restore_data(getattr(obj, name)) for name in type(obj).model_fields}
        return obj.model_copy(update=updates)

    def restore_data(self, data: Any) -> Any:
        if isinstance(data, str):
            return self.restore(data)
        if isinstance(data, BaseModel):
            return self.restore_model(data)
        if isinstance(data, list):
            return [self.restore_data(v) for v in data]
        if isinstance(data, tuple):
            return tuple(self.restore_data(v) for v in data)
        if isinstance(data, dict):
            return {k: self.restore_data(v) for k, v in data.items()}
        return data

    def restore_stream(self, chunks: Iterable[str]) -> Iterator[str]:
        """Restore placeholders in streamed text, holding back a chunk tail that may be one."""
        buffer = ""
        for chunk in chunks:
            buffer += chunk
            cut = _safe_cut(buffer)
            if cut:
                yield self.restore(buffer[:cut])
                buffer = buffer[cut:]
        if buffer:
            yield self.restore(buffer)


# A tail that could still grow into a placeholder: "P", "Pers", "Person A", "[ema", "[phone B"...
_PARTIAL_LABEL = re.compile(
    r"(?:P(?:e(?:r(?:s(?:o(?:n(?: [A-Z]*)?)?)?)?)?)?|\[[a-z]{0,5}(?: [A-Z]*)?)\Z"
)


def _safe_cut(buffer: str) -> int:
    """Index up to which `buffer` can be emitted without splitting a placeholder."""
    # search() finds the leftmost start, so "Person AP" is held whole, not cut at the last P.
    match = _PARTIAL_LABEL.search(buffer, max(0, len(buffer) - 16))
    return match.start() if match else len(buffer)
