"""Notes in other languages: one lexicon mapping the words of German, French, Spanish,
Portuguese, Italian, Dutch, Chinese and Japanese notes to the engine's language-neutral notions
(an action heading, a commitment cue, a done word, a maybe, a due phrase).

The rules and the line classifier read English words; every place that reads a notion also asks
this module, so a German "wird", a French "va" and a Chinese "负责" fire the same cue feature
as "will" and the weights learned on English notes carry over. Words are everyday vocabulary of
each language, never phrases of one note. Weekday, month and relative-day names come from
dateparser's language data (no hand tables); each found phrase is resolved by the English date
rules through its English equivalent, so "nächste Woche" means exactly what "next week" means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

# Scripts written without spaces: a word boundary means nothing there.
_SPACELESS = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _escaped(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")


def _term(word: str) -> str:
    body = _escaped(word)
    if len(word) <= 3 and not _SPACELESS.search(word):
        # Short words ("va", "ich", "mai") match only as written or capitalised, so an
        # acronym in an English note ("VA", "EU", "MAI") is no cue.
        body = "(?-i:" + body + "|" + _escaped(word[:1].upper() + word[1:]) + ")"
    return body


def _first_chars(words: list[str]) -> str:
    """A lookahead for the letters the words start with: most positions fail it at once."""
    chars = {c for w in words for c in (w[0].lower(), w[0].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def alternation(words: Iterable[str]) -> str:
    """One regex alternative for a word list (longest first). Words of spaced scripts are
    bounded by non-letters, checked once for the whole group, and every position is first
    checked for a letter a word starts with (so the pattern stays fast on long notes)."""
    unique = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    spaced = [w for w in unique if not _SPACELESS.search(w)]
    spaceless = [w for w in unique if _SPACELESS.search(w)]
    parts = []
    if spaced:
        body = "|".join(map(_term, spaced))
        parts.append(
            rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){_first_chars(spaced)}(?:{body})(?![\p{{L}}\p{{M}}\p{{N}}])"
        )
    if spaceless:
        parts.append(_first_chars(spaceless) + "(?:" + "|".join(map(_term, spaceless)) + ")")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _words(*lists: str) -> tuple[str, ...]:
    """Word lists are written one language a line, entries separated by '|'."""
    return tuple(w.strip() for block in lists for w in block.split("|") if w.strip())


# --- Section headings -------------------------------------------------------------------
HEADINGS: dict[str, tuple[str, ...]] = {
    "action": _words(
        "aufgaben|aufgabe|nächste schritte|nächster schritt|to-dos|todos|todo|maßnahmen|"
        "offene punkte|vereinbarungen|zu erledigen|arbeitspakete|action items",
        "actions|prochaines étapes|prochaine étape|à faire|a faire|tâches|suites à donner|"
        "plan d'action|points d'action",
        "próximos pasos|tareas|acciones|pendientes|por hacer|compromisos|siguientes pasos",
        "próximos passos|tarefas|ações|acoes|pendências|a fazer|encaminhamentos",
        "azioni|prossimi passi|attività|da fare|compiti|cose da fare",
        "actiepunten|acties|volgende stappen|taken|te doen|afspraken",
        "待办|待办事项|行动项|行动计划|下一步|后续|后续步骤|后续工作|任务|跟进事项|分工|遗留问题",
        "宿題|アクションアイテム|タスク|todo|次のステップ|今後の対応|対応事項|やること|ネクストアクション",
    ),
    "followup": _words(
        "offene fragen|nächstes mal|nächstes treffen|zu besprechen|zu diskutieren",
        "questions ouvertes|prochaine fois|prochaine réunion|à discuter",
        "preguntas abiertas|próxima vez|próxima reunión|para discutir",
        "perguntas em aberto|próxima vez|próxima reunião|a discutir",
        "domande aperte|prossima volta|prossima riunione|da discutere",
        "open vragen|volgende keer|volgend overleg|te bespreken",
        "待讨论|下次|下次会议|开放问题",
        "未決事項|次回|次回の議題|検討事項",
    ),
    "decision": _words(
        "entscheidungen|beschlüsse|beschluss|vereinbart",
        "décisions|décidé",
        "decisiones|acuerdos|decidido",
        "decisões|decidido",
        "decisioni|deciso",
        "besluiten|besloten",
        "决定|决议|结论",
        "決定事項|決定|合意事項",
    ),
    "concern": _words(
        "risiken|probleme|bedenken|blocker",
        "risques|problèmes|inquiétudes|blocages",
        "riesgos|problemas|preocupaciones|bloqueos",
        "riscos|problemas|preocupações|bloqueios",
        "rischi|problemi|preoccupazioni|blocchi",
        "risico's|risico|problemen|zorgen",
        "风险|问题与风险|困难",
        "リスク|課題|懸念",
    ),
    "praise": _words(
        "lob|erfolge|highlights",
        "réussites|félicitations",
        "logros|reconocimientos",
        "conquistas|reconhecimentos",
        "successi|riconoscimenti",
        "successen|complimenten",
        "亮点|表扬|成绩",
        "成果|良かった点",
    ),
}
# Column headers of action tables ("Aufgabe | Verantwortlich | Termin", "任务 | 负责人 | 截止日期").
TABLE_HEADERS: dict[str, tuple[str, ...]] = {
    "task": _words(
        "aufgabe|maßnahme|massnahme|tâche|action|tarea|acción|tarefa|ação|attività|azione|"
        "compito|actie|taak|任务|事项|行动|タスク|対応内容|項目"
    ),
    "owner": _words(
        "verantwortlich|zuständig|wer|responsable|qui|quién|responsável|quem|responsabile|"
        "chi|eigenaar|verantwoordelijke|wie|负责人|责任人|担当|担当者"
    ),
    "due": _words(
        "bis|fällig|termin|frist|échéance|date limite|fecha|plazo|prazo|data|scadenza|"
        "deadline|datum|截止日期|截止|期限|完成时间|期日"
    ),
    "status": _words("erledigt|statut|estado|stato|状态|状況|ステータス"),
}
# Status headings or parent bullets inside an action list.
DONE_STATUS_WORDS = _words(
    "erledigt|fertig|abgeschlossen|done",
    "fait|terminé|terminées|terminés|réalisé",
    "hecho|completado|terminado|cerrado",
    "feito|concluído|concluido|finalizado",
    "fatto|completato|concluso|chiuso",
    "gedaan|afgerond|klaar",
    "已完成|完成|已解决",
    "完了|済み|対応済み|終了",
)
OPEN_STATUS_WORDS = _words(
    "offen|neu|in arbeit|laufend",
    "en cours|nouveau|ouvert",
    "en curso|nuevo|abierto|pendiente",
    "em andamento|novo|aberto|pendente",
    "in corso|nuovo|aperto",
    "lopend|nieuw|open",
    "进行中|新增|待处理|未完成",
    "進行中|未完了|対応中|新規",
)

# Words that lead into a due date ("bis Freitag", "avant vendredi", "para el viernes",
# "tot 15.3."): stripped with the date from a task, and the words after which "15.3." is a date.
DUE_PREPOSITIONS = _words(
    "bis|vor|spätestens|zum|am|ab",
    "voor|vóór|tot|uiterlijk|tegen|op",
    "avant|d'ici|pour|jusqu'à|jusqu'au|le|la|au|du",
    "para|antes de|antes del|hasta|el|al",
    "até|para",
    "entro|prima di|il|al",
)
# As one regex alternative, longest first, with no group or boundary of its own (callers
# put it inside a look-behind or a repeated group).
DUE_PREPOSITION = "|".join(
    re.escape(w) for w in sorted(set(DUE_PREPOSITIONS), key=lambda w: (-len(w), w))
)

# --- Wording cues, by the feature they feed -----------------------------------------------
CUES: dict[str, tuple[str, ...]] = {
    # Someone takes a task on: future, "is in charge of", "takes over".
    "will": _words(
        "wird|werden|werde|wirst|kümmert sich um|kümmere mich um|übernimmt|übernehme|"
        "übernehmen|ist zuständig für",
        "va|vais|vont|allons|se charge de|se chargera de|me charge de|s'occupe de|"
        "m'occupe de|s'occupera de|est responsable de",
        "va a|voy a|van a|vamos a|se encarga de|se encargará de|me encargo de|"
        "es responsable de|queda en",
        "vai|vou|vão|vamos|fica responsável por|ficou de|fica de|se encarrega de|é responsável por",
        "si occupa di|si occuperà di|mi occupo di|è responsabile di|si impegna a|"
        "si prende carico di",
        "zal|zullen|gaat|ga|gaan|neemt|pakt op|zorgt voor|is verantwoordelijk voor",
        "负责|将|会去|会把|来做|去做|牵头",
        "担当|担当する|する予定|予定|やります",
    ),
    # Verbs that say someone takes a task on and are the task's own verb as well: a cue for
    # the classifier and after a name, but kept in the task ("王伟跟进预算" -> "跟进预算").
    "does": _words(
        "跟进|准备|计划|安排|负责跟进",
        "対応する|対応します|します|する|確認する|作成する|準備する|送る|共有する",
    ),
    # Something has to happen.
    "need": _words(
        "muss|müssen|musst|soll|sollen|sollte|sollten",
        "doit|doivent|dois|devons|il faut|faut|devrait",
        "debe|deben|debemos|tiene que|tienen que|tenemos que|hay que|hace falta",
        "deve|devem|devemos|tem que|tem de|precisa|precisam|precisamos",
        "deve|devono|dobbiamo|bisogna|occorre",
        "moet|moeten|dient|hoort",
        "需要|必须|应该|要求",
        "必要|しなければ|べき|必須",
    ),
    "todo": _words(
        "todo|to-do|aufgabe|verantwortlich|zuständig",
        "à faire|action|responsable",
        "tarea|pendiente|acción|responsable",
        "tarefa|pendente|ação|responsável",
        "da fare|azione|responsabile",
        "actie|actiepunt|eigenaar|verantwoordelijke",
        "待办|行动项|负责人|责任人",
        "宿題|タスク|担当者|アクション",
    ),
    "please": _words(
        "bitte",
        "merci de|s'il te plaît|s'il vous plaît",
        "por favor",
        "por favor",
        "per favore|per cortesia",
        "graag|alsjeblieft",
        "请|麻烦",
        "お願い|ください",
    ),
    "first_person": _words(
        "ich|mir|mich|mein|meine",
        "je|j'|moi|mon|ma|mes",
        "yo|mi|mis|me",
        "meu|minha|meus",
        "io|mio|mia",
        "ik|mijn|me",
        "我",
        "私|僕|自分",
    ),
    "we": _words(
        "wir|uns|unser|unsere",
        "nous|notre|nos",
        "nosotros|nuestro|nuestra",
        "nós|nosso|nossa",
        "noi|nostro|nostra",
        "wij|we|ons|onze",
        "我们|咱们",
        "私たち|我々|チーム",
    ),
    "past": _words(
        "wurde|wurden|erledigt|besprochen|diskutiert|präsentiert|vorgestellt|hat gemacht|"
        "gemacht|abgeschlossen",
        "a été|ont été|avons discuté|discuté|présenté|terminé|fait",
        "fue|fueron|se discutió|discutimos|presentado|terminado|hecho|completado",
        "foi|foram|discutimos|discutido|apresentado|concluído|feito",
        "è stato|sono stati|abbiamo discusso|discusso|presentato|completato|fatto",
        "werd|werden besproken|besproken|gepresenteerd|afgerond|gedaan",
        "已经|已|讨论了|汇报了|完成了|做了",
        "しました|済み|完了|話し合った|報告した|議論した",
    ),
    "progress": _words(
        "in arbeit|läuft|noch|weiterhin",
        "en cours|toujours|encore",
        "en curso|en progreso|todavía|sigue",
        "em andamento|em progresso|ainda|continua",
        "in corso|ancora|continua",
        "bezig|nog|loopt",
        "进行中|正在|仍在|还在",
        "進行中|対応中|引き続き",
    ),
    "negation": _words(
        "nicht|kein|keine|nie",
        "pas|jamais|aucun",
        "no|nunca|ningún",
        "não|nunca|nenhum",
        "non|mai|nessun",
        "niet|geen|nooit",
        "不|没|没有|别|无需",
        "ない|ません|不要",
    ),
    # Done: a report that the work is finished (vetoes an item).
    "done": _words(
        "erledigt|abgeschlossen|fertiggestellt|ist fertig|bereits gemacht",
        "terminé|terminée|déjà fait|c'est fait|réalisé|achevé",
        "hecho|terminado|completado|ya está|finalizado",
        "feito|concluído|concluida|finalizado|já está",
        "fatto|completato|già fatto|concluso",
        "gedaan|afgerond|al klaar|voltooid",
        "已完成|完成了|已经完成|已搞定|搞定了|已解决",
        "済み|完了|完了した|終了した|対応済",
    ),
    # A decision taken in the meeting (for the recap's decisions list).
    "decided": _words(
        "beschlossen|entschieden|vereinbart|wir einigen uns",
        "décidé|convenu|validé|on garde",
        "decidido|acordado|decidimos|acordamos",
        "decidido|acordado|decidimos|combinamos",
        "deciso|concordato|abbiamo deciso",
        "besloten|afgesproken|overeengekomen",
        "决定|同意|确定|达成一致",
        "決定|合意|決まった",
    ),
    # An ongoing norm with no completion point (a decision, not an action item).
    "norm": _words(
        "ab jetzt|ab sofort|künftig|zukünftig|immer|jeden tag|jede woche|jede stunde|jeden montag|"
        "regelmäßig",
        "désormais|à partir de maintenant|toujours|chaque semaine|chaque jour|chaque fois",
        "a partir de ahora|de ahora en adelante|siempre|cada semana|cada día|cada vez",
        "a partir de agora|daqui em diante|sempre|toda semana|todo dia|cada vez",
        "d'ora in poi|da ora in poi|sempre|ogni settimana|ogni giorno|ogni volta",
        "voortaan|vanaf nu|altijd|elke week|elke dag|iedere week|elke keer",
        "今后|以后都|每天|每周|每次|一直|定期",
        "今後は|毎日|毎週|毎回|常に|定期的に",
    ),
    # A maybe or an idea, not a commitment.
    "tentative": _words(
        "vielleicht|eventuell|evtl|möglicherweise|ggf|gegebenenfalls",
        "peut-être|éventuellement|si possible",
        "quizás|quizá|tal vez|a lo mejor|posiblemente",
        "talvez|possivelmente|quem sabe",
        "forse|magari|eventualmente",
        "misschien|eventueel|mogelijk",
        "也许|或许|可能|或者可以",
        "かもしれ|たぶん|多分|検討中",
    ),
}


class EitherCue:
    """Two patterns searched one after the other, read like one compiled pattern."""

    def __init__(self, first: re.Pattern[str], second: re.Pattern[str]) -> None:
        self.first, self.second = first, second

    def search(self, text: str) -> re.Match[str] | None:
        return self.first.search(text) or self.second.search(text)


@cache
def heading_pattern(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(HEADINGS[kind]), re.IGNORECASE)


def heading_kind(heading: str) -> str:
    """The section kind a heading names in any language covered, else ''."""
    for kind in ("decision", "followup", "action", "praise", "concern"):
        if heading_pattern(kind).search(heading):
            return kind
    return ""


STATUS_DONE = re.compile(r"^" + alternation(DONE_STATUS_WORDS) + r"\W*$", re.IGNORECASE)
STATUS_OPEN = re.compile(r"^" + alternation(OPEN_STATUS_WORDS) + r"\W*$", re.IGNORECASE)


@cache
def cue(name: str) -> re.Pattern[str]:
    """The words of one notion ('will', 'need', 'done', 'tentative', ...) in every language."""
    extra = r"|？\s*[)）\]」』]*\s*$" if name == "tentative" else ""  # a full-width "?" at the end
    return re.compile(alternation(CUES[name]) + extra, re.IGNORECASE)


# The cue words that may follow an owner's name: "Florian wird …", "王伟负责…", "Ana va a …".
OWNER_CUE = alternation(CUES["will"] + CUES["need"] + CUES["does"])
_AUX_CUE = alternation(CUES["will"] + CUES["need"])
_SELF = alternation(CUES["first_person"] + CUES["we"])
# The start of a line in a spaceless script, where a name may stand: "王伟负责…",
# "田中さんが資料を作成する", "李娜：更新文档".
_SPACELESS_START = re.compile(r"^\W{0,3}(?P<body>[\p{Han}\p{Katakana}\p{Hiragana}]{2,})")
_HONORIFIC = re.compile(r"(?:さん|様|くん|君|先生|氏)?(?:が|は)?")
_COLON = re.compile(r"\s*[：:，,、]\s*")


@dataclass(frozen=True)
class Lead:
    """A known person's name opening a line of Chinese or Japanese, and what follows it."""

    who: str
    end: int  # where the rest of the line starts (after an honorific, particle or colon)
    colon: bool  # "李娜：…" (a label), else the name is the subject ("王伟负责…")


