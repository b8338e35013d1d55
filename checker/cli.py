"""The `gov-check` command line (click).  Thin: it parses options, calls load → engine → output,
and maps the outcome to an exit code.  Heavy modules are imported inside the commands."""

from __future__ import annotations

import os
import sys

import click
from typing import Any, Mapping

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS_HELP = ("text（默认，终端）, json（结果契约）, html（审阅页面）, markdown（摘要）, sarif, junit, "
                "docx（Word 审阅意见）, xlsx（Excel 问题台账）, csv（汇总表）；省略时按 -o 的后缀选择")


class DefaultGroup(click.Group):
    """`gov-check REPORT…` means `gov-check check REPORT…`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def progress_wanted(stderr: Any, environ: Mapping[str, str]) -> bool:
    """The progress bar is drawn on stderr, so it follows stderr: shown when stderr is a terminal (also
    when the results go to a file, ``gov-check reports/ > results.txt``), never under CI (CI=true),
    whose logs keep every redraw."""
    if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    try:
        return bool(stderr.isatty())
    except (AttributeError, ValueError):  # closed or replaced by something that is not a file
        return False


def _err(message: str) -> None:
    """A line on stderr, made inert for the terminal: a file name or report text in it may carry
    escape sequences (ESC]0;… retitles the window, ESC[2J clears the screen)."""
    from checker.output.safe import terminal_text

    click.echo(terminal_text(message), err=True)


def fail(message: str) -> None:
    """One clear line on stderr and exit 2: the check could not be done."""
    _err(f"gov-check: {message}")
    sys.exit(EXIT_ERROR)


_FETCH_OPTIONS = (
    click.option("--allow-private", is_flag=True, help="允许访问本机、内网等非公网地址的网址（默认拒绝）"),
    click.option("--save-source", type=click.Path(file_okay=False, path_type=str),
                 help="把从网址下载的网页和附件保存到该文件夹（便于向填报单位出示）"),
    click.option("--fetch-timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
                 help="下载一份网址报告的时限（秒）"),
)


def _fetch_options(func: Any) -> Any:
    for option in reversed(_FETCH_OPTIONS):
        func = option(func)
    return func


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gov-check", prog_name="gov-check")
def main() -> None:
    """gov-check：政府信息公开工作年度报告合规检查。

    \b
    gov-check REPORT…            检查报告（与 gov-check check 相同）
    gov-check DIR --summary-csv 汇总.csv   批量检查文件夹中的全部报告并导出汇总表
    gov-check rules              列出全部规则
    gov-check explain GC204      查看一条规则的说明
    gov-check schema [report]    输出报告文档的 JSON Schema
    gov-check plugins            列出插件、版本及其规则和钩子
    gov-check init               写入带注释的起步配置 gov-check.toml
    gov-check new-plugin NAME    生成省级插件软件包的骨架
    gov-check convert FILE -o report.json  把 Word/网页/PDF/文本报告转换为报告文档
    gov-check annotate 报告.docx -o 报告-审阅.docx  在 Word 报告中每个问题处加批注
    gov-check compare 上年 本年 -o 比对.html  比较同一机关相邻两年的报告

    退出码：0 未发现达到失败级别的问题；1 发现问题；2 无法检查（文件无法读取、格式错误、选项或配置错误）或有插件未能加载。
    """


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "-f", "fmt", default=None, help=f"输出格式：{FORMATS_HELP}")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="写入文件（原子写入）")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=str),
              help="每份报告写一个文件（按 --format，默认 html）到该文件夹，另写 index.html 总览")
@click.option("--select", multiple=True, help="只运行这些规则（代码、代码前缀或规则名，逗号分隔）")
@click.option("--ignore", multiple=True, help="不运行这些规则（同上）")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="达到该级别的问题使退出码为 1（默认 error，或配置文件中的 fail_on）")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="输出语言（默认 zh）")
@click.option("--previous", type=click.Path(path_type=str), help="上一年度的报告（用于 GC7xx 跨年度核对）")
@click.option("--organ-kind", type=click.Choice(["province_government", "city_government", "county_government",
                                                 "township_government", "subdistrict_office", "department",
                                                 "authorised_organisation"]),
              help="机关类别（覆盖报告中的或按名称推断的类别）")
@click.option("-q", "--quiet", is_flag=True, help="只显示错误")
@click.option("-v", "--verbose", count=True,
              help="同时显示已豁免的问题、每条规则的结论和每个问题的豁免写法；-vv 另外显示规则出错的完整经过")
@click.option("--traceback", "show_traceback", is_flag=True, help="规则或插件出错时，在 stderr 上显示完整的出错经过（供插件作者排查）")
@click.option("--statistics", is_flag=True, help="按规则统计问题数")
@click.option("--color/--no-color", default=None, help="是否使用颜色（默认：终端时使用）")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="配置文件（默认：在报告所在及上级文件夹中查找 gov-check.toml）")
@click.option("--no-config", is_flag=True, help="不查找、不读取配置文件")
@click.option("--profile", help="规则配置（national、national-2021、national-2019 或插件提供的配置）")
@click.option("--plugin", "plugin_paths", multiple=True, type=click.Path(path_type=str),
              help="加载本地插件文件或文件夹（可多次使用）")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False, path_type=str), help="豁免清单（TOML）")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=str),
              help="只显示基线文件中没有的新问题")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=str),
              help="把本次发现的问题写入基线文件")
# -- batch (checker/run.py, checker/summary.py) --
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="并行检查的进程数（默认：本机 CPU 核数）")
@click.option("--previous-dir", type=click.Path(exists=True, file_okay=False, path_type=str),
              help="上一年度报告所在文件夹：按机关名称和年度为每份报告配对（GC7xx）")
@click.option("--organ-map", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="机关更名对照表（TOML/JSON：[organs] \"新名称\" = \"旧名称\"），配合 --previous-dir")
@click.option("--hierarchy", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="层级文件（TOML/JSON）：汇总报告由哪些下级报告组成（GC801）")
@click.option("--summary-csv", type=click.Path(dir_okay=False, path_type=str),
              help="把批量汇总写入 CSV（UTF-8 带 BOM，Excel 可直接打开）")
@click.option("--summary-json", type=click.Path(dir_okay=False, path_type=str), help="把批量汇总写入 JSON")
@click.option("--summary-only", is_flag=True, help="只显示批量汇总表，不逐份列出问题")
@click.option("--progress/--no-progress", default=None,
              help="在标准错误输出上显示进度条（默认：标准错误输出是终端且不在 CI 中时显示，即使结果重定向到文件）")
@click.option("--sarif-root", type=click.Path(file_okay=False, path_type=str), default=None,
              help="SARIF 中报告文件的路径相对于此文件夹（默认：当前文件夹）")
@_fetch_options
def check(reports: tuple[str, ...], fmt: str, output: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str | None, lang: str | None, previous: str | None, organ_kind: str | None, quiet: bool, verbose: bool,
          statistics: bool, color: bool | None, config_path: str | None = None, no_config: bool = False,
          profile: str | None = None, plugin_paths: tuple[str, ...] = (), waivers_path: str | None = None,
          baseline_path: str | None = None, write_baseline_path: str | None = None, jobs: int | None = None,
          previous_dir: str | None = None, organ_map: str | None = None, hierarchy: str | None = None,
          summary_csv: str | None = None, summary_json: str | None = None, summary_only: bool = False,
          progress: bool | None = None, sarif_root: str | None = None, allow_private: bool = False,
          save_source: str | None = None, fetch_timeout: float = 30.0, output_dir: str | None = None,
          show_traceback: bool = False) -> None:
    """检查一份或多份年度报告；REPORTS 可以是文件、文件夹、通配符（如 "2023/**/*.json"）或网址（http/https）。"""
    from checker.config import ConfigError
    from checker.findings import Severity
    from checker.loaders import LoadError, LoadOptions, load
    from checker.output import BINARY_FORMATS, RenderContext, format_for

    if output_dir and output:
        fail("--output-dir 与 -o 不能同时使用：--output-dir 为每份报告各写一个文件")
    fmt, contradiction = format_for(output, fmt if fmt or not output_dir else "html")
    if contradiction:
        fail(contradiction)
    if output and any(os.path.exists(r) and os.path.samefile(output, r) for r in reports if os.path.exists(output)):
        fail(f"{output}: 输出文件就是被检查的报告，拒绝覆盖")
    config, engine = _configured_engine("." if _url_like(reports[0]) else reports[0], config_path, no_config, select,
                                        ignore, fail_on, lang, profile, plugin_paths, waivers_path, organ_kind)
    fail_on, lang = config.fail_on, config.lang
    for problem in engine.host.problems:
        _err(f"gov-check: {problem}")
    told = len(engine.host.problems)
    formats = engine.host.formats
    if fmt not in formats:
        fail(f"未知的输出格式「{fmt}」；可用：{', '.join(formats)}")
    if fmt in BINARY_FORMATS and not (output or output_dir):
        fail(f"{fmt} 格式是二进制文件，不能输出到终端：请用 -o 文件名.{fmt} 或 --output-dir 文件夹")
    try:
        rules = engine.rules
    except ConfigError as exc:
        fail(str(exc))
    if not rules:
        fail("没有选中任何规则（检查 --select / --ignore）")
    options = LoadOptions(organ_kind=organ_kind, template=engine.host.template_extensions, **config.limits)
    fetched = _fetch(reports, options.max_bytes, allow_private, save_source, fetch_timeout)
    reports, not_fetched = fetched.reports, fetched.failed
    previous_doc = None
    if previous:
        try:
            previous_doc = load(previous, engine.host.loaders, options).document
        except LoadError as exc:
            fail(f"上一年度报告：{exc}")
    from checker.run import BatchInterrupted

    if not reports:  # every report was a URL that could not be fetched
        fetched.done()
        for url, why in not_fetched:
            _err(f"gov-check: {url}: {why}")
        sys.exit(EXIT_ERROR)
    try:
        batch = _run_batch(engine, config, options, reports, previous_doc, jobs, previous_dir, organ_map, hierarchy,
                           progress, keep_text=True if output_dir else None)
    except BatchInterrupted as exc:  # outputs are written only after the batch: none was started
        _err(f"gov-check: 已中断：{exc}，未写出任何结果或汇总文件")
        sys.exit(130)
    finally:
        fetched.done()
    from checker.findings import ReportResult

    for r in batch.results:  # a report fetched from a URL is named by its URL
        url = fetched.origin.get(r.file)
        if url:
            r.load_error = r.load_error.replace(r.file, url) if r.load_error else r.load_error
            r.file = url

    batch.results += [ReportResult(file=url, document=None, findings=[], outcomes=[], load_error=f"{url}: {why}")
                      for url, why in not_fetched]
    results = engine.finish(batch.results)
    if engine.host.problems:  # a plugin that failed: no report was checked in full
        failed = tuple(f"{p.name} {p.version}".strip() for p in engine.host.problems)
        for r in results:
            if not r.load_error:
                r.tool_problems = failed
    try:
        _baseline(results, baseline_path, write_baseline_path)
    except ConfigError as exc:
        fail(str(exc))
    if color is None:
        color = output is None and output_dir is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    ctx = RenderContext(rules=engine.rule_classes(), lang=lang, verbose=bool(verbose), quiet=quiet, statistics=statistics,
                        color=color, encoding=None if output or output_dir else getattr(sys.stdout, "encoding", None),
                        extra={"sarif_root": sarif_root} if sarif_root else {})
    show_table = fmt == "text" and (len(results) > 1 or summary_only) and not output_dir
    ctx.extra["fail_on"] = fail_on
    summary = None  # computed only when something shows it: a single check imports none of it
    if show_table or summary_csv or summary_json or output_dir or fmt in ("xlsx", "csv") \
            or batch.plan.previous_dir_given:
        summary = ctx.extra["summary"] = _summarise(batch, results, ctx, fail_on)
        _tell_batch(batch, summary)
    elif batch.skipped:
        _tell_batch(batch, None)
    if output_dir:
        _write_output_dir(output_dir, results, summary, formats, fmt, ctx)
        text = ""
    else:
        text = "" if summary_only and fmt == "text" else formats[fmt].render(results, ctx)
    if show_table or summary_csv or summary_json:
        table = _batch_summary(batch, summary, ctx, summary_csv, summary_json, show_table)
        if isinstance(text, str):
            text += table
        else:  # a Word or Excel file: the table goes to the terminal
            click.echo(table, nl=False)
    if output or text:
        _emit(output, text)
    for r in results:
        if r.load_error:
            _err(f"gov-check: {r.load_error}")
    if show_traceback or verbose >= 2:
        _tracebacks(results)
    for problem in engine.host.problems[told:]:  # found while rules, profiles and formats were resolved
        _err(f"gov-check: {problem}")
    if any(r.load_error or r.incomplete for r in results) or engine.host.problems:
        incomplete = sum(1 for r in results if r.incomplete)
        if incomplete:
            _err(f"gov-check: {incomplete} 份报告检查不完整（规则出错或插件未能加载），不能据此判定通过或未通过")
        sys.exit(EXIT_ERROR)
    if fail_on != "never":
        level = Severity(fail_on).rank
        if any(f.severity.rank >= level and not f.waived for r in results for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _tracebacks(results: list[Any]) -> None:
    """The full stack of every rule that crashed (GC900), on stderr, for the plugin's author."""
    for r in results:
        for f in r.findings:
            if f.code == "GC900" and f.args.get("traceback"):
                click.echo(f"gov-check: {r.file}: 规则 {f.args.get('rule')} 出错的完整经过：\n{f.args['traceback'].rstrip()}",
                           err=True)


