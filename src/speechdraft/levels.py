"""Level words: what a county's speech says as 全县 a city's says as 全市, and how it names
the levels above it (省、市 in a province's county; 自治区、盟 in a banner)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # model.py imports LEVELS from here
    from speechdraft.model import Region

LEVELS = ("省", "市", "州", "盟", "县", "区", "旗", "乡", "镇")

# The level one step down, as speeches name it when they address it (各乡镇, 各县（市、区）).
_LOWER = {
    "省": "市（州）",
    "市": "县（市、区）",
    "州": "县（市）",
    "盟": "旗（县、市）",
    "县": "乡镇",
    "区": "镇（街道）",
    "旗": "苏木乡镇",
    "乡": "村",
    "镇": "村",
}

# Province-level cities: their districts and counties answer to the city itself (市委、市政府).
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
# The autonomous regions by their short names, as a writer may type them (内蒙古 for 内蒙古自治区).
_AUTONOMOUS = ("内蒙古", "广西", "西藏", "宁夏", "新疆")
_PREFECTURE, _COUNTY, _TOWN = ("市", "州", "盟"), ("县", "区", "旗"), ("乡", "镇")
# A superior named by its name's ending (庆阳市 → 市, 锡林郭勒盟 → 盟, 恩施土家族苗族自治州 → 州).
_ENDINGS = ("地区", "盟", "州", "市", "旗", "县", "区")
# Above a province-level region there is only the centre: "中央和国家有关部委要求".
_ABOVE_PROVINCE = "国家有关部委"

# The minority nationalities that name autonomous counties, banners, prefectures and regions
# (长阳土家族自治县 → 长阳); longest first, so that 土家族 is taken whole, not as 土族.
_NATIONALITIES = tuple(sorted((
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
    "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
    "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
), key=len, reverse=True))
# Names a speech says whole: 阿拉善左旗 (not 阿拉善左), 浦东新区, 经济技术开发区, 神农架林区.
_WHOLE = ("左旗", "右旗", "前旗", "中旗", "后旗", "联合旗", "新区", "开发区", "林区", "矿区", "特区", "园区")
_SUFFIXES = ("地区", "省", "市", "县", "旗", "盟", "区")


def province_word(region: Region) -> str:
    """How a speech names its province: 省, 自治区, or 市 for a province-level city."""
    province = region.province
    if province is None and (region.level == "省" or region.name in MUNICIPALITIES):
        province = region.name  # a province's (or 北京市's) own speech
    if province is None:
        # Banners and leagues exist only in Inner Mongolia.
        return "自治区" if region.level in ("旗", "盟") else "省"
    short = short_name(province)
    if province.endswith("自治区") or short in _AUTONOMOUS:
        return "自治区"
    return "市" if f"{short}市" in MUNICIPALITIES else "省"


def is_autonomous_region(province: str) -> bool:
    """内蒙古自治区 or 内蒙古: a region whose speeches say 自治区, never 省."""
    return province.endswith("自治区") or short_name(province) in _AUTONOMOUS


def _ending(name: str | None) -> str | None:
    return next((e for e in _ENDINGS if name and name.endswith(e)), None)


def superiors(region: Region) -> str:
    """The levels above a region as speeches name them together: 省、市 · 自治区、盟 · 市."""
    level, province = region.level, province_word(region)
    if level == "省" or region.name in MUNICIPALITIES or region.name == region.province:
        return _ABOVE_PROVINCE
    parent = _ending(region.parent)
    if level in _PREFECTURE:
        # A city under a prefecture (a county-level city) has both above it.
        return f"{province}、{parent}" if parent in ("市", "州", "盟", "地区") and province != "市" else province
    if level in _COUNTY:
        # A province-level city has no prefecture between it and its districts.
        prefecture = [] if province == "市" else [parent or ("盟" if level == "旗" else "市")]
        above = [province, *prefecture]
    else:
        county = parent if parent in _COUNTY + ("市",) else "县"
        prefecture = [] if province == "市" else ["盟" if county == "旗" else "市"]
        above = [province, *prefecture, county]
    return "、".join(dict.fromkeys(above))  # a town in a county-level city: 省、市, not 省、市、市


def _without_nationality(rest: str) -> str | None:
    """The name before its last nationality (长阳土家族 → 长阳), if at least two characters are left."""
    for n in _NATIONALITIES:
        for form in (f"{n}族", n):
            if rest.endswith(form) and len(rest) - len(form) >= 2:
                return rest[:-len(form)]
    return None


def short_name(name: str) -> str:
    """The name a speech puts after 美丽 or before 贡献: 临川市 → 临川, 长阳土家族自治县 → 长阳;
    names said whole (阿拉善左旗, 浦东新区, 礼县, 青山镇) stay as they are."""
    if name.endswith(("自治县", "自治旗", "自治州", "自治区")):
        rest = name[:-3]
        while shorter := _without_nationality(rest):
            rest = shorter
        # 鄂温克族自治旗: no place name is left once the nationality goes.
        return name if rest.endswith("族") or len(rest) < 2 else rest
    if name.endswith(_WHOLE):
        return name
    suffix = next((s for s in _SUFFIXES if name.endswith(s)), "")
    return name[:-len(suffix)] if suffix and len(name) - len(suffix) >= 2 else name


def level_words(region: Region) -> dict[str, str]:
    """The slot values for one region; the keys are the slot names of the phrase bank."""
    level = region.level
    # A township's Party committee is 党委, not 镇委.
    party = f"{level}党委" if level in _TOWN else f"{level}委"
    government = f"{level}政府"
    return {
        "县": level,
        "党委": party,
        "政府": government,
        "党委政府": f"{party}、{government}",
        "下级": _LOWER[level],
        "省": province_word(region),
        "上级": superiors(region),
        "简称": short_name(region.name),
    }
