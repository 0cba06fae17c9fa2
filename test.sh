#!/usr/bin/env bash
# Installs what the tests need when it is missing, then runs the whole test suite.
# Safe to run again: each step is skipped when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The browser tests drive Debian's Chromium: test tools cannot download a browser of their own here.
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Chromium"
  apt_install chromium fonts-dejavu-core
fi

# The W3C Nu HTML Checker runs on Java.
if ! command -v java >/dev/null 2>&1; then
  echo "test.sh: installing a Java runtime"
  apt_install default-jre-headless
fi

# The validators (Nu HTML Checker, axe-core) and the reference reader (Citation.js) come from npm,
# pinned in tests/tools/package.json.
if [ ! -f tests/tools/node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -f tests/tools/node_modules/axe-core/axe.min.js ] \
  || [ ! -d tests/tools/node_modules/@citation-js/plugin-ris ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing Node.js and npm"
    apt_install nodejs npm
  fi
  echo "test.sh: installing the validators"
  npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts >/dev/null
fi

# Formatting as .editorconfig says: a change that breaks it fails here, before the tests run.
echo "test.sh: checking formatting (dotnet format --verify-no-changes)"
dotnet format Site.sln --verify-no-changes

dotnet test Site.sln --nologo "$@"