def _configured_engine(first_report: str, config_path: str | None, no_config: bool, select: tuple[str, ...],
                       ignore: tuple[str, ...], fail_on: str | None, lang: str | None, profile: str | None,
                       plugin_paths: tuple[str, ...], waivers_path: str | None, organ_kind: str | None) -> tuple[Any, Any]:
    """The configuration (file, then the command line's options over it) and its engine."""
    from checker.config import ConfigError

    try:
        config = _configure(first_report, config_path, no_config)
        config.select = _split(select) or config.select
        config.ignore = config.ignore + _split(ignore)
        config.fail_on = fail_on or config.fail_on
        config.lang = lang or config.lang
        config.profile = profile or config.profile
        config.plugins = config.plugins + tuple(plugin_paths)
        config.waivers = waivers_path or config.waivers
        if organ_kind:
            config.organ_kind, config.organ_kinds = organ_kind, {}
        return config, _engine(config)
    except ConfigError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits


class _Fetched:
    """Reports given as URLs, downloaded: ``reports`` with each URL replaced by its local copy,
    ``failed`` [(url, why)], ``origin`` local copy → URL (to name the report by its URL), and the
    temporary folder to remove once the reports are read (none with --save-source)."""

    def __init__(self, reports: tuple[str, ...]):
        self.reports, self.failed, self.origin, self.temporary = reports, [], {}, None

    def done(self) -> None:
        if self.temporary:
            import shutil

            shutil.rmtree(self.temporary, ignore_errors=True)
            self.temporary = None


