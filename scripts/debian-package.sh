#!/usr/bin/env bash
# Makes sure a program from a Debian package is there, for the Makefile.
#   scripts/debian-package.sh [--warn] PROGRAM PACKAGE
# Present: nothing to do. Missing and root with apt-get: installs the package. Otherwise prints the
# exact command to run and fails, or with --warn only warns (the tests that need it then fail and
# repeat the command), so the rest of the suite still runs.
set -euo pipefail

warn=0
if [[ ${1:-} == --warn ]]; then
  warn=1
  shift
fi
program=${1:?program}
package=${2:?Debian package}

if command -v "$program" >/dev/null 2>&1; then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "$program is missing: installing Debian's $package package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  command -v "$program" >/dev/null 2>&1 && exit 0
  echo "Installing $package did not provide $program." >&2
  exit 1
fi

command="sudo apt-get update && sudo apt-get install -y $package"
if [[ $warn -eq 1 ]]; then
  echo "WARNING: $program is missing, so the tests that need it will fail. Install it with: $command" >&2
  exit 0
fi
echo "$program is missing. Install it with: $command" >&2
exit 1
