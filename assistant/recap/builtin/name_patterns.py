"""Patterns and word lists for recognising people's names in notes written in any script:
full names with particles and hyphens, names in scripts without capitals, owner spots, initials,
handles, and the capitalised words that are never first or last names."""

from __future__ import annotations

from typing import Literal

import regex as re

# Small precompiled patterns used by the functions below.
LEADING_ARTICLE = re.compile(r"^(?:the|my|our|their|his|her|a|an)\s+")
WHITESPACE = re.compile(r"\s+")
PAREN_AFTER = re.compile(r"\s*\(([^()]{1,40})\)")
ROLE_BEFORE_PAREN = re.compile(r"(\p{L}[\w &/-]{1,40}?)\s*\(\s*$")
ROLE_BEFORE_COMMA = re.compile(r"(?:the|our|their|my)\s+(\p{Ll}[\w -]{2,30}),\s*$")
FIRST_AND_INITIAL = re.compile(r"(\p{Lu}[\p{Ll}\p{M}]+)\s+(\p{Lu})\.?")
PAREN_TAIL = re.compile(r"\s*,\s*([^()]{1,30})\)")
HANDLE = re.compile(r"@([a-z]{2,})[._]([a-z]{2,})\b")
# Where a one-word name shows up as an owner: at the start of a line before "to"/"will" (or
# "X and Y to"), or alone in brackets at the end or start of a line ("(Anselm)", "[Farhan &
# Jonah]").
ONE_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?"
# "**Kwame**": emphasis around a name in an owner spot.
EMPH_NAME = r"(?:\*\*|__)?+" + ONE_NAME + r"(?:\*\*|__)?+"
OWNER_SPOT = re.compile(
    # Possessive quantifiers (*+, ?+): a line of nothing but spaces must not backtrack.
    r"(?m)^[^\S\n]*+(?:[-*•+]|\d{1,2}[.)])?+[^\S\n]*+(?:"
    + EMPH_NAME
    + r")(?:\s*+(?:,|&|\+|and)\s*+"
    + EMPH_NAME
    + r"){0,3}\s++(?:to|will)(?:\s++\p{Ll}|:)|"
    r"[\[(]" + ONE_NAME + r"(?:\s*+(?:,|&|\+|/|and)\s*+(?:" + ONE_NAME + r"|team))*+[\])]"
    r"(?=[^\S\n]*+[.:]?+[^\S\n]*+$)|"
    r"\(" + ONE_NAME + r"\s++(?:to|will)\s++\p{Ll}[^()\n]{0,60}\)|"  # "(Saoirse to write issue)"
    r"(?m)^[^\S\n]*+(?:[-*•+][^\S\n]*+)?+\["
    + ONE_NAME
    + r"(?:\s*+(?:,|&|\+|/|and)\s*+"
    + ONE_NAME
    + r")*+\]"
)
NAME_IN_SPOT = re.compile(ONE_NAME)
# A line that is only a one-word name as a heading or list label: "#### Lukáš", "***Priit***",
# "- [ ] Ngozi: open X", "* Zhiwei:"; `shape` is what stands before it (the list or heading).
NAME_LABEL = re.compile(
    r"(?m)^(?P<shape>[^\S\n]*+(?:#{1,6}[^\S\n]++|>[^\S\n]*+)?+(?:(?:[-*•+]|\d{1,2}[.)])[^\S\n]++)?+"
    r"(?:\[[ xX]\][^\S\n]++)?+)[*_]{0,3}(?P<name>" + ONE_NAME + r")[*_]{0,3}"
    # After a colon, a task in words ("Lukáš: will look into X"), not a title or role in
    # capitals ("Dex: Open Source Program Manager").
    r"(?:[^\S\n]*+(?P<colon>:)(?=[^\n]*?\s\p{Ll})|[^\S\n]*+$)"
)
ANY_HANDLE = re.compile(r"(?<![\w.])@([\p{L}][\w-]{2,30})(?![\w@.]*\.\w)")
INITIALS = re.compile(r"\p{Lu}{2,4}|\p{Lu}{1,2}-\p{Lu}|\p{Lu}\.?")
# Lower-case words inside a name ("Jan van der Berg", "María de la Cruz", "Ciarán Ó Dálaigh").
PARTICLES = frozenset(
    "van der den de del della di da dos das du la le von zu ter ten bin ibn al el ó ní mac".split()
)

Role = Literal["manager", "report", "other"]

TITLES = r"(?:Dr|Mr|Mrs|Ms|Prof|Officer|Provost|Dean|Coach|Director|Chief|Sgt|Judge|Pastor)"
# One capitalised name word in any cased script ("Søren", "D'Souza", "Mary-Kate", "McKay").
# Lower-case letters include \p{Lo} after a capital: the regex module's newer Unicode data files
# some Latin letters (ʕ, ʔ) as "other", and a name may mix scripts.
LOW = r"[\p{Ll}\p{Lo}\p{M}]"
NAME_WORD = (
    r"(?:\p{Lu}['’]\p{Lu}" + LOW + r"+|\p{Lu}" + LOW + r"+(?:\p{Lu}" + LOW + r"+)?"
    r"(?:[-'’]\p{Lu}?" + LOW + r"+)*)"
)
PARTICLE = (
    r"(?:(?:van|der|den|de|del|della|di|da|dos|das|du|la|le|von|zu|ter|ten|bin|al|Ó|Ní|Mac)\s+)"
)
# "Tomás Herrera", "Nguyễn Thị Hương", "Jan van der Berg", "Álvaro M. Ruiz-Castañeda"; group 1
# is the first name, group 2 the last. Uncased scripts: two to four letters ("王伟").
FULL_NAME = re.compile(
    r"(?:\b" + TITLES + r"\.?\s+)?(?<![\w'’-])(" + NAME_WORD + r")"
    r"(?:\s+(?:" + NAME_WORD + r"|\p{Lu}\.))?\s+" + PARTICLE + r"{0,3}"
    r"(" + NAME_WORD + r")(?![\w'’-])"
)
# A name in a script without capitals: one to three words of letters and combining marks
# ("王伟", "प्रिया शर्मा", "สมชาย ใจดี", "فاطمة الزهراء"); a long unbroken run is a sentence.
UNCASED_PERSON = r"\p{Lo}[\p{Lo}\p{M}]{1,15}(?:\s\p{Lo}[\p{Lo}\p{M}]{1,15}){0,2}"
UNCASED_NAME = re.compile(r"(?<!\w)" + UNCASED_PERSON + r"(?!\w)")
# Capitalised words that start sentences or name things, never a person's first name.
NOT_FIRST = frozenset(
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
NOT_LAST = frozenset(
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


CALENDAR = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
