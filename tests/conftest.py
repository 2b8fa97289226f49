"""Shared helpers: run the real command line, and read drafts back."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: CI runs the same examples every time and carries no example database between
# runs, so a red build is the code's doing and reproduces; a developer's machine explores
# anew on every run and replays what it found (its database stays out of git). A loaded CI
# machine is no reason to fail: no deadline, no too-slow check.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """`speechdraft ARGS…` as a writer types it."""
    return subprocess.run([sys.executable, "-m", "speechdraft", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, input=input, timeout=120)


def interrupt(args, hook: str, ready: Callable[[], bool], tmp_path: Path, timeout: float = 120,
              **env: str) -> subprocess.CompletedProcess:
    """Run `speechdraft ARGS…` slowed down by `hook` (a sitecustomize loaded by every process),
    wait until `ready()`, then press Ctrl-C (SIGINT) as a writer would."""
    folder = tmp_path / "hook"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(hook, encoding="utf-8")
    env = {**os.environ, **env, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT / "src")])}
    proc = subprocess.Popen([sys.executable, "-m", "speechdraft", *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert proc.poll() is None and time.monotonic() < deadline, "the command never got there"
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=timeout)
    finally:
        proc.kill()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@pytest.fixture
def cli():
    return run