def spaceless_lead(text: str, known: Callable[[str], bool]) -> Lead | None:
    """The shortest prefix of two to four characters that `known` accepts as a person (names
    sit directly before the verb, with no space)."""
    m = _SPACELESS_START.match(text)
    if not m:
        return None
    body = m.group("body")
    for n in (2, 3, 4):
        if n <= len(body) and known(body[:n]):
            end = m.start("body") + n
            end = _HONORIFIC.match(text, end).end()  # type: ignore[union-attr]
            colon = _COLON.match(text, end)
            rest = colon.end() if colon else end
            if not _SPACELESS.match(text, rest):
                return None  # the name alone, or "王伟 to rewrite …" (read as English is)
            return Lead(body[:n], rest, colon is not None)
    return None


# Synthetic futures of Spanish, Portuguese, Italian and French ("tratará", "enviarão",
# "farà", "enverront"): a cue after a name, like "will".
FUTURE_VERB = r"\p{Ll}{2,}(?:rá|rán|rão|rà|ranno|ront)(?![\p{L}\p{M}])"
# Chinese agent phrases: "由 X 负责…" / "由 @X 协调跟进" / "由[X](link)担任…" (X takes it on).
# Numerals, "every", "everyone", "this", pronouns: what an agent that is no name starts with.
_NOT_NAME_START = "[一二三四五六七八九十两几每各全大本该此这那我你他她它]"
AGENT_CUE = "负责|协调跟进|跟进|协调|担任|完成|牵头|处理|对接|整理|推进"
AGENT = re.compile(
    r"由\s*@?\[?(?!"
    + _NOT_NAME_START
    + r")(?P<who>[^\s\[\]()@，。；,:：]{2,24}?)\]?(?:\([^)]*\))?\s*(?P<cue>"
    + AGENT_CUE
    + r")"
)
# Someone in the owner spot of another language's commitment (for finding who the people are):
# a one-word name or handle opening a line or sentence before a cue, or the agent of "由 X".
FOREIGN_OWNER_SPOT = re.compile(
    r"(?m)(?:(?:^|[.!?]\s+)[^\S\n]*(?:[-*•]\s*)?@?(?P<who>\p{Lu}[\p{Ll}\p{M}]+|[\w.-]*\d[\w.-]*)"
    r"\s+(?:"
    + _AUX_CUE
    + "|"
    + FUTURE_VERB
    + r"))|由\s*@?\[?(?!"
    + _NOT_NAME_START
    + r")(?P<agent>[^\s\[\]()@，。；,:：]{2,24}?)\]?"
    r"(?:\([^)]*\))?\s*(?:" + AGENT_CUE + ")"
)

