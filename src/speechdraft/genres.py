"""The genres of design.md: what each is called, how it opens and closes, which sections it
draws from the phrase bank, how it shares its length among them, and whose voice it speaks in."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voice:
    """How the writer's own data is said: a secretary deploys (要…), a bureau chief reports to
    the leaders (我们…), a participant of a study group or a training course speaks of his own
    intent (我将…), never giving orders."""

    done: str  # achievements: {} is the list of them
    problem: str
    priority: str
    # The coming year's target of a metric ({} is 空气质量优良天数比例达到88%以上): where the
    # figure is already there (keep), and where it is still to be reached (reach, 力争).
    keep: tuple[str, ...]
    reach: tuple[str, ...]
    # A task taking up a problem of the gaps, in its own terms ({} is 部分乡镇…设施的问题).
    answer: tuple[str, ...]
    # The data's own places where a task belongs to them: rivers and lakes, protected areas.
    waters: str
    reserves: str
    # What follows a shortfall the bank has no words for, so that it is a paragraph, not a line
    # (worded for one problem or several).
    cause: tuple[str, ...]


DEPLOY = Voice(done="全年{}。", problem="比如，{}。", priority="今年要确保{}。",
               keep=("要巩固已有成果，确保{}。", "要保持稳中向好的态势，确保{}。"),
               reach=("要加压奋进，力争{}。", "要咬定目标、持续用力，力争{}。"),
               answer=("针对{}，要拿出过硬措施，明确责任、限定时间，逐项抓好解决。",
                       "特别是{}，要列出清单、挂图作战，确保按期解决到位。",
                       "对{}，要深挖根源、对症施策，不解决不松手。"),
               waters="要把{}作为重点，一河一策抓好保护治理，让河湖长制从“有名”向“有实”转变。",
               reserves="要把{}作为生态保护的重点区域，严格落实管护责任。",
               cause=("问题看起来出在具体环节，根子还在责任落实不够到位、工作措施不够精准，必须下大力气加以解决。",
                      "对此，各级各部门一定要高度重视，决不能掉以轻心。"))
# A report's next steps follow 下一步，我们将重点抓好以下几个方面的工作：, so they don't say 下一步 again.
REPORT = Voice(done="一年来，我们{}。", problem="比如，{}。", priority="今年，我们将{}。",
               keep=("巩固已有成果，确保{}。",),
               reach=("加压奋进，力争{}。", "对标对表、挂图作战，力争{}。"),
               answer=("针对{}，我们将逐项建立台账、明确完成时限，确保按期解决到位。",
                       "对{}，我们将深挖根源、对症施策，推动尽快解决。"),
               waters="我们将把{}作为重点，一河一策抓好保护治理。",
               reserves="我们将把{}作为生态保护的重点区域，严格落实管护责任。",
               cause=("这既有历史欠账和客观条件的制约，也有工作力度和方法上的不足。",
                      "这方面的问题有的是长期积累形成的，解决起来需要一个过程。"))
# A priority is written as an action (推进…, 建成…): no verb of our own before it.
# Its tasks are all of what comes next: 重点是…, not 下一步 again.
REFLECT = Voice(done="全年{}。", problem="比如，{}。", priority="重点是{}。",
                keep=("我将推动巩固已有成果，确保{}。",),
                reach=("我将全力推动{}。", "我将对标对表，推动{}。"),
                answer=("针对{}，我将盯住不放、一抓到底，推动尽快解决。",
                        "对{}，我将主动认领、带头破解，不解决不松手。"),
                waters="我将把{}作为重点，推动一河一策抓好保护治理。",
                reserves="我将把{}作为生态保护的重点区域，推动管护责任落到实处。",
                cause=("这既有客观条件的制约，也有我们工作力度不够、办法不多的原因。",
                       "对照学习的要求，我感到这与分管工作抓得还不够实有直接关系。"))

# Which voice each genre's part takes (phrasebank/README.md): the planner uses only points
# of that voice in that part. A section missing from a genre is not composed in it.
_LEADER = {"opening": "deploy", "significance": "deploy", "achievements": "report", "gaps": "deploy",
           "transition": "deploy", "tasks": "deploy", "safeguards": "deploy", "closing": "deploy"}
_PARTICIPANT = {"opening": "reflect", "significance": "reflect", "achievements": "report", "gaps": "reflect",
                "tasks": "reflect", "closing": "reflect"}


# A section of a genre drawn from another of the bank: a report's next steps are tasks in the plan voice.
BANK_SECTION = {"next": "tasks"}


@dataclass(frozen=True)
class Genre:
    name: str
    label: str  # 体裁, as a writer names it
    ending: str  # the title: 在{meeting}上的{ending}
    description: str
    example: str  # an example occasion
    voice: Voice
    # section -> the voice of the bank points it takes (deploy, report, reflect, plan)
    voices: dict[str, str]
    # section -> share of the body's length; only these sections are composed
    shares: dict[str, float]
    # items per section: (fewest, most)
    counts: dict[str, tuple[int, int]]
    # The writer's figures go into the task of their domain instead of parts of their own
    # (a trainee's exchange speech cites its locality's figures as it discusses each domain).
    figures_in_tasks: bool = False
    # A speech at a meeting carries its date under the title; an exchange speech need not.
    dated: bool = True
    # section -> characters of the speech's length per item at most: a 2,600-character
    # 发言 says ten things it will do at most, not fifteen.
    per_item: dict[str, int] | None = None

    def counts_for(self, length: int) -> dict[str, tuple[int, int]]:
        per = self.per_item or {}
        return {name: (least, min(most, max(least, length // per[name])) if name in per else most)
                for name, (least, most) in self.counts.items()}


GENRES: dict[str, Genre] = {
    "conference": Genre(
        name="conference", label="工作会议讲话", ending="讲话", voice=DEPLOY,
        voices={s: _LEADER[s] for s in ("opening", "achievements", "gaps", "transition", "tasks", "safeguards",
                                        "closing")},
        description="工作会议、推进会上的讲话：总结成绩、查找差距，部署重点任务和保障措施",
        example="2024年全县生态环境保护工作会议",
        shares={"opening": 0.06, "achievements": 0.18, "gaps": 0.12, "transition": 0.04,
                "tasks": 0.38, "safeguards": 0.18, "closing": 0.04},
        counts={"achievements": (2, 8), "gaps": (2, 5), "tasks": (3, 24), "safeguards": (3, 7)},
    ),
    "lecture": Genre(
        name="lecture", label="中心组学习会讲话", ending="讲话", voice=DEPLOY,
        voices={s: _LEADER[s] for s in ("opening", "significance", "achievements", "gaps", "tasks", "safeguards",
                                        "closing")},
        description="理论学习中心组学习会上的讲话：提高站位、问题导向、重点任务、统筹联动、体系机制",
        example="市委理论学习中心组生态文明专题学习会",
        shares={"opening": 0.05, "significance": 0.12, "achievements": 0.08, "gaps": 0.12,
                "tasks": 0.45, "safeguards": 0.15, "closing": 0.03},
        counts={"significance": (1, 3), "achievements": (0, 4), "gaps": (1, 5), "tasks": (2, 24),
                "safeguards": (2, 6)},
    ),
    "study": Genre(
        name="study", label="中心组研讨交流发言", ending="研讨交流发言", voice=REFLECT,
        voices=_PARTICIPANT,
        description="中心组专题研讨会上的交流发言：谈三点认识，再讲我将怎么做",
        example="县委理论学习中心组生态文明建设专题研讨会",
        shares={"opening": 0.05, "significance": 0.4, "achievements": 0.1, "gaps": 0.05,
                "tasks": 0.37, "closing": 0.03},
        counts={"significance": (3, 3), "achievements": (0, 2), "gaps": (0, 2), "tasks": (2, 12)},
        dated=False, per_item={"tasks": 260},
    ),
    "report": Genre(
        name="report", label="调研座谈会汇报发言", ending="汇报发言", voice=REPORT,
        voices={"opening": "report", "achievements": "report", "gaps": "report", "tasks": "report",
                "next": "plan", "closing": "plan"},
        description="上级领导调研座谈会上的汇报发言：工作成效、主要举措、存在问题和下一步打算",
        example="市领导调研全市生态环境工作座谈会",
        shares={"opening": 0.08, "achievements": 0.25, "tasks": 0.32, "gaps": 0.12, "next": 0.18, "closing": 0.05},
        counts={"achievements": (2, 8), "tasks": (3, 20), "gaps": (1, 4), "next": (1, 6)},
    ),
    "training": Genre(
        name="training", label="培训班交流发言", ending="发言", voice=REFLECT,
        voices={"opening": "reflect", "tasks": "reflect", "closing": "reflect"},
        description="培训班上的学习交流发言：谈参加培训的收获，按领域交流几点认识",
        example="2024年全区生态环境保护培训班",
        shares={"opening": 0.1, "tasks": 0.82, "closing": 0.08},
        counts={"tasks": (3, 18)},
        figures_in_tasks=True,
        dated=False,
    ),
}
