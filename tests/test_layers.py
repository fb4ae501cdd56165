"""The layers hold: each banned import is caught by the lint rules where it is banned (and only
there), pages reach data through services only, and job code loads without the model SDKs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.paths import PROJECT_ROOT

RUFF = Path(sys.executable).parent / "ruff"

CASES = [
    # (where the file would live, what it imports, banned there?)
    ("assistant/recap/service.py", "import streamlit", True),
    ("assistant/team/health.py", "from streamlit import cache_data", True),
    ("ui/app_pages/team.py", "import streamlit as st", False),
    ("ui/app_pages/team.py", "from sqlalchemy import select", True),
    ("ui/app_pages/team.py", "import sqlalchemy", True),
    ("ui/components.py", "from assistant.db.repositories import Repositories", True),
    ("ui/state.py", "from assistant.db.session import session_scope", True),
    ("ui/app_pages/recap.py", "import openai", True),
    ("assistant/recap/llm.py", "from langchain_openai import ChatOpenAI", True),
    ("assistant/agenda/service.py", "import openai", True),
    ("assistant/llm/providers.py", "from langchain_openai import ChatOpenAI", False),
    ("assistant/llm/client.py", "import openai", False),
    (
        "assistant/recap/builtin/merge.py",
        "from assistant.evaluation.recap_eval import evaluate",
        True,
    ),
    ("ui/app_pages/knowledge.py", "from assistant.evaluation import retrieval_eval", True),
    ("assistant/cli/eval_cmd.py", "from assistant.evaluation.recap_eval import evaluate", False),
    ("assistant/recap/service.py", "from sqlalchemy import delete", True),
    ("assistant/demo/seed.py", "from sqlalchemy import select", True),
    ("assistant/db/repositories/meetings.py", "from sqlalchemy import select", False),
]


@pytest.mark.parametrize(("path", "source", "banned"), CASES)
def test_lint_rules_enforce_the_layers(path: str, source: str, banned: bool) -> None:
    result = subprocess.run(
        [str(RUFF), "check", "--select", "TID251", "--stdin-filename", path, "-"],
        input=f"{source}\n",
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    assert ("TID251" in result.stdout) is banned, result.stdout + result.stderr


def _calls_to(tree: ast.AST, names: set[str]) -> list[str]:
    return [
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in names
    ]


def test_pages_reach_data_only_through_services() -> None:
    offenders = {}
    for path in sorted((PROJECT_ROOT / "ui").rglob("*.py")):
        calls = _calls_to(ast.parse(path.read_text(encoding="utf-8")), {"repos", "session"})
        if calls:
            offenders[str(path.relative_to(PROJECT_ROOT))] = calls
    assert not offenders, f"pages open sessions or repositories: {offenders}"


def test_job_code_loads_without_the_model_sdks() -> None:
    """Without a configured model, drafting never pays for importing LangChain or openai."""
    code = (
        "import sys\n"
        "import assistant.recap.service, assistant.agenda.service, assistant.feedback.service\n"
        "import assistant.team.service, assistant.services, assistant.cli\n"
        "print(sorted(m for m in ('openai', 'langchain_core', 'streamlit') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
