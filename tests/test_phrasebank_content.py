"""Content checks for the built-in phrase bank (phrasebank/*.yaml).

These tests read the YAML files directly with yaml.safe_load and check the bank against
phrasebank/README.md (the format contract) and the curation rules: coverage per genre,
section and domain; provenance that points at a real corpus paragraph; clean text (no
corpus typos, no half-width punctuation, no anonymisation marks, no bare level words, no
Arabic digits); no sentence used twice; leads without ordinals.

The corpus files are copied byte for byte under tests/fixtures/corpus/ so that a clone
without ../shared can run them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from speechdraft.genres import BANK_SECTION
from speechdraft.genres import GENRES as GENRE_DEFS

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "phrasebank"
CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"

SECTIONS = [
    "opening", "significance", "achievements", "gaps",
    "tasks", "safeguards", "closing", "transition",
]
DOMAINS = [
    "air", "water", "soil", "ecology", "carbon", "industry",
    "inspection", "rural", "urban", "culture", "governance",
]
GENRES = ["conference", "lecture", "study", "report", "training"]
KINDS = {"item", "intro"}
NEEDS = {"metrics", "achievements", "problems", "priorities", "speaker", "date"}
SLOTS = {"县", "党委政府", "党委", "政府", "下级", "省", "上级", "简称", "地区", "年度", "会议",
         "河流", "山", "湖泊", "海湾", "保护区", "园区", "景区"}

# The sections each genre's shape uses (design.md, "Genres").
# the sections each genre composes from the bank
GENRE_SECTIONS = {name: list(genre.shares) for name, genre in GENRE_DEFS.items()}
MIN_PER_GENRE_SECTION = 2
MIN_TASKS_PER_GENRE = 12
MIN_TASKS_PER_DOMAIN = 3
MIN_SAFEGUARDS = 8

# Typos and garbles found in the corpus; none may survive cleaning.
TYPOS = [
    "一岗双贵",        # 一岗双责
    "金山馄山",        # 金山银山
    "桔秆",            # 秸秆
    "夸部门",          # 跨部门
    "破环生态",        # 破坏生态
    "办结率棉",        # garbled figure
    "进步明确",        # 进一步明确
    "地清水秀",        # 山清水秀
    "山青水秀",        # 山清水秀
    "的的",            # doubled particle
    "环保督查",        # 中央环保督察（组）
    "长期漫长",        # redundant
    "建设全面社会主义",  # 全面建设社会主义现代化
    "建成全面小康",     # 全面建成小康社会
    "让我以",          # 让我们以
    "自然资源责任离任审计",  # 自然资源资产离任审计
    "采沙",            # 采砂
    "野生植物极小种群",  # 极小种群野生植物
    "心对于",          # garbled 「%。对于」
    "协调推进“五位一体”",  # 统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局
    "先破后立",        # 先立后破 (the 20th Party Congress wording)
    "河（湖）长制",     # 河湖长制
]
# 略性新兴产业 is a typo only when it is not part of 战略性新兴产业.
TYPO_PATTERNS = [
    re.compile(r"(?<!战)略性新兴产业"),
    re.compile(r"(?<!以)生态创建为载体"),
    re.compile(r"实现[^。；]{0,30}实现全覆盖"),  # 尽快实现……实现全覆盖
    re.compile(r"山水林田湖草(?!沙)"),           # 山水林田湖草沙 since 2021
    re.compile(r"(?<!持续)深入打好污染防治攻坚战"),  # 持续深入打好 since the 20th Party Congress
]
ANONYMISATION = [
    re.compile(r"\*"),
    re.compile(r"×"),
    re.compile(r"(?<![\u4e00-\u9fff])A(生态文明思想|同志|总书记)"),
    re.compile(r"[A-Za-z](?=生态文明思想|同志为核心|总书记)"),
]
# Proper names and local specifics that must not reach another county's draft; site junk.
SPECIFICS = [
    # (黑土地 is a kind of place: a point carrying that feature may say it, see test_feature_vocabulary)
    "汭河", "关山", "吉林", "向海", "莫莫格", "黄河", "三峡", "吉电", "冰天雪地",
    "高原", "绿美", "五城共建", "陶瓷", "煤化工", "一主六双", "核桃", "第一方阵", "世卫",
    "九整治", "十四五", "强基础", "课桌文档", "会员分享", "本站", "http", "www", "qq.com",
    "docx", "页珍藏",
]
HALF_WIDTH = re.compile(r"[,;:?!()]")
BARE_LEVEL = re.compile(r"全县|全市|全区|我县|我市|我区|县委|市委|县域|市域")
SLOT_RE = re.compile(r"\{([^{}]*)\}")
ORDINAL_PREFIX = re.compile(
    r"^(?:[一二三四五六七八九十]+(?:是|要|、|方面)|（[一二三四五六七八九十]+）|"
    r"首先|其次|再次|最后|第[一二三四五六七八九十]+|\d)"
)
# Arabic digits are allowed only in PM2.5 and in years written before 年 (2035年).
ALLOWED_DIGITS = re.compile(r"PM2\.5|\d{4}年")
SENTENCE_SPLIT = re.compile(r"(?<=[。！？])")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NON_TEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")

# What a slot reads as in a county's draft, for comparing a point with its source.
COUNTY = {
    "县": "县", "党委政府": "县委、县政府", "党委": "县委", "政府": "县政府",
    "下级": "乡镇", "地区": "", "年度": "", "会议": "",
}


def load_points() -> list[dict]:
    points = []
    # the eight section files, and any further file the bank is extended with
    for path in sorted(BANK.glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        assert isinstance(data, dict) and isinstance(data.get("points"), list), path.name
        for point in data["points"]:
            point = dict(point)
            point["_file"] = path.stem
            points.append(point)
    return points


def authored(point: dict) -> bool:
    return bool(point["source"].get("authored"))


POINTS = load_points()


def texts(point: dict) -> list[str]:
    return [point.get(k) or "" for k in ("lead", "body", "short")]


def all_text(point: dict) -> str:
    return "".join(texts(point))


def render_county(text: str) -> str:
    return SLOT_RE.sub(lambda m: COUNTY.get(m.group(1), ""), text)


def normalise(text: str) -> str:
    return NON_TEXT.sub("", text)


def paragraphs(name: str) -> list[str]:
    raw = (CORPUS / name).read_text(encoding="utf-8-sig")
    return [line for line in raw.splitlines() if line.strip()]


def point_ids(points):
    return [p.get("id", "?") for p in points]


# ---------------------------------------------------------------- format


def test_bank_is_not_empty_and_sized():
    assert 120 <= len(POINTS) <= 600, len(POINTS)


def test_every_section_file_is_there():
    assert {f"{s}.yaml" for s in SECTIONS} <= {p.name for p in BANK.glob("*.yaml")}


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_point_fields(point):
    required = {"id", "section", "kind", "domain", "genres", "lead", "body", "source"}
    allowed = required | {"voice", "short", "needs", "claims", "topic", "series", "features", "_file"}
    assert required <= set(point), f"missing {required - set(point)}"
    assert set(point) <= allowed, f"unknown fields {set(point) - allowed}"
    assert ID_RE.match(point["id"]), point["id"]
    if point["_file"] in SECTIONS:
        assert point["section"] == point["_file"], "a point in a section's file belongs to that section"
    if point["section"] == "achievements":
        assert point.get("claims") in ("outcome", "effort", "none"), "an achievement says what it claims"
    assert point["kind"] in KINDS
    assert point["domain"] in DOMAINS + ["general"]
    assert point["genres"] and set(point["genres"]) <= set(GENRES)
    assert len(set(point["genres"])) == len(point["genres"])
    assert set(point.get("needs") or []) <= NEEDS
    for key in ("lead", "body", "short"):
        if key in point:
            assert isinstance(point[key], str), key


def test_ids_unique():
    counts = Counter(p["id"] for p in POINTS)
    assert not [i for i, n in counts.items() if n > 1]


# ---------------------------------------------------------------- coverage


def test_every_genre_section_covered():
    missing = []
    for genre, sections in GENRE_SECTIONS.items():
        for section in sections:
            n = sum(1 for p in POINTS if p["section"] == BANK_SECTION.get(section, section) and genre in p["genres"])
            if n < MIN_PER_GENRE_SECTION:
                missing.append(f"{genre}/{section}: {n}")
    assert not missing, missing


def test_tasks_per_genre():
    short = []
    for genre, sections in GENRE_SECTIONS.items():
        if "tasks" not in sections:
            continue
        n = sum(1 for p in POINTS
                if p["section"] == "tasks" and p["kind"] == "item" and genre in p["genres"])
        if n < MIN_TASKS_PER_GENRE:
            short.append(f"{genre}: {n}")
    assert not short, short


def test_tasks_per_domain():
    counts = Counter(p["domain"] for p in POINTS if p["section"] == "tasks" and p["kind"] == "item")
    short = {d: counts[d] for d in DOMAINS if counts[d] < MIN_TASKS_PER_DOMAIN}
    assert not short, short


def test_safeguards_count():
    n = sum(1 for p in POINTS if p["section"] == "safeguards" and p["kind"] == "item")
    assert n >= MIN_SAFEGUARDS, n


def test_achievements_and_gaps_have_general_and_domain_items():
    for section in ("achievements", "gaps"):
        items = [p for p in POINTS if p["section"] == section and p["kind"] == "item"]
        assert any(p["domain"] == "general" for p in items), section
        assert len({p["domain"] for p in items} - {"general"}) >= 4, section
        assert any(p["kind"] == "intro" for p in POINTS if p["section"] == section), section


# ---------------------------------------------------------------- provenance


CORPUS_POINTS = [p for p in POINTS if not authored(p)]
AUTHORED_POINTS = [p for p in POINTS if authored(p)]


@pytest.mark.parametrize("point", CORPUS_POINTS, ids=point_ids(CORPUS_POINTS))
def test_source_points_at_matching_corpus_paragraph(point):
    source = point["source"]
    assert set(source) == {"file", "paragraph"}, source
    path = CORPUS / source["file"]
    assert path.is_file(), f"no corpus file {source['file']}"
    paras = paragraphs(source["file"])
    n = source["paragraph"]
    assert isinstance(n, int) and 1 <= n <= len(paras), f"paragraph {n} of {len(paras)}"
    para = normalise(paras[n - 1])
    text = normalise(render_county(all_text(point)))
    runs = {text[i:i + 6] for i in range(len(text) - 5)}
    assert any(run in para for run in runs), (
        f"{point['id']}: no six-character run shared with {source['file']} paragraph {n}"
    )


def test_corpus_fixtures_are_the_five_speeches():
    names = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(names) == 5, names
    cited = {p["source"]["file"] for p in CORPUS_POINTS}
    assert cited == set(names), "every corpus speech is drawn on, and nothing else is cited"


# ---------------------------------------------------------------- text quality


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_text_is_clean(point):
    text = all_text(point)
    problems = [t for t in TYPOS if t in text]
    problems += [p.pattern for p in TYPO_PATTERNS if p.search(text)]
    problems += [p.pattern for p in ANONYMISATION if p.search(text)]
    problems += [s for s in SPECIFICS if s in text]
    assert not problems, problems


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_full_width_punctuation_only(point):
    for text in texts(point):
        assert not HALF_WIDTH.search(text), HALF_WIDTH.findall(text)
        assert "\n" not in text and not re.search(r"\s", text), "no whitespace inside text"
        assert text.count("“") == text.count("”"), "unbalanced quotes"
        assert not re.search(r"“[^”]*“", text), "nested or misordered quotes"
        assert text.count("（") == text.count("）") and text.count("《") == text.count("》")


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_no_bare_level_words(point):
    for text in texts(point):
        assert not BARE_LEVEL.findall(text), BARE_LEVEL.findall(text)


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_slots_are_known(point):
    for text in texts(point):
        for slot in SLOT_RE.findall(text):
            assert slot in SLOTS, slot
        assert "{" not in SLOT_RE.sub("", text) and "}" not in SLOT_RE.sub("", text)


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_no_arabic_digits(point):
    for text in texts(point):
        rest = ALLOWED_DIGITS.sub("", text)
        assert not re.search(r"[0-9０-９%％]", rest), re.findall(r"[0-9０-９%％]+", rest)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s.strip()]


def test_no_sentence_repeated_across_points():
    seen: dict[str, str] = {}
    clashes = []
    for point in POINTS:
        own = set()
        for text in texts(point):
            own.update(s for s in sentences(render_county(text)) if len(NON_TEXT.sub("", s)) >= 10)
        for s in own:
            if s in seen:
                clashes.append(f"{seen[s]} / {point['id']}: {s}")
            else:
                seen[s] = point["id"]
    assert not clashes, clashes


def test_no_sentence_repeated_inside_a_point():
    for point in POINTS:
        parts = sentences(point["lead"]) + sentences(point["body"])
        assert len(parts) == len(set(parts)), point["id"]


# ---------------------------------------------------------------- leads and bodies


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_lead_is_one_sentence_without_ordinal(point):
    lead = point["lead"]
    assert lead, "empty lead"
    end = "。：！" if point["section"] in ("opening", "closing") else "。："
    assert lead[-1] in end, lead
    assert sum(lead.count(c) for c in "。！？") <= 1, "one sentence"
    assert not ORDINAL_PREFIX.match(lead), lead
    if point["kind"] == "item":
        # rendered as 一要 + lead and 一是 + lead
        assert not lead.startswith(("要", "是", "一", "二", "三")), lead


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_body_length(point):
    body, short = point["body"], point.get("short")
    assert len(body) <= 400, len(body)
    if point["kind"] == "item":
        minimum = 60 if point["section"] in ("tasks", "safeguards", "significance") else 30
        assert len(body) >= minimum, len(body)
        assert body[-1] in "。！", body
    if body:
        assert not ORDINAL_PREFIX.match(body), body[:10]
    if short is not None:
        assert 20 <= len(short) < len(body), (len(short), len(body))
        assert short[-1] == "。", short


def test_long_task_and_safeguard_points_have_short():
    missing = [p["id"] for p in POINTS
               if p["section"] in ("tasks", "safeguards") and p["kind"] == "item"
               and len(p["body"]) > 180 and not p.get("short")]
    assert not missing, missing


def test_achievement_bodies_have_no_figures():
    for p in POINTS:
        if p["section"] == "achievements":
            text = re.sub(r"“[^”]*”", "", all_text(p))  # fixed formulations such as “四个全面”
            assert not re.search(r"[0-9０-９%％]|[一二三四五六七八九十百千万]+(个|项|家|亩|吨|公里|百分点)", text), p["id"]


# ---------------------------------------------------------------- voice and genres


def test_a_participant_says_wo_jiang_never_ziji_jiang():
    assert not [p["id"] for p in POINTS if "自己将" in all_text(p)]


def test_first_person_points_speak_in_the_reflect_voice_in_a_participants_genres():
    for p in POINTS:
        if re.search(r"我理解|我将|我体会|我认识到|我深刻认识到|^我就", all_text(p)):
            assert p["voice"] == "reflect", p["id"]
        if p["voice"] == "reflect":
            assert set(p["genres"]) <= {"study", "training"}, p["id"]


def test_a_study_group_member_never_speaks_of_a_training_course():
    # a 中心组 study session is not a course: no lecturers, classes, trainees, or going back
    course = re.compile(r"培训|授课|学员|专题课|现场教学|课堂|回去后")
    assert not [p["id"] for p in POINTS
                if "study" in p["genres"] and p["voice"] == "reflect" and course.search(all_text(p))]


# 要 as a directive (要加强…), not inside 重要/主要/需要/要求 and the like.
DIRECTIVE = re.compile(r"(?<![重主需只必首纲摘概提么])要(?![求素点害])")


def test_report_points_avoid_directive_voice():
    for p in POINTS:
        if "report" in p["genres"] and p["section"] in ("tasks", "achievements", "gaps", "significance"):
            assert not DIRECTIVE.search(all_text(p)), (p["id"], DIRECTIVE.findall(all_text(p)))


def test_conference_openings_name_the_meeting():
    openings = [p for p in POINTS if p["section"] == "opening" and "conference" in p["genres"]]
    assert openings and all("{会议}" in p["lead"] for p in openings)
    for p in POINTS:
        assert "下面，我讲" not in all_text(p), "the template writes 下面，我讲几点意见。"


# Fixed sentences the genre templates write themselves (templates/*.md.j2); a point that
# repeated one would put the same sentence twice into a draft.
TEMPLATE_FORMULAS = [
    "下面，我讲",                      # conference, lecture: 下面，我讲三个方面的意见。
    "汇报如下",                        # report: 根据会议安排，现将有关工作情况汇报如下。
    "以上汇报",                        # report: 以上汇报，不妥之处，请批评指正。
    "发言完毕",                        # study: 发言完毕，谢谢大家！
    "以上是我的几点体会",               # training
    "武装头脑、指导实践、推动工作",      # study: 作为……，我将坚定不移用……
    "不折不扣落到实处",                 # study
]


def test_no_template_formulas_in_bank():
    hits = [(p["id"], f) for p in POINTS for f in TEMPLATE_FORMULAS if f in all_text(p)]
    assert not hits, hits


def test_closings_per_genre_are_distinct_paragraphs():
    for genre in GENRES:
        closings = [all_text(p) for p in POINTS if p["section"] == "closing" and genre in p["genres"]]
        assert len(set(closings)) == len(closings) >= 2, genre


def test_no_dated_or_nonstandard_formulation_as_check_sees_it():
    """The proofreader's word lists (规范表述, 错别字, 过时表述) find nothing in any point."""
    from speechdraft.check import check_paragraphs

    paras = [render_county(t) for p in POINTS for t in texts(p) if t]
    found = [f for f in check_paragraphs(paras) if f.rule in ("formulation", "typo", "outdated")]
    assert not found, [f"{f.excerpt} {f.message}" for f in found]


