# Sourced by bench/run.sh and bench/profile.sh, with $root set to the repository: how the benchmarks get rid of
# the sites they write without making a later timed build pay for it.
#
# On a file system that skips recently freed inodes when it creates files (ext4 without a journal, as on the
# machine the numbers in bench/README.md come from), a build that creates files within 6 minutes of a mass
# deletion reads the inode table block of every skipped inode: the kernel holds a freed inode back for 60 s, and
# for 300 s more while its inode table block is not written back (RECENTCY_MIN and RECENTCY_DIRTY in ext4's
# ialloc.c). So a build's output is moved aside (a rename) rather than deleted, everything moved aside is deleted
# at the end, and timing starts no sooner than 6 minutes after the last deletion that either script made, or a
# publish that replaced files of its own.

discarded=$root/bench/out/discarded
deleted_at=$root/bench/out/deleted-at
mkdir -p "$discarded"

# Moves folders out of the way (a rename) instead of deleting them.
discard() {
  local folder
  for folder in "$@"; do
    [ -e "$folder" ] && mv "$folder" "$(mktemp -d "$discarded/XXXXXX")/"
  done
  return 0
}

# Notes a deletion, or anything that freed many inodes: the next settle waits from now.
note_deletion() { date +%s >"$deleted_at"; }

# Deletes what was moved aside (by this run, or by one that did not finish) and notes it.
delete_discarded() {
  if [ -n "$(ls -A "$discarded")" ]; then
    rm -rf "$discarded"
    mkdir -p "$discarded"
    note_deletion
  fi
}

# Waits until 6 minutes have passed since the last deletion noted.
settle() {
  [ -f "$deleted_at" ] || return 0
  local wait_s=$((360 - ($(date +%s) - $(cat "$deleted_at"))))
  if ((wait_s > 0)); then
    echo "bench: waiting ${wait_s} s for the file system to forget the files deleted last"
    sleep "$wait_s"
  fi
}
