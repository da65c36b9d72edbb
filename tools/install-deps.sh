#!/usr/bin/env bash
# Installs vnie's build and test dependencies from Debian 12 packages.
# Idempotent: packages already present are left alone. Needs root for apt-get;
# run as another user, it prints the command to run instead.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libicu-dev libre2-dev libboost-program-options-dev
  nlohmann-json3-dev libtomlplusplus-dev catch2
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "vnie: missing packages: ${missing[*]}" >&2
  echo "run as root: apt-get update && $cmd" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd
