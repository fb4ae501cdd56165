"""Word lists the rules rely on: task verbs, shorthand expansions, cue words.

Kept general (everyday English and common note-taking shorthand), never keyed to any one note.
"""

from __future__ import annotations

import regex as re

from assistant.recap.builtin.languages import EitherCue, cue

# Base-form verbs that start a task ("send", "book", "follow up"). Shorthand verbs included.
TASK_VERBS: frozenset[str] = frozenset(
    """accept add address adjust align analyze announce answer apply approve archive arrange ask
    assemble assess assign attend audit automate back backfill benchmark block book brief bring
    budget build buy calculate calibrate call cancel capture chase check circle clarify clean
    clear close coach collect come compare compile complete confirm connect consolidate contact
    coordinate copy correct cover create cross-train cut debug decide define delegate deliver
    deploy design develop document do draft drive drop edit email enroll escalate estimate
    evaluate file fill finalize finalise find finish fix flag follow forward gather get give go
    grab hand handle have help hire host identify implement inform install interview introduce
    intro invite join kick lead list loop look make map meet mentor message migrate monitor move
    nominate note notify offer onboard order organize organise outline own pair pass pick pilot
    ping plan post prep prepare present price print prioritize process produce propose provide
    publish pull push put raise reach read rebook rebuild recap recert reconcile record recruit
    redo reduce refresh register reply report request reschedule research reserve reset resolve
    respond restart retrain return review revise rewrite run schedule scope screen send set
    settle shadow share ship show sign sit sort source speak split start submit summarize
    support swap sync take talk teach test text tell track train transfer triage try turn update
    upload validate verify visit walk write open file launch remind nudge loop investigate
    explore figure work discuss demo offboard purchase proofread translate log enter input
    download configure release patch upgrade rotate restore delete remove include exclude renew
    extend countersign pay invoice bill quote forecast measure survey inspect count retest
    double-check recheck revisit rerun postpone shift reassign prototype mock sketch circulate
    distribute pitch suggest recommend sponsor reject negotiate renegotiate procure tender bid
    facilitate moderate chair secure obtain fetch pack replace repair empty restock stock label
    tag wrap escalate ask reach tidy collate chase brief debrief coach celebrate thank welcome
    invite notify confirm reconfirm sort clarify align sync review approve draft retire sunset
    deprecate decommission merge split rename reorganize restructure standardize simplify
    streamline benchmark baseline pilot trial onboard profile refactor instrument optimize
    optimise tune rework redesign integrate relaunch rerun reorder reprint begin continue keep
    allow enable familiarize familiarise incorporate refine determine examine improve describe
    explain consider learn groom""".split()
)

# Verbs that take a to-infinitive ("Managed to start", "Forgot to record", "Commit to
# providing"): at the start of a line before "to" they are the writer's own report, never a
# one-word name in an owner spot. Base, past and -ing forms; "hope" is left out (a given name).
CATENATIVE_VERBS: frozenset[str] = frozenset(
    """forget forgot forgotten forgetting manage managed managing commit committed committing
    decide decided deciding try tried trying plan planned planning want wanted wanting going
    continue continued continuing remember remembered remembering fail failed failing start
    started starting agree agreed agreeing promise promised promising expect expected expecting
    intend intended intending need needed needing seem seemed refuse refused refusing tend
    tended happen happened learn learned learnt attempt attempted attempting aim aimed aiming
    struggle struggled struggling prefer preferred volunteer volunteered wish wished
    moving""".split()
)