def _url_like(arg: str) -> bool:
    """Whether an argument may be a URL: cheap, so that a check of files never imports the fetcher
    (checker.loaders.fetch.is_url decides)."""
    if "://" not in arg:
        return False
    from checker.loaders.fetch import is_url

    return is_url(arg)


def _fetch(reports: tuple[str, ...], max_bytes: int | None, allow_private: bool, save_source: str | None,
           timeout: float) -> _Fetched:
    fetched = _Fetched(reports)
    if not any(_url_like(r) for r in reports):
        return fetched
    import tempfile
    from pathlib import Path

    from checker.loaders import LoadError
    from checker.loaders.fetch import FetchOptions, fetch, is_url

    if not save_source:
        fetched.temporary = tempfile.mkdtemp(prefix="gov-check-")
    options = FetchOptions(timeout=timeout, allow_private=allow_private,
                           save_dir=Path(save_source or fetched.temporary),
                           **({"max_bytes": max_bytes} if max_bytes else {}))
    local: list[str] = []
    failed = fetched.failed
    for arg in reports:
        if not is_url(arg):
            local.append(arg)
            continue
        try:
            got = fetch(arg, options)
        except LoadError as exc:
            failed.append((arg, exc.message))
            continue
        where = "、".join(str(p) for p in got.saved)
        _err(f"gov-check: {arg} → {where}" if save_source else f"gov-check: 已下载 {arg}")
        local.append(str(got.path))
        fetched.origin[str(got.path)] = arg
    fetched.reports = tuple(local)
    return fetched


def _emit(output: str | None, content: str | bytes) -> None:
    """Write to ``output`` atomically (exit 2 with the reason when it cannot be written), or to stdout."""
    from checker.output import write_atomic

    if output:
        try:
            written = write_atomic(output, content)
        except OSError as exc:
            fail(f"{output}: 无法写入：{exc.strerror or exc}")
        if os.path.islink(output):  # written through the link (checker.output.write_atomic), and said
            _err(f"gov-check: {output} 是符号链接，结果写入了它指向的文件 {written}（链接保留）")
    else:
        click.echo(content, nl=False)


def _configure(first_report: str, config_path: str | None, no_config: bool) -> Any:
    """The Config from --config, or from the gov-check.toml found next to / above the report."""
    from checker.config import Config, find_config, load_config

    if no_config:
        return Config()
    path = config_path or find_config(first_report)
    return load_config(path) if path else Config()


def _engine(config: Any) -> Any:
    """An Engine whose host also loads the config's local plugins, with the config's waivers."""
    from checker.engine import Engine
    from checker.plugins import PluginHost
    from checker.waivers import load_waivers

    waivers = load_waivers(config.waivers) if config.waivers else ()
    return Engine(PluginHost(paths=config.plugins), config, waivers=waivers)


def _baseline(results: list, baseline_path: str | None, write_path: str | None) -> None:
    from checker.baseline import apply_baseline, write_baseline

    if write_path:
        n = write_baseline(write_path, results)
        _err(f"gov-check: 已把 {n} 项问题写入基线 {write_path}")
    if baseline_path:
        applied = apply_baseline(baseline_path, results)
        if applied.hidden:
            _err(f"gov-check: 基线 {baseline_path} 中已有的 {applied.hidden} 项问题未显示")
        if applied.unused:
            _err(f"gov-check: 基线 {baseline_path} 中有 {len(applied.unused)} 项记录在本次检查的报告中已不再出现"
                 "（问题已改正？可用 --write-baseline 更新基线）：")
            for e in applied.unused[:10]:
                who = f"{e.get('organ')}{e.get('year')}年度" if e.get("organ") else e.get("report")
                _err(f"gov-check:   {who} {e.get('code')} {e.get('place') or ' '.join(e.get('pointers') or [])}")
            if len(applied.unused) > 10:
                _err(f"gov-check:   …… 另有 {len(applied.unused) - 10} 项")


def _host(plugin_paths: tuple[str, ...], config_path: str | None = None) -> Any:
    """The plugin host for the listing commands: --plugin paths plus a --config file's plugins."""
    from checker.config import ConfigError, load_config
    from checker.plugins import PluginHost

    paths = tuple(plugin_paths)
    if config_path:
        try:
            paths = load_config(config_path).plugins + paths
        except ConfigError as exc:
            fail(str(exc))
    host = PluginHost(paths=paths)
    host.rules  # a plugin rule whose metadata is unusable is that plugin's load problem, told here
    for problem in host.problems:
        _err(f"gov-check: {problem}")
    return host


_PLUGIN_OPTION = click.option("--plugin", "plugin_paths", multiple=True, type=click.Path(path_type=str),
                              help="同时加载本地插件文件或文件夹")


