"""The dependency audit (scripts/audit_dependencies.py, run by `make test`): a known vulnerability
fails the build; an audit that could not look anything up is reported as such, never as a pass."""

from __future__ import annotations

from scripts.audit_dependencies import classify, main

VULNERABLE = {"dependencies": [
    {"name": "jinja2", "version": "3.1.2", "vulns": [
        {"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"], "aliases": ["CVE-2024-22195"]}]},
    {"name": "fastapi", "version": "0.165.0", "vulns": []}]}
CLEAN = {"dependencies": [{"name": "fastapi", "version": "0.165.0", "vulns": []}]}
UNREACHABLE = {"dependencies": [
    {"name": "fastapi", "skip_reason": "Dependency not found on PyPI and could not be audited: fastapi (0.165.0)"},
    {"name": "jinja2", "skip_reason": "Dependency not found on PyPI and could not be audited: jinja2 (3.1.6)"}]}


def test_a_known_vulnerability_is_a_finding_with_its_fix():
    audit = classify(VULNERABLE)
    assert audit.findings == ["jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (CVE-2024-22195); fixed in 3.1.3"]


def test_a_clean_report_is_complete():
    audit = classify(CLEAN)
    assert not audit.findings and audit.complete


def test_a_report_that_audited_nothing_is_not_a_pass():
    audit = classify(UNREACHABLE)
    assert not audit.findings and not audit.complete and "none of the 2 packages" in audit.unreachable


def test_the_command_fails_on_findings_and_warns_when_it_could_not_look(monkeypatch, capsys):
    import scripts.audit_dependencies as script

    monkeypatch.setattr(script, "run_pip_audit", lambda service: (classify(VULNERABLE), "pip-audit"))
    assert main([]) == 1 and "GHSA-h5c8-rqwp-cp95" in capsys.readouterr().out
    monkeypatch.setattr(script, "run_pip_audit", lambda service: (classify(UNREACHABLE), "pip-audit"))
    assert main([]) == 0 and "could NOT run" in capsys.readouterr().err
    assert main(["--strict"]) == 2
    monkeypatch.setattr(script, "run_pip_audit", lambda service: (classify(CLEAN), "pip-audit"))
    assert main([]) == 0 and "no known vulnerabilities" in capsys.readouterr().out
