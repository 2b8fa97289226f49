"""Property tests over random valid data files: whatever the writer's data, the draft holds."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures_allowed import stray_numbers
from speechdraft.domains import DOMAINS
from speechdraft.numbers import quantity
from speechdraft.model import SpeechData
from speechdraft.pipeline import make_draft

METRIC_NAMES = ["空气质量优良天数比例", "PM2.5平均浓度", "优良水体比例", "森林覆盖率", "受污染耕地安全利用率",
                "单位地区生产总值能耗", "新增造林面积", "农村生活污水治理率", "城市生活垃圾无害化处理率"]
UNITS = ["%", "微克/立方米", "亩", "吨标准煤/万元", "个", ""]
PHRASES = ["完成营造林{}万亩", "关停“散乱污”企业{}家", "{}个乡镇尚未建成污水处理设施", "建成污水处理厂{}座",
           "整治入河排污口{}个", "完成农村改厕{}户"]

amount = st.decimals(min_value=0, max_value=200000, places=1, allow_nan=False).map(float)


@st.composite
def metrics(draw):
    name = draw(st.sampled_from(METRIC_NAMES))
    value = draw(amount)
    return {
        "name": name, "value": value, "unit": draw(st.sampled_from(UNITS)),
        "previous": draw(st.none() | amount), "target": draw(st.none() | amount),
        "better": draw(st.sampled_from(["higher", "lower"])),
        "domain": draw(st.none() | st.sampled_from(list(DOMAINS))),
    }


@st.composite
def items(draw):
    text = draw(st.sampled_from(PHRASES)).format(draw(st.integers(1, 9999)))
    return draw(st.sampled_from([text, {"text": text, "domain": draw(st.sampled_from(list(DOMAINS)))}]))


def _text(item) -> str:
    # A data file lists each sentence once (the loader refuses repeats).
    return item if isinstance(item, str) else item["text"]


@st.composite
def data_files(draw):
    level = draw(st.sampled_from(["县", "市", "区", "省", "州", "旗", "镇"]))
    raw = {
        "genre": draw(st.sampled_from(["conference", "lecture", "study", "report", "training"])),
        "meeting": f"2024年全{level}生态环境保护工作会议",
        "region": {"name": f"青山{level}", "level": level},
        "year": draw(st.none() | st.integers(2015, 2030)),
        "focus": draw(st.lists(st.sampled_from(list(DOMAINS)), max_size=3, unique=True)),
        "metrics": draw(st.lists(metrics(), max_size=6, unique_by=lambda m: m["name"])),
        "achievements": draw(st.lists(items(), max_size=4, unique_by=_text)),
        "problems": draw(st.lists(items(), max_size=3, unique_by=_text)),
        "priorities": draw(st.lists(items(), max_size=3, unique_by=_text)),
        "length": draw(st.integers(1500, 8000)),
        "seed": draw(st.integers(0, 10_000)),
    }
    if draw(st.booleans()):
        raw["speaker"] = {"name": "王××", "role": f"{level}委书记"}
    return SpeechData.model_validate(raw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_files())
def test_any_valid_data_drafts_with_only_its_own_numbers(data):
    draft = make_draft(data)
    text = draft.document.body_text()
    assert stray_numbers(text, data) == []
    for m in data.metrics:
        assert quantity(m.value, m.unit) in text, m.name
    for x in (*data.achievements, *data.problems, *data.priorities):
        assert x.text.rstrip("。") in text
    assert "None" not in text and "{" not in text
    # within 15% of the length asked, unless the bank ran out of material (and says so)
    assert draft.length <= data.length * 1.15
    assert draft.length >= data.length * 0.85 or draft.short_of_material
