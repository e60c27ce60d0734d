#!/bin/sh
# Entrypoint of the trainer image: one worker of a VideoClipTraining pod group. Everything the worker
# needs comes from the operator's env contract (RANK, WORLD_SIZE, MASTER_ADDR, VCLIP_SPEC_FILE, ...);
# extra arguments are passed on to `vclip train`. An eval Job sets its own command (`vclip eval ...`).
#
# exec, not a child process: the JVM takes over this PID (1 in a container), so the kubelet's SIGTERM
# reaches the trainer itself, which checkpoints and exits with code 3 inside the grace period. A shell
# left in between would not forward the signal, and the pod would be SIGKILLed mid-step.
set -eu
# A pod runs one rank by default; the operator's eval Job passes "eval …", and any other vclip
# subcommand passes through the same way.
case "${1:-}" in
  train|eval|run|data|model|bench|objective) exec vclip "$@" ;;
  *) exec vclip train "$@" ;;
esac
