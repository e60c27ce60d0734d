package io.vclip.trainer.eval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint address as users and the operator write it: {@code s3://bucket/prefix/<job>/step-N/}
 * for one step, or {@code s3://bucket/prefix/<job>/} for the newest committed one.
 *
 * @param root the store root holding {@code <job>/} folders
 * @param step the step, or null for the newest committed
 */
public record CheckpointLocation(String root, String job, Long step) {
  private static final Pattern STEP = Pattern.compile("step-(\\d+)");

  public static CheckpointLocation parse(String uri) {
    String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    int slash = trimmed.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("checkpoint '" + uri + "' must look like s3://bucket/prefix/<job>/step-N/"
          + " or s3://bucket/prefix/<job>/");
    }
    String last = trimmed.substring(slash + 1);
    Matcher m = STEP.matcher(last);
    if (m.matches()) {
      String jobPath = trimmed.substring(0, slash);
      int jobSlash = jobPath.lastIndexOf('/');
      if (jobSlash < 0) throw new IllegalArgumentException("checkpoint '" + uri + "' names no job folder before " + last);
      return new CheckpointLocation(jobPath.substring(0, jobSlash), jobPath.substring(jobSlash + 1), Long.parseLong(m.group(1)));
    }
    return new CheckpointLocation(trimmed.substring(0, slash), last, null);
  }

  /** Where the trainer keeps the training resource that produced these checkpoints. */
  public static String trainingKey(String job) {
    return job + "/training.yaml";
  }
}
