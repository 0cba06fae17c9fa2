#!/usr/bin/env bash
# Where a build's time goes: samples the published program with perf (frame-pointer call stacks) while it
# builds one input folder, and prints the share of samples per stage of the build.
#
#   bench/profile.sh INPUT_DIR [RUNS]       e.g. bench/profile.sh bench/out/c1000/input 3
#
# The program is the one bench/run.sh publishes (bench/out/watchlist/watchlist). Each sample is given to the
# first stage found walking its stack from the innermost frame out (bench/profile-stages.py); the collector's
# work counts as GC wherever it happens. Kernel time is in the samples too, under the stage that made the call.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
input=${1:?usage: bench/profile.sh INPUT_DIR [RUNS]}
runs=${2:-3}
out=$root/bench/out/profile
watchlist=$root/bench/out/watchlist/watchlist

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v perf >/dev/null 2>&1; then
  echo "profile: installing perf"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends linux-perf >/dev/null
fi
if [ ! -x "$watchlist" ]; then
  echo "profile: publishing watchlist"
  dotnet publish src/WatchList -c Release -o "$root/bench/out/watchlist" --nologo -v quiet >/dev/null
fi

mkdir -p "$out"
: >"$out/stacks.txt"
# Each run writes a folder of its own, all deleted at the end: deleting a site just before a run makes that run's
# file creation pay for it on some file systems (bench/run.sh says more).
rm -rf "$out/site" "$out/sites"
mkdir -p "$out/sites"
for ((i = 1; i <= runs; i++)); do
  [ -e "$out/site" ] && mv "$out/site" "$(mktemp -d "$out/sites/XXXXXX")/"
  perf record -q -o "$out/perf.data" -F 1999 --call-graph fp -- \
    "$watchlist" build --input "$input" --output "$out/site" --theme "$root/theme" >/dev/null 2>&1
  perf script -i "$out/perf.data" -F comm,tid,ip,sym 2>/dev/null >>"$out/stacks.txt"
done
python3 "$root/bench/profile-stages.py" "$out/stacks.txt"
rm -rf "$out/site" "$out/sites"
