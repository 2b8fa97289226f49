"""The plan is data: `outline -o` writes it, the writer edits it, `draft --outline` drafts
exactly that plan, and a plan that no longer matches the data is refused with its item named."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture
def work(tmp_path):
    shutil.copy(EXAMPLES / "county-conference.yaml", tmp_path / "数据.yaml")
    return tmp_path


def _outline(cli, work) -> dict:
    result = cli("outline", "数据.yaml", "-o", "提纲.yaml", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "draft 数据.yaml --outline 提纲.yaml" in result.stderr
    return yaml.safe_load((work / "提纲.yaml").read_text(encoding="utf-8"))


def _save(work, plan: dict) -> None:
    (work / "提纲.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _draft(cli, work, *extra) -> str:
    result = cli("draft", "数据.yaml", "-o", "稿.md", "--force", *extra, cwd=work)
    assert result.returncode == 0, result.stderr
    return (work / "稿.md").read_text(encoding="utf-8")


def test_the_plan_file_names_every_part_item_and_the_data_it_carries(cli, work):
    plan = _outline(cli, work)
    assert plan["体裁"] == "conference"
    items = [i for part in plan["部分"] for i in part["要点"]]
    assert {"类别", "领域", "领起句"} <= set(items[0])
    carried = [r for i in items for r in i.get("数据", [])]
    assert "指标：空气质量优良天数比例" in carried
    assert "问题：3个乡镇尚未建成污水处理设施" in carried
    assert "重点：建成县城第二污水处理厂" in carried


def test_drafting_the_unedited_plan_gives_the_same_speech(cli, work):
    _outline(cli, work)
    assert _draft(cli, work, "--outline", "提纲.yaml") == _draft(cli, work)


def test_a_retitled_heading_a_deleted_item_and_a_reordered_part_are_drafted_as_edited(cli, work):
    plan = _outline(cli, work)
    tasks = next(p for p in plan["部分"] if p["部分"] == "tasks")
    tasks["标题"] = "坚持问题导向，全力推进重点工作"
    gone = tasks["要点"].pop()
    tasks["要点"].reverse()
    _save(work, plan)
    text = _draft(cli, work, "--outline", "提纲.yaml")
    assert "## 二、坚持问题导向，全力推进重点工作" in text
    assert gone["领起句"].rstrip("。") not in text
    leads = re.findall(r"\*\*[一二三四五六七八九十]+要(.+?)\*\*", text)
    assert leads[0] == tasks["要点"][0]["领起句"]


def test_an_item_whose_data_is_gone_is_named_with_the_fix(cli, work):
    _outline(cli, work)
    data = (work / "数据.yaml").read_text(encoding="utf-8").replace("森林覆盖率", "森林蓄积量")
    (work / "数据.yaml").write_text(data, encoding="utf-8")
    result = cli("draft", "数据.yaml", "--outline", "提纲.yaml", "-o", "稿.md", cwd=work)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "提纲.yaml" in result.stderr and "数据文件中没有“森林覆盖率”（指标）" in result.stderr
    assert "speechdraft outline 数据文件 -o 提纲.yaml" in result.stderr
    assert not (work / "稿.md").exists()


@pytest.mark.parametrize("edit, message", [
    (lambda p: p.update({"体裁": "report"}), "提纲是按“report”体裁生成的，数据文件的体裁是“conference”"),
    (lambda p: p["部分"][0]["要点"][0].update({"素材": "no-such-point"}), "素材库中没有编号为 no-such-point 的要点"),
    (lambda p: p["部分"][0]["要点"][0].update({"类别": "结论"}), "应为意义、成绩、差距、任务、下一步、保障之一"),
    (lambda p: p["部分"][0]["要点"][0].update({"数据": ["指标森林覆盖率"]}), "应写成“类别：名称”"),
    (lambda p: p["部分"][0].update({"小标题": "x"}), "没有“小标题”这一项"),
])
def test_a_broken_plan_gets_one_clear_message(cli, work, edit, message):
    plan = _outline(cli, work)
    edit(plan)
    _save(work, plan)
    result = cli("draft", "数据.yaml", "--outline", "提纲.yaml", "-o", "稿.md", cwd=work)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_data_left_out_of_the_plan_is_pointed_out(cli, work):
    plan = _outline(cli, work)
    for part in plan["部分"]:
        for item in part["要点"]:
            item["数据"] = [r for r in item.get("数据", []) if r != "成绩：完成农村改厕4600户"]
    _save(work, plan)
    result = cli("draft", "数据.yaml", "--outline", "提纲.yaml", "-o", "稿.md", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "注意：数据中的成绩“完成农村改厕4600户”没有写进提纲" in result.stderr
    assert "4600户" not in (work / "稿.md").read_text(encoding="utf-8")


def test_an_existing_plan_is_not_overwritten_without_force(cli, work):
    _outline(cli, work)
    again = cli("outline", "数据.yaml", "-o", "提纲.yaml", cwd=work)
    assert again.returncode == 2 and "--force" in again.stderr
