package io.vclip.trainer.distributed;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/** How values from the ranks combine. Backends sum; the average is a sum scaled afterwards. */
public enum ReduceOp {
  SUM,
  AVG;

  /** Turns a summed result into this operation's result. */
  public void finish(ByteBuffer data, int worldSize) {
    if (this != AVG || worldSize == 1) {
      return;
    }
    FloatBuffer floats = CollectiveBuffers.floats(data);
    float scale = 1f / worldSize;
    for (int i = 0; i < floats.limit(); i++) {
      floats.put(i, floats.get(i) * scale);
    }
  }
}