def _run_batch(engine: Any, config: Any, options: Any, reports: tuple[str, ...], previous_doc: Any, jobs: int | None,
               previous_dir: str | None, organ_map: str | None, hierarchy: str | None, progress: bool | None,
               keep_text: bool | None = None) -> Any:
    """Find the files, plan pairings and roll-ups, and check them (in parallel when there are many)."""
    from checker.findings import ReportResult
    from checker.run import BatchOptions, discover, load_hierarchy, load_organ_map, report_suffixes, run_batch

    suffixes = report_suffixes(engine.host.loaders)
    found = discover(reports, suffixes)
    previous_files: list[str] = []
    if previous_dir:
        previous_files = discover([previous_dir], suffixes).files
    try:
        names = load_organ_map(organ_map) if organ_map else None
        regions = load_hierarchy(hierarchy) if hierarchy else ()
    except ValueError as exc:
        fail(str(exc))
    if progress is None:
        progress = progress_wanted(sys.stderr, os.environ)
    engine.rules  # imported now, before the freeze below
    import gc

    gc.freeze()  # what start-up made lives to the end: collections need not look at it again (nor
    # forked workers copy the pages it is on)
    batch = run_batch(found.files, BatchOptions(config=config, load=options, jobs=jobs, progress=progress, keep_text=keep_text),
                      previous_files, names, regions, engine=engine, previous_document=previous_doc)
    batch.skipped = found.skipped
    for note in batch.plan.notes:
        _err(f"gov-check: {note}")
    batch.results += [ReportResult(file=arg, document=None, findings=[], outcomes=[], load_error=f"{arg}: {why}")
                      for arg, why in found.problems]
    return batch


def _summarise(batch: Any, results: list, ctx: Any, fail_on: str) -> Any:
    from checker.summary import placements, summarise

    return summarise(results, ctx.rules, fail_on, batch.plan.previous, placements(batch.plan.units, results))


def _tell_batch(batch: Any, summary: Any) -> None:
    """On stderr: what a batch left aside (lock and temporary files) and the reports that found no
    last year's report under --previous-dir."""
    skipped = getattr(batch, "skipped", ())
    if skipped:
        _err(f"gov-check: 跳过 {len(skipped)} 个 Word 锁定文件或临时文件（如 {skipped[0]}）")
    if batch.plan.previous_dir_given and summary is not None:
        alone = [r for r in summary.reports if r.status != "not_checked" and not r.previous_file]
        if alone:
            _err(f"gov-check: {len(alone)} 份报告在 --previous-dir 中没有找到上一年度报告（未作跨年度核对）：")
            for r in alone:
                _err(f"  {r.organ_name or '（机关不明）'} {r.report_year or ''}  {r.file}")


def _write_output_dir(folder: str, results: list, summary: Any, formats: Any, fmt: str, ctx: Any) -> None:
    """One file per report in ``folder``, named after its input, and index.html linking them."""
    from checker.output import BINARY_FORMATS, write_atomic
    from checker.output.index import SUFFIXES, page_names, render_index

    try:
        os.makedirs(folder, exist_ok=True)
        names = page_names([r.file for r in results], SUFFIXES.get(fmt, "." + fmt))
        for i, (result, name) in enumerate(zip(results, names), 1):
            write_atomic(os.path.join(folder, name), formats[fmt].render([result], ctx))
            if fmt in BINARY_FORMATS and i % 10 == 0:
                # python-docx and openpyxl objects live in reference cycles, which the collector's
                # slowed pace (run()) would leave for hundreds of files: 3 MB each.
                import gc

                gc.collect()
        write_atomic(os.path.join(folder, "index.html"), render_index(summary, dict(zip((r.file for r in results), names)),
                                                                     ctx.lang))
    except OSError as exc:
        fail(f"{exc.filename or folder}: 无法写入：{exc.strerror or exc}")
    _err(f"gov-check: 已写出 {len(results)} 份{fmt}文件和 {os.path.join(folder, 'index.html')}")


