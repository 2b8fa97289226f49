"""Running the real command line against an attack file, under a memory limit."""
from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

ATTACKS = Path(__file__).resolve().parent / "attacks" / "user_input"
# A normal draft runs in some 300 MB of address space; the attacks took 5-6 GB before they were bounded.
MEMORY = 512 * 2**20
# A safety net so that a regression fails instead of hanging the suite; not a measure of speed.
SAFETY_NET = 120


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(*args) -> subprocess.CompletedProcess:
    """`speechdraft ARGS…` with its address space capped at MEMORY."""
    return subprocess.run([sys.executable, "-m", "speechdraft", *map(str, args)], capture_output=True, text=True,
                          timeout=SAFETY_NET, preexec_fn=_limit_memory)
