#!/usr/bin/env bash
# Builds every fuzz target on stable (release, without libFuzzer) and replays
# each over its committed seeds (seeds/<target>/) and committed crash inputs
# (regressions/<target>/), plus corpus/ and artifacts/ when a local fuzzing run
# left them. This is the fuzz step of CI; it needs neither nightly nor cargo-fuzz.
#
# Usage: fuzz/replay.sh [target...]   (default: every target in fuzz_targets/)
# Exit status: 0 when every input passed, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")"

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for f in fuzz_targets/*.rs; do
        targets+=("$(basename "$f" .rs)")
    done
fi

# One build for all targets, so that the replay loop below only runs binaries.
cargo build --release --bins --quiet

passed=0
failed=0
status=0
for t in "${targets[@]}"; do
    # `cargo run` finds the binary wherever CARGO_TARGET_DIR points; it is already built.
    if ! out=$(cargo run --release --quiet --bin "$t"); then
        status=1
    fi
    printf '%s\n' "$out"
    # The replay's last line is "<target>: N passed, N failed[, N skipped]".
    counts=$(printf '%s\n' "$out" | tail -n 1 | sed -n 's/^[^:]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
    if [ -z "$counts" ]; then
        echo "fuzz-replay: $t printed no summary" >&2
        status=1
        continue
    fi
    read -r p f <<<"$counts"
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "fuzz-replay: $passed passed, $failed failed"
exit "$status"
