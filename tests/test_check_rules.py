"""Each proofreading rule, with cases it must catch and cases it must leave alone."""
from __future__ import annotations

import pytest

from speechdraft.check import check_paragraphs


def rules(paragraphs, rule=None, **kw):
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    fs = check_paragraphs(paragraphs, **kw)
    return [f for f in fs if rule is None or f.rule == rule]


def spots(paragraphs, rule, **kw):
    return [f.excerpt.split("【")[1].split("】")[0] for f in rules(paragraphs, rule, **kw)]


# ---- 规范表述 -------------------------------------------------------------------------

@pytest.mark.parametrize("text, spot, right", [
    ("紧密团结在以习近平总书记为核心的党中央周围。", "以习近平总书记为核心的党中央", "以习近平同志为核心的党中央"),
    ("深入学习习近平生态思想。", "习近平生态思想", "习近平生态文明思想"),
    ("坚持节约优先、自然恢复为主、保护优先的方针。", "节约优先、自然恢复为主、保护优先", "节约优先、保护优先、自然恢复为主"),
    ("全面贯彻创新、协调、开放、绿色、共享的发展理念。", "创新、协调、开放、绿色、共享", "创新、协调、绿色、开放、共享"),
    ("坚持科学治污、精准治污、依法治污。", "科学治污、精准治污、依法治污", "精准治污、科学治污、依法治污"),
    ("推动降碳减污协同增效。", "降碳减污协同增效", "减污降碳协同增效"),
    ("作为协调推进“五位一体”总体布局的重大任务。", "协调推进“五位一体”", "统筹推进“五位一体”"),
    ("全面推行河长治。", "河长治", "河长制"),
])
def test_formulation_errors(text, spot, right):
    fs = rules(text, "formulation")
    assert len(fs) == 1, fs
    f = fs[0]
    assert f.severity == "错误" and f.fixable
    assert f"【{spot}】" in f.excerpt and f.suggestion == right
    assert "依据" in f.message


@pytest.mark.parametrize("text", [
    "紧密团结在以习近平同志为核心的党中央周围。",
    "深入学习贯彻习近平生态文明思想。",
    "坚持节约优先、保护优先、自然恢复为主的方针。",
    "统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。",
    "让黄河长治久安。",
    "深入学习习近平新时代中国特色社会主义思想。",
    "坚持精准治污、科学治污、依法治污。",
])
def test_formulation_correct_text_is_clean(text):
    assert rules(text, "formulation") == []


def test_quote_rule_only_when_quoting():
    prose = "良好的生态环境是最普惠的民生福祉，我们要倍加珍惜。"
    assert rules(prose, "formulation") == []
    quoted = "习近平总书记指出：“良好的生态环境是最普惠的民生福祉。”"
    fs = rules(quoted, "formulation")
    assert len(fs) == 1 and fs[0].severity == "提示" and not fs[0].fixable


def test_warn_entry_is_a_hint():
    fs = rules("坚持“双控”倒逼、先破后立。", "formulation")
    assert [(f.severity, f.suggestion, f.fixable) for f in fs] == [("提示", "先立后破", False)]


# ---- 错别字 ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, spot, right", [
    ("严格落实“党政同责、一岗双贵”。", "一岗双贵", "一岗双责"),
    ("推动绿水青山向金山馄山转化。", "金山馄山", "金山银山"),
    ("严禁桔秆焚烧。", "桔秆", "秸秆"),
    ("解决夸部门问题。", "夸部门", "跨部门"),
    ("拒绝破环生态的项目。", "破环", "破坏"),
    ("发展略性新兴产业。", "略性新兴产业", "战略性新兴产业"),
    ("截止目前，共整改问题12个。", "截止", "截至"),
    ("截止2023年底，共整改问题12个。", "截止", "截至"),
    ("其它部门要密切配合。", "其它", "其他"),
    ("我们必需加强监管。", "必需", "必须"),
    ("再接再励，久久为功。", "再接再励", "再接再厉"),
    ("作好生态环境保护工作。", "作", "做"),
    ("积极反应群众诉求。", "反应", "反映"),
])
def test_typo_errors(text, spot, right):
    fs = rules(text, "typo")
    assert len(fs) == 1, fs
    assert f"【{spot}】" in fs[0].excerpt and fs[0].suggestion == right and fs[0].severity == "错误"


