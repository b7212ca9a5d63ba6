#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages: Debian's chromium (browser tests)
# and a running PostgreSQL (DB tests). Idempotent; quiet when everything is already there.
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# PostgreSQL: start the local cluster if it is not accepting connections.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$version" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 || echo "warning: PostgreSQL is not reachable; postgres tests will fail"

# axe-core (accessibility checks in tests/robustness): an npm package, kept out of the repository.
AXE_DIR=.cache/axe
if [ ! -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "installing axe-core into $AXE_DIR"
    npm install --no-save --no-audit --no-fund --silent --prefix "$AXE_DIR" axe-core@4 \
      || echo "warning: axe-core could not be installed; accessibility tests will fail"
  else
    echo "warning: npm is missing; accessibility tests need axe-core (npm install --prefix $AXE_DIR axe-core@4)"
  fi
fi
