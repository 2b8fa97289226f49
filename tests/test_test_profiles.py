"""Property tests reproduce in CI (the same examples every run, no example database carried
between runs) and explore anew on a developer's machine."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

# Records every example Hypothesis draws, so two runs can be compared; one test finds a failure.
PROBE = '''
from hypothesis import given, settings, strategies as st

@settings(max_examples=30)
@given(st.integers())
def test_draws(n):
    with open("drawn.txt", "a") as f:
        f.write(f"{n}\\n")

@given(st.integers())
def test_fails(n):
    assert n < 1000
'''


def pytest_in(tmp_path, ci: bool, test: str) -> subprocess.CompletedProcess:
    """Run the probe's test in its own pytest, with the suite's conftest, in or out of CI."""
    (tmp_path / "drawn.txt").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "1"} if ci else {})
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"test_probe.py::{test}"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def drawn(tmp_path, ci: bool) -> list[str]:
    result = pytest_in(tmp_path, ci, "test_draws")
    assert result.returncode == 0, result.stdout + result.stderr
    return (tmp_path / "drawn.txt").read_text().split()


@pytest.fixture
def probe(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    return tmp_path


def test_ci_draws_the_same_examples_every_run(probe):
    first = drawn(probe, ci=True)
    assert len(first) >= 30
    assert drawn(probe, ci=True) == first


def test_a_ci_failure_is_reported_with_its_blob_and_not_saved(probe):
    result = pytest_in(probe, True, "test_fails")
    assert result.returncode == 1
    assert "n=1000" in result.stdout and "@reproduce_failure" in result.stdout
    assert not (probe / ".hypothesis" / "examples").exists()


def test_a_developer_run_explores_new_examples_and_keeps_its_failures(probe):
    assert drawn(probe, ci=False) != drawn(probe, ci=False)
    assert pytest_in(probe, False, "test_fails").returncode == 1
    assert any((probe / ".hypothesis" / "examples").iterdir())


def test_ci_script_runs_the_readme_test_command_in_the_ci_profile():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/pytest"
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")
    assert script[-1] == command
    assert "export CI=1" in script[:-1]


def test_no_example_database_is_committed():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert ".hypothesis/" in ignored
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout
    assert ".hypothesis" not in tracked