@pytest.mark.parametrize("text", [
    "打破环境约束，突破环保瓶颈。",
    "培育壮大战略性新兴产业。",
    "截至目前，共整改问题12个。",
    "申报于6月30日截止。",
    "报名截止日期为6月30日。",
    "其他部门要密切配合。",
    "这是发展所必需的条件，生活必需品供应充足。",
    "确保各项工作到位。",
    "以营利为目的的企业。",
    "的的确确取得了成效。",
    "群众反映强烈，化学反应剧烈。",
])
def test_typo_correct_text_is_clean(text):
    assert rules(text, "typo") == []


@pytest.mark.parametrize("text, right", [
    ("积极稳妥的推进碳达峰碳中和。", "积极稳妥地"),
    ("各项工作推进的更快。", "推进得"),
])
def test_de_di_de_hints(text, right):
    fs = rules(text, "typo")
    assert [(f.severity, f.suggestion) for f in fs] == [("提示", right)]


def test_de_as_object_is_not_flagged():
    assert rules("问题得到了扎实的推进。", "typo") == []


# ---- 过时表述 -------------------------------------------------------------------------

@pytest.mark.parametrize("text, spot", [
    ("坚决打好污染防治攻坚战。", "坚决打好污染防治攻坚战"),
    ("深入打好污染防治攻坚战。", "深入打好污染防治攻坚战"),
    ("统筹山水林田湖草系统治理。", "山水林田湖草"),
    ("决胜全面建成小康社会。", "决胜全面建成小康社会"),
    ("认真落实环境保护部的要求。", "环境保护部"),
])
def test_outdated_hints(text, spot):
    fs = rules(text, "outdated")
    assert len(fs) == 1 and f"【{spot}】" in fs[0].excerpt and fs[0].severity == "提示"


def test_outdated_fix():
    fs = rules("迎接中央环保督察。", "outdated")
    assert [(f.severity, f.suggestion) for f in fs] == [("错误", "中央生态环境保护督察")]


@pytest.mark.parametrize("text", [
    "持续深入打好污染防治攻坚战。",
    "坚持山水林田湖草沙一体化保护和系统治理。",
    "各级生态环境保护部门要加强监管，做好生态环境保护部署。",
    "原环境保护部2015年印发通知。",
    "习近平总书记指出，山水林田湖草是生命共同体。",
])
def test_outdated_current_text_is_clean(text):
    assert rules(text, "outdated") == []


# ---- 占位符 -----------------------------------------------------------------------

@pytest.mark.parametrize("text, spot", [
    ("全县完成造林××万亩。", "××"),
    ("刚才，***同志作了讲话。", "***"),
    ("完成投资＊＊亿元。", "＊＊"),
    ("第*轮督察即将进驻。", "*"),
    ("完成率达到【待补】。", "【待补】"),
    ("XX县要加快推进。", "XX"),
    ("到202×年完成。", "×"),
    ("忠实践行A生态文明思想。", "A"),
])
def test_placeholders(text, spot):
    fs = rules(text, "placeholder")
    assert [f"【{spot}】" in f.excerpt for f in fs] == [True]
    assert fs[0].severity == "错误"


def test_a_date_left_blank_is_one_placeholder():
    fs = rules("（××××年××月××日）", "placeholder")
    assert len(fs) == 1 and "【××××年××月××】" in fs[0].excerpt


def test_anonymised_name_suggests_the_name():
    fs = rules("以A同志为核心的党中央。", "placeholder")
    assert fs[0].suggestion == "习近平"


@pytest.mark.parametrize("text", [
    "占地3×4米。",
    "Windows XP 与 XXL 号码。",
    "PM2.5浓度下降到25微克/立方米。",
    "我们召开全县大会。",
])
def test_no_placeholder(text):
    assert rules(text, "placeholder") == []


# ---- 编号 ---------------------------------------------------------------------------

def test_heading_numbers_skip_and_repeat():
    paras = ["一、提高站位", "正文。", "二、狠抓落实", "正文。", "四、强化保障", "四、加强宣传"]
    fs = rules(paras, "numbering")
    assert [(f.paragraph, f.suggestion) for f in fs] == [(5, "三、"), (6, "五、")]
    assert "缺少“三、”" in fs[0].message