# ---------------------------------------------------------------- typed points (issue 12)

from speechdraft.bankstats import short_cells  # noqa: E402
from speechdraft.features import FEATURES, assumed  # noqa: E402
from speechdraft.phrasebank import load_bank  # noqa: E402


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_every_point_writes_its_voice(point):
    # the built-in bank never leaves its voice to be heard off the words
    assert point.get("voice") in ("deploy", "report", "reflect", "plan"), point.get("voice")


def test_the_bank_loads_with_every_field_valid():
    assert len(load_bank().points) == len(POINTS)


def test_the_minimums_hold():
    short = [f"{c.what}: {c.count} < {c.minimum}" for c in short_cells(load_bank())]
    assert not short, short


# What each voice never says (phrasebank/README.md, "口吻").
NEVER = {
    "deploy": re.compile(r"我们已|我将"),
    "report": re.compile(r"力争|下一步|将要"),
    "reflect": re.compile(r"必须|各属地要|各部门要|全\{县\}上下要|自己将"),
}


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_a_point_says_nothing_its_voice_never_says(point):
    rule = NEVER.get(point.get("voice"))
    assert not (rule and rule.search(all_text(point))), rule.findall(all_text(point))


@pytest.mark.parametrize("point", POINTS, ids=point_ids(POINTS))
def test_feature_vocabulary_only_in_points_carrying_the_feature(point):
    features = set(point.get("features") or [])
    assert features <= set(FEATURES)
    assert not assumed(all_text(point)) - features, sorted(assumed(all_text(point)) - features)


