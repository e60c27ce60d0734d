package io.vclip.trainer.data.pack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentSamplerTest {
  @Test
  void takesTheMiddleOfEqualSegments() {
    assertThat(SegmentSampler.indices(20, 4)).containsExactly(2, 7, 12, 17);
    assertThat(SegmentSampler.indices(10, 4)).containsExactly(1, 3, 6, 8);
    assertThat(SegmentSampler.indices(8, 8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void shortVideosRepeatFrames() {
    assertThat(SegmentSampler.indices(3, 8)).containsExactly(0, 0, 0, 1, 1, 2, 2, 2);
    assertThat(SegmentSampler.indices(1, 4)).containsExactly(0, 0, 0, 0);
  }
}
