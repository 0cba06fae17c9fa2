#!/usr/bin/env bash
# Measures search on a generated site in Debian's Chromium: WatchList's sharded index beside Pagefind 1.6.0
# run on the same built site. For each query: the bytes transferred (gzip, as GitHub Pages serves) and the
# time to the first results, on loopback and on a throttled link (9 Mbit/s, 165 ms round trips). Also the
# size of the search output and the largest file of the site. Writes bench/search/results.md.
#
#   bench/search.sh [COMMENTARIES]      default 10,000 (the corpus of bench/run.sh, seed 20190426)
#
# RUNS (default 3) cold runs per query, engine and link; the median is quoted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
count=${1:-10000}
runs=${RUNS:-3}
seed=${SEED:-20190426}
out=$root/bench/out
work=$out/search-c$count
mkdir -p "$work"

if ! command -v chromium >/dev/null 2>&1; then
  echo "bench: Chromium is missing; ./test.sh installs it" >&2
  exit 1
fi

echo "bench: publishing watchlist (Release) and the corpus generator"
dotnet publish src/WatchList -c Release -o "$out/watchlist" --nologo -v quiet >/dev/null
dotnet publish bench/WatchList.Bench.Corpus -c Release -o "$out/corpus-tool" --nologo -v quiet >/dev/null
(cd bench/search && npm ci --no-audit --no-fund --silent)

input=$out/c$count/input
if [ ! -d "$input" ]; then
  echo "bench: generating $count commentaries"
  "$out/corpus-tool/watchlist-bench-corpus" generate --out "$input" --commentaries "$count" --terms 200 --actors 40 --seed "$seed" >/dev/null
fi

site=$work/site
echo "bench: building the site under /watchlist/"
rm -rf "$site"
"$out/watchlist/watchlist" build --input "$input" --output "$site" --theme "$root/theme" --base-url http://127.0.0.1/watchlist/ >/dev/null

search_bytes=$(du -sb "$site/search-index" | cut -f1)
search_files=$(find "$site/search-index" -type f | wc -l)
script_bytes=$(stat -c %s "$site/assets/search.js")
page_bytes=$(stat -c %s "$site/search/index.html")
site_bytes=$(du -sb "$site" | cut -f1)
largest=$(find "$site" -type f -printf '%s %P\n' | sort -n | tail -1)
largest_search=$(find "$site/search-index" -type f -printf '%s %P\n' | sort -n | tail -1)

echo "bench: indexing the same site with Pagefind 1.6.0"
(cd bench/search && npx --no-install pagefind --site "$site" >"$work/pagefind.log")
pagefind_bytes=$(du -sb "$site/pagefind" | cut -f1)
mkdir -p "$site/pagefind-bench"
cp bench/search/pagefind-bench.html "$site/pagefind-bench/index.html"

echo "bench: measuring in Chromium, $runs cold runs per query"
node bench/search/measure.mjs --site "$site" --base /watchlist/ --runs "$runs" --out "$work/measures.json" --table "$work/table.md"

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1000000 }'; }
{
  echo "Search on $count generated commentaries (200 terms, 40 actors, seed $seed); $(nproc) cores; Chromium $(chromium --version 2>/dev/null | awk '{ print $2 }'); $(date -u +%Y-%m-%d)."
  echo "Each query is run cold (a new browser context, cache off), $runs times per engine and link; medians are quoted."
  echo "Transferred: bytes on the wire (gzip where a GitHub Pages-like server compresses: HTML, CSS, JavaScript, JSON)"
  echo "for the search itself (scripts, index files, records, the result pages fetched for excerpts); the search page's"
  echo "own HTML and style sheet are not counted. First results: from navigation to the first result on screen."
  echo "Throttled: Chromium's network emulation, 9 Mbit/s down and up, 165 ms round trips. Pagefind: its JS API on"
  echo "the same built site (bench/search/pagefind-bench.html, on the page's thread so its requests are seen and"
  echo "throttled), ten results with their excerpts, as WatchList shows."
  echo
  cat "$work/table.md"
  echo
  echo "| size | WatchList | Pagefind |"
  echo "| --- | ---: | ---: |"
  echo "| search output on disk | $(mb "$search_bytes") in $search_files files (index, filters, records) + search.js $(kb "$script_bytes") | $(mb "$pagefind_bytes") |"
  echo "| largest search file | $(kb "${largest_search%% *}") (${largest_search#* }) | |"
  echo "| the whole site (before Pagefind) | $(mb "$site_bytes"); largest file $(kb "${largest%% *}") (${largest#* }) | |"
  echo "| the search page's HTML (not counted above) | $(kb "$page_bytes") | |"
} >"$root/bench/search/results.md"
cat "$root/bench/search/results.md"