# "Ich werde X", "Nous devons X", "我们需要X": the writer or "we" and a cue go as well.
LEADING_CUE = re.compile(
    r"^\s*(?:"
    + _SELF
    + r"\s*)?(?:(?:が|は)\s*)?"
    + _AUX_CUE
    # "kümmert sich um zu", "se charge de", "si occupa di": the particle after the cue
    + r"\s*(?:(?:zu|à|a|de|di|om|sich)\s+)?",
    re.IGNORECASE,
)
# Labels a task line may start with: "TODO:", "Aufgabe:", "À faire :", "待办：".
TODO_LABEL = re.compile(
    r"^\s*" + alternation(CUES["todo"] + HEADINGS["action"]) + r"\s*[:：]\s*", re.IGNORECASE
)

# Sentence ends of Chinese and Japanese: no space follows them.
SPACELESS_END = "。！？；"
QUESTION = re.compile(r"[?？]\s*[)）\]」』]*\s*$")


def word_count(text: str) -> int:
    """Words of mixed text: runs of spaced scripts count one each, Han/kana about two
    characters a word (so a Chinese task is not a one-word label to length features)."""
    spaced = len(re.findall(r"[\p{L}\p{M}\p{N}]+", _SPACELESS.sub(" ", text)))
    return spaced + (len(_SPACELESS.findall(text)) + 1) // 2


