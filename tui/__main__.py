"""``python -m tui`` runs the ``newsreader`` command."""

from tui.cli import main

raise SystemExit(main())
