"""What every benchmark needs: a command timed in a fresh process with that process's peak
memory, the environment it runs in, and a table printed the same way."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEECHDRAFT = [sys.executable, "-m", "speechdraft"]
# Children cache their bytecode as an installed copy does (PYTHONDONTWRITEBYTECODE would make
# every run compile speechdraft anew), in a folder of their own rather than in the repository.
_PYCACHE = Path(tempfile.gettempdir()) / "speechdraft-bench-pycache"


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    return env


# ru_maxrss is a high-water mark that survives exec: a command forked from this (large)
# process would report this process's size. A small launcher forks it instead, and reports
# its time, peak RSS and exit status.
_LAUNCHER = """
import os, signal, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    signal.alarm(int(sys.argv[1]))  # survives exec: a run past its limit ends by SIGALRM
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


class TimeLimit(Exception):
    """The command ran past its limit and was stopped."""


def run_child(cmd: list, *, cwd: Path | None = None, accept: tuple[int, ...] = (0,), limit: int = 0,
              env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of `cmd` in a fresh process; when it has
    workers, the RSS is the largest of its processes (wait4 counts the children it waited for).
    `accept`: the exit statuses that count as success; `limit`: seconds after which the run is
    stopped and TimeLimit raised (0: none); `env`: variables added to the child's environment."""
    r = subprocess.run([sys.executable, "-I", "-S", "-c", _LAUNCHER, str(limit), *map(str, cmd)], cwd=cwd,
                       env={**child_env(), **(env or {})}, capture_output=True, text=True, check=True)
    seconds, peak_kb, code = r.stdout.split()
    if limit and int(code) == -signal.SIGALRM:
        raise TimeLimit(f"{' '.join(map(str, cmd))} ran past {limit} s")
    if int(code) not in accept:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({code}):\n{r.stderr}")
    return float(seconds), int(peak_kb) / 1024  # ru_maxrss is in KB on Linux


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    """Rows of (measurement, result, aim, peak memory), aligned for a terminal (汉字 are two wide)."""
    header = ("测量", "结果", "目标", "峰值内存")
    rows = [header, *rows]
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for n, row in enumerate(rows):
        print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
