"""A bank point's typed fields (voice, claims, topic, series, features, places, authored
source): a wrong value is refused when the bank is loaded, in Chinese, naming the file and the
point's id; a point written by us names the document it rests on."""
from __future__ import annotations

import pytest
import yaml

from conftest import EXAMPLES, run
from speechdraft.phrasebank import Bank, Point
from speechdraft.provenance import source_note

POINT = {"id": "my-01", "section": "tasks", "domain": "air", "voice": "deploy", "lead": "深入打好蓝天保卫战。",
         "body": "持续改善空气质量。", "source": {"file": "本单位讲话.docx", "paragraph": 3}}


def refused(tmp_path, **change):
    bank = tmp_path / "我的素材库"
    bank.mkdir()
    point = {k: v for k, v in {**POINT, **change}.items() if v is not None}
    (bank / "任务.yaml").write_text(yaml.safe_dump({"points": [point]}, allow_unicode=True), encoding="utf-8")
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "稿.docx", "--phrasebank", bank)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "稿.docx").exists()
    assert f"文件 {bank / '任务.yaml'}" in r.stderr
    return r.stderr.strip()


def test_a_bad_voice_is_refused_with_the_file_and_the_id(tmp_path):
    assert refused(tmp_path, voice="order").endswith(
        "字段 要点 my-01.voice：取值“order”无效，应为 deploy、report、reflect、plan 之一")


def test_a_bad_claim_is_refused(tmp_path):
    assert refused(tmp_path, claims="good").endswith(
        "字段 要点 my-01.claims：取值“good”无效，应为 outcome、effort、none 之一")


def test_a_bad_feature_is_refused(tmp_path):
    assert refused(tmp_path, features=["草原", "沙漠"]).endswith(
        "字段 要点 my-01.features.第2项：取值“沙漠”无效，应为 草原、森林、湿地、湖泊、黑土地、荒漠、石漠化、海洋、山区、"
        "平原、矿区、工业园区、供暖、旅游 之一")


def test_a_bad_series_is_refused(tmp_path):
    assert refused(tmp_path, series="Set_1").endswith(
        "字段 要点 my-01.series：“Set_1”只能用小写字母、数字和连字符（-），以字母或数字开头，例如 series: rectify-2023")


def test_an_empty_topic_is_refused(tmp_path):
    assert refused(tmp_path, topic="").endswith("字段 要点 my-01.topic：不能为空；请填写具体话题，例如 topic: 黑臭水体")


def test_an_unknown_place_slot_is_refused(tmp_path):
    assert "含未知插槽“{江河}”" in refused(tmp_path, lead="保护好{江河}。")


def test_an_authored_source_without_basis_is_refused(tmp_path):
    assert refused(tmp_path, source={"authored": True}).endswith(
        "字段 要点 my-01.source.basis：缺少必填字段（自拟依据）；请补上，例如 source: {authored: true, "
        "basis: 《关于全面推进美丽中国建设的意见》}")


def test_an_authored_source_with_an_empty_basis_is_refused(tmp_path):
    assert "字段 要点 my-01.source.basis：不能为空；请填写自拟依据" in refused(
        tmp_path, source={"authored": True, "basis": ""})


def test_an_authored_source_cannot_also_cite_a_file(tmp_path):
    assert refused(tmp_path, source={"authored": True, "basis": "《意见》", "file": "a.docx"}).endswith(
        "字段 要点 my-01.source.file：自拟要点只写 authored 和 basis；取自讲话稿的要点写 "
        "source: {file: 本单位讲话.docx, paragraph: 8}，不写 authored")


def test_authored_false_is_refused(tmp_path):
    assert "字段 要点 my-01.source.authored：自拟要点写 authored: true 并注明依据" in refused(
        tmp_path, source={"authored": False, "basis": "《意见》"})


def test_a_corpus_source_missing_its_paragraph_names_the_corpus_form(tmp_path):
    assert refused(tmp_path, source={"file": "a.docx"}).endswith(
        "字段 要点 my-01.source.paragraph：缺少必填字段（出处段落）；请补上，例如 source: {file: 本单位讲话.docx, paragraph: 8}")


def test_a_point_we_wrote_names_the_document_it_rests_on():
    point = Point.model_validate({**POINT, "source": {"authored": True, "basis": "《关于全面推进美丽中国建设的意见》"}})
    assert source_note(point, Bank((point,))) == "出处：自拟要点，依据《关于全面推进美丽中国建设的意见》"


@pytest.mark.parametrize("line,message", [
    ("features: [草地]", "字段 features.第1项：取值“草地”无效，应为 草原、森林、湿地、湖泊、黑土地、荒漠、石漠化、海洋、山区、平原、"
                        "矿区、工业园区、供暖、旅游 之一"),
    ("places: [{name: 青龙河, kind: 河}]", "字段 places.第1项.kind：取值“河”无效，应为 河流、湖泊、水库、海湾、山、保护区、园区、景区 之一"),
    ("places: [{kind: 河流}]", "字段 places.第1项.name：缺少必填字段（地名）；请补上，例如 places: [{name: 青龙河, kind: 河流}]"),
    ("places: 青龙河", "字段 places：应为列表（每项一行，以“- ”开头，或写在方括号中），例如 places: [{name: 青龙河, kind: 河流}]"),
])
def test_bad_features_and_places_in_a_data_file_are_told_in_chinese(tmp_path, line, message):
    data = (EXAMPLES / "county-conference.yaml").read_text(encoding="utf-8") + f"\n{line}\n"
    (tmp_path / "数据.yaml").write_text(data, encoding="utf-8")
    r = run("draft", tmp_path / "数据.yaml", "-o", tmp_path / "稿.docx")
    assert r.returncode == 2 and not (tmp_path / "稿.docx").exists()
    assert r.stderr.strip() == f"错误：文件 {tmp_path / '数据.yaml'}，{message}"