def verb_form(word: str) -> bool:
    """A word that is a task verb or a to-infinitive verb in any form: 'Forgot', 'Managed',
    'Moving' (move), 'Scheduled' (schedule), 'Planning'."""
    low = word.lower()
    if low in TASK_VERBS or low in CATENATIVE_VERBS:
        return True
    for suffix in ("ing", "ed"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            if {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem} & TASK_VERBS:
                return True
    return False


# Note-taking shorthand expanded in task texts so they read (and match) as plain English.
SHORTHAND: dict[str, str] = {
    "w/": "with",
    "w/o": "without",
    "re:": "about",
    "abt": "about",
    "arch": "architecture",
    "mtg": "meeting",
    "mtgs": "meetings",
    "mgr": "manager",
    "mgmt": "management",
    "tix": "tickets",
    "tkts": "tickets",
    "prnts": "parents",
    "prnt": "parent",
    "f/u": "follow up",
    "hc": "headcount",
    "sys": "system",
    "recert": "recertification",
    "dept": "department",
    "opp": "opportunity",
    "opps": "opportunities",
    "info": "information",
    "approx": "approximately",
    "yr": "year",
    "wk": "week",
    "wks": "weeks",
    "eng": "engineering",
    "svc": "service",
    "docs": "documents",
    "q's": "questions",
    "perf": "performance",
    "intro": "introduce",
    "sched": "schedule",
    "cust": "customer",
    "prep": "prepare",
    "mins": "minutes",
    "asap": "as soon as possible",
    "veg": "vegetable",
    "appt": "appointment",
    "appts": "appointments",
    "btwn": "between",
}


# Done / cancelled / declined cues that veto a candidate commitment.
_ENGLISH_DONE_CUE = re.compile(
    r"\balready\b(?!\s+(?:agreed|offered|promised|committed|said|planned|volunteered|asked))|"
    # "send a reminder when the draft is finished": a condition, not a report that it is done
    r"(?<!\b(?:when|once|after|until|till|as soon as)\b[^.;,\n]{0,80})"
    r"\b(?:done|completed|finished)\s*(?:[.!)]|$)|\bdone in the meeting\b|"
    r"(?:\s[-–—]|\(|\|)\W*(?:done|completed|finished)\b(?!\s+(?:by|before|when|if)\b)",
    re.IGNORECASE,
)
CANCEL_CUE = re.compile(
    r"\b(?:cancel(?:l)?ed|called off|scrapped|killed it|no longer needed|not needed|"
    r"(?:was|were)\s+(?:going|planning)\s+to|originally|dropped it)\b",
    re.IGNORECASE,
)
DECLINE_CUE = re.compile(
    r"\b(?:said no|declined|rather not|turned (?:it|that) down|not (?:now|yet|this (?:year|time|"
    r"cycle|quarter))|no need|let'?s not|decided against|not doing|can handle it|"
    r"ha(?:s|ve) it covered|no thanks|"
    r"but\s+(?:we|i|he|she|they)\s+(?:decided|chose|opted|went with|prefer(?:red)?)|"
    r"said (?:he|she|they)(?:'s|'re| is| are| was) (?:fine|ok|okay|good|all set))\b",
    re.IGNORECASE,
)
# Ongoing norms (no completion point) are decisions, not action items.
_ENGLISH_NORM_CUE = re.compile(
    r"\b(?:from now on|going forward|moving forward|as a rule|norm|always|every time|"
    r"whenever|each (?:week|time|day)|every (?:week|day|morning|monday|tuesday|wednesday|"
    r"thursday|friday)|any (?:ticket|tix|change|request|order)s?|"
    r"on (?:mon|tues|wednes|thurs|fri|satur|sun)days|ongoing|on every \w+|"
    # Open-ended offers with no completion point: "help with any docs as needed", "raise
    # issues if anything doesn't work", "reach out if you want to do this".
    r"as (?:needed|necessary)|if anything|if you (?:want|wish|would like|'d like))\b",
    re.IGNORECASE,
)

AFFIRMATIVE_REPLY = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|sure|ok(?:ay)?|will do|sounds good|got it|on it|absolutely|"
    r"definitely|of course|no problem|can do|works|deal|agreed|perfect|great|fine|"
    r"[\p{Ll}\p{M}]+ works|i will|i'll|i can|happy to|that works)\b",
    re.IGNORECASE,
)
NEGATIVE_REPLY = re.compile(
    r"^\W*(?:no\b|nope|not really|honestly,? no|actually,? no|i'?d rather|rather not|"
    r"already|let'?s (?:not|skip)|skip|i don'?t think|not (?:now|yet|needed)|nah)",
    re.IGNORECASE,
)

# Open questions and hedged ideas are follow-ups for next time, not commitments:
# "Do we need a separate chainList?", "maybe move to IPFS", "?? ask legal", "if time allows".
_ENGLISH_TENTATIVE = re.compile(
    r"\?\s*[)\].]*\s*$|\?\?|\b(?:maybe|might|possibly|perhaps|potentially|probably not|"
    r"if time(?: allows| permits)?|could (?!you\b)|would be (?:nice|good) to)\b",
    re.IGNORECASE,
)

# The same notions in other languages ("erledigt", "terminé", "已完成"; "vielleicht", a final
# "？"; "ab sofort", "每周"), searched after the English pattern (one merged pattern is slower).
DONE_CUE = EitherCue(_ENGLISH_DONE_CUE, cue("done"))
TENTATIVE = EitherCue(_ENGLISH_TENTATIVE, cue("tentative"))
NORM_CUE = EitherCue(_ENGLISH_NORM_CUE, cue("norm"))
