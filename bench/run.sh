#!/usr/bin/env bash
# Times `watchlist build` (the published Release program) against Hugo building the same Markdown, on
# generated corpora and on the real site, and writes the results table to bench/results.md.
#
#   bench/run.sh            every size: 2, 1,000 and 10,000 commentaries, 10,000 with 2,000 terms, the real site
#   bench/run.sh --quick    the real site, 2 and 1,000 commentaries only
#   bench/run.sh --shapes   the real site, 2, 1,000 and 10,000 commentaries (no 2,000-term corpus): for a
#                           second corpus shape, with CORPUS_SHAPE set
#
# RUNS (default 5) timed runs per corpus and program, RUNS_LARGE (default 5) for 10,000 commentaries,
# RUNS_START (default 11) for the cold starts; SEED (default 20190426) for the corpora; CORPUS_SHAPE (default
# none: the generator's default shape) for the shape of a commentary, as the generator's options, such as
#   CORPUS_SHAPE="--paragraphs 6 --words 25-40 --mention-rate 0.9 --mentions 2" bench/run.sh
# Each run is a whole process under /usr/bin/time -v: wall time, user+sys CPU time, peak memory (max RSS).
# The two programs alternate run by run (and which goes first alternates too), so a noisy machine
# slows both alike; medians are quoted. The output of a run is moved aside before the next one and all of
# them are deleted at the end: on a file system that skips recently freed inodes when it creates files (ext4
# without a journal, as on the machine these numbers come from), deleting a site just before the next run
# makes that run pay for the deletion, and the more files it writes the more it pays. Corpora are generated
# again only when their size, seed or shape changed, for the same reason.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/out
runs=${RUNS:-5}
runs_large=${RUNS_LARGE:-5}
runs_start=${RUNS_START:-11}
seed=${SEED:-20190426}
# RESULTS: where the table is written (default bench/results.md).
results_file=${RESULTS:-$root/bench/results.md}
read -r -a shape <<<"${CORPUS_SHAPE:-}"
quick=""
large_glossary=1
[ "${1:-}" = "--quick" ] && quick=1
[ "${1:-}" = "--shapes" ] && large_glossary=""

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Hugo is Debian's package; installed when missing.
if ! command -v hugo >/dev/null 2>&1; then
  echo "bench: installing hugo"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hugo >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: installing time"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null
fi

mkdir -p "$out"
# Outputs moved aside and deleted at the end, and the wait before timing: bench/discard.sh. What an earlier run
# that did not finish left goes first.
source "$root/bench/discard.sh"
delete_discarded
echo "bench: publishing watchlist (Release, Native AOT)"
before=$(stat -c %Y "$out/watchlist/watchlist" 2>/dev/null || echo 0)
dotnet publish src/WatchList -c Release -o "$out/watchlist" --nologo -v quiet >/dev/null
# A publish that compiled anything replaced files of its own (obj/, bin/): it counts as a deletion.
[ "$(stat -c %Y "$out/watchlist/watchlist")" != "$before" ] && note_deletion
dotnet publish bench/WatchList.Bench.Corpus -c Release -o "$out/corpus-tool" --nologo -v quiet >/dev/null
dotnet publish bench/WatchList.Bench.Latency -c Release -o "$out/latency-tool" --nologo -v quiet >/dev/null
watchlist=$out/watchlist/watchlist
corpus=$out/corpus-tool/watchlist-bench-corpus

# name commentaries terms actors
sizes=("c2 2 200 40" "c1000 1000 200 40")
[ -z "$quick" ] && sizes+=("c10000 10000 200 40")
[ -z "$quick" ] && [ -n "$large_glossary" ] && sizes+=("c10000-g2000 10000 2000 40")

