package io.vclip.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroSlicesTest {

  static float[] iota(int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) out[i] = i + 0.5f;
    return out;
  }

  static List<float[]> sliceAll(float[] full, int world) {
    List<float[]> out = new ArrayList<>();
    for (int r = 0; r < world; r++) out.add(ZeroSlices.slice(full, r, world));
    return out;
  }

  @Test
  void rangesCoverTheVectorOnceWithPaddingAtTheEnd() {
    assertThat(ZeroSlices.chunk(10, 3)).isEqualTo(4);
    assertThat(ZeroSlices.range(10, 0, 3)).isEqualTo(new ZeroSlices.Range(0, 4));
    assertThat(ZeroSlices.range(10, 2, 3)).isEqualTo(new ZeroSlices.Range(8, 10));
    // More ranks than values: the last ranks own nothing, but still hold a padded chunk.
    assertThat(ZeroSlices.range(2, 3, 4).length()).isZero();
    assertThat(ZeroSlices.slice(iota(2), 3, 4)).containsExactly(0f);
  }

  @Test
  void twoToThreeAndThreeToOneReproduceTheFullVector() {
    for (int n : new int[] {10, 11, 12, 1, 0, 1001}) {
      float[] full = iota(n);
      List<float[]> fromTwo = sliceAll(full, 2);
      List<float[]> three = new ArrayList<>();
      for (int r = 0; r < 3; r++) three.add(ZeroSlices.reslice(fromTwo, n, r, 3));
      assertThat(ZeroSlices.concatenate(three, n)).as("n=%d, 2 -> 3", n).containsExactly(full);
      assertThat(ZeroSlices.reslice(three, n, 0, 1)).as("n=%d, 3 -> 1", n).containsExactly(full);
    }
  }

  @Test
  void unpaddedSlicesAreAcceptedShortOnesAreNot() {
    float[] full = iota(10);
    List<float[]> exact = List.of(new float[] {0.5f, 1.5f, 2.5f, 3.5f}, new float[] {4.5f, 5.5f, 6.5f, 7.5f},
        new float[] {8.5f, 9.5f});
    assertThat(ZeroSlices.concatenate(exact, 10)).containsExactly(full);
    assertThatThrownBy(() -> ZeroSlices.concatenate(List.of(new float[3], new float[5], new float[2]), 10))
        .hasMessageContaining("rank 0 of 3");
  }
}
