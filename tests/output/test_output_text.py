"""The terminal output, rendered to a fixed-width in-memory console and compared as text."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from dataclasses import replace

from checker.output import text
from tests.conftest import EXAMPLES, ROOT
from tests.output.support import PINNED, ctx, rich_result, sample_result

SAMPLE_AT_80 = """\
阳泉市人民政府2023年政府信息公开工作年度报告  examples/yangquan-2023.json
  三、收到和处理政府信息公开申请情况
    警告 GC011 「三、收到和处理政府信息公开申请」部分：标题措辞与格式不一致，应
               为「三、收到和处理政府信息公开申请情况」
    警告 GC201 表三 · 科研机构 · （五）4 无正当理由大量反复申请：空白。空白
               不等于 0，请填写数字（没有发生的填 0）
  四、政府信息公开行政复议、行政诉讼情况
    警告 GC011 「政府信息公开行政复议、行政诉讼情况」部分：标题缺少序号，应为
               「四、政府信息公开行政复议、行政诉讼情况」
  五、存在的主要问题及改进情况
    警告 GC011 「存在的主要问题及改进情况」部分：标题缺少序号，应为「五、存在的
               主要问题及改进情况」
  六、其他需要报告的事项
    警告 GC011 「其他需要报告的事项」部分：标题缺少序号，应为「六、其他需要报告
               的事项」
  共 0 个错误、5 个警告、0 个提示（10 条规则：6 通过、2 未通过、0 不适用、2 数据
  不足、0 出错）

