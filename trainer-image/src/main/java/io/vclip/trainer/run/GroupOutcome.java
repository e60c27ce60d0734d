package io.vclip.trainer.run;

/**
 * How a local worker group ended.
 *
 * @param succeeded every rank exited 0
 * @param attempts group starts, the first included
 * @param exitCode the code {@code vclip run} exits with (0, or the failing rank's code)
 * @param reason why it failed, or null
 */
public record GroupOutcome(boolean succeeded, int attempts, int exitCode, String reason) {}
