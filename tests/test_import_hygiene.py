"""The engine is usable without the reader: importing it must not load Textual.

import-linter checks the static imports (``lint-imports``); this checks what really ends up in
``sys.modules``, in a fresh interpreter, so a lazy or dynamic import cannot slip through.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ENGINE_MODULES = ["tui.analysis", "tui.analysis.engine", "tui.sources", "tui.cache", "tui.service",
                  "tui.linking", "tui.batch", "tui.index", "tui.sources.feeds", "tui.state"]


@pytest.mark.parametrize("module", ENGINE_MODULES)
def test_engine_module_does_not_load_textual(module: str) -> None:
    code = (f"import importlib, json, sys; importlib.import_module({module!r}); "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
