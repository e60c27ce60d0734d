package io.vclip.trainer.data.pack;

/**
 * X-CLIP's test-time frame choice (mmaction {@code SampleFrames}, {@code test_mode=True},
 * {@code clip_len=1}): split the n frames into T equal segments and take each segment's middle
 * frame, index floor((i + 0.5) * n / T). With fewer frames than T, frames repeat.
 */
public final class SegmentSampler {
  private SegmentSampler() {}

  public static int[] indices(int frameCount, int segments) {
    if (frameCount <= 0) throw new IllegalArgumentException("a video needs at least one frame");
    if (segments <= 0) throw new IllegalArgumentException("frames per sample must be positive");
    int[] idx = new int[segments];
    double segment = (double) frameCount / segments;
    for (int i = 0; i < segments; i++) {
      idx[i] = Math.min(frameCount - 1, (int) ((i + 0.5) * segment));
    }
    return idx;
  }
}
