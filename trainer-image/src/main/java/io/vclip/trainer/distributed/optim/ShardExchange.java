package io.vclip.trainer.distributed.optim;

import io.vclip.trainer.distributed.CollectiveBuffers;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Moves the flat vector between "everyone has all of it" and "each rank has its shard", in buckets:
 * bucket k takes the k-th piece of every rank's shard, so each rank's shard stays one contiguous
 * range while no collective is larger than W × bucket floats (bounded staging memory, and Gloo's
 * reduce-scatter counts are 32-bit).
 */
final class ShardExchange {
  private final Collectives collectives;
  private final ShardLayout layout;
  private final int bucketFloats;
  private final ByteBuffer staging;
  private final ByteBuffer piece;

  ShardExchange(Collectives collectives, ShardLayout layout, int bucketFloats) {
    this.collectives = collectives;
    this.layout = layout;
    this.bucketFloats = Math.min(bucketFloats, layout.shardFloats());
    this.staging = CollectiveBuffers.allocate((long) this.bucketFloats * layout.worldSize());
    this.piece = CollectiveBuffers.allocate(this.bucketFloats);
  }

  /** Reduces the full {@code flat} vectors of all ranks; this rank's shard of the result lands in {@code shard}. */
  void reduceScatter(ByteBuffer flat, ByteBuffer shard, ReduceOp op) {
    FloatBuffer flatFloats = flat.asFloatBuffer();
    int s = layout.shardFloats();
    for (int k = 0; k < s; k += bucketFloats) {
      int c = Math.min(bucketFloats, s - k);
      FloatBuffer stage = staging.asFloatBuffer();
      for (int q = 0; q < layout.worldSize(); q++) {
        stage.put(q * c, flatFloats, q * s + k, c);
      }
      collectives.reduceScatter(window(staging, 0, c * layout.worldSize()), window(shard, k, c), op);
    }
  }

  /** Every rank's {@code shard}, concatenated in rank order, into {@code flat} on every rank. */
  void allGather(ByteBuffer shard, ByteBuffer flat) {
    FloatBuffer flatFloats = flat.asFloatBuffer();
    FloatBuffer shardFloats = shard.asFloatBuffer();
    int s = layout.shardFloats();
    for (int k = 0; k < s; k += bucketFloats) {
      int c = Math.min(bucketFloats, s - k);
      piece.asFloatBuffer().put(0, shardFloats, k, c);
      collectives.allGather(window(piece, 0, c), window(staging, 0, c * layout.worldSize()));
      FloatBuffer stage = staging.asFloatBuffer();
      for (int q = 0; q < layout.worldSize(); q++) {
        flatFloats.put(q * s + k, stage, q * c, c);
      }
    }
  }

  private static ByteBuffer window(ByteBuffer buffer, int fromFloat, int floats) {
    ByteBuffer view = buffer.duplicate().order(buffer.order());
    view.limit((fromFloat + floats) * Float.BYTES).position(fromFloat * Float.BYTES);
    return view;
  }
}
