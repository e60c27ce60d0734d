package io.vclip.trainer.distributed.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerStateTest {

  private static List<OptimizerState> slicesOf(int n, int world) {
    float[] m = new float[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      m[i] = i + 1;
      v[i] = -(i + 1);
    }
    OptimizerState whole = new OptimizerState(7, n, 0, 1, m, v);
    return OptimizerState.reshard(List.of(whole), world);
  }

  @Test
  void reshardingPadsTheLastRankAndRoundTrips() {
    List<OptimizerState> three = slicesOf(10, 3);
    assertThat(three).hasSize(3);
    assertThat(three.get(0).m()).containsExactly(1, 2, 3, 4);
    assertThat(three.get(2).m()).containsExactly(9, 10, 0, 0);
    assertThat(three.get(2).v()).containsExactly(-9, -10, 0, 0);

    List<OptimizerState> two = OptimizerState.reshard(three, 2);
    assertThat(two.get(1).m()).containsExactly(6, 7, 8, 9, 10);
    List<OptimizerState> back = OptimizerState.reshard(two, 1);
    assertThat(back.get(0)).isEqualTo(slicesOf(10, 1).get(0));
    assertThat(back.get(0).updates()).isEqualTo(7);
  }

  @Test
  void moreRanksThanFloatsLeavesPurePaddingShards() {
    List<OptimizerState> four = slicesOf(3, 4);
    assertThat(four.get(3).m()).containsExactly(0f);
    assertThat(OptimizerState.reshard(four, 1).get(0).m()).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsSlicesThatDoNotBelongTogether() {
    List<OptimizerState> three = slicesOf(10, 3);
    assertThatThrownBy(() -> OptimizerState.reshard(three.subList(0, 2), 1))
        .hasMessageContaining("written by 3 ranks but 2 slices");
    OptimizerState stale = new OptimizerState(6, 10, 1, 3, three.get(1).m(), three.get(1).v());
    assertThatThrownBy(() -> OptimizerState.reshard(List.of(three.get(0), stale, three.get(2)), 1))
        .hasMessageContaining("update 6");
    assertThatThrownBy(() -> new OptimizerState(0, 10, 0, 3, new float[3], new float[3]))
        .hasMessageContaining("a shard of 10 floats over 3 ranks has 4");
  }
}
