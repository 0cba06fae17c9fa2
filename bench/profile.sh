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
# Each run's site is moved aside and all are deleted at the end, and sampling waits out a recent deletion:
# bench/discard.sh says why.
source "$root/bench/discard.sh"
discard "$out/site"
settle
for ((i = 1; i <= runs; i++)); do
  discard "$out/site"
  perf record -q -o "$out/perf.data" -F 1999 --call-graph fp -- \
    "$watchlist" build --input "$input" --output "$out/site" --theme "$root/theme" >/dev/null 2>&1
  perf script -i "$out/perf.data" -F comm,tid,ip,sym 2>/dev/null >>"$out/stacks.txt"
done
python3 "$root/bench/profile-stages.py" "$out/stacks.txt"
discard "$out/site"
delete_discarded
