package io.vclip.trainer.checkpoint;

import java.util.List;

/**
 * How a flat vector of {@code n} values is split over {@code world} ranks (ZeRO-1): every rank owns
 * {@code ceil(n / world)} positions, rank r the range {@code [r*c, min((r+1)*c, n))}; the last ranks'
 * slices are padded (or empty) so that reduce-scatter and all-gather see equal chunks. This is the
 * convention checkpoints are written in; re-slicing for a new world size goes through the full vector.
 */
public final class ZeroSlices {
  private ZeroSlices() {}

  /** The padded slice length every rank holds. */
  public static long chunk(long n, int world) {
    checkWorld(world);
    return (n + world - 1) / world;
  }

  /** The real (unpadded) range {@code [from, to)} of {@code rank}'s slice. */
  public static Range range(long n, int rank, int world) {
    checkWorld(world);
    if (rank < 0 || rank >= world) throw new IllegalArgumentException("rank " + rank + " is outside 0.." + (world - 1));
    long c = chunk(n, world);
    long from = Math.min(n, rank * c);
    long to = Math.min(n, from + c);
    return new Range(from, to);
  }

  /**
   * The full vector of length {@code n} from the W old slices in rank order (each at least as long as
   * its real range; padding dropped).
   */
  public static float[] concatenate(List<float[]> slices, long n) {
    int world = slices.size();
    float[] full = new float[Math.toIntExact(n)];
    for (int r = 0; r < world; r++) {
      Range range = range(n, r, world);
      float[] s = slices.get(r);
      if (s.length < range.length()) {
        throw new CheckpointException("slice of rank " + r + " of " + world + " has " + s.length
            + " values, its range " + range + " needs " + range.length());
      }
      System.arraycopy(s, 0, full, (int) range.from(), (int) range.length());
    }
    return full;
  }

  /** Rank {@code rank}'s slice (padded to {@link #chunk}) of the full vector for {@code world} ranks. */
  public static float[] slice(float[] full, int rank, int world) {
    Range range = range(full.length, rank, world);
    float[] out = new float[Math.toIntExact(chunk(full.length, world))];
    System.arraycopy(full, (int) range.from(), out, 0, (int) range.length());
    return out;
  }

  /** Old slices written by {@code slices.size()} ranks → the slice of {@code rank} among {@code world}. */
  public static float[] reslice(List<float[]> slices, long n, int rank, int world) {
    return slice(concatenate(slices, n), rank, world);
  }

  private static void checkWorld(int world) {
    if (world < 1) throw new IllegalArgumentException("world size must be >= 1, got " + world);
  }

  /** A half-open range of positions in the full vector. */
  public record Range(long from, long to) {
    public long length() {
      return to - from;
    }

    /** The overlap with another range (possibly empty). */
    public Range intersect(Range o) {
      long f = Math.max(from, o.from);
      return new Range(f, Math.max(f, Math.min(to, o.to)));
    }

    @Override
    public String toString() {
      return "[" + from + ", " + to + ")";
    }
  }
}