def test_subheadings_restart_under_each_heading():
    paras = ["一、成绩", "（一）甲", "（二）乙", "二、任务", "（一）丙", "（三）丁", "1.子项", "3.子项"]
    fs = rules(paras, "numbering")
    assert [(f.paragraph, f.suggestion) for f in fs] == [(6, "（二）"), (8, "2.")]


def test_correct_numbering_is_clean():
    paras = ["一、成绩", "（一）甲", "1.子", "2.子", "（二）乙", "二、任务", "（一）丙", "三、保障"]
    assert rules(paras, "numbering") == []


def test_inline_series_in_a_paragraph():
    fs = rules("一是加强领导。二是完善制度。四是强化考核。", "numbering")
    assert len(fs) == 1 and "缺少“三是”" in fs[0].message and "【四是】" in fs[0].excerpt


def test_inline_series_across_paragraphs_and_restart():
    paras = ["一、聚焦重点难点", "一要培育生态经济。", "二要推进城乡联动。", "三要整改突出问题。",
             "二、加强组织领导", "一要强化责任落实。", "三要健全长效机制。"]
    fs = rules(paras, "numbering")
    assert [(f.paragraph, f.suggestion) for f in fs] == [(7, "二要")]


def test_series_starting_late_after_a_heading():
    fs = rules(["一、任务", "一是甲。二是乙。", "二、保障", "二是丙。"], "numbering")
    assert len(fs) == 1 and fs[0].paragraph == 4 and "前面没有“一是”" in fs[0].message


def test_inline_series_repeat():
    fs = rules("一是加强领导。二是完善制度。二是强化考核。", "numbering")
    assert len(fs) == 1 and "重复" in fs[0].message


def test_first_second_third():
    fs = rules(["首先，要提高站位。", "第三，要强化保障。"], "numbering")
    assert len(fs) == 1 and "其次" in fs[0].message
    assert rules(["首先，要提高站位。", "其次，要狠抓落实。", "第三，要强化保障。"], "numbering") == []


@pytest.mark.parametrize("text", [
    "统一要求，第一要务，三要素齐全。",
    "引进第三方服务机构，党中央再次召开会议。",
    "说一是一，说二是二。",
    "2023年，全县完成造林3.2万亩。",
    "2.5万亩林地。",
])
def test_numbering_lookalikes_are_clean(text):
    assert rules(text, "numbering") == []


# ---- 引号括号 ------------------------------------------------------------------------

@pytest.mark.parametrize("text, spot", [
    ("深刻领悟”四个重大转变”的重要意义。", "”"),
    ("把管生产必须管环保”要求落实到位。", "”"),
    ("落实“党政同责、一岗双责。", "“"),
    ("按照《追究办法（试行）要求。", "《"),
    ("河（湖长制。", "（"),
])
def test_unbalanced(text, spot):
    fs = rules(text, "unbalanced")
    assert len(fs) == 1 and f"【{spot}】" in fs[0].excerpt


@pytest.mark.parametrize("paras", [
    ["落实“党政同责、一岗双责”，推行《追究办法（试行）》。"],
    ["他说：“要坚持‘两个毫不动摇’。”"],
    ["1）加强领导；2）完善制度。"],
    ["正确处理“双碳”承诺和自主行动这“", "五个重大关系”。"],  # cut by a page break
    ["It’s fine."],
])
def test_balanced(paras):
    assert rules(paras, "unbalanced") == []


def test_dunhao_between_quotes_is_a_hint():
    fs = rules("“天人合一”、“道法自然”代表了精神境界。", "quote-dunhao")
    assert len(fs) == 1 and fs[0].severity == "提示"
    assert rules("“天人合一”“道法自然”代表了精神境界。", "quote-dunhao") == []


# ---- 重复句子 --------------------------------------------------------------------------

def test_duplicate_sentence_across_paragraphs():
    s = "要坚持生态优先、绿色发展。"
    fs = rules([s + "这是第一段。", "这是第二段。" + s], "duplicate")
    assert len(fs) == 1 and fs[0].paragraph == 2 and "第 1 段" in fs[0].message


