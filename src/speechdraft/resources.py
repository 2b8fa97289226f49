"""Where the built-in templates, phrase bank and examples are.

They sit at the top of the repository for writers to read and extend; an installed wheel
carries them inside the package (pyproject's package-dir). A source checkout installed in
editable mode reads them from the repository top."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def builtin(name: str) -> Path:
    packaged = _HERE / name
    return packaged if packaged.is_dir() else _HERE.parents[1] / name
