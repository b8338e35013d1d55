"""The `gov-check` command line (click).  Thin: it parses options, calls load → engine → output,
and maps the outcome to an exit code.  Heavy modules are imported inside the commands."""

from __future__ import annotations

import os
import sys

import click

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS_HELP = "text（默认，终端）, json（结果契约）, html（审阅页面）, markdown（摘要）, sarif, junit"


class DefaultGroup(click.Group):
    """`gov-check REPORT…` means `gov-check check REPORT…`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def fail(message: str) -> None:
    """One clear line on stderr and exit 2: the check could not be done."""
    click.echo(f"gov-check: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gov-check", prog_name="gov-check")
def main() -> None:
    """gov-check：政府信息公开工作年度报告合规检查。

    \b
    gov-check REPORT…            检查报告（与 gov-check check 相同）
    gov-check rules              列出全部规则
    gov-check explain GC204      查看一条规则的说明
    gov-check schema [report]    输出报告文档的 JSON Schema
    gov-check convert FILE -o report.json  把 Word/网页/PDF/文本报告转换为报告文档

    退出码：0 未发现达到失败级别的问题；1 发现问题；2 无法检查（文件无法读取、格式错误、选项错误）。
    """


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "-f", "fmt", default="text", show_default=True, help=f"输出格式：{FORMATS_HELP}")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="写入文件（原子写入）")
@click.option("--select", multiple=True, help="只运行这些规则（代码、代码前缀或规则名，逗号分隔）")
@click.option("--ignore", multiple=True, help="不运行这些规则（同上）")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="达到该级别的问题使退出码为 1")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="输出语言")
@click.option("--previous", type=click.Path(path_type=str), help="上一年度的报告（用于 GC7xx 跨年度核对）")
@click.option("--organ-kind", type=click.Choice(["province_government", "city_government", "county_government",
                                                 "township_government", "subdistrict_office", "department",
                                                 "authorised_organisation"]),
              help="机关类别（覆盖报告中的或按名称推断的类别）")
@click.option("-q", "--quiet", is_flag=True, help="只显示错误")
@click.option("-v", "--verbose", is_flag=True, help="同时显示已豁免的问题和每条规则的结论")
@click.option("--statistics", is_flag=True, help="按规则统计问题数")
@click.option("--color/--no-color", default=None, help="是否使用颜色（默认：终端时使用）")
def check(reports: tuple[str, ...], fmt: str, output: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str, lang: str, previous: str | None, organ_kind: str | None, quiet: bool, verbose: bool,
          statistics: bool, color: bool | None) -> None:
    """检查一份或多份年度报告。"""
    from checker.config import Config
    from checker.engine import ConfigError, Engine
    from checker.findings import Severity
    from checker.loaders import LoadError, LoadOptions, load
    from checker.output import RenderContext, write_atomic
    from checker.run import check_files

    if output and any(os.path.exists(r) and os.path.samefile(output, r) for r in reports if os.path.exists(output)):
        fail(f"{output}: 输出文件就是被检查的报告，拒绝覆盖")
    config = Config(select=_split(select), ignore=_split(ignore), fail_on=fail_on, lang=lang)
    engine = Engine(config=config)
    for problem in engine.host.problems:
        click.echo(f"gov-check: {problem}", err=True)
    formats = engine.host.formats
    if fmt not in formats:
        fail(f"未知的输出格式「{fmt}」；可用：{', '.join(formats)}")
    try:
        rules = engine.rules
    except ConfigError as exc:
        fail(str(exc))
    if not rules:
        fail("没有选中任何规则（检查 --select / --ignore）")
    options = LoadOptions(organ_kind=organ_kind)
    previous_doc = None
    if previous:
        try:
            previous_doc = load(previous, engine.host.loaders, options).document
        except LoadError as exc:
            fail(f"上一年度报告：{exc}")
    results = check_files(engine, reports, options, previous_doc)
    if color is None:
        color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    ctx = RenderContext(rules=engine.rule_classes(), lang=lang, verbose=verbose, quiet=quiet, statistics=statistics,
                        color=color, encoding=None if output else getattr(sys.stdout, "encoding", None))
    text = formats[fmt].render(results, ctx)
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            fail(f"{output}: 无法写入：{exc.strerror or exc}")
    else:
        click.echo(text, nl=False)
    for r in results:
        if r.load_error:
            click.echo(f"gov-check: {r.load_error}", err=True)
    if any(r.load_error for r in results) or engine.host.problems:
        sys.exit(EXIT_ERROR)
    if fail_on != "never":
        level = Severity(fail_on).rank
        if any(f.severity.rank >= level and not f.waived for r in results for f in r.findings):
            sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


@main.command("rules")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_command(fmt: str, lang: str) -> None:
    """列出全部规则（代码、名称、严重程度、标题）。"""
    from checker.plugins import PluginHost

    registry = PluginHost().rules
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
def explain(code: str, lang: str) -> None:
    """显示一条规则的说明：检查什么、为什么、依据、错误与正确示例。"""
    from checker.docs import rule_markdown
    from checker.plugins import PluginHost

    registry = PluginHost().rules
    cls = registry.get(code.upper()) or next((c for c in registry.values() if c.name == code), None)
    if cls is None:
        fail(f"没有规则「{code}」；`gov-check rules` 列出全部规则")
    click.echo(rule_markdown(cls))


@main.command()
@click.argument("name", type=click.Choice(["report", "result"]), default="report")
def schema(name: str) -> None:
    """输出 JSON Schema：report（报告文档，默认）或 result（JSON 输出）。"""
    from importlib import resources

    click.echo(resources.files("schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8"), nl=False)


@main.command()
@click.argument("report", type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="写入该文件（原子写入）；省略则输出到标准输出")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@click.option("--organ-kind", type=click.Choice(["province_government", "city_government", "county_government",
                                                 "township_government", "subdistrict_office", "department",
                                                 "authorised_organisation"]),
              help="机关类别（覆盖按名称推断的类别）")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="提示语言")
def convert(report: str, output: str | None, force: bool, organ_kind: str | None, lang: str) -> None:
    """把 Word、网页、PDF、文本或其他工具的 JSON 报告转换为报告文档（JSON）。"""
    import json
    from pathlib import Path

    from checker.loaders import LoadError, LoadOptions, load
    from checker.messages import render
    from checker.output import write_atomic
    from checker.plugins import PluginHost

    if output and Path(output).exists() and not force:
        fail(f"{output}: 文件已存在；如需覆盖请加 --force")
    host = PluginHost()
    try:
        loaded = load(report, host.loaders, LoadOptions(organ_kind=organ_kind))
    except LoadError as exc:
        fail(str(exc))
    text = json.dumps(loaded.document, ensure_ascii=False, indent=2) + "\n"
    rules = host.rules
    for finding in loaded.findings:
        click.echo(f"{report}: {finding.code} {render(finding, rules, lang, loaded.document)}", err=True)
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            fail(f"{output}: 无法写入：{exc.strerror or exc}")
        click.echo(f"{report} → {output}（{loaded.format}）", err=True)
    else:
        click.echo(text, nl=False)


def run() -> None:
    """Entry point: no traceback ever reaches the user (GOV_CHECK_DEBUG=1 shows it)."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("gov-check: 已中断", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("GOV_CHECK_DEBUG"):
            raise
        click.echo(f"gov-check: 内部错误：{type(exc).__name__}: {exc}（设置 GOV_CHECK_DEBUG=1 查看详情）", err=True)
        sys.exit(EXIT_ERROR)
