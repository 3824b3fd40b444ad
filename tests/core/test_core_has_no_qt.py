"""The core is usable without Qt: importing every core module loads no Qt binding."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import hnreader.core


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [f"hnreader.core.{m.name}" for m in pkgutil.iter_modules(hnreader.core.__path__)]
    assert "hnreader.core.store" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import hnreader.cli\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