def test_the_feature_table_is_the_one_the_check_uses():
    # 河湖长制 and 美丽河湖 are general; a lake is assumed only by 湖泊, 湖区, 入湖
    assert assumed("全面落实河湖长制，建设美丽河湖。") == set()
    assert assumed("加强入湖河流治理。") == {"湖泊"} and assumed("建设{园区}污水处理设施。") == set()


@pytest.mark.parametrize("point", AUTHORED_POINTS, ids=point_ids(AUTHORED_POINTS))
def test_an_authored_point_names_its_basis(point):
    assert set(point["source"]) == {"authored", "basis"} and point["source"]["authored"] is True
    basis = point["source"]["basis"]
    assert isinstance(basis, str) and re.search(r"《|讲话|论述|会议|大会|全会|报告|决定|意见|方案|条例|规划|通知|纲要|法|语料", basis), basis


def test_a_parallel_set_can_be_used_together():
    sets: dict[str, list[dict]] = {}
    for p in POINTS:
        if p.get("series"):
            sets.setdefault(p["series"], []).append(p)
    for name, members in sets.items():
        assert len(members) >= 2, name
        # one genre must take every member in its part's voice, or the set is never used
        assert len({(m["section"], m["voice"]) for m in members}) == 1, name
        assert set.intersection(*(set(m["genres"]) for m in members)), name
        topics = [m.get("topic") for m in members if m.get("topic")]
        assert len(topics) == len(set(topics)), name