for size in "${sizes[@]}"; do
  read -r name n g a <<<"$size"
  stamp="$n $g $a $seed ${shape[*]}"
  if [ -f "$out/$name/corpus.txt" ] && [ "$(head -1 "$out/$name/corpus.txt")" = "$stamp" ] && [ -d "$out/$name/hugo" ]; then
    shape_line=$(tail -1 "$out/$name/corpus.txt")
    continue
  fi
  echo "bench: generating $name ($n commentaries, $g terms, $a actors)"
  discard "$out/$name"
  shape_line=$("$corpus" generate --out "$out/$name/input" --commentaries "$n" --terms "$g" --actors "$a" --seed "$seed" "${shape[@]}")
  "$corpus" hugo --from "$out/$name/input" --out "$out/$name/hugo" >/dev/null
  printf '%s\n%s\n' "$stamp" "$shape_line" >"$out/$name/corpus.txt"
done
# Hugo's side of the cold start: a two-page site, the real commentaries alone.
"$corpus" hugo --from input --out "$out/real/hugo" --commentaries-only >/dev/null

results=$out/times.tsv
: >"$results"

settle

# One timed run: label program command...; appends "label program wall_s cpu_s rss_kb user_s" to the results.
timed() {
  local label=$1 program=$2
  shift 2
  local report=$out/time.txt start end
  start=$EPOCHREALTIME
  if ! /usr/bin/time -v -o "$report" "$@" >"$out/last.log" 2>&1; then
    echo "bench: $program failed on $label:" >&2
    tail -20 "$out/last.log" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  awk -v label="$label" -v program="$program" -v start="$start" -v end="$end" '
    /User time \(seconds\)/ { user = $NF }
    /System time \(seconds\)/ { sys = $NF }
    /Maximum resident set size/ { rss = $NF }
    END { printf "%s\t%s\t%.4f\t%.2f\t%d\t%.2f\n", label, program, end - start, user + sys, rss, user }
  ' "$report" >>"$results"
}

# Runs both programs on one corpus: label runs watchlist-input watchlist-output hugo-source hugo-output.
compare() {
  local label=$1 count=$2 input=$3 site=$4 hugo_source=$5 hugo_site=$6
  local ours=("$watchlist" build --input "$input" --output "$site" --theme "$root/theme")
  local theirs=(hugo --source "$hugo_source" --destination "$hugo_site" --quiet)
  echo "bench: $label, $count runs each"
  # One untimed run of each first: files in the page cache, and a check that both builds succeed.
  discard "$site" "$hugo_site"
  timed warmup watchlist "${ours[@]}"
  timed warmup hugo "${theirs[@]}"
  for ((i = 1; i <= count; i++)); do
    discard "$site" "$hugo_site"
    if ((i % 2)); then
      timed "$label" watchlist "${ours[@]}"
      timed "$label" hugo "${theirs[@]}"
    else
      timed "$label" hugo "${theirs[@]}"
      timed "$label" watchlist "${ours[@]}"
    fi
  done
}

compare real "$runs_start" "$root/input" "$out/real/site" "$out/real/hugo" "$out/real/hugo-site"
for size in "${sizes[@]}"; do
  read -r name n _ _ <<<"$size"
  count=$runs
  [ "$n" -ge 10000 ] && count=$runs_large
  compare "$name" "$count" "$out/$name/input" "$out/$name/site" "$out/$name/hugo" "$out/$name/hugo-site"
done

# The preview's save-to-reload latency on the 1,000-commentary corpus: SAVES (default 21) saves, median quoted.
echo "bench: preview, save to reload, 1,000 commentaries"
latency=$("$out/latency-tool/watchlist-bench-latency" --watchlist "$watchlist" --input "$out/c1000/input" --theme "$root/theme" \
  --saves "${SAVES:-21}" | tail -1)
echo "$latency"

pages() { find "$1" -name '*.html' | wc -l; }

