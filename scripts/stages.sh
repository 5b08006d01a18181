# Sourced by the test scripts: runs their stages (jest under each runtime) at the same time. A run
# spends most of its time waiting (peers, proxies, PyQt6 runners, Qt's timeouts), not computing, so
# two stages side by side take little longer than one. Each stage has a network namespace of its
# own (no port is shared), its output in a file printed once all have ended, and a time limit: a
# stage that hangs is ended (its process group) and reported instead of holding the run. The jest
# runs end with --forceExit: a handle a test file leaves open fails that file by name
# (test/environment.js) instead of keeping jest alive after the last file.

# run_stages MINUTES FUNCTION... -- ARGS...: each FUNCTION is called with ARGS; fails if one failed.
run_stages() {
  local minutes=$1
  shift
  local stages=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    stages+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/qtnetwork-stages.XXXXXX")"
  local pids=() stage
  for stage in "${stages[@]}"; do
    export -f "$stage"
    # QTNETWORK_IN_NETNS cleared: each stage makes its own namespace even inside another one.
    # timeout runs the stage in a process group of its own and ends the whole group at the limit.
    QTNETWORK_IN_NETNS='' timeout --kill-after=30s "${minutes}m" bash -o pipefail -c "$stage \"\$@\"" "$stage" "$@" \
      >"$dir/$stage.log" 2>&1 &
    pids+=($!)
  done
  local status=0 i code
  for i in "${!stages[@]}"; do
    code=0
    wait "${pids[$i]}" || code=$?
    echo "== ${stages[$i]}"
    cat "$dir/${stages[$i]}.log"
    if [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; then
      echo "== ${stages[$i]}: did not end within $minutes minutes: ended" >&2
    fi
    if [ "$code" -ne 0 ]; then
      echo "== ${stages[$i]}: FAILED (exit $code)" >&2
      status=1
    fi
  done
  rm -rf "$dir"
  return "$status"
}
