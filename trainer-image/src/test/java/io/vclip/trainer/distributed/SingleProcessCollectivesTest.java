package io.vclip.trainer.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SingleProcessCollectivesTest {

  @Test
  void aGroupOfOneIsTheIdentityAndNeedsNoTransport() {
    Collectives c = ProcessGroup.join(new RendezvousEnv("127.0.0.1", 1, 1, 0, 1, "solo"));
    assertThat(c).isInstanceOf(SingleProcessCollectives.class);
    ByteBuffer in = CollectiveBuffers.allocate(3);
    in.asFloatBuffer().put(new float[] {1, 2, 3});
    ByteBuffer out = CollectiveBuffers.allocate(3);
    c.reduceScatter(in, out, ReduceOp.AVG);
    float[] got = new float[3];
    out.asFloatBuffer().get(got);
    assertThat(got).containsExactly(1, 2, 3);
    c.allReduce(in, ReduceOp.AVG);
    assertThat(in.getFloat(8)).isEqualTo(3f);
  }

  @Test
  void gatherOnOneRankKeepsTheTensorItself() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray local = m.ones(new ai.djl.ndarray.types.Shape(2, 3));
      GlobalBatchGather gather = new GlobalBatchGather(new SingleProcessCollectives());
      assertThat(gather.gather(local)).isSameAs(local);
      assertThat(gather.worldSize()).isEqualTo(1);
    }
  }

  @Test
  void rejectsBuffersNativeCodeCannotUse() {
    Collectives c = new SingleProcessCollectives();
    assertThatThrownBy(() -> c.allReduce(ByteBuffer.allocate(8), ReduceOp.SUM))
        .hasMessageContaining("all-reduce data must be a direct buffer");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray ints = m.arange(4).toType(DataType.INT32, false);
      assertThatThrownBy(() -> c.allReduce(ints, ReduceOp.SUM)).hasMessageContaining("tensor (4) is int32; collectives take float32");
    }
  }
}
