"""A constructed last-year report to compare a real report with (tests, the comparison's
screenshots and benchmark).  Every difference from the real report is deliberate and listed in
``CHANGES``, so that a test can say what the comparison must show."""

from __future__ import annotations

import copy
from typing import Any

# What constructed_last_year() changes, as the comparison of (last year, the real report) must show it.
CHANGES = {
    "changed": "市政府政务新媒体“阳泉政府网”微信公众号累计发送信息6574余条，订阅数16812人次",
    "changed_from": "市政府政务新媒体“阳泉政府网”微信公众号累计推送信息5200余条，订阅数13000人次",
    "added": "2023年共上报政府网站与政务新媒体监管工作文件16份，下发通报及各类工作安排文件14份",
    "removed": "2022年组织开展政务公开“进社区”活动，发放宣传材料3000余份",
    "moved": "重点梳理检查所发现的问题清单，并及时反馈给被查单位，督促其落实整改到位",
    "misnumbered_heading": "四、存在的主要问题及改进情况",
    # the same sentence with other figures: copied (numbers count as copying), the figures aligned
    "figures": "全市共收到政府信息公开申请数84件，已办结82件",
    "figures_from": "全市共收到政府信息公开申请数70件，已办结67件",
}


def constructed_last_year(doc: dict[str, Any]) -> dict[str, Any]:
    """yangquan-2023 as its organ might have written it for 2022: the years one less, one sentence of
    section 一 reworded, one dropped (this year's added), one that this year's 一 has kept in 五 last
    year (moved), one that last year had and this year dropped (removed); section 五's heading
    misnumbered 「四、」; T3 carried forward 2 in 总计 and 商业企业 (as this year's 二 says 0: the carry-over
    does not hold), 1 in 自然人; T2's documents in force so the roll-forward holds for 行政规范性文件
    and not for 规章; licensing decisions 5,000 (a large change to 39,907); punishments blank."""
    last = copy.deepcopy(doc)
    meta = last["metadata"]
    meta.update(report_year=2022, signing_date="2023-03-08", title=meta["title"].replace("2023", "2022"))
    last["preface"] = last.get("preface", "").replace("2023", "2022").replace("2024", "2023")
    sections = last["sections"]
    one = sections[0]["text"].replace("2023", "2022")
    one = one.replace(CHANGES["changed"].replace("2023", "2022"), CHANGES["changed_from"])
    one = one.replace(CHANGES["added"].replace("2023", "2022") + "。", CHANGES["removed"] + "。")
    one = one.replace(CHANGES["moved"] + "。", "").replace(CHANGES["figures"], CHANGES["figures_from"])
    sections[0]["text"] = one
    five = sections[4]
    five["heading"] = CHANGES["misnumbered_heading"]
    five["text"] = five["text"].replace("2023", "2022").rstrip() + CHANGES["moved"] + "。"
    sections[5]["text"] = sections[5]["text"].replace("2023", "2022")
    t3 = last["tables"]["t3"]
    t3["carried_forward"] = dict(t3["carried_forward"], natural_person=1, total=3)
    t2 = last["tables"]["t2"]
    t2["regulations"] = dict(t2["regulations"], in_force=2)  # 2 + 0 − 0 ≠ 1: broken
    t2["normative_documents"] = dict(t2["normative_documents"], in_force=32)  # 32 + 18 − 12 = 38: holds
    t2["licensing"] = {"decisions": 5000}
    t2["punishment"] = {"decisions": None}
    last["signature"] = last.get("signature", "").replace("2024", "2023")
    return last
