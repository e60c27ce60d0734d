package io.vclip.trainer.data.synthetic;

/**
 * The knobs of the synthetic world, checked once here so the rest trusts them.
 *
 * @param seed makes the world reproducible: the same seed gives the same clips and texts
 * @param frames T, frames per clip
 * @param frameSize S, the side of the square frames in pixels
 * @param maxObjects at most this many objects per clip (each needs its own start region)
 * @param rankingLength m, the length of the DDR and HDR sequences (original included)
 */
public record WorldConfig(long seed, int frames, int frameSize, int maxObjects, int rankingLength) {

  public static final int MIN_FRAME_SIZE = 32;
  public static final int MAX_FRAME_SIZE = 64;

  public WorldConfig {
    require(frames >= 1 && frames <= 64, "frames", frames, "1..64");
    require(
        frameSize >= MIN_FRAME_SIZE && frameSize <= MAX_FRAME_SIZE,
        "frameSize",
        frameSize,
        MIN_FRAME_SIZE + ".." + MAX_FRAME_SIZE);
    require(maxObjects >= 1 && maxObjects <= 3, "maxObjects", maxObjects, "1..3");
    require(rankingLength >= 1, "rankingLength", rankingLength, ">= 1");
  }

  /** T = 8 frames of 32 × 32 px, up to 3 objects, m = 4. */
  public static WorldConfig defaults(long seed) {
    return new WorldConfig(seed, 8, 32, 3, 4);
  }

  private static void require(boolean ok, String field, int value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(
          "synthetic world: " + field + " must be " + range + ", got " + value);
    }
  }
}