# Medians per corpus and program: label program wall_s cpu_s rss_mb runs user_s.
medians=$out/medians.tsv
awk -F'\t' '
  $1 != "warmup" { k = $1 "\t" $2; n[k]++; wall[k, n[k]] = $3; cpu[k, n[k]] = $4; rss[k, n[k]] = $5; usr[k, n[k]] = $6 }
  function median(values, count,   sorted, i, j, t) {
    for (i = 1; i <= count; i++) sorted[i] = values[i]
    for (i = 2; i <= count; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
    return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
  }
  END {
    for (k in n) {
      for (i = 1; i <= n[k]; i++) { w[i] = wall[k, i]; c[i] = cpu[k, i]; r[i] = rss[k, i]; u[i] = usr[k, i] }
      printf "%s\t%.4f\t%.3f\t%.1f\t%d\t%.3f\n", k, median(w, n[k]), median(c, n[k]), median(r, n[k]) / 1024, n[k], median(u, n[k])
    }
  }' "$results" | sort >"$medians"

# get label program column: 3 wall, 4 cpu, 5 peak memory, 7 user cpu
get() { awk -F'\t' -v l="$1" -v p="$2" -v c="$3" '$1 == l && $2 == p { print $c }' "$medians"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# Verdicts are judged on the ratio itself, not on the two decimals shown: 0.502 is shown as 0.50 but is over half.
exact() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a / b }'; }
seconds() { awk -v s="$1" 'BEGIN { printf (s < 1 ? "%.3f s" : "%.2f s"), s }'; }
verdict() { awk -v ok="$1" 'BEGIN { print (ok ? "met" : "**not met**") }'; }
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? 1 : 0 }'; }
# The verdict on a budget: ours / theirs at most the bound, on the exact ratio.
within() { verdict "$(at_most "$(exact "$1" "$2")" "$3")"; }

cpu_model=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
hugo_version=$(hugo version | awk '{ print $2 }')
dotnet_version=$(dotnet --version)

labels=(real)
for size in "${sizes[@]}"; do labels+=("${size%% *}"); done

