"""``python -m cli.contabo_admin (--stack NAME | --local) COMMAND ...``; exit 0 ok, 1 failed,
2 usage."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from cli.contabo_admin import commands
from cli.contabo_admin.target import CliError, Target, deployed, local
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
    match options.command:
        case "run-job":
            return commands.run_job(target, options.job, out)
        case "service":
            return commands.show_service(target, options.service_id, options.audit, out)
        case "audit":
            query = commands.AuditQuery(
                service_id=options.service,
                action=options.action,
                request_id=options.request_id,
                since=commands.parse_moment(options.since) if options.since else None,
                until=commands.parse_moment(options.until) if options.until else None,
                limit=options.limit,
            )
            return commands.search_audit(target, query, options.csv, out, notes)
        case "contabo":
            return commands.test_contabo(target, out)
        case "object-storage" if options.storage_command == "migrate":
            return commands.migrate_object_storage(target, options.service_id, out)
        case "object-storage":
            return commands.object_storage_pools(target, out)
        case "keys" if options.keys_command == "list":
            return commands.list_keys(target, out)
        case "keys" if options.keys_command == "rotate":
            return commands.rotate_keys(target, out)
        case "keys":
            return commands.retire_key(target, options.key_id, out)
    raise CliError(f"unknown command {options.command}")


def _target(options: argparse.Namespace) -> Target:
    if options.local:
        return local(options.state_dir)
    return deployed(options.stack, options.region, options.profile)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contabo-admin",
        description="Operate the Contabo reseller backend: jobs, services, audit log, keys.",
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
    sub = parser.add_subparsers(dest="command", required=True)

    job = sub.add_parser("run-job", help="run a scheduled job now and print its result")
    job.add_argument("job", help="e.g. provisioning-worker or ProvisioningWorkerFunction")

    service = sub.add_parser("service", help="a service's row and its latest audit rows")
    service_sub = service.add_subparsers(dest="service_command", required=True)
    show = service_sub.add_parser("show", help="show one service")
    show.add_argument("service_id", help="the WHMCS service id")
    show.add_argument("--audit", type=int, default=20, help="audit rows to show (default 20)")

    audit = sub.add_parser("audit", help="the audit log: lifecycle actions and Contabo calls")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    search = audit_sub.add_parser("search", help="search by service, action, request id, time")
    search.add_argument("--service", help="a WHMCS service id")
    search.add_argument("--action", help="e.g. create, suspend, createInstance")
    search.add_argument("--request-id", help="a request id, an action's trace id")
    search.add_argument("--since", help="ISO date/time (UTC) or 30m, 24h, 7d ago")
    search.add_argument("--until", help="ISO date/time (UTC) or 30m, 24h, 7d ago")
    search.add_argument("--limit", type=int, default=200, help="newest rows shown (200)")
    search.add_argument("--csv", action="store_true", help="CSV with a header row")

    contabo = sub.add_parser("contabo", help="the Contabo connection")
    contabo_sub = contabo.add_subparsers(dest="contabo_command", required=True)
    contabo_sub.add_parser("test", help="WHMCS's TestConnection through the signed API")

    keys = sub.add_parser("keys", help="the WHMCS request-signing keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    keys_sub.add_parser("list", help="the key ids (never the secrets)")
    keys_sub.add_parser("rotate", help="add a new key; prints its secret once")
    retire = keys_sub.add_parser("retire", help="remove a key")
    retire.add_argument("key_id")
    storage = sub.add_parser("object-storage", help="object storage pools and migration")
    storage_sub = storage.add_subparsers(dest="storage_command", required=True)
    storage_sub.add_parser("pools", help="size, quotas sold, used and headroom per region")
    migrate = storage_sub.add_parser(
        "migrate", help="move a first-design service to its own user, keys and bucket"
    )
    migrate.add_argument("service_id")
    return parser


if __name__ == "__main__":
    sys.exit(main())
