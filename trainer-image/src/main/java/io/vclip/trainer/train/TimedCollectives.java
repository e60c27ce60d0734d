package io.vclip.trainer.train;

import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import java.nio.ByteBuffer;

/** Adds up the time spent inside collectives, so a step's time splits into compute and communication. */
final class TimedCollectives implements Collectives {
  private final Collectives inner;
  private long nanos;

  TimedCollectives(Collectives inner) {
    this.inner = inner;
  }

  /** Nanoseconds spent in collectives since the last call. */
  long takeNanos() {
    long n = nanos;
    nanos = 0;
    return n;
  }

  private void timed(Runnable op) {
    long start = System.nanoTime();
    try {
      op.run();
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override public int rank() { return inner.rank(); }
  @Override public int worldSize() { return inner.worldSize(); }
  @Override public void allReduce(ByteBuffer data, ReduceOp op) { timed(() -> inner.allReduce(data, op)); }
  @Override public void reduceScatter(ByteBuffer in, ByteBuffer out, ReduceOp op) { timed(() -> inner.reduceScatter(in, out, op)); }
  @Override public void allGather(ByteBuffer in, ByteBuffer out) { timed(() -> inner.allGather(in, out)); }
  @Override public void broadcast(ByteBuffer data, int root) { timed(() -> inner.broadcast(data, root)); }
  @Override public void barrier() { timed(inner::barrier); }
  @Override public void close() { inner.close(); }
}
