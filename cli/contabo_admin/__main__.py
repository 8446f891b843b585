"""``python -m cli.contabo_admin (--stack NAME | --local) COMMAND ...``; exit 0 ok, 1 failed,
2 usage."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, urlencode

from cli.contabo_admin import api_commands, commands
from cli.contabo_admin.target import CliError, Target, deployed, local
from local.stack.jobs import job_names
from local.stack.template import REPO_ROOT


def main(
    argv: list[str] | None = None, out: TextIO | None = None, notes: TextIO | None = None
) -> int:
    out = out or sys.stdout
    notes = notes or sys.stderr
    options = _parser().parse_args(argv)
    try:
        target = _target(options)
        return _run(options, target, out, notes)
    except CliError as error:
        notes.write(f"contabo-admin: {error}\n")
        return 1


def _run(options: argparse.Namespace, target: Target, out: TextIO, notes: TextIO) -> int:
    as_json = options.json
    match options.command, getattr(options, "subcommand", None):
        case "run-job", _:
            return commands.run_job(target, options.job, as_json, out, notes)
        case "service", _:
            return commands.show_service(target, options.service_id, options.audit, as_json, out)
        case "audit", _:
            query = commands.AuditQuery(
                service_id=options.service,
                action=options.action,
                request_id=options.request_id,
                since=commands.parse_moment(options.since) if options.since else None,
                until=commands.parse_moment(options.until) if options.until else None,
                limit=options.limit,
            )
            return commands.search_audit(target, query, options.csv, out, notes)
        case "contabo", _:
            return commands.test_contabo(target, out)
        case "keys", "list":
            return commands.list_keys(target, out)
        case "keys", "rotate":
            return commands.rotate_keys(target, out)
        case "keys", "retire":
            return commands.retire_key(target, options.key_id, out)
        case "api", _:
            return api_commands.api(
                target,
                options.method,
                options.path,
                options.data,
                options.idempotency_key,
                as_json,
                out,
                notes,
            )
        case "guardrails", "show":
            return api_commands.guardrails_show(target, options.product, as_json, out, notes)
        case "guardrails", "set":
            return api_commands.guardrails_set(
                target, options.product, options.settings, as_json, out, notes
            )
    method, path, body = _route(options)
    answer = api_commands.call(target, method, path, body)
    return api_commands.show(answer, f"{method} {path.split('?')[0]}", as_json, out, notes)


def _route(options: argparse.Namespace) -> tuple[str, str, Any]:
    """The admin route a command stands for: (method, path with query, body)."""
    match options.command, getattr(options, "subcommand", None):
        case "schedules", _:
            return "GET", "/admin/schedules", None
        case "pricing", "show":
            return "GET", "/admin/pricing", None
        case "pricing", "set":
            return "PUT", "/admin/pricing", api_commands.parse_data(options.data)
        case "pricing", "export":
            return "GET", "/admin/pricing/export" + _query(currency=options.currency), None
        case "import", "candidates":
            query = _query(ip=options.ip, service_id=options.service)
            return "GET", "/admin/import/candidates" + query, None
        case "import", "link":
            body = {
                "service_id": options.service_id,
                "client_id": options.client_id,
                "instance_id": options.instance_id,
            }
            return "POST", "/admin/import", body
        case "jobs", "list":
            return "GET", "/admin/jobs" + _query(status=options.status, limit=options.limit), None
        case "jobs", action:
            return "POST", f"/admin/jobs/{quote(options.job_id, safe='')}/{action}", None
        case "reports", _:
            return "GET", "/admin/reports/drift", None
    raise CliError(f"unknown command {options.command}")


def _query(**values: Any) -> str:
    given = {name: value for name, value in values.items() if value is not None}
    return "?" + urlencode(given) if given else ""


def _target(options: argparse.Namespace) -> Target:
    if options.local:
        return local(options.state_dir)
    return deployed(options.stack, options.region, options.profile)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contabo-admin",
        description="Operate the reseller backend: jobs, services, audit log, keys, and every "
        "admin API route (guardrails, pricing, import, the action queue, reports).",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--stack", help="a deployed stack's name (AWS credentials as for sam)")
    where.add_argument("--local", action="store_true", help="the stack `make dev` runs")
    parser.add_argument("--region", help="the deployed stack's region (default: AWS config)")
    parser.add_argument("--profile", help="the AWS profile to use (default: AWS config)")
    parser.add_argument(
        "--state-dir",
        type=Path,
        default=Path(os.environ.get("LOCAL_STATE_DIR", REPO_ROOT / ".local")),
        help="where `make dev` wrote stack.json (default .local/, or LOCAL_STATE_DIR)",
    )
    parser.add_argument("--json", action="store_true", help="JSON for scripts, not for people")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(group: Any, name: str, help_text: str) -> argparse.ArgumentParser:
        # --json also after the command, where people type it.
        made: argparse.ArgumentParser = group.add_parser(name, help=help_text)
        made.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON")
        return made

    def group(name: str, help_text: str) -> Any:
        return command(sub, name, help_text).add_subparsers(dest="subcommand", required=True)

    job = command(sub, "run-job", "run a scheduled job now and print its result")
    job.add_argument("job", help=f"one of: {', '.join(sorted(job_names()))}")

    show = command(group("service", "a service"), "show", "its row, then its last audit rows")
    show.add_argument("service_id", help="the WHMCS service id")
    show.add_argument("--audit", type=int, default=20, help="audit rows to show (default 20)")

    search = command(
        group("audit", "the audit log: lifecycle actions and Contabo calls"),
        "search",
        "search by service, action, request id, time",
    )
    search.add_argument("--service", help="a WHMCS service id")
    search.add_argument("--action", help="e.g. create, suspend, createInstance")
    search.add_argument("--request-id", help="a request id, an action's trace id")
    search.add_argument("--since", help="ISO date/time (UTC) or 30m, 24h, 7d ago")
    search.add_argument("--until", help="ISO date/time (UTC) or 30m, 24h, 7d ago")
    search.add_argument("--limit", type=int, default=200, help="newest rows shown (200)")
    search.add_argument("--csv", action="store_true", help="CSV with a header row")

    command(group("contabo", "the Contabo connection"), "test", "WHMCS's TestConnection, signed")

    keys = group("keys", "the WHMCS request-signing keys")
    command(keys, "list", "the key ids (never the secrets)")
    command(keys, "rotate", "add a new key; prints its secret once")
    command(keys, "retire", "remove a key").add_argument("key_id")

    call = command(sub, "api", "any admin API call, signed: api GET /admin/jobs")
    call.add_argument("method", type=str.upper, choices=api_commands.METHODS)
    call.add_argument("path", help="e.g. /admin/jobs?status=parked")
    call.add_argument("--data", help="the JSON body, or @file.json")
    call.add_argument("--idempotency-key", help="reuse one to make a retried call safe")

    guardrails = group("guardrails", "a WHMCS product's guardrails")
    command(guardrails, "show", "the product's guardrails").add_argument("product")
    change = command(guardrails, "set", "change some: set 12 allow_rescue=false max_snapshots=2")
    change.add_argument("product", help="the WHMCS product id")
    change.add_argument("settings", nargs="+", metavar="name=value")

    pricing = group("pricing", "costs and margin rules")
    command(pricing, "show", "the pricing configuration")
    command(pricing, "set", "replace it: --data @pricing.json").add_argument(
        "--data", required=True, help="the JSON body, or @file.json"
    )
    command(pricing, "export", "WHMCS prices for every product").add_argument("--currency")

    linking = group("import", "link existing Contabo instances to WHMCS services")
    candidates = command(linking, "candidates", "instances not linked yet")
    candidates.add_argument("--ip")
    candidates.add_argument("--service", help="a WHMCS service id")
    link = command(linking, "link", "link one instance to a WHMCS service")
    for name in ("service_id", "client_id", "instance_id"):
        link.add_argument(name)

    jobs = group("jobs", "the action queue")
    listing = command(jobs, "list", "queued, parked and finished jobs")
    listing.add_argument("--status", help="e.g. parked, queued")
    listing.add_argument("--limit", type=int)
    for action, text in (("retry", "run again now"), ("skip", "give up"), ("done", "mark done")):
        command(jobs, action, text).add_argument("job_id")

    command(sub, "schedules", "every scheduled job's last run")
    command(group("reports", "reports"), "drift", "the last status sync's drift and orphans")
    return parser


if __name__ == "__main__":
    sys.exit(main())