def spaceless(text: str) -> bool:
    """Does the text hold Chinese or Japanese (scripts written without spaces)?"""
    return _SPACELESS.search(text) is not None


# Function words, to tell a note in another language from an English one.
_ENGLISH_FUNCTION = frozenset("the and of to is for with that on we will be are this it".split())
_FOREIGN_FUNCTION = frozenset(
    """der die das und ist nicht mit für wir auf ein eine zu den von
    le la les et est pas avec pour nous une des du dans
    el los las y es con para por una del que
    os as um uma é com não para dos
    il gli che è per con non una
    het een en van niet met voor ook zijn""".split()
)
_LOWER_WORD = re.compile(r"[\p{Ll}\p{M}]+")


@lru_cache(maxsize=16)
def foreign_note(notes: str) -> bool:
    """Is the note written in another language than English (Chinese and Japanese included)?"""
    sample = notes[:5000]
    if len(_SPACELESS.findall(sample)) > 0.3 * max(1, len(re.findall(r"\p{L}", sample))):
        return True
    english = foreign = 0
    for w in _LOWER_WORD.findall(sample):
        english += w in _ENGLISH_FUNCTION
        foreign += w in _FOREIGN_FUNCTION
    # Headings and table headers of the lexicon count too ("Aufgabe | Verantwortlich | Termin").
    foreign += len(_lexicon_words().findall(sample[:5000]))
    return foreign > 2 * english and foreign >= 3


