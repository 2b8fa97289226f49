"""What `pip install .` (not only editable) must ship: every subpackage, the templates, the
phrase bank, the word lists and the examples."""
from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_subpackage_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT / "src").parent.parts) for p in (ROOT / "src").rglob("__init__.py")}
    assert found <= listed, found - listed


def test_the_installed_package_carries_its_data():
    from speechdraft.resources import builtin

    assert sorted(p.name for p in builtin("templates").glob("*.md.j2")) == [
        "conference.md.j2", "lecture.md.j2", "report.md.j2", "study.md.j2", "training.md.j2"]
    shipped = {f.name for f in builtin("phrasebank").glob("*.yaml")}
    assert shipped == {f.name for f in (ROOT / "phrasebank").glob("*.yaml")} and len(shipped) >= 8
    assert (builtin("examples") / "county-conference.yaml").is_file()
