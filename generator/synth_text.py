"""Prose of synthetic reports: headers, sections and sentences in the style of the real corpus.

Used by generator/synth.py; every figure stated here is also written into the truth.
"""

from __future__ import annotations

import random
from typing import Any, Protocol


class Place(Protocol):
    province: str
    prefecture: str
    county: str
    name: str


FILLER = (
    "{t}高度重视政府信息公开工作，成立了以{lead}为组长的政务公开工作领导小组，党政办公室负责日常工作，配备专兼职工作人员{k}名。",
    "围绕乡村振兴、营商环境、民生保障等重点领域，及时公开惠民惠农政策、财政预决算和重大项目建设信息。",
    "通过政务公开栏、便民服务中心电子显示屏、微信公众号等渠道发布工作动态，方便群众及时了解政策。",
    "全年召开政务公开专题会议{k}次，组织业务培训{k}次，进一步提高了工作人员的业务能力。",
    "严格落实信息发布审查制度，坚持“先审后发”，确保公开内容准确、规范。",
    "推进村务公开规范化建设，{k}个行政村全部设立村务公开栏，按季度更新低保、救助、补贴发放等信息。",
    "围绕疫情防控、防汛抗旱、森林防火等工作，及时发布预警信息和应急处置情况。",
    "落实财政资金公开要求，公开镇级财政预算、决算和“三公”经费情况，接受群众监督。",
    "对农村危房改造、耕地地力保护补贴、城乡居民医疗保险等事项实行公示制度，公示期不少于{k}天。",
    "依托便民服务中心设立政府信息公开查阅点，配备查阅设备，为群众查阅政府信息提供便利。",
    "加强政务新媒体管理，开展常态化巡查，对内容更新不及时的账号进行整改。",
    "组织开展《中华人民共和国政府信息公开条例》宣传活动，发放宣传资料{n}份。",
    "公开人居环境整治、脱贫攻坚成果巩固、党风廉政建设等方面信息，回应群众关切。",
    "一般公共预算收入、社会消费品零售总额、固定资产投资等主要经济指标按季度公布。",
)
PROBLEMS = (
    "一是公开内容不够全面，部分信息更新不及时；二是工作人员业务水平有待提高；三是公开形式较为单一。",
    "主要问题是政策解读形式单一，与群众的互动不够，信息公开的深度和广度还需拓展。",
    "存在的问题：个别村务公开栏更新滞后，信息分类不够规范，群众知晓率有待提高。",
)
MEASURES = (
    "下一步，我{kind}将进一步完善工作机制，加强业务培训，丰富公开形式，不断提高政府信息公开工作水平。",
    "针对上述问题，我们将加大重点领域信息公开力度，强化监督检查，提升政务公开的规范化水平。",
)


def _fill(rng: random.Random, town: Place, count: int) -> list[str]:
    """`count` filler sentences, joined into paragraphs of two or three."""
    kind = _kind(town.name)
    picks = [
        rng.choice(FILLER).format(
            t=town.name,
            lead=rng.choice(["党委书记", f"{kind}长", "主任"]),
            k=rng.randint(2, 12),
            n=rng.randint(200, 3000),
        )
        for _ in range(count)
    ]
    return ["".join(picks[i : i + 3]) for i in range(0, len(picks), 3)]


def _kind(name: str) -> str:
    return "街道" if name.endswith("街道") else ("苏木" if name.endswith("苏木") else name[-1])


def _header(rng: random.Random, town: Place, year: int, published: str) -> list[str]:
    """Title and a publication line (or none: then the date is in the signature)."""
    kind = _kind(town.name)
    unit = town.name + ("办事处" if kind == "街道" else "人民政府")
    title = rng.choice(
        [
            f"{town.county}{town.name}{year}年政府信息公开工作年度报告",
            f"{unit}{year}年度政府信息公开工作报告",
            f"{town.county}{unit}{year}年政府信息公开工作年度报告",
        ]
    )
    y, m, d = published.split("-")
    out = [title]
    if rng.random() < 0.6:
        out.append(f"发布时间：{published} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}")
    out.append(
        f"根据《中华人民共和国政府信息公开条例》和{town.county}有关要求，现将{town.name}{year}年度政府信息公开工作情况报告如下。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    )
    return out


def _signature(town: Place, published: str, phone: str | None) -> list[str]:
    y, m, d = published.split("-")
    kind = _kind(town.name)
    out = []
    if phone:
        out.append(f"如对本报告有疑问，请与{town.name}党政办公室联系，联系电话：{phone}。")
    out += [town.name + ("办事处" if kind == "街道" else "人民政府"), f"{y}年{int(m)}月{int(d)}日"]
    return out


def legacy_body(
    rng: random.Random,
    town: Place,
    year: int,
    published: str,
    proactive: int,
    phone: str | None,
    truth: dict[str, Any],
) -> str:
    """A free-form report of the 2008–2018 kind; states applications and reviews in prose."""
    apps = rng.choice([0, 0, 0, rng.randint(1, 6)])
    out = _header(rng, town, year, published)
    out += ["一、概述", *_fill(rng, town, rng.randint(8, 18))]
    out += ["二、主动公开政府信息情况", f"{year}年，我{_kind(town.name)}主动公开政府信息{proactive}条。"]
    out += _fill(rng, town, rng.randint(8, 22))
    out += ["三、依申请公开政府信息情况"]
    out.append(
        "全年未收到政府信息公开申请。" if apps == 0 else f"全年共受理政府信息公开申请{apps}件，均已按时答复。"
    )
    out += ["四、政府信息公开的收费及减免情况", "本年度未收取任何费用。"]
    out += [
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
    ]
    out += [
        "六、存在的主要问题和改进措施",
        rng.choice(PROBLEMS),
        rng.choice(MEASURES).format(kind=_kind(town.name)),
    ]
    truth.update(applications_received=apps, reviews_total=0, litigations_total=0)
    return "\n".join(out + _signature(town, published, phone)) + "\n"


def statutory_body(
    rng: random.Random,
    town: Place,
    year: int,
    published: str,
    proactive: int,
    phone: str | None,
    tables: dict[str, list[str]],
) -> str:
    """A report in the statutory format (2019 or 2021) with its three tables."""
    out = _header(rng, town, year, published)
    out += ["一、总体情况", f"（一）主动公开。{year}年，全{_kind(town.name)}主动公开政府信息{proactive}条。"]
    out += _fill(rng, town, rng.randint(2, 10))
    out += [
        "（二）依申请公开。",
        *_fill(rng, town, rng.randint(1, 4)),
        "（三）政府信息管理。",
        *_fill(rng, town, rng.randint(1, 4)),
    ]
    out += [
        "（四）平台建设。",
        *_fill(rng, town, rng.randint(1, 3)),
        "（五）监督保障。",
        *_fill(rng, town, 1),
    ]
    out += ["二、主动公开政府信息情况", *tables["A"]]
    out += ["三、收到和处理政府信息公开申请情况", *tables["B"]]
    out += ["四、政府信息公开行政复议、行政诉讼情况", *tables["C"]]
    out += [
        "五、存在的主要问题及改进情况",
        rng.choice(PROBLEMS),
        rng.choice(MEASURES).format(kind=_kind(town.name)),
    ]
    out += ["六、其他需要报告的事项", "本年度未收取信息处理费。"]
    return "\n".join(out + _signature(town, published, phone)) + "\n"
