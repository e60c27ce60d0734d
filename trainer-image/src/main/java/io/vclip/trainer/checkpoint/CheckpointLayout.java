package io.vclip.trainer.checkpoint;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object keys of a job's checkpoints below the store root:
 * {@code <job>/step-<N>/rank-<r>-of-<W>.bin}, the rank's receipt {@code rank-<r>-of-<W>.json} (size and
 * checksum, for rank 0 to collect) and {@code manifest.json}.
 */
public final class CheckpointLayout {
  public static final String MANIFEST = "manifest.json";
  private static final Pattern STEP_FOLDER = Pattern.compile("step-(\\d+)/");

  private final String job;

  public CheckpointLayout(String job) {
    if (job == null || job.isBlank() || job.contains("/")) {
      throw new IllegalArgumentException("job name must be non-empty without '/', got '" + job + "'");
    }
    this.job = job;
  }

  public String job() {
    return job;
  }

  /** Prefix under which every step of the job lives. */
  public String jobPrefix() {
    return job + "/";
  }

  public String stepFolder(long step) {
    return job + "/step-" + step + "/";
  }

  public static String shardName(int rank, int world) {
    return "rank-" + rank + "-of-" + world + ".bin";
  }

  static String receiptName(int rank, int world) {
    return "rank-" + rank + "-of-" + world + ".json";
  }

  public String shardKey(long step, String shardName) {
    return stepFolder(step) + shardName;
  }

  public String manifestKey(long step) {
    return stepFolder(step) + MANIFEST;
  }

  String receiptKey(long step, int rank, int world) {
    return stepFolder(step) + receiptName(rank, world);
  }

  /** The step a key below {@link #jobPrefix()} belongs to, if it is inside a step folder. */
  OptionalLong stepOf(String key) {
    if (!key.startsWith(jobPrefix())) return OptionalLong.empty();
    Matcher m = STEP_FOLDER.matcher(key.substring(jobPrefix().length()));
    if (!m.lookingAt()) return OptionalLong.empty();
    try {
      return OptionalLong.of(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  boolean isManifest(String key) {
    return key.endsWith("/" + MANIFEST);
  }
}