# Lexicon words that are also English words are no sign of another language.
_SHARED_WITH_ENGLISH = frozenset(
    "action actions todo to-dos todos deadline blocker highlights action items data open "
    "done plan taken".split()
)


@cache
def _lexicon_words() -> re.Pattern[str]:
    words = [
        w
        for group in (*HEADINGS.values(), *TABLE_HEADERS.values())
        for w in group
        if w not in _SHARED_WITH_ENGLISH and not _SPACELESS.search(w)
    ]
    return re.compile(alternation(words), re.IGNORECASE)


def owner_spot(name: str) -> str:
    """A pattern for `name` standing as an owner: before a colon or a commitment cue, or
    alone in brackets."""
    n = re.escape(name)
    return rf"(?m)(?:^\W{{0,4}}{n}\s*[:：]|{n}\s+{OWNER_CUE}|[\[(]{n}[\])])"


# A to-do written as a bare infinitive, the way these languages write tasks: first in French,
# Spanish, Portuguese and Italian ("Envoyer le rapport", "Revisar el presupuesto"), last in
# German and Dutch ("Server-Zugriff testen", "offerte versturen"), a plain verb at the end in
# Japanese ("資料を作成する"). The line classifier reads it as it reads an English line that
# starts with a task verb.
_ROMANCE_FIRST = re.compile(r"^\W{0,3}(?P<w>[\p{L}]{3,}(?:er|ir|re|ar|are|ere|ire))(?:\s|$)")
_GERMANIC_LAST = re.compile(r"\s(?P<w>\p{Ll}{2,}en)\W*$")
_JAPANESE_LAST = re.compile(r"(?:する|します|しておく|こと)\W*$")
_NOT_INFINITIVE = frozenset(
    """para sobre entre lugar mujer mayor mejor peor menor otra otre primer premier dernier
    hier plusieurs leur leurs notre votre autre contre lettre titre centre membre nombre
    numero número semestre trimestre mestre padre madre libre pobre siempre ahora favor
    cuatro quatre quattro dentro fuera nostre vostre mare bere""".split()
)
_GERMANIC_NOT = frozenset("wurden werden haben sollen müssen können wollen dürfen einen".split())


def infinitive_task(text: str) -> bool:
    """Does the line read as a to-do written with an infinitive (see above)?"""
    first = _ROMANCE_FIRST.match(text)
    if first and first.group("w").lower() not in _NOT_INFINITIVE:
        return True
    last = _GERMANIC_LAST.search(text)
    if last and last.group("w") not in _GERMANIC_NOT and len(text.split()) >= 2:
        return True
    return _JAPANESE_LAST.search(text) is not None
