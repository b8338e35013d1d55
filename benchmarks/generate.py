"""Generate realistic, varied annual reports (valid and defective, with known injected defects).

Every generated report is internally consistent — T3 adds up along rows and columns and balances,
T4 blocks add up, T2 issued ≤ in force + repealed, the text restates the T3 totals, the title,
period, signing date, fee statement, problems and measures are present — and then, for a share
of them, one or two defects are injected from a catalogue whose every entry says which rule must
find it at which JSON Pointer.  The manifest (``.manifest.json``, hidden so that folder walks and ``*.json`` skip it) lists them.

    python benchmarks/generate.py OUT_DIR -n 2000 [--seed 7] [--defect-rate 0.5] [--broken 0] [--year 2023]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from checker import labels  # noqa: E402
from checker.testing import base_document  # noqa: E402

CITIES = ("阳泉", "晋中", "长治", "大同", "临汾", "运城", "吕梁", "忻州", "朔州", "晋城", "淮安", "盐城", "扬州", "泰州",
          "宿迁", "连云港", "绵阳", "德阳", "宜宾", "南充")
COUNTY_SUFFIX = ("县", "区")
COUNTY_NAMES = ("城", "郊", "平定", "盂", "东", "西", "南", "北", "清河", "金湖", "涟水", "洪泽", "新华", "安宁", "永和")
DEPARTMENTS = ("教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会",
               "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "行政审批服务管理局", "发展和改革委员会")
TOWNS = ("河底", "荫营", "义井", "娘子关", "冠山", "张庄", "上社", "岩会", "石门口", "东梁")

PHRASES_OVERVIEW = (
    "坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。",
    "围绕优化营商环境、乡村振兴、民生保障等重点领域，及时发布政策文件和解读材料。",
    "严格落实公开前保密审查制度，规范政府信息公开工作流程。",
    "依托政府门户网站、政务新媒体和政务服务大厅等渠道，拓宽公开渠道。",
    "加强政府信息公开专栏建设，按规定及时更新机构职能、规划计划、财政预决算等信息。",
)
PROBLEMS = (
    "一是部分栏目信息更新不够及时；二是政策解读形式较为单一，图解、视频等形式运用不多",
    "一是依申请公开答复文书规范性有待提高；二是基层工作人员业务能力需进一步加强",
    "一是主动公开的深度和广度有待拓展；二是政务新媒体互动回应不够及时",
)
MEASURES = (
    "一是建立栏目更新提醒机制，每月通报更新情况；二是丰富解读形式，增加图解、视频解读",
    "一是制定答复文书范本，统一答复格式；二是组织业务培训，提升工作人员能力",
    "一是梳理公开事项清单，扩大公开范围；二是落实专人负责政务新媒体留言回复",
)


# -- what a defect is and which rule must find it -----------------------------------------------------

def _ptr(*parts: Any) -> str:
    return "".join("/" + str(p) for p in parts)


def _expect(rule: str, pointer: str, severity: str) -> dict[str, str]:
    return {"rule": rule, "pointer": pointer, "severity": severity}


def inject(doc: dict[str, Any], kind: str, rng: random.Random) -> list[dict[str, str]]:
    """Change ``doc`` in place with one defect of ``kind``; return the findings it must cause."""
    t3 = doc["tables"]["t3"]
    t4 = doc["tables"]["t4"]
    template = doc["metadata"]["template_version"]
    result_rows = labels.t3_result_rows(template)
    applicant = labels.T3_APPLICANT_COLUMNS
    if kind == "t3_blank":  # GC201 warns; the sums it feeds say insufficient data, never read it as 0
        row, col = rng.choice(result_rows), rng.choice(applicant)
        t3[row][col] = None
        return [_expect("GC201", _ptr("tables", "t3", row, col), "warning")]
    if kind == "t3_text":
        row, col = rng.choice(result_rows), rng.choice(applicant)
        t3[row][col] = rng.choice(("无", "详见附表", "0件"))
        return [_expect("GC201", _ptr("tables", "t3", row, col), "error")]
    if kind == "t3_balance":  # one more carried forward in a column and its total: R1 breaks twice, R3 holds
        col, k = rng.choice(applicant), rng.randint(1, 3)
        t3["carried_forward"][col] += k
        t3["carried_forward"]["total"] += k
        found = [_expect("GC204", _ptr("tables", "t3", "new_received", col), "error"),
                 _expect("GC204", _ptr("tables", "t3", "new_received", "total"), "error")]
        if "结转下年度继续办理" in doc["sections"][0]["text"]:  # the overview still states the old figure
            found.append(_expect("GC401", "/sections/0", "warning"))
        return found
    if kind == "t3_row_total":  # a result row's total off: R3 for the row, R2 for the total column
        row, k = rng.choice(result_rows), rng.choice((-1, 1, 2))
        if t3[row]["total"] + k < 0:
            k = 1
        t3[row]["total"] += k
        return [_expect("GC202", _ptr("tables", "t3", row, "total"), "error"),
                _expect("GC203", _ptr("tables", "t3", "results_total", "total"), "error")]
    if kind == "t4_total":
        block, k = rng.choice([b.id for b in labels.T4_BLOCKS]), rng.randint(1, 4)
        t4[block]["total"] += k
        return [_expect("GC302", _ptr("tables", "t4", block, "total"), "error")]
    if kind == "t4_mark":
        block, col = rng.choice([b.id for b in labels.T4_BLOCKS]), rng.choice([c.id for c in labels.T4_COLUMNS[:-1]])
        t4[block][col] = rng.choice(("/", "—", "-"))
        return [_expect("GC301", _ptr("tables", "t4", block, col), "warning")]
    if kind == "heading_no_numeral":
        i = rng.randrange(1, 6)
        doc["sections"][i]["heading"] = doc["sections"][i]["heading"].split("、", 1)[1]
        return [_expect("GC011", _ptr("sections", i), "warning")]
    if kind == "section_missing":  # 五 dropped: the six sections are not all there
        del doc["sections"][4]
        return [_expect("GC010", "/sections", "error")]
    if kind == "schema_typo":
        doc["metadata"]["report_yaer"] = doc["metadata"]["report_year"]
        return [_expect("GC001", "/metadata/report_yaer", "error")]
    raise ValueError(kind)


DEFECTS = ("t3_blank", "t3_text", "t3_balance", "t3_row_total", "t4_total", "t4_mark", "heading_no_numeral",
           "section_missing", "schema_typo")
# Two defects in one report must not touch the same cells or sums.
_CONFLICTS = {frozenset(p) for p in (("t3_blank", "t3_text"), ("t3_blank", "t3_row_total"), ("t3_text", "t3_row_total"),
                                     ("t3_balance", "t3_blank"), ("t3_balance", "t3_text"), ("t4_total", "t4_mark"),
                                     ("heading_no_numeral", "section_missing"))}
MANIFEST = ".manifest.json"
RULES_INJECTED = frozenset({"GC001", "GC010", "GC011", "GC201", "GC202", "GC203", "GC204", "GC301", "GC302", "GC401"})


# -- a clean report -----------------------------------------------------------------------------------

def organ(rng: random.Random) -> tuple[str, str, str]:
    """(organ name, kind, region) — departments, county governments and townships, as in a city."""
    city = rng.choice(CITIES)
    county = rng.choice(COUNTY_NAMES) + rng.choice(COUNTY_SUFFIX)
    roll = rng.random()
    if roll < 0.55:
        return f"{city}市{rng.choice(DEPARTMENTS)}", "department", f"{city}市"
    if roll < 0.8:
        return f"{city}市{county}人民政府", "county_government", f"{city}市{county}"
    return f"{city}市{county}{rng.choice(TOWNS)}镇人民政府", "township_government", f"{city}市{county}"


def _t3(rng: random.Random, template: str, scale: int) -> dict[str, dict[str, int]]:
    rows = [r.id for r in labels.t3_rows(template)]
    result_rows = labels.t3_result_rows(template)
    table: dict[str, dict[str, int]] = {r: {} for r in rows}
    for col in labels.T3_APPLICANT_COLUMNS:
        weight = scale if col == "natural_person" else max(1, scale // rng.randint(3, 12))
        active = rng.random() < (0.95 if col == "natural_person" else 0.45)
        for r in result_rows:
            common = r in ("granted", "partly_granted", "unavailable_not_held", "not_processed_repeated")
            table[r][col] = rng.randint(0, weight if common else max(1, weight // 6)) if active and rng.random() < (
                0.9 if common else 0.25) else 0
        results = sum(table[r][col] for r in result_rows)
        forward = rng.randint(0, min(3, weight)) if active else 0
        carried = rng.randint(0, min(3, results + forward))
        table["results_total"][col] = results
        table["carried_forward"][col] = forward
        table["carried_over"][col] = carried
        table["new_received"][col] = results + forward - carried
    for r in rows:
        table[r]["total"] = sum(table[r][c] for c in labels.T3_APPLICANT_COLUMNS)
    return table


def _t4(rng: random.Random) -> dict[str, dict[str, int]]:
    out = {}
    for block in labels.T4_BLOCKS:
        cells = {c.id: (rng.randint(0, 4) if rng.random() < 0.4 else 0) for c in labels.T4_COLUMNS[:-1]}
        cells["total"] = sum(cells.values())
        out[block.id] = cells
    return out


def _t2(rng: random.Random, kind: str, template: str, base: dict[str, Any]) -> dict[str, Any]:
    if template == "2019":
        return copy.deepcopy(base["tables"]["t2_2019"])
    makes_rules = kind == "city_government" and rng.random() < 0.3  # only 设区的市 and provinces make 规章 (GC104)
    t2: dict[str, Any] = {}
    for row in ("regulations", "normative_documents"):
        if row == "regulations" and not makes_rules:
            t2[row] = {"issued": 0, "repealed": 0, "in_force": 0}
            continue
        issued, repealed = rng.randint(0, 12), rng.randint(0, 6)
        t2[row] = {"issued": issued, "repealed": repealed, "in_force": issued + rng.randint(0, 80)}
    t2["licensing"] = {"decisions": rng.randint(0, 5000) if rng.random() < 0.6 else 0}
    t2["punishment"] = {"decisions": rng.randint(0, 900) if rng.random() < 0.5 else 0}
    t2["coercion"] = {"decisions": rng.randint(0, 60) if rng.random() < 0.3 else 0}
    t2["fees"] = {"amount": round(rng.uniform(0, 500), 2) if rng.random() < 0.4 else 0}
    return t2


def clean_report(rng: random.Random, name: str, kind: str, region: str, year: int) -> dict[str, Any]:
    template = "2019" if year < 2021 else "2021"
    base = base_document("clean-2019" if template == "2019" else "clean-2021")
    t3 = _t3(rng, template, scale=rng.choice((2, 5, 10, 30, 80)))
    tot = {r: t3[r]["total"] for r in ("new_received", "carried_over", "results_total", "carried_forward")}
    overview = "".join(rng.sample(PHRASES_OVERVIEW, rng.randint(2, len(PHRASES_OVERVIEW))))
    accountability = ("将政务公开工作纳入年度绩效考核，开展社会评议，本年度未发生因政府信息公开工作被责任追究的情况。"
                      if kind != "department" else "")
    i = rng.randrange(len(PROBLEMS))
    doc: dict[str, Any] = {
        "schema_version": "1",
        "metadata": {
            "organ_name": name, "organ_kind": kind, "region": region, "report_year": year,
            "template_version": template, "signing_date": f"{year + 1}-01-{rng.randint(8, 25):02d}",
            "title": f"{name}{year}年政府信息公开工作年度报告",
        },
        "preface": (f"本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自{year}年1月1日起至"
                    f"{year}年12月31日止。"),
        "sections": [
            {"heading": "一、总体情况",
             "text": (f"{year}年，{name}认真贯彻落实《中华人民共和国政府信息公开条例》。{overview}\n"
                      f"（一）主动公开。全年主动公开政府信息{rng.randint(50, 5000)}条。\n"
                      f"（二）依申请公开。全年新收政府信息公开申请{tot['new_received']}件，上年结转{tot['carried_over']}件，"
                      f"已办结{tot['results_total']}件，结转下年度继续办理{tot['carried_forward']}件。\n"
                      "（三）政府信息管理。严格落实公开前保密审查和动态调整机制。\n"
                      "（四）政府信息公开平台建设。政府网站和政务新媒体运行平稳。\n"
                      f"（五）监督保障。{accountability or '落实政务公开工作责任制，加强监督检查。'}")},
            {"heading": "二、主动公开政府信息情况", "text": ""},
            {"heading": "三、收到和处理政府信息公开申请情况", "text": ""},
            {"heading": "四、政府信息公开行政复议、行政诉讼情况", "text": ""},
            {"heading": "五、存在的主要问题及改进情况",
             "text": f"上一年度报告提出的问题已逐项整改到位。本年度存在的主要问题：{PROBLEMS[i]}。改进措施：{MEASURES[i]}。"},
            {"heading": "六、其他需要报告的事项",
             "text": ("（一）信息处理费收取情况。本年度未收取信息处理费。\n"
                      f"（二）落实上级年度政务公开工作要点情况。按照《{year}年政务公开工作要点》要求，逐项落实重点任务。\n"
                      f"（三）人大代表建议和政协提案办理结果公开情况。全年办理人大代表建议{rng.randint(0, 40)}件、"
                      f"政协提案{rng.randint(0, 40)}件，办理结果已按规定公开。")},
        ],
        "tables": {("t2_2019" if template == "2019" else "t2"): _t2(rng, kind, template, base), "t3": t3, "t4": _t4(rng)},
        "signature": f"{name}\n{year + 1}年1月",
    }
    return doc


# -- a folder of them -------------------------------------------------------------------------------

def generate(out: str | Path, n: int, seed: int = 7, defect_rate: float = 0.5, broken: int = 0,
             year: int | None = None, old_template_share: float = 0.1) -> dict[str, Any]:
    """Write ``n`` reports (plus ``broken`` unreadable files) and ``manifest.json`` into ``out``.

    Organs are drawn from their own random stream, so two folders made with the same seed and
    different ``year`` hold the same organs (last year's and this year's reports)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    organs, rng = random.Random(seed), random.Random(seed * 7919 + (year or 0))
    entries = []
    names: set[str] = set()
    for i in range(n):
        name, kind, region = organ(organs)
        while name in names:  # one report per organ and year, as in a real folder
            name, kind, region = organ(organs)
        names.add(name)
        y = year or (rng.choice((2019, 2020)) if rng.random() < old_template_share else rng.choice((2021, 2022, 2023)))
        doc = clean_report(rng, name, kind, region, y)
        defects: list[dict[str, str]] = []
        kinds: list[str] = []
        if rng.random() < defect_rate:
            for _ in range(rng.choice((1, 1, 2))):
                kind_ = rng.choice(DEFECTS)
                if kind_ in kinds or any(frozenset((kind_, k)) in _CONFLICTS for k in kinds):
                    continue
                kinds.append(kind_)
                defects.extend({"kind": kind_, **e} for e in inject(doc, kind_, rng))
        file = f"{i:05d}.json"
        (out / file).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        entries.append({"file": file, "organ_name": name, "report_year": y, "template": doc["metadata"]["template_version"],
                        "defects": defects})
    for j in range(broken):
        file = f"broken-{j}.json"
        text = json.dumps(clean_report(rng, "损坏文件", "department", "", 2023), ensure_ascii=False)
        (out / file).write_text(text[: len(text) // (j + 2)], encoding="utf-8")
        entries.append({"file": file, "broken": True, "defects": []})
    manifest = {"seed": seed, "n": n, "defect_rate": defect_rate, "reports": entries}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--defect-rate", type=float, default=0.5)
    parser.add_argument("--broken", type=int, default=0)
    parser.add_argument("--year", type=int)
    args = parser.parse_args(argv)
    m = generate(args.out, args.n, args.seed, args.defect_rate, args.broken, args.year)
    print(f"{len(m['reports'])} files in {args.out} ({sum(1 for r in m['reports'] if r['defects'])} with defects)")


if __name__ == "__main__":
    main()