"""


def test_sample_grouped_by_section_at_80_columns():
    # Chinese wraps between characters, never before 「，」 or after 「「」, and 「不等于 0」 stays on one line
    assert text.render([sample_result()], ctx(width=80)) == SAMPLE_AT_80


def test_colour_marks_severity_and_plain_text_reads_the_same():
    coloured = text.render([rich_result()], ctx(color=True))
    plain = text.render([rich_result()], ctx(color=False))
    assert "\x1b[1;31m错误\x1b[0m" in coloured  # errors bold red
    assert "\x1b[33m警告\x1b[0m" in coloured  # warnings yellow
    assert "\x1b" not in plain
    assert "错误 GC204" in plain and "警告 GC998" in plain  # the severity is a word, not only a colour


def test_the_place_the_message_and_the_numbers():
    out = text.render([rich_result()], ctx(width=200))
    assert "表三 · 总计：一 + 二 = 36 + 2 = 38，三（七）+ 四 = 37 + 2 = 39，相差 1" in out
    assert "应为 38 · 实为 39 · 相差 1" in out
    assert "「全市共收到政府信息公开申请84件」" in out
    assert "共 3 个错误、2 个警告、0 个提示（11 条规则：6 通过、4 未通过、0 不适用、0 数据不足、1 出错），另有 1 项已豁免" in out


def test_waived_findings_only_when_verbose():
    assert "已豁免：市局已核实" not in text.render([rich_result()], ctx(width=200))
    verbose = text.render([rich_result()], ctx(width=200, verbose=True))
    assert "（已豁免：市局已核实：该格确为空白）表三 · 科研机构 · （一）予以公开" in verbose
    assert "/tables/t3/new_received/total /tables/t3/carried_over/total" in verbose  # pointers when verbose


def test_verbose_names_the_cells_that_stopped_a_rule():
    out = text.render([sample_result()], ctx(width=200, verbose=True))
    assert "GC202 数据不足: （五）4 无正当理由大量反复申请：表三 · 科研机构 · （五）4 无正当理由大量反复申请（空白）不是数字" in out


def test_quiet_shows_errors_only():
    out = text.render([rich_result()], ctx(width=200, quiet=True))
    assert "GC204" in out and "GC900" in out
    assert "GC998" not in out and "GC011" not in out
    assert "共 3 个错误" in out  # the summary still counts everything


def test_statistics_counts_per_rule():
    out = text.render([sample_result()], ctx(width=100, statistics=True))
    lines = [l.strip() for l in out.splitlines()]
    assert "4  GC011  部分标题编号与措辞规范" in lines
    assert "1  GC201  表三每格为非负整数" in lines


def test_english():
    out = text.render([sample_result()], ctx(width=200, lang="en"))
    assert "  3. Applications received and handled" in out
    assert "warning GC201 Table 3 · Research institutions · III.(5)4 Not processed: excessive without reason: blank" in out


def test_a_terminal_that_cannot_show_chinese_gets_ascii():
    out = text.render([sample_result()], ctx(width=100, encoding="ascii"))
    out.encode("ascii")  # nothing it cannot show
    assert "warning GC201 Table 3 - Research institutions - III.(5)4 Not processed: excessive without" in out
    assert "/tables/t3/not_processed_excessive/research" in out  # the pointer names what Chinese would
    assert "0 errors, 5 warnings, 0 info" in out
    # GBK shows Chinese: stays Chinese
    assert "表三 · 科研机构" in text.render([sample_result()], ctx(width=100, encoding="gbk"))


def test_cli_on_an_ascii_terminal_does_not_crash():
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    proc = subprocess.run([sys.executable, "-m", "checker", str(EXAMPLES / "yangquan-2023.json")], cwd=ROOT,
                          capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("ascii")
    assert "GC201" in out and "Traceback" not in out


def test_cli_options_reach_the_terminal_output(gov_check):
    sample = EXAMPLES / "yangquan-2023.json"
    pinned = ("--select", ",".join(PINNED))
    stats = gov_check(sample, "--statistics", *pinned).output
    assert any(l.split() == ["4", "GC011", "部分标题编号与措辞规范"] for l in stats.splitlines())
    quiet = gov_check(sample, "--quiet", *pinned).output
    assert "GC011" not in quiet and "共 0 个错误、5 个警告" in quiet
    verbose = gov_check(sample, "--verbose", *pinned).output
    assert "/tables/t3/not_processed_excessive/research" in verbose and "GC203 数据不足" in verbose


def test_several_reports_end_with_a_total_line():
    from checker.findings import ReportResult

    failed = ReportResult(file="bad.json", document=None, findings=[], outcomes=[], load_error="bad.json: 文件不存在")
    out = text.render([failed, sample_result(), rich_result()], ctx(width=200))
    assert "bad.json" not in out  # the command says it once, on stderr
    assert out.rstrip().splitlines()[-1] == "3 份报告：3 个错误、7 个警告、0 个提示，1 份无法检查"


# -- what the terminal shows is read as the reader's language ------------------------------------

def test_a_number_stays_with_its_word_at_every_width():
    """「空白不等于 0」 never breaks between 不等于 and 0 (nor 「相差 1」, 「应为 38」), at any width."""
    sample, rich = sample_result(), rich_result()
    for width in range(40, 121):
        for out, phrases in ((text.render([sample], ctx(width=width)), ("不等于 0", "的填 0")),
                             (text.render([rich], ctx(width=width)), ("应为 38", "实为 39", "相差 1"))):
            for phrase in phrases:
                assert phrase in out, (width, phrase)
            for line in out.split("\n"):  # and no line starts with closing punctuation (禁则)
                assert not line.strip().startswith(("，", "。", "、", "）", "」", "：")), (width, line)


def test_the_wrapping_itself():
    from checker.messages import keep_numbers_together
    from checker.output.text import _line_starts

    message = keep_numbers_together("表三 · 科研机构 · （五）4 无正当理由大量反复申请：空白。空白不等于 0，请填写数字")
    for width in range(12, 60):
        cuts = [0, *_line_starts(message, width), len(message)]
        parts = [message[a:b] for a, b in zip(cuts, cuts[1:])]
        assert "".join(parts) == message
        assert any("不等于\u00a00" in p for p in parts), (width, parts)


def test_english_counts_and_separators():
    from checker.findings import ReportResult
    from checker.messages import count_of, summary_line

    assert [count_of(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert count_of(1, "info") == "1 info" and count_of(1, "rule") == "1 rule" and count_of(3, "report") == "3 reports"
    one = replace(sample_result(), findings=sample_result().findings[:1])
    assert "0 errors, 1 warning, 0 info" in summary_line(one, "en")
    out = text.render([one, one], ctx(lang="en", width=200))
    assert "2 reports: 0 errors, 2 warnings, 0 info" in out
    assert "、" not in summary_line(one, "en") and "、" not in out.split("\n")[-2]
    empty = ReportResult(file="x.json", document={}, findings=[], outcomes=[])
    assert summary_line(empty, "en").startswith("0 errors, 0 warnings, 0 info (0 rules:")


def test_gc703_says_the_share_and_the_threshold():
    """「正文与上一年度报告重复 100%（阈值 50%）」, not 「应为 0.5 · 实为 1」."""
    import json as _json

    from checker.engine import Engine
    from tests.conftest import EXAMPLES

    doc = _json.loads((EXAMPLES / "clean-2023.json").read_text(encoding="utf-8"))
    before = _json.loads(_json.dumps(doc))
    before["metadata"]["report_year"] = 2022
    engine = Engine(config=__import__("checker.config", fromlist=["Config"]).Config(select=("GC703",)))
    result = engine.check(doc, file="r.json", previous=before)
    out = text.render([result], ctx(width=200))
    assert re.search(r"正文与上一年度报告重复 \d+%（阈值 50%）", out)
    assert "应为" not in out and "实为" not in out