def _batch_summary(batch: Any, summary: Any, ctx: Any, summary_csv: str | None, summary_json: str | None,
                   table: bool) -> str:
    """The summary table for the terminal; the CSV and JSON files when asked for."""
    from checker.output import write_atomic
    from checker.output.summary import render_csv, render_json, render_table

    try:
        if summary_csv:
            write_atomic(summary_csv, render_csv(summary, ctx.lang, ctx.rules))
        if summary_json:
            import resource

            write_atomic(summary_json, render_json(summary, {
                "jobs": batch.jobs, "seconds": round(batch.seconds, 3), "worker_peak_rss_kb": batch.worker_peak_rss_kb,
                "main_peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    except OSError as exc:
        fail(f"{exc.filename or summary_csv or summary_json}: 无法写入：{exc.strerror or exc}")
    return render_table(summary, ctx.lang, bool(ctx.color)) if table else ""


@main.command("rules")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@_PLUGIN_OPTION
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help="也加载该配置文件中的插件")
def rules_command(fmt: str, lang: str, plugin_paths: tuple[str, ...] = (), config_path: str | None = None) -> None:
    """列出全部规则（代码、名称、严重程度、标题）。"""
    registry = _host(plugin_paths, config_path).rules
    if fmt == "json":
        import json

        click.echo(json.dumps([{
            "code": c.code, "name": c.name, "severity": c.severity.value, "title_zh": c.title_zh,
            "title_en": c.title_en, "clause": c.clause, "templates": sorted(c.templates),
            "organ_kinds": sorted(c.organ_kinds) if c.organ_kinds is not None else None,
            "options": {k: {"default": o.default, "description": o.description} for k, o in c.options.items()},
            "module": c.__module__,
        } for c in registry.values()], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False)
    for col in ("代码", "名称", "级别", "标题") if lang == "zh" else ("code", "name", "severity", "title"):
        table.add_column(col)
    for c in registry.values():
        table.add_row(c.code, c.name, c.severity.value, c.title_en if lang == "en" else c.title_zh)
    Console(width=120, highlight=False).print(table)


@main.command()
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--markdown", "raw", is_flag=True, help="输出 Markdown 原文，不在终端中排版")
@_PLUGIN_OPTION
def explain(code: str, lang: str, raw: bool = False, plugin_paths: tuple[str, ...] = ()) -> None:
    """显示一条规则的说明：检查什么、为什么、依据、错误与正确示例（--lang en 为英文）。"""
    from checker.docs import rule_markdown

    registry = _host(plugin_paths).rules
    cls = registry.get(code.upper()) or next((c for c in registry.values() if c.name == code), None)
    if cls is None:
        fail(f"没有规则「{code}」；`gov-check rules` 列出全部规则")
    text = rule_markdown(cls, lang)
    if raw:
        click.echo(text, nl=False)
        return
    import re

    from rich.console import Console
    from rich.markdown import Markdown

    # A docstring's line breaks inside a Chinese sentence are not spaces: join those lines first.
    cjk = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
    text = re.sub(f"(?<=[{cjk}])\n(?=[{cjk}])", "", text)
    Console(highlight=False, emoji=False).print(Markdown(text, code_theme="ansi_light"))


@main.command()
@click.argument("name", type=click.Choice(["report", "result", "config", "compare"]), default="report")
def schema(name: str) -> None:
    """输出 JSON Schema：report（报告文档，默认）、result（JSON 输出）、config（gov-check.toml）或 compare（两年比对的 JSON）。"""
    import schemas

    click.echo(schemas.text(name), nl=False)


@main.command("plugins")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_PLUGIN_OPTION
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str),
              help="配置文件（默认：当前文件夹及上级文件夹中的 gov-check.toml）：其中的插件和规则配置")
@click.option("--profile", help="假定使用这个规则配置（与检查时的 --profile 相同）")
def plugins_command(fmt: str, plugin_paths: tuple[str, ...] = (), config_path: str | None = None,
                    profile: str | None = None) -> None:
    """列出已加载的插件：名称、版本、来源、提供的规则、配置和钩子；以及未能加载的插件；
    并说明当前使用哪个规则配置、为什么，以及各插件的规则是否运行。

    退出码 2 表示有插件未能加载。"""
    from checker.config import Config, ConfigError, find_config, load_config
    from checker.engine import Engine

    found = config_path or (str(find_config(".")) if find_config(".") else None)
    try:
        config = load_config(found) if found else Config()
    except ConfigError as exc:
        fail(str(exc))
    host = _host(plugin_paths, found)
    if profile:
        config.profile, why = profile, ("--profile", "--profile")
    elif found and config.profile != "national":
        why = (f"配置文件 {found} 中的 profile", f"profile in {found}")
    else:
        why = ("默认：没有 --profile，配置文件也没有指定", "default: neither --profile nor a config file names one")
    engine = Engine(host, config)
    profiles = engine.profiles
    try:
        engine._profile_chain(config.profile)
    except ConfigError as exc:
        fail(str(exc))
    rows = []
    for key, plugin in host.pm.list_name_plugin():
        name, version = host.info(key)
        info = next((p for p in host.plugins if p.name == name), None)
        mine = []
        impl = next((i for i in host.pm.hook.gov_check_profiles.get_hookimpls() if i.plugin is plugin), None)
        if impl is not None:
            try:
                mine = [p.name for p in impl.function() or ()]
            except Exception:  # already reported as a problem by Engine.profiles
                mine = []
        mine = [p for p in mine if p in profiles]
        runs = not host.autoloaded(key) or engine.installed_plugin_turned_on(key)
        rows.append({"name": name, "version": version, "source": info.source if info else key,
                     "hooks": host.hooks_of(key), "rules": host.rules_of(key), "profiles": mine,
                     "rules_run": runs})
    problems = [{"name": p.name, "version": p.version, "error": p.error} for p in host.problems]
    if fmt == "json":
        import json

        click.echo(json.dumps({"profile": config.profile, "profile_reason": why[1], "plugins": rows,
                               "problems": problems}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"当前规则配置：{config.profile}（{why[0]}）")
        for r in rows:
            click.echo(f"{r['name']} {r['version']}（{r['source']}）")
            click.echo(f"  钩子：{', '.join(r['hooks']) or '无'}")
            if r["rules"]:
                if r["rules_run"]:
                    state = "运行"
                else:
                    how = f"用 --profile {r['profiles'][0]}" if r["profiles"] else "在配置文件的 select 中列出"
                    state = f"在规则配置 {config.profile} 下不运行；{how} 即可运行"
                click.echo(f"  规则：{', '.join(r['rules'])}（{state}）")
            if r["profiles"]:
                click.echo(f"  规则配置：{', '.join(r['profiles'])}")
        for p in problems:
            click.echo(f"未加载：{p['name']} {p['version']}：{p['error']}")
    if host.problems:
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("report", type=click.Path(path_type=str))
@click.argument("code")
@click.option("--place", help="问题的位置，照检查输出中显示的写（如「表三 · 科研机构 · （五）4」），或 JSON Pointer；"
                              "报告中这条规则只有一个问题时可省略")
@click.option("--reason", required=True, help="豁免的理由（必填）")
@click.option("--until", help="有效期至（YYYY-MM-DD）")
@click.option("--approved-by", default="", help="批准人")
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False, path_type=str),
              help="追加到该豁免清单（默认：配置文件中的 waivers，否则报告所在文件夹中的 waivers.toml）")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help="配置文件")
@click.option("--no-config", is_flag=True, help="不读取配置文件")
@click.option("--profile", help="规则配置")
@_PLUGIN_OPTION
def waive(report: str, code: str, place: str | None, reason: str, until: str | None, approved_by: str,
          waivers_path: str | None, config_path: str | None, no_config: bool, profile: str | None,
          plugin_paths: tuple[str, ...] = ()) -> None:
    """把报告中的一个问题写入豁免清单：按机关、年度、规则和读者看到的位置记录，报告文件改名后仍然有效。"""
    import datetime as dt
    import tomllib
    from pathlib import Path

    from checker.config import ConfigError
    from checker.loaders import LoadOptions
    from checker.messages import place as place_of
    from checker.run import check_file
    from checker.waivers import Waiver, parse_waivers, waiver_toml

    code = code.strip().upper()
    if not reason.strip():
        fail("--reason 不能为空：每项豁免必须写明理由")
    day = None
    if until:
        try:
            day = dt.date.fromisoformat(until)
        except ValueError:
            fail(f"--until {until!r} 不是日期（YYYY-MM-DD）")
    try:
        config = _configure(report, config_path, no_config)
        config.profile = profile or config.profile
        config.plugins = config.plugins + tuple(plugin_paths)
        config.select, config.ignore = (code,), ()
        config.waivers = None
        engine = _engine(config)
        engine.rules
    except ConfigError as exc:
        fail(str(exc))
    if code not in engine.host.rules:
        fail(f"没有规则 {code}（gov-check rules 列出全部规则）")
    result = check_file(engine, report, LoadOptions(template=engine.host.template_extensions, **config.limits))
    if result.load_error:
        fail(result.load_error)
    doc = result.document
    mine = [f for f in result.findings if f.code == code]
    wanted = Waiver(code, (place or "*").strip(), reason)
    hits = [f for f in mine if wanted.matches(f, doc)]
    places = sorted({place_of(f, doc, "zh") for f in mine})
    if not hits:
        where = f"在「{place}」" if place else ""
        fail(f"{report}: 没有{where}的 {code} 问题" + (f"；{code} 的问题在：{'；'.join(places)}" if places else ""))
    labels = sorted({place_of(f, doc, "zh") for f in hits})
    if len(labels) > 1:
        fail(f"{report}: {code} 有 {len(labels)} 处问题，请用 --place 指明一处：{'；'.join(labels)}")
    meta = doc.get("metadata") if isinstance(doc, dict) and isinstance(doc.get("metadata"), dict) else {}
    entry = {"rule": code, "place": labels[0], "organ": meta.get("organ_name") if isinstance(meta.get("organ_name"), str) else "",
             "year": meta.get("report_year") if isinstance(meta.get("report_year"), int) else None,
             "reason": reason.strip(), "approved_by": approved_by.strip(), "until": day}
    if not entry["organ"] or entry["year"] is None:
        entry["report"] = Path(report).name  # the report names no organ or year: tie the waiver to the file
    target = Path(waivers_path or config.waivers or Path(report).resolve().parent / "waivers.toml")
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    new = old + ("\n" if old and not old.endswith("\n") else "") + ("\n" if old else "") + waiver_toml(entry)
    try:
        parse_waivers(tomllib.loads(new), str(target))
    except (tomllib.TOMLDecodeError, ConfigError) as exc:
        fail(f"{target}: 追加后不是有效的豁免清单，未写入：{exc}")
    from checker.output import write_atomic

    try:
        write_atomic(str(target), new)
    except OSError as exc:
        fail(f"{target}: 无法写入：{exc.strerror or exc}")
    click.echo(f"已在 {target} 中追加豁免：{code} · {labels[0]}（{len(hits)} 个问题）")


