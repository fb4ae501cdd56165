"""Prompt templates as files: `prompts/<job>/system.j2` and `user.j2`, rendered strictly.

A job is any folder under `prompts/` holding both templates (folders starting with `_` hold
shared pieces for `{% include "_shared/..." %}`), so adding a job needs no code change.
Untrusted text (notes, names typed by users) goes through the `fence` filter:
`{{ notes | fence("notes") }}` wraps it in `<notes>...</notes>` and neutralises any marker
inside it; `_shared/data_fence.j2` tells the model that fenced text is data, not instructions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypedDict

import jinja2
from jinja2 import meta
from pydantic import BaseModel

from assistant.errors import ConfigError
from assistant.paths import PROMPTS_DIR

Role = Literal["system", "user", "assistant"]
TEMPLATE_NAMES: tuple[Literal["system"], Literal["user"]] = ("system", "user")
_TAG = re.compile(r"[a-z][a-z0-9_-]*")


class PromptMessage(TypedDict):
    """One chat message, in the shape OpenAI-style APIs use."""

    role: Role
    content: str


class PromptError(ConfigError):
    """A prompt template is missing or could not be rendered (a bug, shown at start-up)."""


def fence(text: str, tag: str = "notes") -> str:
    """Wrap untrusted `text` in `<tag>` markers, defusing any such marker inside the text.

    `</notes>`, `< /Notes >` or `<notes foo>` inside the text become `[/notes]` etc., so the
    text cannot close its fence early and smuggle instructions outside it.
    """
    if not _TAG.fullmatch(tag):
        raise ValueError(f"invalid fence tag {tag!r}")
    marker = re.compile(rf"<\s*(/?)\s*({re.escape(tag)})\b([^<>\n]{{0,200}})>?", re.IGNORECASE)
    safe = marker.sub(lambda m: f"[{m.group(1)}{m.group(2)}{m.group(3).rstrip()}]", text)
    return f"<{tag}>\n{safe.strip()}\n</{tag}>"


class PromptLibrary:
    """Loads and renders job templates from one folder (the repo's `prompts/` by default)."""

    def __init__(self, root: Path = PROMPTS_DIR) -> None:
        self.root = root
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # prompts are plain text, not HTML
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters["fence"] = fence

    def jobs(self) -> list[str]:
        """Every job folder that has both system.j2 and user.j2, sorted."""
        if not self.root.is_dir():
            return []
        return sorted(
            p.name
            for p in self.root.iterdir()
            if p.is_dir()
            and not p.name.startswith(("_", "."))
            and all((p / f"{name}.j2").is_file() for name in TEMPLATE_NAMES)
        )

    def _template_name(self, job: str, part: str) -> str:
        if job not in self.jobs():
            raise PromptError(
                f"No prompt templates for job {job!r} in {self.root}; "
                f"known jobs: {', '.join(self.jobs()) or 'none'}"
            )
        return f"{job}/{part}.j2"

    def render(self, job: str, **variables: object) -> list[PromptMessage]:
        """Render the job's system and user templates; a missing variable raises PromptError."""
        messages: list[PromptMessage] = []
        for part in TEMPLATE_NAMES:
            name = self._template_name(job, part)
            try:
                text = self.env.get_template(name).render(**variables)
            except jinja2.UndefinedError as e:
                raise PromptError(f"Prompt {name}: {e.message}") from e
            except jinja2.TemplateError as e:
                raise PromptError(f"Prompt {name} is invalid: {e}") from e
            messages.append({"role": part, "content": text.strip()})
        return messages

    def render_model(self, job: str, inputs: BaseModel) -> list[PromptMessage]:
        """Render with a job's pydantic input model; fields keep their Python types."""
        return self.render(
            job, **{name: getattr(inputs, name) for name in type(inputs).model_fields}
        )

    def variables(self, job: str) -> dict[str, frozenset[str]]:
        """Undeclared variables per template ('system', 'user'), following includes."""
        return {part: self._undeclared(self._template_name(job, part)) for part in TEMPLATE_NAMES}

    def all_variables(self) -> dict[str, dict[str, frozenset[str]]]:
        """{job: {'system': {...}, 'user': {...}}} for a table-driven template check."""
        return {job: self.variables(job) for job in self.jobs()}

    def _undeclared(self, name: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
        loader = self.env.loader
        assert loader is not None
        source, _, _ = loader.get_source(self.env, name)
        ast = self.env.parse(source)
        found = set(meta.find_undeclared_variables(ast))
        for included in meta.find_referenced_templates(ast):
            if included is not None and included not in seen:
                found |= self._undeclared(included, seen | {name})
        return frozenset(found)


def check_inputs(
    library: PromptLibrary, job: str, inputs: type[BaseModel]
) -> Mapping[str, frozenset[str]]:
    """Template variables the input model does not provide, and fields no template uses."""
    fields = frozenset(inputs.model_fields)
    used = frozenset().union(*library.variables(job).values())
    return {"missing_in_model": used - fields, "unused_fields": fields - used}


@lru_cache(maxsize=1)
def default_library() -> PromptLibrary:
    return PromptLibrary()


def render(job: str, **variables: object) -> list[PromptMessage]:
    """Render a job's prompts from the repo's `prompts/` folder."""
    return default_library().render(job, **variables)


def jobs() -> list[str]:
    return default_library().jobs()


_TEMPLATE_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def template_words() -> frozenset[str]:
    """Every word of our own prompt templates, casefolded: our text, never a person's name
    or initials ("YYYY-MM-DD" must not lose its "MM" to someone whose initials are M. M.)."""
    words: set[str] = set()
    if PROMPTS_DIR.is_dir():
        for path in PROMPTS_DIR.rglob("*.j2"):
            text = path.read_text(encoding="utf-8")
            for word in _TEMPLATE_WORD.findall(text):
                words |= {word.casefold(), *re.split(r"['’\-]", word.casefold())}
    return frozenset(words)
