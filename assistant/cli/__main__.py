"""`python -m assistant.cli` runs the `coach` command line."""

from assistant.cli import main

main()
