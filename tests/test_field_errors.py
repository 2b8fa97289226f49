"""Every wrong value a writer can put in any field of a data file or a phrase-bank file is
told in Chinese: no English of pydantic's or PyYAML's reaches the message."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from speechdraft.datafile import FIELDS as DATA_FIELDS
from speechdraft.datafile import load_data
from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.errors import UserError
from speechdraft.levels import LEVELS
from speechdraft.model import GENRES
from speechdraft.phrasebank import FIELDS as BANK_FIELDS
from speechdraft.phrasebank import CLAIMS, NEEDS, SECTIONS, SLOTS, VOICES, load_bank

WRONG = [True, False, 0, -1, 3.5, 1e400, float("nan"), "", "abc", "1:30", "93.5%", "2024-02-30", None, [], ["abc"],
         [1, 2], {}, {"abc": 1}, "x" * 200]

DATA = {"genre": "conference", "meeting": "2024年全县生态环境保护工作会议", "region": {"name": "青山县", "level": "县"}}
METRIC = {"name": "森林覆盖率", "value": 42.3, "unit": "%"}
POINT = {"id": "my-point", "section": "tasks", "lead": "要抓好全县的工作。", "source": {"file": "讲话.docx", "paragraph": 3}}

# ASCII a message may hold: field names, the values a field may take, and the examples' words.
ALLOWED = {
    *(part for key in (*DATA_FIELDS, *BANK_FIELDS) for part in key.split(".")),
    *GENRES, *DOMAINS, GENERAL, *SECTIONS, *NEEDS, "item", "intro", "higher", "lower",
    *(w for spec in (*DATA_FIELDS.values(), *BANK_FIELDS.values()) for w in re.findall(r"[A-Za-z]+", spec.example)),
    "true", "false", "YAML", "README", "md", "phrasebank", "docx", "points", *VOICES, *CLAIMS,
}


def english(message: str) -> list[str]:
    """ASCII words of a message outside what the writer typed (quoted “…”) and ALLOWED."""
    unquoted = re.sub(r"“[^”]*”", "", message)
    return [w for w in re.findall(r"[A-Za-z]+", unquoted) if w not in ALLOWED]


def with_value(base: dict, key: str, value, item: dict | None = None) -> dict:
    """`base` with the field at `key` (metrics.value, speaker.name, region) set to `value`."""
    raw = copy.deepcopy(base)
    head, _, rest = key.partition(".")
    if not rest:
        raw[head] = value
    elif head in ("metrics", "achievements", "problems", "priorities"):
        raw[head] = [{**(METRIC if head == "metrics" else {"text": "完成营造林3.2万亩"}), rest: value}]
    else:
        raw[head] = {**(raw.get(head) or {}), rest: value}
    return raw


def refusal(path: Path, content: object, read) -> str | None:
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    try:
        read(path)
    except UserError as e:
        return e.message  # the field is named by its path (metrics.第1项.value), in English on purpose
    return None


def cases(fields) -> list[tuple[str, object]]:
    return [(key, value) for key in fields for value in WRONG]


@pytest.mark.parametrize("key,value", cases(DATA_FIELDS))
def test_every_wrong_value_in_a_data_file_is_told_in_chinese(tmp_path, key, value):
    message = refusal(tmp_path / "数据.yaml", with_value(DATA, key, value), load_data)
    if message is not None:
        assert english(message) == [], message
        assert "Input should" not in message and "should" not in message


@pytest.mark.parametrize("key,value", cases(BANK_FIELDS))
def test_every_wrong_value_in_a_phrase_bank_is_told_in_chinese(tmp_path, key, value):
    message = refusal(tmp_path / "素材.yaml", {"points": [with_value(POINT, key, value)]},
                      lambda path: load_bank((path,)))
    if message is not None:
        assert english(message) == [], message


@pytest.mark.parametrize("content", [
    {**DATA, "metrics": [{"value": 1}]}, {"genre": "conference"}, {**DATA, "colour": 1},
    {**DATA, "region": {"name": "青山县", "levle": "县"}}, {**DATA, "metrics": [{**METRIC, "unti": "%"}]},
    {**DATA, 2024: 1}, {**DATA, "focus": ["air", "wather"]},
])
def test_missing_and_unknown_data_fields_are_told_in_chinese(tmp_path, content):
    message = refusal(tmp_path / "数据.yaml", content, load_data)
    assert message and english(message) == [], message


@pytest.mark.parametrize("point", [
    {"id": "x"}, {**POINT, "colour": 1}, {**POINT, "source": {"file": "a"}}, {**POINT, "genres": ["speech"]},
    {**POINT, "lead": "{乡镇}的工作"}, {**POINT, "kind": "items"}, {**POINT, "id": "Task_1"}, "abc", 3,
])
def test_missing_and_unknown_bank_fields_are_told_in_chinese(tmp_path, point):
    message = refusal(tmp_path / "素材.yaml", {"points": [point]}, lambda path: load_bank((path,)))
    assert message and english(message) == [], message
    assert "genre、meeting、region" not in message
    assert set(re.findall(r"\{([^{}]*)\}", message)) <= {*SLOTS, "乡镇"} or "id:" in message or "file:" in message