@main.command()
@click.argument("path", default=".", type=click.Path(path_type=str))
def init(path: str) -> None:
    """写入带注释的 gov-check.toml 起步配置（PATH 为文件夹或文件名；已存在时不覆盖）。"""
    from checker.config import ConfigError, write_starter

    try:
        written = write_starter(path)
    except ConfigError as exc:
        fail(str(exc))
    click.echo(f"已写入 {written}")


@main.command("new-plugin")
@click.argument("name")
@click.option("--dir", "directory", default=".", type=click.Path(file_okay=False, path_type=str),
              help="在此文件夹中创建（默认：当前文件夹）")
@click.option("--prefix", default=None, help="规则代码前缀（两个大写字母，默认取名称的前两个字母）")
def new_plugin(name: str, directory: str, prefix: str | None) -> None:
    """生成一个省级插件软件包的骨架：gov-check-NAME/（一条示例规则、一个规则配置、测试用例）。"""
    from checker.scaffold import ScaffoldError, write_plugin

    try:
        root = write_plugin(name, directory, prefix)
    except ScaffoldError as exc:
        fail(str(exc))
    click.echo(f"已创建 {root}\n  cd {root} && pip install -e '.[test]' && pytest")


_ORGAN_KINDS = click.Choice(["province_government", "city_government", "county_government", "township_government",
                             "subdistrict_office", "department", "authorised_organisation"])


@main.command()
@click.argument("draft", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="写入带批注的副本（原子写入；原文件不改动）")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--select", multiple=True, help="只运行这些规则（代码、代码前缀或规则名，逗号分隔）")
@click.option("--ignore", multiple=True, help="不运行这些规则（同上）")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="批注语言（默认 zh）")
@click.option("--previous", type=click.Path(path_type=str), help="上一年度的报告（用于 GC7xx 跨年度核对）")
@click.option("--organ-kind", type=_ORGAN_KINDS, help="机关类别（覆盖按名称推断的类别）")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help="配置文件")
@click.option("--no-config", is_flag=True, help="不查找、不读取配置文件")
@click.option("--profile", help="规则配置")
@_PLUGIN_OPTION
@click.option("--waivers", "waivers_path", type=click.Path(dir_okay=False, path_type=str), help="豁免清单（TOML）")
def annotate(draft: str, output: str, force: bool, select: tuple[str, ...], ignore: tuple[str, ...], lang: str | None,
             previous: str | None, organ_kind: str | None, config_path: str | None, no_config: bool,
             profile: str | None, plugin_paths: tuple[str, ...], waivers_path: str | None) -> None:
    """在 Word 报告（.docx）中每个问题处加批注（作者「gov-check」），写入 -o 指定的副本。

    批注加在问题所在的表格单元格或段落上，内容为问题、依据和修改建议；不对应具体位置的问题合并为标题处的一条批注。
    原文件不改动。退出码与 check 相同。"""
    from pathlib import Path

    from checker.findings import Severity
    from checker.loaders import LoadError, LoadOptions, load
    from checker.output import write_atomic
    from checker.output.annotate import annotate as add_comments

    if Path(output).suffix.lower() != ".docx":
        fail(f"{output}: 批注只能写入 Word 文件（.docx）")
    if Path(output).exists() and (os.path.samefile(output, draft) if Path(draft).exists() else False):
        fail(f"{output}: 输出文件就是原文件；原文件不改动，请另取文件名")
    if Path(output).exists() and not force:
        fail(f"{output}: 文件已存在；如需覆盖请加 --force")
    config, engine = _configured_engine(draft, config_path, no_config, select, ignore, None, lang, profile,
                                        plugin_paths, waivers_path, organ_kind)
    for problem in engine.host.problems:
        _err(f"gov-check: {problem}")
    options = LoadOptions(organ_kind=organ_kind, template=engine.host.template_extensions, **config.limits)
    try:
        original = Path(draft).read_bytes()
        loaded = load(draft, engine.host.loaders, options)
        previous_doc = load(previous, engine.host.loaders, options).document if previous else None
    except LoadError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{draft}: 无法读取：{exc.strerror or exc}")
    if loaded.format != "docx":
        fail(f"{draft}: 不是 Word（.docx）文件（读作 {loaded.format}）；批注只能加在 Word 文件中")
    from checker.model import NOT_A_REPORT, looks_like_report

    if not looks_like_report(loaded.document, loaded.format):
        fail(f"{draft}: {NOT_A_REPORT}，未加批注")
    result = engine.finish([engine.check(loaded.document, file=draft, source_map=loaded.source_map,
                                         previous=previous_doc, extra_findings=loaded.findings, fmt=loaded.format)])[0]
    if engine.host.problems:
        result.tool_problems = tuple(f"{p.name} {p.version}".strip() for p in engine.host.problems)
    done = add_comments(original, result, engine.rule_classes(), config.lang)
    try:
        write_atomic(output, done.data)
    except OSError as exc:
        fail(f"{output}: 无法写入：{exc.strerror or exc}")
    click.echo(f"{draft} → {output}：{done.placed} 条批注加在问题所在处"
               + (f"，{done.at_title} 项不对应具体位置的问题合并为标题处的一条批注" if done.at_title else ""), err=True)
    if result.incomplete:
        _err("gov-check: 检查不完整（规则出错或插件未能加载），不能据此判定通过或未通过")
        sys.exit(EXIT_ERROR)
    if result.status(config.fail_on) == "fail":
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("report", type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="写入该文件（原子写入）；省略则输出到标准输出")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--organ-kind", type=click.Choice(["province_government", "city_government", "county_government",
                                                 "township_government", "subdistrict_office", "department",
                                                 "authorised_organisation"]),
              help="机关类别（覆盖按名称推断的类别）")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="提示语言")
