#!/usr/bin/env bash
# The test command: installs the system packages the tests need when they are missing, then runs the whole suite.
#
#   ./test.sh [dotnet test options]        e.g. ./test.sh --filter "FullyQualifiedName~Prompt"
#
# It then packs the library packages and tests the samples/ consumer against them (see test_samples).
# It exits with failure when either `dotnet test` fails. Packages are installed with apt-get (through sudo when not root);
# when that is impossible it says so loudly and still runs the tests. Services that a package provides are started
# by the tests' own fixtures, not here. MMLU_APT_SIMULATE=1 makes the install step a dry run (apt-get --simulate).
set -uo pipefail

# The Debian packages the tests need, all on this line.
system_packages=(chromium slurm-wlm munge)

# Prints those of the given packages that are not installed (without dpkg: those with no command of that name).
missing_packages() {
  local package
  for package in "$@"; do
    if command -v dpkg-query >/dev/null; then
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
    else
      command -v "$package" >/dev/null || echo "$package"
    fi
  done
}

# Runs a command as root: directly when root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

# Prints its arguments as a framed block on stderr, one line each, so that it is not lost in the build output.
shout() {
  local line
  echo "################################################################################" >&2
  for line in "$@"; do
    echo "# test.sh: $line" >&2
  done
  echo "################################################################################" >&2
}

# Installs those of the given packages that are missing, retrying apt-get as a mirror can fail for a moment.
# Returns non-zero, after saying why, when it cannot.
install_missing() {
  local missing attempt
  mapfile -t missing < <(missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  local after="The tests that need them will fail until they are installed."
  if ! command -v apt-get >/dev/null; then
    shout "CANNOT INSTALL ${missing[*]}: there is no apt-get on this machine." \
      "Install them (or your system's equivalents) yourself." "$after"
    return 1
  fi
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    shout "CANNOT INSTALL ${missing[*]}: not running as root and there is no sudo." \
      "As root, run: apt-get install ${missing[*]}" "$after"
    return 1
  fi

  local flags=(-y -qq) doing="installing"
  if [ -n "${MMLU_APT_SIMULATE:-}" ]; then
    flags=(--simulate) doing="simulating the install of"
  fi
  echo "test.sh: $doing ${missing[*]}, which the tests need$([ "$(id -u)" -ne 0 ] && echo ', with sudo')" >&2
  for attempt in 1 2 3; do
    if as_root apt-get update -qq >&2 &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install "${flags[@]}" "${missing[@]}" >&2; then
      return 0
    fi
    echo "test.sh: $doing ${missing[*]} failed (attempt $attempt of 3)" >&2
    if [ "$attempt" -lt 3 ]; then
      sleep 10
    fi
  done

  shout "COULD NOT INSTALL ${missing[*]}: apt-get failed 3 times (its messages are above)." "$after"
  return 1
}

# The samples/ consumer: packs the library packages into artifacts/packages, then builds and tests samples/ against
# them as a user would (samples/nuget.config). Their test results join the suite's (same dotnet test options).
test_samples() {
  local project
  rm -rf artifacts/packages artifacts/samples-packages/mmlusharp*
  for project in MmluSharp MmluSharp.OpenAI MmluSharp.LlamaCpp; do
    dotnet pack "src/$project" -c Release -o artifacts/packages -v quiet -nologo || return 1
  done
  dotnet restore samples/EvaluateChatClient.Tests --force -v quiet || return 1
  dotnet test samples/EvaluateChatClient.Tests --no-restore "$@"
}

# Sourced (e.g. to try install_missing on its own), define the functions only.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  return 0
fi

cd "$(dirname "$0")" || exit 1
install_missing "${system_packages[@]}"
if ! command -v dotnet >/dev/null; then
  shout "CANNOT RUN THE TESTS: there is no dotnet on the PATH. Install the .NET 10 SDK."
  exit 127
fi
dotnet test MmluSharp.slnx "$@"
suite=$?
test_samples "$@"
samples=$?
[ "$suite" -eq 0 ] && [ "$samples" -eq 0 ]
