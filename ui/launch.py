"""Start the Streamlit server with the app's modules already imported.

Streamlit imports a page's modules during the first session's script run, so the very first
page paid ~2-3 s of imports (SQLAlchemy, Alembic, our services). Importing them here, in the
server process before it starts, lets every session reuse them. Usage:
`python -m ui.launch [streamlit run flags...]`.
"""

from __future__ import annotations

import sys

# Imported for their side effect: they stay in sys.modules for every session's script run.
import assistant.db.migrate
import assistant.services
import assistant.team.health  # noqa: F401
import ui.state  # noqa: F401
from assistant.paths import UI_APP


def main() -> int:
    from streamlit.web import cli as streamlit_cli

    sys.argv = ["streamlit", "run", str(UI_APP), *sys.argv[1:]]
    return int(streamlit_cli.main() or 0)


if __name__ == "__main__":
    raise SystemExit(main())