@_fetch_options
def convert(report: str, output: str | None, force: bool, organ_kind: str | None, lang: str, allow_private: bool = False,
            save_source: str | None = None, fetch_timeout: float = 30.0) -> None:
    """把 Word、网页、PDF、文本或其他工具的 JSON 报告（文件或网址）转换为报告文档（JSON）。"""
    import json
    from pathlib import Path

    from checker.loaders import LoadError, LoadOptions, load
    from checker.messages import render
    from checker.output import write_atomic
    from checker.plugins import PluginHost

    if output and Path(output).exists() and not force:
        fail(f"{output}: 文件已存在；如需覆盖请加 --force")
    host = PluginHost()
    from checker.model import NOT_A_REPORT, looks_like_report

    options = LoadOptions(organ_kind=organ_kind, template=host.template_extensions)
    fetched = _fetch((report,), options.max_bytes, allow_private, save_source, fetch_timeout)
    for url, why in fetched.failed:
        fetched.done()
        fail(f"{url}: {why}")
    try:
        loaded = load(fetched.reports[0], host.loaders, options)
    except LoadError as exc:
        fail(str(exc).replace(fetched.reports[0], report))
    finally:
        fetched.done()
    if not looks_like_report(loaded.document, loaded.format):
        fail(f"{report}: {NOT_A_REPORT}，未转换")
    text = json.dumps(loaded.document, ensure_ascii=False, indent=2) + "\n"
    rules = host.rules
    for finding in loaded.findings:
        _err(f"{report}: {finding.code} {render(finding, rules, lang, loaded.document)}")
    if loaded.format != "json":
        from checker.loaders.evidence import cells_read

        read, left = cells_read(loaded.document, loaded.findings)
        _err(f"{report}: 读出表格单元格 {read} 个" + (f"，未能读出 {left} 个（见上面的 GC003，请对照原文补全）" if left
                                             else "，模板的表格单元格全部读出"))
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            fail(f"{output}: 无法写入：{exc.strerror or exc}")
        _err(f"{report} → {output}（{loaded.format}）")
    else:
        click.echo(text, nl=False)


COMPARE_FORMATS = {".html": "html", ".htm": "html", ".docx": "docx", ".md": "markdown", ".markdown": "markdown",
                   ".json": "json"}  # -o's suffix → the comparison's format


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str),
              help="写入文件：.html（两栏对照页面）、.docx（Word）、.md、.json；省略则把 Markdown 输出到标准输出")
@click.option("--format", "-f", "fmt", type=click.Choice(["html", "docx", "markdown", "json"]), default=None,
              help="输出格式（默认按 -o 的后缀；批量时默认 html）")
@click.option("--previous-dir", type=click.Path(exists=True, file_okay=False, path_type=str),
              help="批量：上一年度报告所在文件夹；REPORTS 为本年度的文件夹或文件，每个机关配对比较")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=str),
              help="批量：每对报告写一份比对和一份索引（index.html、index.json）到该文件夹")
@click.option("--organ-map", type=click.Path(exists=True, dir_okay=False, path_type=str),
              help="机关更名对照表（TOML/JSON：[organs] \"新名称\" = \"旧名称\"）")
@click.option("--force", is_flag=True, help="两份报告不是同一机关的相邻两年时仍然比较")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="批量比较的并行进程数（默认：本机 CPU 核数）")
@click.option("--select", multiple=True, help="两年的问题只列这些规则的（代码、代码前缀或规则名，逗号分隔）")
@click.option("--ignore", multiple=True, help="两年的问题不列这些规则的（同上）")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None,
              help="正文重复比例达到该值时标出（0–1 或百分数；默认取 GC703 的 threshold，0.5）")
@click.option("--large-ratio", type=click.FloatRange(min=1, min_open=True), default=5.0, show_default=True,
              help="大幅变化：两年中较大的数超过较小的数的该倍数（本年超过上年的 5 倍或不到其 1/5；一年为 0 也算）")
@click.option("--large-min", type=click.FloatRange(min=0), default=10.0, show_default=True,
              help="且两年中较大的数不小于该值（不是只看上年：0 → 50、3 → 30 与 50 → 0 一样标出，1 → 6 不标）")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="输出语言（默认 zh）")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=str), help="配置文件（规则、选项、豁免）")
@click.option("--no-config", is_flag=True, help="不查找、不读取配置文件")
@_fetch_options
def compare(reports: tuple[str, ...], output: str | None, fmt: str | None, previous_dir: str | None,
            output_dir: str | None, organ_map: str | None, force: bool, threshold: float | None, large_ratio: float,
            large_min: float, lang: str | None, config_path: str | None, no_config: bool, jobs: int | None = None,
            select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), allow_private: bool = False,
            save_source: str | None = None, fetch_timeout: float = 30.0) -> None:
    """比较同一机关相邻两年的年度报告：gov-check compare 上年报告 本年报告 -o 比对.html

    \b
    两份报告都可以是网址（与 gov-check check 网址 相同：--allow-private、--save-source、--fetch-timeout）。
    正文逐部分（按含义配对）逐句比较，标出新增、删除、修改、移动和照抄的句子及重复比例；
    表二、表三、表四逐格列出上年 → 本年、增减和同比，标出大幅变化，并列出上年结转、现行有效的衔接关系；
    正文中的数字按事项对齐；列出两年的问题，标出「连续两年」和「已整改」。
    批量：gov-check compare --previous-dir 2023/ 2024/ --output-dir 比对/"""
    from checker.compare import CompareOptions, Thresholds
    from checker.config import ConfigError
    from checker.loaders.fetch import is_url
    from checker.run import load_organ_map

    if previous_dir is None and output_dir is not None:
        fail("--output-dir 用于批量比较，需要同时给出 --previous-dir")
    if previous_dir is None and len(reports) != 2:
        fail(f"需要两份报告：上一年度的和本年度的（gov-check compare 上年报告 本年报告），实际给出 {len(reports)} 份")
    if previous_dir is not None and not output_dir:
        fail("批量比较（--previous-dir）需要 --output-dir 指定写入比对结果的文件夹")
    try:
        config = _configure("." if is_url(reports[0]) else reports[0], config_path, no_config)
        config.lang = lang or config.lang
        config.select = _split(select) or config.select
        config.ignore = config.ignore + _split(ignore)
        engine = _engine(config)
        engine.rules
        names = load_organ_map(organ_map) if organ_map else {}
    except (ConfigError, ValueError) as exc:
        fail(str(exc))
    for problem in engine.host.problems:
        _err(f"gov-check: {problem}")
    if threshold is None:
        threshold = float(config.options.get("GC703", {}).get("threshold", 0.5))
    options = CompareOptions(threshold=threshold / 100 if threshold > 1 else threshold,
                             large=Thresholds(large_ratio, large_min), lang=config.lang)
    from checker.loaders import LoadOptions

    def fetch() -> _Fetched:  # URLs downloaded (as `gov-check check URL`)
        return _fetch(reports, LoadOptions(**config.limits).max_bytes, allow_private, save_source, fetch_timeout)

    if previous_dir is not None:
        _compare_batch(engine, options, fetch(), previous_dir, output_dir or "", fmt or "html", names, jobs)
        return
    if fmt is None:
        fmt = COMPARE_FORMATS.get(os.path.splitext(output)[1].lower(), "html") if output else "markdown"
    if fmt == "docx" and not output:
        fail("Word 文档需要用 -o 指定文件（如 -o 比对.docx）")
    if output and any(os.path.exists(r) and os.path.exists(output) and os.path.samefile(output, r) for r in reports):
        fail(f"{output}: 输出文件就是被比较的报告，拒绝覆盖")
    fetched = fetch()
    if fetched.failed:
        fetched.done()
        fail("；".join(f"{'上一年度报告' if url == reports[0] else '本年度报告'}：{url}: {why}" for url, why in fetched.failed))
    try:
        comparison, problems = _compare_pair(engine, options, fetched.reports, reports, names, force)
    finally:
        fetched.done()
    if problems and not force:
        fail("; ".join(problems) + ". Add --force to compare them anyway" if options.lang == "en" else
             "；".join(problems) + "。确属要比较的两份报告时请加 --force")
    from checker.output.compare import render_comparison

    _emit(output, render_comparison(comparison, fmt))
    sys.exit(EXIT_OK)


