"""A starter data file for a genre: every field explained in a Chinese comment, with sample
values that draft as they are."""
from __future__ import annotations

from speechdraft.genres import GENRES

# Per genre: who speaks, where, and the figures such a speech would cite. A city names no
# parent: the province is the level above it.
_SAMPLES = {
    "conference": dict(role="县委书记", region="name: 青山县, level: 县, parent: 北原市, province: 甘肃省",
                       focus="[air, water, ecology]", features="[山区]", places="[{name: 青龙河, kind: 河流}]"),
    "lecture": dict(role="市委书记", region="name: 云岭市, level: 市, province: 云南省",
                    focus="[inspection, water]", features="[森林, 山区]", places="[{name: 云岭, kind: 山}]"),
    "study": dict(role="分管生态环境工作的副县长", region="name: 关河县, level: 县, parent: 云岭市, province: 云南省",
                  focus="[ecology, industry]", features="[森林]", places="[{name: 关河, kind: 河流}]"),
    "report": dict(role="市生态环境局局长", region="name: 北原市, level: 市, province: 甘肃省",
                   focus="[air, water]", features="[平原, 供暖]", places="[{name: 北原河, kind: 河流}]"),
    "training": dict(role="区生态环境分局局长", region="name: 滨湖区, level: 区, parent: 北原市, province: 甘肃省",
                     focus="[water, industry]", features="[湖泊]", places="[{name: 镜湖, kind: 湖泊}]"),
}

_TEMPLATE = """\
# speechdraft 数据文件（{label}）。以 # 开头的是说明，可以删去。
# 起草：speechdraft draft {{file}} -o 讲话稿.docx

# 体裁：conference 工作会议讲话 / lecture 中心组学习会讲话 / study 中心组研讨交流发言 /
#       report 调研座谈会汇报发言 / training 培训班交流发言
genre: {genre}

# 会议名称：标题写作“在……上的{ending}”
meeting: {meeting}

# 标题：一般不用填，需要另拟标题时填写
# title: 在……上的{ending}

# 讲话人：姓名和职务，写在标题下方；职务也决定口吻（可删去）
speaker: {{name: 王××, role: {role}}}

# 讲话日期：2024-03-15 或 2024年3月15日（可删去）；会议名称中的“全县”“全市”须与下面的层级一致
date: 2024-03-15

# 地区和层级（省 市 州 盟 县 区 旗 乡 镇）：层级决定“全县”还是“全市”。
#   parent 上级地区（如 庆阳市、锡林郭勒盟），province 所在省份（如 甘肃省、内蒙古自治区）：
#   决定稿中怎样称上级，省内的县说“省、市”，内蒙古的旗说“自治区、盟”（可删去，删去时按“省”）
region: {{{region}}}

# 指标所属年份：一般是讲话的上一年，不能晚于讲话日期
year: 2023

# 重点领域（可删去）：air 大气 water 水 soil 土壤 ecology 生态 carbon 双碳 industry 产业
#   inspection 督察整改 rural 农村 urban 城市 culture 文化 governance 治理
focus: {focus}

# 地域特征（可删去）：草原 森林 湿地 湖泊 黑土地 荒漠 石漠化 海洋 山区 平原 矿区 工业园区 供暖 旅游；
#   讲草原、矿山、清洁取暖等的素材，只有本地有这一特征时才用
features: {features}

# 本地地名（可删去）：kind 为 河流 湖泊 水库 海湾 山 保护区 园区 景区；
#   写作“{{河流}}流域综合治理”一类的素材，只有给了这一类地名时才用，并填入地名（没有湖泊时水库可填“{{湖泊}}”）
places: {places}

# 指标：name 名称，value 数值（只写数字），unit 单位，previous 上年数值，target 目标值，
#   goal 今年目标：写进该领域的任务，如“今年要确保……达到88%以上”（可删去），
#   better 方向（higher 越高越好，lower 越低越好），domain 领域。
#   比上年变差或没达到目标的指标写进“差距”，不写进“成绩”。
#   比率、占比（单位 "%"）不能超过 100；浓度、个数不能为负数。
#   没有单位、与目标或上年相差过大的指标会提示“注意”；核对无误后在该指标中加 confirm: true 不再提示。
metrics:
  - {{name: 空气质量优良天数比例, value: 93.5, unit: "%", previous: 92.1, target: 90, goal: 94, better: higher, domain: air}}
  - {{name: PM2.5平均浓度, value: 25, unit: 微克/立方米, previous: 26, goal: 24, better: lower, domain: air}}
  - {{name: 地表水国考断面优良水体比例, value: 87.5, unit: "%", previous: 87.5, target: 90, goal: 90, domain: water}}
  - {{name: 森林覆盖率, value: 42.3, unit: "%", previous: 41.8, domain: ecology}}

# 成绩：一句一项；可写成 {{text: ……, domain: air}} 指明领域
achievements:
  - 完成营造林3.2万亩
  - {{text: 关停“散乱污”企业12家, domain: air}}

# 问题：写进“差距”
problems:
  - {{text: 3个乡镇尚未建成污水处理设施, domain: water}}

# 今年的重点工作：写进对应领域的任务
priorities:
  - {{text: 建成第二污水处理厂, domain: water}}

# 目标字数（1500～8000），约每分钟讲 220 字
length: 3000

# 随机种子：同样的数据和种子得到同样的稿子；换一个数字换一种写法
seed: 1
"""


def starter(genre: str) -> str:
    g = GENRES[genre]
    return _TEMPLATE.format(genre=genre, label=g.label, ending=g.ending, meeting=g.example, **_SAMPLES[genre])
