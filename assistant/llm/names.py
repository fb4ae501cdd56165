"""Find people's names in free text, so redaction covers people the team list does not know.

Notes name colleagues, customers and family ("ask Dana from finance", "Lee to review"). We
cannot know them in advance, so we look for how names are written: a capitalised word in the
middle of a sentence, a capitalised word at the start of one when a person-like cue follows
("Dana to send", "Lee said", "Priya:"), or two capitalised words in a row. Everyday words that
are capitalised anyway (days, months, headings, "I") are skipped, and so is any word the same
text also writes in lower case ("Billing" in a heading, "billing" in a sentence).

Missing a name leaks it, so the rules lean towards finding. Over-finding is not free, though:
"Mail to the dev list" sent as "Person C to the dev list" reads as a task for someone, and the
model hands it to "Mail". So a line-initial word with only a weak cue after it ("to", ":", "(")
is a name only when it is not an everyday English word (`everyday_words`); given names that are
also words ("Mark to send", "Grace: ...") stay names. Scripts without letter case (Chinese,
Japanese, Arabic...) cannot be detected this way: such names are redacted only when they are
known (team, participants).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.llm.everyday_words import is_everyday_word
from assistant.llm.prompts import template_words
from assistant.llm.sensitive import find_sensitive

# A word: letters (any script), with inner apostrophes or hyphens (D'Souza, Mary-Kate).
MAX_NAME_WORDS = 4  # Nguyễn Thị Minh Hương
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?:\s*(?:[-*•·>]+|#?\d+[.):]?|\(?[a-z]\)|\[[ xX]?\]))*\s*")
_SENTENCE_END = re.compile(r"[.!?:;•*>#|\-–—(\[\"“”]\s*$|^\s*$")
# What may follow a sentence-initial name: "Dana to send", "Lee said", "Priya: ...". The
# weak cues ("to", ":", "(") also follow everyday words ("Link to the recording", "Reminder:").
_WEAK_CUE_AFTER = re.compile(r"^(?:\s*[:(]|\s+to\s+(?!be\b)[a-z])")
_STRONG_CUE_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:will\b|'ll\b|’ll\b|said\b|says\b|asked\b|"
    r"asks\b|wants\b|wanted\b|mentioned\b|agreed\b|thinks\b|thought\b|feels\b|felt\b|"
    r"joined\b|promised\b|offered\b|committed\b|volunteered\b|suggested\b|proposed\b|"
    r"raised\b|shared\b|confirmed\b|noted\b|reported\b|presented\b|owns\b|is\s+out\b|"
    r"is\s+on\s+leave\b|and\s+I\b|and\s+me\b|from\s+(?:the\s+)?[a-z]|at\s+[A-Z]|&))"
)

# Capitalised words that are almost never someone's name in 1:1 notes.
COMMON_CAPITALISED = frozenset(
    """
    i i'm i've i'll i'd me my we our us you your he she they them his her their it its this that
    these those there here a an the and or but if so not no yes ok okay also then than as at by
    for from in into of on onto to up with without about after before during over under again
    all any each every some most more many much few other another such what which who whom whose
    when where why how whether while until since because although though however therefore
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat
    sun january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow yesterday tonight week
    weekend month quarter year morning afternoon evening eod eow eom christmas easter
    note notes action actions item items todo todos agenda summary recap decision decisions
    next steps step follow followup follow-up follow-ups update updates status blocker blockers
    wins win concerns concern praise feedback personal topic topics goal goals career growth
    priorities priority risks risk issues issue questions question misc other context highlights
    lowlights attendees present date time meeting meetings team project projects plan plans done
    open closed new ongoing on-going finished check-in checkin discussed discussion agreed
    decided owner owners due deadline please thanks thank hi hello dear regards best cheers
    manager report reports lead demo roadmap sprint release launch review reviews retro standup
    english french spanish german british american european
    """.split()
)

# Verbs that start imperative lines ("Send Alex the deck"): at a sentence start they are
# never taken for a first name, whatever follows.
IMPERATIVE_STARTS = frozenset(
    """
    send tell ask get push introduce publish chase credit crediting told ping email call remind
    thank schedule book share review check follow loop cc invite pair meet sync talk connect
    nudge update help give let have make set put write draft prep prepare plan move hand
    escalate flag raise praise congratulate confirm find fix add bring start stop keep try
    dm dming told wants asked need needs discuss discussed mention mentioned
    """.split()
)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return COMMON_CAPITALISED | template_words()


def _is_capitalised(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if letters[-1:] == ["s"]:
        letters = letters[:-1]  # "OKRs", "APIs" are plural acronyms
    if len(letters) < 2 or not letters[0].isupper():
        return False
    return any(c.islower() for c in letters[1:])  # "API", "OKR" are acronyms, not names


def _sentence_start(text: str, start: int) -> bool:
    # Only a short look back, so a 200 KB line costs no more per word than a short one.
    window = max(0, start - 80)
    newline = text.rfind("\n", window, start)
    if newline < 0 and window > 0:
        return bool(_SENTENCE_END.search(text[window:start]))
    before = text[newline + 1 : start]
    stripped = _LIST_MARKER.sub("", before)
    return not stripped.strip() or bool(_SENTENCE_END.search(before))


def _without_addresses(text: str) -> str:
    spans = find_sensitive(text, ("email", "link"))
    for span in reversed(spans):
        text = text[: span.start] + " " + text[span.end :]
    return text


def find_names(text: str, *, ignore: Iterable[str] = ()) -> list[str]:
    """Likely names of people in `text`, in order of first appearance (each once).

    Consecutive capitalised words come back as one name ("Dana Kim") and each of its words
    separately, so "Dana" alone is found too. `ignore` lists extra words that are never names.
    """
    stop = _stop_words() | {w.casefold() for w in ignore}
    # "billing" written in lower case elsewhere makes "Billing" a word, but an address
    # ("dana.kim@example.com") says nothing about whether "Dana" is a name.
    lower_words = {w for w in _WORD.findall(_without_addresses(text)) if w.islower()}
    found: dict[str, None] = {}
    run: list[str] = []

    def close_run() -> None:
        if len(run) > 1:
            found.setdefault(" ".join(run))
        run.clear()

    previous_end = -1
    for match in _WORD.finditer(text):
        raw = match.group(0)
        word = _POSSESSIVE.sub("", raw)
        possessive = word != raw
        gap = text[previous_end : match.start()] if previous_end >= 0 else ""
        previous_end = match.end()
        if run and gap not in (" ", "\u00a0"):
            close_run()
        if not _is_capitalised(word) or word.casefold() in stop or word.lower() in lower_words:
            close_run()
            continue
        if _sentence_start(text, match.start()):
            if word.casefold() in IMPERATIVE_STARTS:
                close_run()
                continue
            after = text[match.end() : match.end() + 40]
            next_word = _WORD.match(after.lstrip()) if after[:1] == " " else None
            followed_by_name = bool(
                next_word
                and _is_capitalised(next_word.group(0))
                and next_word.group(0).casefold() not in stop
            )
            # A weak cue names no one after an everyday word ("Link to the recording").
            cue = _STRONG_CUE_AFTER.match(after) or (
                _WEAK_CUE_AFTER.match(after) and not is_everyday_word(word)
            )
            if not (possessive or cue or followed_by_name):
                close_run()
                continue
        if len(run) == MAX_NAME_WORDS:  # "Dana Dana Dana…" is not one endless name
            close_run()
        run.append(word)
        found.setdefault(word)
    close_run()
    return list(found)
