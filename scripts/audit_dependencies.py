"""Dependency audit: pip-audit over the project's virtual environment, in CI (`make test`).

Fails (exit 1) when an installed package has a known vulnerability. When the vulnerability
service cannot be reached or cannot look the packages up (no network, a mirror without the
per-version JSON API), it says so loudly and exits 0: a CI run must not fail for want of network,
but nobody should read that as "no vulnerabilities". With --strict that case exits 2 instead.

Run: .venv/bin/python scripts/audit_dependencies.py [--strict] [--service pypi|osv]"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PIP_AUDIT = ROOT / ".venv" / "bin" / "pip-audit"
NETWORK_WORDS = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "Temporary failure in name",
                 "Network is unreachable", "timed out", "ConnectTimeout", "SSLError")


@dataclass
class Audit:
    """What one pip-audit run found."""

    audited: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # package → why it was not audited
    findings: list[str] = field(default_factory=list)  # "package version: ID (fix: versions)"
    unreachable: str = ""  # why the service could not be used at all

    @property
    def complete(self) -> bool:
        return not self.unreachable and not self.skipped


def classify(report: dict[str, Any]) -> Audit:
    """pip-audit's JSON report (`-f json`) → findings, audited and skipped packages."""
    audit = Audit()
    for dependency in report.get("dependencies", []):
        name = f"{dependency.get('name')} {dependency.get('version', '?')}"
        if "skip_reason" in dependency:
            audit.skipped[dependency.get("name", "?")] = dependency["skip_reason"]
            continue
        audit.audited.append(name)
        for vuln in dependency.get("vulns", []):
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            aliases = ", ".join(vuln.get("aliases", []))
            audit.findings.append(f"{name}: {vuln.get('id')}{f' ({aliases})' if aliases else ''}; fixed in {fixes}")
    if audit.skipped and not audit.audited:
        reasons = sorted(set(audit.skipped.values()))
        audit.unreachable = f"the service could look up none of the {len(audit.skipped)} packages ({reasons[0]})"
    return audit


def run_pip_audit(service: str) -> tuple[Audit, str]:
    command = [str(PIP_AUDIT) if PIP_AUDIT.exists() else "pip-audit", "--skip-editable", "--progress-spinner", "off",
               "-f", "json", "-s", service]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except FileNotFoundError:
        return Audit(unreachable="pip-audit is not installed (pip install -e '.[test]')"), " ".join(command)
    except subprocess.TimeoutExpired:
        return Audit(unreachable="pip-audit did not finish within 10 minutes"), " ".join(command)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        if any(word in done.stderr for word in NETWORK_WORDS):
            return Audit(unreachable=f"the {service} vulnerability service is unreachable: {last[:200]}"), " ".join(command)
        return Audit(unreachable=f"pip-audit failed (exit {done.returncode}): {last[:200]}"), " ".join(command)
    return classify(report), " ".join(command)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 2 when the audit could not run")
    parser.add_argument("--service", choices=("pypi", "osv"), action="append",
                        help="vulnerability service(s) to try in order (default: pypi, then osv)")
    args = parser.parse_args(argv)
    services = args.service or ["pypi", "osv"]
    attempts = []
    for service in services:
        audit, command = run_pip_audit(service)
        attempts.append((service, audit))
        if audit.findings or audit.audited:
            break
    service, audit = next(((s, a) for s, a in attempts if a.findings or a.audited), attempts[-1])
    print(f"dependency audit ({command.replace(f'-s {service}', '-s ' + '|'.join(t for t, _ in attempts))}):")
    if audit.findings:
        print(f"FAIL: {len(audit.findings)} known vulnerabilities:")
        for finding in audit.findings:
            print(f"  - {finding}")
        return 1
    if audit.unreachable or not audit.audited:
        print("WARNING: the dependency audit could NOT run, so vulnerabilities are NOT ruled out.", file=sys.stderr)
        for tried, result in attempts:
            print(f"  {tried}: {result.unreachable or 'no package audited'}", file=sys.stderr)
        print("  Run `make audit` where PyPI's JSON API or api.osv.dev can be reached.", file=sys.stderr)
        return 2 if args.strict else 0
    print(f"ok: {len(audit.audited)} packages audited with the {service} service, no known vulnerabilities")
    if audit.skipped:
        print(f"WARNING: {len(audit.skipped)} packages could not be audited: {', '.join(sorted(audit.skipped))}",
              file=sys.stderr)
        return 2 if args.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