def _compare_pair(engine: Any, options: Any, paths: tuple[str, ...], given: tuple[str, ...], names: Any,
                  force: bool) -> tuple[Any, list[str]]:
    """Load and check both reports (``paths``: the files read, a URL's local copy; ``given``: the
    arguments as the user gave them, shown as the reports' names) and compare them; (None, problems)
    when they are not a pair and ``force`` is not set.  A file that cannot be read ends the command
    (exit 2)."""
    from checker.compare import check_pair
    from checker.compare.batch import compare_loaded, read
    from checker.loaders import LoadOptions
    from checker.model import Report

    loaders = engine.host.loaders
    load_options = LoadOptions(template=engine.host.template_extensions, **engine.config.limits)
    last, this = read(paths[0], loaders, load_options), read(paths[1], loaders, load_options)
    for which, item, name in (("上一年度报告", last, given[0]), ("本年度报告", this, given[1])):
        if item.error:
            fail(f"{which}：{item.error}" if name == item.file else f"{which}：{name}（{item.file}）：{item.error}")
        item.file = name  # a URL is named as given, not by its downloaded copy
    problems = check_pair(Report(last.document), Report(this.document), names, options.lang)
    if problems and not force:
        return None, problems
    return compare_loaded(engine, options, last, this, problems), problems




def _compare_batch(engine: Any, options: Any, fetched: _Fetched, previous_dir: str,
                   output_dir: str, fmt: str, names: Any, jobs: int | None) -> None:
    """Every unit of REPORTS (``fetched``: as :func:`_fetch` returns them, URLs downloaded) with its
    report in PREVIOUS_DIR: one comparison each, then the index."""
    from pathlib import Path

    from checker.compare.batch import run_batch
    from checker.output import write_atomic
    from checker.output.compare import render_index
    from checker.run import discover, report_suffixes

    suffixes = report_suffixes(engine.host.loaders)
    reports, not_fetched = fetched.reports, fetched.failed
    this_found, last_found = discover(list(reports), suffixes), discover([previous_dir], suffixes)
    out = Path(output_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"{output_dir}: 无法创建文件夹：{exc.strerror or exc}")
    try:
        index = run_batch(engine, options, this_found.files, last_found.files, out, fmt, names, jobs)
    finally:
        fetched.done()
    index["unreadable"] += [f"{a}: {why}" for a, why in this_found.problems + last_found.problems + not_fetched]
    for note in index["notes"]:
        _err(f"gov-check: {note}")
    try:
        write_atomic(out / "index.html", render_index(index, "html"))
        write_atomic(out / "index.json", render_index(index, "json"))
    except OSError as exc:
        fail(f"{output_dir}: 无法写入索引：{exc.strerror or exc}")
    click.echo(f"gov-check: 已比较 {len(index['pairs'])} 对报告，写入 {out}（index.html）；"
               f"本年无上年报告 {len(index['without_last_year'])} 份，上年无本年报告 {len(index['without_this_year'])} 份",
               err=True)
    for line in index["unreadable"]:
        _err(f"gov-check: 无法读取：{line}")
    sys.exit(EXIT_ERROR if index["unreadable"] else EXIT_OK)


def run() -> None:
    """Entry point: no traceback ever reaches the user (GOV_CHECK_DEBUG=1 shows it)."""
    import gc

    # Start-up makes some 20,000 objects the cyclic collector tracks (modules, classes, functions)
    # and frees almost none: at its default pace (a pass every 700 new objects, the older passes over
    # all of them) it spends about 5% of a single check finding nothing.  It still runs, less often.
    gc.set_threshold(100_000, 50, 100)
    try:
        # Not standalone: click would turn Ctrl-C into "Aborted!" and exit 1, the code of "errors found".
        code = main(standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _err("gov-check: 已中断")
        sys.exit(130)
    except click.ClickException as exc:  # a usage error: click's own message and exit code
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit as exc:
        if not isinstance(exc.code, int):
            raise
        code = exc.code
    except BrokenPipeError:  # `gov-check … | head`: the reader left; say nothing more (as click does)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so that the interpreter's final flush is quiet
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("GOV_CHECK_DEBUG"):
            raise
        _err(f"gov-check: 内部错误：{type(exc).__name__}: {exc}（设置 GOV_CHECK_DEBUG=1 查看详情）")
        sys.exit(EXIT_ERROR)
    _finish(code if isinstance(code, int) else EXIT_OK)


def _finish(code: int) -> None:
    """End the process once everything is written.  Nothing is left to do then, so the interpreter's
    teardown (freeing every module and object one by one: about 40 ms after a check, a sixth of a
    single check) is skipped, as mypy does.  GOV_CHECK_FULL_EXIT=1 keeps it, for tools that save
    their data at exit (coverage.py)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken stream: let the interpreter deal with it
        sys.exit(code)
    if os.environ.get("GOV_CHECK_FULL_EXIT"):
        sys.exit(code)
    os._exit(code)
