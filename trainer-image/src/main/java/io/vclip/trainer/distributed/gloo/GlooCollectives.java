package io.vclip.trainer.distributed.gloo;

import io.vclip.trainer.distributed.CollectiveBuffers;
import io.vclip.trainer.distributed.CollectiveException;
import io.vclip.trainer.distributed.Collectives;
import io.vclip.trainer.distributed.ReduceOp;
import io.vclip.trainer.distributed.rendezvous.KeyValueStoreClient;
import io.vclip.trainer.distributed.rendezvous.KeyValueStoreServer;
import io.vclip.trainer.distributed.rendezvous.RendezvousEnv;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Collectives over Gloo's TCP transport (Debian libgloo through the JNI shim): a full mesh of TCP
 * pairs formed through the rank-0 key-value store, then Gloo's own algorithms: ring all-reduce, ring
 * all-gather, broadcast, barrier; reduce-scatter is a ring all-reduce keeping this rank's chunk (why:
 * src/main/native/gloo_collectives_jni.cpp).
 */
public final class GlooCollectives implements Collectives {
  private final int rank;
  private final int worldSize;
  private final KeyValueStoreServer server;
  private final KeyValueStoreClient store;
  private long group;
  // Every rank issues the same sequence of collectives, so a counter gives matching tags everywhere.
  private int nextTag;

  private GlooCollectives(int rank, int worldSize, KeyValueStoreServer server, KeyValueStoreClient store, long group) {
    this.rank = rank;
    this.worldSize = worldSize;
    this.server = server;
    this.store = store;
    this.group = group;
  }

  /**
   * Forms the group described by {@code env}: rank 0 serves the store on MASTER_PORT, every rank
   * connects to it, and Gloo exchanges its pair addresses under the run's namespace.
   *
   * @param rendezvousTimeout how long to wait for the master and for all ranks to register
   * @param operationTimeout how long one collective may block before it fails (a hung or dead peer)
   */
  public static GlooCollectives connect(RendezvousEnv env, Duration rendezvousTimeout, Duration operationTimeout) {
    KeyValueStoreServer server = env.rank() == 0 ? KeyValueStoreServer.start(env.masterPort()) : null;
    KeyValueStoreClient client = null;
    try {
      client = KeyValueStoreClient.connect(env.masterAddr(), env.masterPort(), rendezvousTimeout, env.who());
      String bindHost = client.localAddress().getHostAddress();
      GlooStoreBridge bridge = new GlooStoreBridge(
          client.namespaced("vclip/" + env.runId() + "/gloo/"), rendezvousTimeout, env.who(), env.worldSize());
      long group = GlooNative.connect(env.rank(), env.worldSize(), bindHost, bridge, operationTimeout.toMillis());
      return new GlooCollectives(env.rank(), env.worldSize(), server, client, group);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  @Override
  public int rank() {
    return rank;
  }

  @Override
  public int worldSize() {
    return worldSize;
  }

  @Override
  public synchronized void allReduce(ByteBuffer data, ReduceOp op) {
    int count = CollectiveBuffers.floatCount(data, "all-reduce data");
    if (count > 0) {
      GlooNative.allReduceSum(open(), data, data.position(), count, tag());
    }
    op.finish(data, worldSize);
  }

  @Override
  public synchronized void reduceScatter(ByteBuffer input, ByteBuffer output, ReduceOp op) {
    int total = CollectiveBuffers.floatCount(input, "reduce-scatter input");
    int chunk = CollectiveBuffers.floatCount(output, "reduce-scatter output");
    if ((long) chunk * worldSize != total) {
      throw new IllegalArgumentException("reduce-scatter input holds " + total + " floats; it must be worldSize ("
          + worldSize + ") × output (" + chunk + ")");
    }
    if (chunk > 0) {
      GlooNative.reduceScatterSum(open(), input, input.position(), output, output.position(), chunk, tag());
    }
    op.finish(output, worldSize);
  }

  @Override
  public synchronized void allGather(ByteBuffer input, ByteBuffer output) {
    int chunk = CollectiveBuffers.floatCount(input, "all-gather input");
    int total = CollectiveBuffers.floatCount(output, "all-gather output");
    if ((long) chunk * worldSize != total) {
      throw new IllegalArgumentException("all-gather output holds " + total + " floats; it must be worldSize ("
          + worldSize + ") × input (" + chunk + ")");
    }
    if (chunk > 0) {
      GlooNative.allGather(open(), input, input.position(), output, output.position(), chunk, tag());
    }
  }

  @Override
  public synchronized void broadcast(ByteBuffer data, int root) {
    if (root < 0 || root >= worldSize) {
      throw new IllegalArgumentException("broadcast root " + root + " is not a rank of a group of " + worldSize);
    }
    int count = CollectiveBuffers.floatCount(data, "broadcast data");
    if (count > 0) {
      GlooNative.broadcast(open(), data, data.position(), count, root, tag());
    }
  }

  @Override
  public synchronized void barrier() {
    GlooNative.barrier(open(), tag());
  }

  @Override
  public synchronized void close() {
    if (group != 0) {
      GlooNative.close(group);
      group = 0;
    }
    store.close();
    if (server != null) {
      server.close();
    }
  }

  private long open() {
    if (group == 0) {
      throw new CollectiveException("rank " + rank + ": the Gloo group is closed");
    }
    return group;
  }

  private int tag() {
    nextTag = (nextTag + 1) & 0x7fffffff;
    return nextTag;
  }
}