def test_short_or_different_sentences_are_not_duplicates():
    assert rules(["谢谢大家！", "谢谢大家！", "要坚持生态优先。", "要坚持绿色发展。"], "duplicate") == []


# ---- 层级用语 --------------------------------------------------------------------------

@pytest.mark.parametrize("text, spot", [
    ("全县上下要凝心聚力。", "全县"),
    ("我县生态环境持续改善。", "我县"),
    ("在县委、县政府的坚强领导下。", "县委、县政府"),
])
def test_level_words_in_a_city_speech(text, spot):
    fs = rules(text, "level", level="市")
    assert len(fs) == 1 and f"【{spot}】" in fs[0].excerpt and fs[0].severity == "错误"
    assert fs[0].suggestion == spot.replace("县", "市")


def test_level_area_words_are_hints():
    fs = rules("壮大县域经济，创建示范县。", "level", level="市")
    assert [f.severity for f in fs] == ["提示", "提示"]


@pytest.mark.parametrize("text", [
    "严格执行《县级以上地方人民政府环境保护目标责任制》。",
    "实现县（市、区）生态示范创建全覆盖。",
    "各县要加大工作力度，县级城市建成区黑臭水体治理。",
    "全市上下，我市，市委、市政府。",
    "健全县乡村三级责任体系。",
])
def test_level_words_that_fit_a_city_speech(text):
    assert rules(text, "level", level="市") == []


def test_higher_level_words_are_fine_in_a_county_speech():
    assert rules("全市排名第一，我省、全市要求，在市委、市政府的坚强领导下，全县上下", "level", level="县") == []


def test_qu_words_are_hints():
    fs = rules("全区上下，我区", "level", level="市")
    assert [f.severity for f in fs] == ["提示", "提示"] and "自治区" in fs[0].message


def test_level_rule_off_without_level():
    assert rules("全县上下要凝心聚力。", "level") == []


def test_bad_level():
    with pytest.raises(ValueError):
        check_paragraphs(["全县"], level="地")


# ---- 百分点 -----------------------------------------------------------------------

@pytest.mark.parametrize("text, num", [
    ("优良天数比例同比上升1.4%。", "1.4"),
    ("优良天数比例达到93.5%，同比上升1.4%。", "1.4"),
    ("森林覆盖率较上年提高0.5%。", "0.5"),
])
def test_percent_point(text, num):
    fs = rules(text, "percent-point")
    assert len(fs) == 1 and fs[0].suggestion == f"{num}个百分点" and fs[0].severity == "提示"


@pytest.mark.parametrize("text", [
    "优良水体比例达到81.7%，同比上升4.2个百分点。",
    "比例由92.1%上升到93.5%。",
    "能源利用效率提高20%。",
    "森林覆盖率达到60%，GDP增长5%。",
    "PM2.5平均浓度同比下降4%。",
])
def test_not_percent_point(text):
    assert rules(text, "percent-point") == []


# ---- the model -------------------------------------------------------------------------

def test_findings_are_sorted_errors_first_and_serialisable():
    fs = check_paragraphs(["坚持“双控”倒逼、先破后立。", "严格落实党政同责、一岗双贵。"])
    assert [f.severity for f in fs] == ["错误", "提示"]
    d = fs[0].to_dict()
    assert set(d) >= {"paragraph", "excerpt", "rule", "rule_name", "severity", "message", "suggestion",
                      "fixable", "span"}
    assert d["rule_name"] == "错别字" and d["paragraph"] == 2


def test_excerpt_marks_the_spot_with_context():
    text = "各级党委政府要严格落实生态环境保护“党政同责、一岗双贵”要求，压实各方责任，确保工作落实。"
    f = rules(text, "typo")[0]
    assert f.excerpt.startswith("「…") and f.excerpt.endswith("…」")
    assert "【一岗双贵】" in f.excerpt
    s, e = f.span
    assert text[s:e] == "一岗双贵"


def test_describe_one_line():
    from speechdraft.check import describe

    f = rules(["同志们：", "严格落实党政同责、一岗双贵。"], "typo")[0]
    line = describe(f)
    assert line.startswith("错误：第 2 段〔错别字〕「") and "一岗双责" in line and "\n" not in line
