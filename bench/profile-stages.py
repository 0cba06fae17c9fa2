#!/usr/bin/env python3
"""Reads `perf script` output (stacks of symbol names) and prints the share of samples per stage of a build."""
import sys
from collections import Counter

# Checked in this order against each frame, from the innermost frame out; the first match names the stage.
STAGES = [
    ("templates", ("Fluid_", "Parlot_", "WatchList_Site_Templates", "RenderPage")),
    ("writing", ("WatchList_Site_Output_WriteFiles", "PooledUtf8Writer", "WriteFiles", "SiteWriter",
                 # the kernel's side, where the stack above it is lost: making folders and files, writing them
                 "recently_deleted", "ext4_mkdir", "ext4_create", "ext4_buffered_write", "vfs_write",
                 "__x64_sys_write", "do_mkdirat", "__x64_sys_mkdir", "ext4_rename", "do_renameat")),
    ("linking", ("WatchList_Site_Linking",)),
    ("Markdown", ("Markdig_", "WatchList_Site_Markdown")),
    ("related", ("RelatedTo", "RelateTerms", "WatchList_Site_Backlinks")),
    ("search index", ("SearchIndex", "WatchList_Site_Search")),
    ("front matter", ("YamlDotNet_", "WatchList_Site_FrontMatter", "ParseContent", "FieldReader")),
    ("read", ("WatchList_Site_Reading", "filemap_read", "ext4_file_read_iter", "vfs_read", "__x64_sys_read")),
    ("page models, feeds, sitemap", ("WatchList_Site_Pages", "WatchList_Site_Checks")),
]
# The collector's work is GC wherever it is found in a stack.
GC = ("WKS::", "SVR::", "gc_heap", "GCHeap", "RhpGcAlloc", "RhpNewArray", "RhpNewFast", "GarbageCollect", "memset_repmovs", "gc_")


def classify(frames):
    if any(any(g in f for g in GC) for f in frames):
        return "GC and allocation"
    for frame in frames:
        for stage, patterns in STAGES:
            if any(p in frame for p in patterns):
                return stage
    return "other (start-up, runtime, engine, threads idle)"


def main(path):
    counts = Counter()
    frames = []
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if frames:
                    counts[classify(frames)] += 1
                frames = []
                continue
            if line[0] not in " \t":
                frames = []  # the sample's header line (command, thread)
                continue
            parts = line.split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else parts[0])
    if frames:
        counts[classify(frames)] += 1
    total = sum(counts.values()) or 1
    print("| stage | share of samples |")
    print("| --- | ---: |")
    for stage, n in counts.most_common():
        print(f"| {stage} | {100 * n / total:.0f}% |")
    print(f"\n{total} samples")


if __name__ == "__main__":
    main(sys.argv[1])
