package io.vclip.trainer.data.shard;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The samples a run left out because they were bad (unreadable image, missing or invalid JSON,
 * wrong frame count, truncated shard). Thread-safe: decode workers add to it concurrently.
 */
public final class SkipReport {
  private static final Logger LOG = LoggerFactory.getLogger(SkipReport.class);
  private static final int SUMMARY_LIMIT = 10;

  /** Where the bad sample was ({@code shard}: a shard name, a folder or a video file) and why. */
  public record Skipped(String source, String key, String reason) {
    @Override
    public String toString() {
      return source + ":" + key + " (" + reason + ")";
    }
  }

  private final List<Skipped> skipped = new ArrayList<>();

  public void record(String source, String key, String reason) {
    Skipped s = new Skipped(source, key, reason);
    synchronized (skipped) {
      skipped.add(s);
    }
    LOG.warn("skipping sample {}", s);
  }

  public int count() {
    synchronized (skipped) {
      return skipped.size();
    }
  }

  public List<Skipped> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }

  /** One line for the end of a run: the count and the first few keys with their reasons. */
  public String summary() {
    List<Skipped> all = skipped();
    if (all.isEmpty()) {
      return "no samples skipped";
    }
    StringBuilder sb = new StringBuilder().append(all.size()).append(all.size() == 1 ? " sample" : " samples")
        .append(" skipped: ");
    for (int i = 0; i < Math.min(SUMMARY_LIMIT, all.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append(all.get(i));
    }
    if (all.size() > SUMMARY_LIMIT) {
      sb.append("; and ").append(all.size() - SUMMARY_LIMIT).append(" more");
    }
    return sb.toString();
  }
}