{
  echo "Machine: $(nproc) cores ($cpu_model), $memory of memory; .NET SDK $dotnet_version, Hugo $hugo_version; $(date -u +%Y-%m-%d)."
  echo "Generated corpora: ${shape_line#*; }."
  echo "Hugo builds the same Markdown with minimal layouts (title, content, the actor taxonomy), the least it can do."
  echo "Medians of $runs runs ($runs_large for 10,000 commentaries, $runs_start for the real site), the two programs alternating."
  echo "Wall time, CPU time (user + sys) and peak memory (max RSS) of the whole process; ratios are WatchList / Hugo."
  echo
  echo "| corpus | HTML pages (ours / Hugo's) | WatchList wall | CPU | peak memory | Hugo wall | CPU | peak memory | wall ratio | memory ratio |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for label in "${labels[@]}"; do
    case $label in
      real) title="the real site vs Hugo's two-page site"; site=$out/real/site; hugo_site=$out/real/hugo-site ;;
      c2) title="2 commentaries, 200 terms, 40 actors" ;;
      c1000) title="1,000 commentaries, 200 terms, 40 actors" ;;
      c10000) title="10,000 commentaries, 200 terms, 40 actors" ;;
      c10000-g2000) title="10,000 commentaries, 2,000 terms, 40 actors" ;;
    esac
    [ "$label" != real ] && site=$out/$label/site && hugo_site=$out/$label/hugo-site
    printf '| %s | %s / %s | %s | %s | %s MB | %s | %s | %s MB | %s | %s |\n' "$title" "$(pages "$site")" "$(pages "$hugo_site")" \
      "$(seconds "$(get "$label" watchlist 3)")" "$(seconds "$(get "$label" watchlist 4)")" "$(get "$label" watchlist 5)" \
      "$(seconds "$(get "$label" hugo 3)")" "$(seconds "$(get "$label" hugo 4)")" "$(get "$label" hugo 5)" \
      "$(ratio "$(get "$label" watchlist 3)" "$(get "$label" hugo 3)")" "$(ratio "$(get "$label" watchlist 5)" "$(get "$label" hugo 5)")"
  done
  echo
  echo "| budget | measured | verdict |"
  echo "| --- | --- | --- |"
  for label in c10000 c1000; do
    [ -z "$(get "$label" watchlist 3)" ] && continue
    count=$([ "$label" = c10000 ] && echo "10,000" || echo "1,000")
    wall_ratio=$(ratio "$(get "$label" watchlist 3)" "$(get "$label" hugo 3)")
    memory_ratio=$(ratio "$(get "$label" watchlist 5)" "$(get "$label" hugo 5)")
    echo "| $count commentaries: wall time at most Hugo's | ${wall_ratio}× Hugo's | $(within "$(get "$label" watchlist 3)" "$(get "$label" hugo 3)" 1) |"
    echo "| $count commentaries: peak memory at most half of Hugo's | ${memory_ratio}× Hugo's | $(within "$(get "$label" watchlist 5)" "$(get "$label" hugo 5)" 0.5) |"
  done
  start_ratio=$(ratio "$(get real watchlist 3)" "$(get real hugo 3)")
  echo "| the real site's cold start at most 2× Hugo's two-page site | ${start_ratio}× ($(seconds "$(get real watchlist 3)") vs $(seconds "$(get real hugo 3)")) | $(within "$(get real watchlist 3)" "$(get real hugo 3)" 2) |"
  if [ -n "$(get c10000-g2000 watchlist 3)" ]; then
    glossary_ratio=$(ratio "$(get c10000-g2000 watchlist 3)" "$(get c10000 watchlist 3)")
    echo "| 2,000 terms within 10% of 200 terms (10,000 commentaries, wall) | ${glossary_ratio}× | $(within "$(get c10000-g2000 watchlist 3)" "$(get c10000 watchlist 3)" 1.10) |"
  fi
  if [ -n "$(get c10000 watchlist 4)" ]; then
    # CPU time per commentary beyond the fixed cost of the 2-commentary site, at 1,000 and at 10,000.
    per_1000=$(awk -v a="$(get c1000 watchlist 4)" -v b="$(get c2 watchlist 4)" 'BEGIN { printf "%.2f", (a - b) / 998 * 1000 }')
    per_10000=$(awk -v a="$(get c10000 watchlist 4)" -v b="$(get c2 watchlist 4)" 'BEGIN { printf "%.2f", (a - b) / 9998 * 1000 }')
    linear_ratio=$(ratio "$per_10000" "$per_1000")
    # The same in user time alone: the system time of writing 10,000 pages moves a lot from run to run.
    user_1000=$(awk -v a="$(get c1000 watchlist 7)" -v b="$(get c2 watchlist 7)" 'BEGIN { printf "%.2f", (a - b) / 998 * 1000 }')
    user_10000=$(awk -v a="$(get c10000 watchlist 7)" -v b="$(get c2 watchlist 7)" 'BEGIN { printf "%.2f", (a - b) / 9998 * 1000 }')
    echo "| cost linear in commentaries (CPU per commentary at 10,000 within 10% of that at 1,000) | ${per_10000} ms vs ${per_1000} ms: ${linear_ratio}× (user time alone: ${user_10000} ms vs ${user_1000} ms, $(ratio "$user_10000" "$user_1000")×) | $(within "$per_10000" "$per_1000" 1.10) |"
  fi
  median_ms=$(sed -E 's/.*median ([0-9]+) ms.*/\1/' <<<"$latency")
  echo "| preview: save to reload at most 100 ms (one commentary saved, 1,000 commentaries) | ${latency#save to reload: } | $(verdict "$(at_most "$median_ms" 100)") |"
} >"$results_file"

cat "$results_file"
delete_discarded
echo
echo "bench: every run is in $results; medians in $medians; the table is in $results_file"
