"""The core is usable without Qt: importing every core module loads no Qt binding."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import hnreader.core


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        m.name for m in pkgutil.walk_packages(hnreader.core.__path__, prefix="hnreader.core.")
    ]
    assert {"hnreader.core.store.base", "hnreader.core.importing.splitter"} <= set(modules)
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
