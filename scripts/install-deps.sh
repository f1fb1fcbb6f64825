#!/usr/bin/env bash
# Installs every build, test and benchmark dependency of hci by Debian package name.
# Idempotent: packages already present are skipped, so a second run does nothing.
# Usage: scripts/install-deps.sh   (as root, or with sudo available)
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build make pkg-config git clang-format
  # fuzzing: clang with libFuzzer and the sanitizer runtimes (scripts/fuzz.sh, the `fuzz` preset)
  clang-14 libclang-rt-14-dev
  # libraries
  libsqlite3-dev sqlite3 libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libcurl4-openssl-dev libssl-dev libboost-dev zlib1g-dev libeigen3-dev libxgboost-dev libpq-dev
  libxlsxwriter-dev
  # a throw-away PostgreSQL 15 + PostGIS 3 for the PostgreSQL tests (scripts/pg-test-server.sh)
  postgresql-15 postgresql-15-postgis-3
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3 python3-pandas time
  # real clients of the exports and the PostGIS views: GDAL's ogrinfo, openpyxl for the XLSX
  gdal-bin python3-openpyxl
  # benchmark baselines: SciPy for analytics, scikit-learn and Python XGBoost for the models
  python3-scipy python3-sklearn python3-xgboost
  # browser tests: Debian's Chromium, driven by playwright-core (web/package.json)
  chromium
  # HTTP benchmarks: wrk, nginx as the static ceiling, FastAPI + uvicorn as the Python baseline,
  # cpp-httplib for the library comparison (bench/http_choice)
  wrk nginx-light python3-fastapi python3-uvicorn python3-uvloop python3-httptools libcpp-httplib-dev
  # deployment tests: a real Prometheus (and promtool) scraping hci serve
  prometheus
)
# Node.js and npm fetch the front-end packages (swagger-ui-dist for /docs); a newer Node already on the
# machine is kept.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done

install_debian_packages() {
  if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    return
  fi
  local sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The front-end packages, exactly as web/package-lock.json pins them.
install_npm_packages() {
  local web
  web="$(cd "$(dirname "$0")/.." && pwd)/web"
  if [ -d "$web/node_modules" ] && [ "$web/node_modules/.package-lock.json" -nt "$web/package-lock.json" ]; then
    echo "install-deps: web/node_modules up to date"
    return
  fi
  echo "install-deps: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
}

install_debian_packages
install_npm_packages
