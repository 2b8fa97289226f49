"""Data that is surely a slip is refused with the field and the fix; data that is probably a
slip drafts, with a warning that names the field and how to silence it."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run
from speechdraft.figures import describe
from speechdraft.model import Metric

GOOD = """genre: conference
meeting: 2024年全县生态环境保护工作会议
region: {name: 青山县, level: 县}
"""
NEXT_YEAR = dt.date.today().year + 1


def metric(fields: str) -> str:
    return f"metrics:\n  - {{{fields}}}\n"


REFUSED = [
    ("true-as-number", metric('name: 森林覆盖率, value: true, unit: "%"'),
     "metrics.第1项.value", "“true”不是数字；请只写数字（如 93.5），单位写在 unit 字段"),
    ("yes-as-number", metric('name: 森林覆盖率, value: yes, unit: "%"'),
     "metrics.第1项.value", "“yes”不是数字；请只写数字（如 93.5），单位写在 unit 字段"),
    ("base-60", metric('name: 森林覆盖率, value: 1:30, unit: "%"'),
     "metrics.第1项.value", "“1:30”不是数字；请换算成一个数来写（如 1:30 写作 1.5 或 90），单位写在 unit 字段"),
    ("seed-true", "seed: true\n", "seed", "“true”不是整数；请只写整数，例如 seed: 1"),
    ("length-on", "length: on\n", "length", "“on”不是整数；请只写整数，例如 length: 3000"),
    ("rate-over-100", metric('name: 森林覆盖率, value: 1000.1, unit: "%"'),
     "metrics.第1项.value", "“森林覆盖率”的数值 1000.1% 超过了 100%；比率、占比不会超过 100%，请核对"),
    ("share-over-100-in-target", metric('name: 水域面积占比, value: 14.5, unit: "%", target: 145'),
     "metrics.第1项.target", "“水域面积占比”的数值 145% 超过了 100%；比率、占比不会超过 100%，请核对"),
    ("negative-rate", metric('name: 污水集中收集率, value: -2, unit: "%"'),
     "metrics.第1项.value", "“污水集中收集率”的数值 -2% 是负数；比率、占比不会是负数，请核对"),
    ("negative-concentration", metric("name: PM2.5平均浓度, value: -25, unit: 微克/立方米"),
     "metrics.第1项.value", "“PM2.5平均浓度”的数值 -25 是负数；浓度不会是负数，请核对"),
    ("negative-count", metric("name: 关停企业, value: -12, unit: 家"),
     "metrics.第1项.value", "“关停企业”的数值 -12家 是负数；个数、天数不会是负数，请核对"),
    ("negative-count-without-unit", metric("name: 淘汰燃煤锅炉, value: -3"),
     "metrics.第1项.value", "“淘汰燃煤锅炉”的数值 -3台 是负数；个数、天数不会是负数，请核对"),
    ("huge-value", metric("name: 工业增加值, value: 1e308, previous: 1e-300, unit: 亿元"),
     "metrics.第1项.value",
     "“工业增加值”的数值 1e+308 大得不合常理；请核对，大的数可换用“万”“亿”作单位（如 unit: 万亩）"),
    ("tiny-previous", metric("name: 工业增加值, value: 12, previous: 1e-300, unit: 亿元"),
     "metrics.第1项.previous", "“工业增加值”的数值 1e-300 小得不合常理；请核对，或换用更小的单位"),
    ("date-2999", "date: 2999-03-15\n", "date", "讲话日期 2999-03-15 比今天晚一年以上；请核对年份"),
    ("year-after-date", "date: 2024-03-15\nyear: 2025\n",
     "year", "指标年份 2025 晚于讲话日期 2024-03-15；year 是指标所属的年份，一般是讲话的上一年（2023）"),
    ("year-to-come", f"year: {NEXT_YEAR}\n",
     "year", f"指标年份 {NEXT_YEAR} 还没有到；year 是指标所属的年份，一般是讲话的上一年"),
    ("achievement-number", "achievements:\n  - 32000\n",
     "achievements.第1项", "成绩应写成一句话，例如“完成营造林3.2万亩”，而不是“32000”"),
    ("problem-number", "problems: [3]\n",
     "problems.第1项", "问题应写成一句话，例如“3个乡镇尚未建成污水处理设施”，而不是“3”"),
    ("metric-not-mapping", "metrics: [森林覆盖率]\n", "metrics.第1项",
     '应为“字段: 值”的形式，例如 - {name: 森林覆盖率, value: 42.3, unit: "%", previous: 41.8}'),
    ("speaker-text", "speaker: 王××\n", "speaker", "应为“字段: 值”的形式，例如 speaker: {name: 王××, role: 县委书记}"),
    ("name-number", "speaker: {name: 2024, role: 县委书记}\n", "speaker.name",
     "应为文字，而不是“2024”；数字、true、false 当文字用时请加引号，例如 speaker: {name: 王××, role: 县委书记}"),
]


def data_file(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "数据.yaml"
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("extra,field,message", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_what_cannot_be_right_is_refused(tmp_path, extra, field, message):
    data = data_file(tmp_path, GOOD + extra)
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 2
    assert r.stderr == f"错误：文件 {data}，字段 {field}：{message}\n"
    assert not (tmp_path / "稿.md").exists()


def test_a_meeting_of_another_level_is_refused(tmp_path):
    data = data_file(tmp_path, GOOD.replace("2024年全县", "2024年全市"))
    r = run("outline", data)
    assert r.returncode == 2
    assert r.stderr == (f"错误：文件 {data}，字段 meeting：会议名称中的“全市”与地区层级“县”不符；"
                        "请改为“全县”，或把 region 的 level 改为 市\n")


@pytest.mark.parametrize("meeting", ["全县贯彻落实全省生态环境保护大会精神会议", "传达学习全市生态环境保护大会精神会议",
                                     "全区域推进美丽青山建设大会"])
def test_a_meeting_that_names_another_level_further_in_drafts(tmp_path, meeting):
    data = data_file(tmp_path, GOOD.replace("2024年全县生态环境保护工作会议", meeting))
    assert run("draft", data, "-o", tmp_path / "稿.md").returncode == 0


def test_a_change_in_percent_may_exceed_100(tmp_path):
    data = data_file(tmp_path, GOOD + metric('name: 新能源汽车保有量增长率, value: 150, unit: "%", domain: carbon'))
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    assert "新能源汽车保有量增长率达到150%" in (tmp_path / "稿.md").read_text(encoding="utf-8")


def test_yaml_1_2_text_stays_text(tmp_path):
    """yes, on and 2024-03-15 are what the writer typed: a title `yes` is the word yes."""
    data = data_file(tmp_path, GOOD + "title: yes\nspeaker: {name: 王××, role: on}\ndate: 2024-3-5\n")
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "稿.md").read_text(encoding="utf-8")
    assert "yes" in text and "（2024年3月5日）" in text


NO_UNIT = metric("name: 优良天数比例, value: 88, domain: air")
WARNING = ("注意：文件 {data}，字段 metrics.第1项.unit：指标“优良天数比例”没有单位，稿中只写作“88”；"
           "请补上 unit（如 \"%\"、天、亩）；如确认无误，在该指标中加 confirm: true 即不再提示\n")


def test_a_metric_without_unit_drafts_with_a_warning(tmp_path):
    data = data_file(tmp_path, GOOD + NO_UNIT)
    out = tmp_path / "稿.md"
    r = run("draft", data, "-o", out)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith(WARNING.format(data=data))
    assert "优良天数比例达到88" in out.read_text(encoding="utf-8")


def test_a_count_without_unit_is_said_with_its_measure_word_and_no_warning(tmp_path):
    data = data_file(tmp_path, GOOD + metric("name: 关停“散乱污”企业, value: 12, previous: 10, domain: air"))
    out = tmp_path / "稿.md"
    r = run("draft", data, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "注意" not in r.stderr
    text = out.read_text(encoding="utf-8")
    # In whichever frame the seed chose: the count with its measure word, and its change.
    assert "12家" in text and "20%" in text and "关停“散乱污”企业" in text


def test_confirm_silences_the_warning(tmp_path):
    data = data_file(tmp_path, GOOD + NO_UNIT.replace("domain: air", "domain: air, confirm: true"))
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    assert "注意" not in r.stderr


@pytest.mark.parametrize("fields,field,message", [
    ('name: 受污染耕地安全利用率, value: 93, unit: "%", target: 9',
     "target", "指标“受污染耕地安全利用率”的数值 93 与目标值 9 相差一倍以上，目标值或单位可能写错了；请核对"),
    ("name: PM2.5平均浓度, value: 12, unit: 微克/立方米, target: 35, better: lower",
     "target", "指标“PM2.5平均浓度”的数值 12 与目标值 35 相差一倍以上，目标值或单位可能写错了；请核对"),
    ("name: 新增造林面积, value: 32000, unit: 亩, previous: 3.1",
     "previous", "指标“新增造林面积”由上年的 3.1 变为 32000，相差十倍以上，上年数值或单位可能写错了（如 亩 与 万亩）；请核对"),
])
def test_probable_slips_draft_with_a_warning(tmp_path, fields, field, message):
    data = data_file(tmp_path, GOOD + metric(fields))
    out = tmp_path / "稿.md"
    r = run("draft", data, "-o", out)
    assert r.returncode == 0, r.stderr
    assert (f"注意：文件 {data}，字段 metrics.第1项.{field}：{message}；"
            "如确认无误，在该指标中加 confirm: true 即不再提示\n") in r.stderr
    assert out.exists()
    r = run("draft", data_file(tmp_path, GOOD + metric(fields + ", confirm: true")), "-o", out, "--force")
    assert r.returncode == 0 and "注意" not in r.stderr


def test_a_tenfold_change_is_said_in_words(tmp_path):
    data = data_file(tmp_path, GOOD + metric("name: 新增造林面积, value: 32000, unit: 亩, previous: 3.1, confirm: true"))
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "稿.md").read_text(encoding="utf-8")
    assert "3.2万亩" in text and "大幅增长" in text and "%" not in text.split("新增造林面积")[1].split("。")[0]


@pytest.mark.parametrize("kw", [dict(value=1e308, previous=-1e308, unit="%"), dict(value=1e308, previous=1e-300),
                                dict(value=-1e308, target=1e308, unit="吨")])
def test_figures_never_print_infinity(kw):
    clause = describe(Metric(name="指标", **kw)).clause
    assert "Infinity" not in clause and "inf" not in clause and "nan" not in clause.lower()


def test_warnings_reach_batch_rows_and_outline_stays_clean(tmp_path):
    folder = tmp_path / "数据"
    folder.mkdir()
    data = folder / "青山县.yaml"
    data.write_text(GOOD + NO_UNIT, encoding="utf-8")
    # A wide terminal, so that the row's lines are not wrapped.
    r = subprocess.run([sys.executable, "-m", "speechdraft", "batch", folder, "-o", tmp_path / "稿", "--format", "md"],
                       capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "400"})
    assert r.returncode == 0, r.stderr
    cells = [[c.strip() for c in line.strip("│ ").split("│")] for line in r.stdout.splitlines() if "│" in line]
    assert ["已写入 青山县.md", WARNING.format(data=data).replace(f"文件 {data}，", "").strip()] == [
        c[-1] for c in cells if c[-1]]
    r = run("outline", data)
    assert r.returncode == 0 and "注意" not in r.stdout and r.stdout.startswith("在2024年")


def test_examples_and_starters_draft_without_warnings(tmp_path):
    from conftest import EXAMPLES

    files = sorted(EXAMPLES.glob("*.yaml"))
    for genre in ("conference", "lecture", "study", "report", "training"):
        path = tmp_path / f"{genre}.yaml"
        assert run("init", genre, "-o", path).returncode == 0
        files.append(path)
    for n, path in enumerate(files):
        r = run("draft", path, "-o", tmp_path / f"{n}.md")
        assert r.returncode == 0, r.stderr
        assert "注意" not in r.stderr, path


EMPTY_BANK = ("素材库文件应以“points:”开头，下面每条要点一项，例如 points: [{id: task-air-01, section: tasks, "
              "lead: 深入打好蓝天保卫战。, body: 持续改善空气质量。, source: {file: 本单位讲话.docx, paragraph: 8}}]"
              "（格式见 phrasebank/README.md）")


@pytest.mark.parametrize("content,message", [
    ("\n", f"文件是空的；{EMPTY_BANK}"),
    ("- id: a\n", EMPTY_BANK),
    ("points:\n  - 3\n", None),
])
def test_a_malformed_phrase_bank_gets_phrase_bank_advice(tmp_path, content, message):
    bank = tmp_path / "素材.yaml"
    bank.write_text(content, encoding="utf-8")
    r = run("draft", "--phrasebank", bank, "-o", tmp_path / "稿.md")
    assert r.returncode == 2
    if message is None:
        assert r.stderr == (f"错误：文件 {bank}，字段 要点 第1条：要点应为“字段: 值”的形式，例如 - {{id: task-air-01, "
                            "section: tasks, lead: 深入打好蓝天保卫战。, body: 持续改善空气质量。, "
                            "source: {file: 本单位讲话.docx, paragraph: 8}}\n")
    else:
        assert r.stderr == f"错误：文件 {bank}：{message}\n"
    assert "genre" not in r.stderr


def test_the_readme_silencing_example_drafts_without_a_warning(tmp_path):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if "confirm: true" in x and x.lstrip().startswith("- {"))
    data = data_file(tmp_path, GOOD + "metrics:\n" + line + "\n")
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    assert "注意" not in r.stderr
    assert "城市水质指数为4.2" in (tmp_path / "稿.md").read_text(encoding="utf-8")
