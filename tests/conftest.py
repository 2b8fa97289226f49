"""Shared helpers: run the real command line, and read drafts back."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """`speechdraft ARGS…` as a writer types it."""
    return subprocess.run([sys.executable, "-m", "speechdraft", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, input=input, timeout=120)


@pytest.fixture
def cli():
    return run
