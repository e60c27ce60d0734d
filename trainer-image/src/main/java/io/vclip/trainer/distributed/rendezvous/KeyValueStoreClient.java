package io.vclip.trainer.distributed.rendezvous;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A connection to the rank-0 {@link KeyValueStoreServer}; one request at a time. */
public final class KeyValueStoreClient implements KeyValueStore, AutoCloseable {
  private static final int CONNECT_ATTEMPT_MS = 1000;
  private static final long RETRY_PAUSE_MS = 100;

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final String endpoint;

  private KeyValueStoreClient(Socket socket, String endpoint) throws IOException {
    this.socket = socket;
    this.endpoint = endpoint;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
  }

  /**
   * Connects, retrying until {@code timeout}: workers start in any order, and rank 0's server may
   * come up after the others (and its DNS name may resolve late in Kubernetes).
   *
   * @param who how errors name this process, e.g. "rank 1"
   */
  public static KeyValueStoreClient connect(String host, int port, Duration timeout, String who) {
    String endpoint = RendezvousEnv.MASTER_ADDR + "=" + host + ":" + port;
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    do {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(host, port), CONNECT_ATTEMPT_MS);
        socket.setTcpNoDelay(true);
        return new KeyValueStoreClient(socket, endpoint);
      } catch (IOException | IllegalArgumentException e) {
        last = e;
        closeQuietly(socket);
      }
      try {
        Thread.sleep(RETRY_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < deadline);
    throw new RendezvousException(who + ": could not reach " + endpoint + " within " + seconds(timeout)
        + " (last error: " + (last == null ? "interrupted" : last.getMessage()) + ")", last);
  }

  /** The address this host uses to reach the master: the interface other ranks can reach it on too. */
  public InetAddress localAddress() {
    return socket.getLocalAddress();
  }

  @Override
  public synchronized void set(String key, byte[] value) {
    try {
      out.writeByte(StoreProtocol.SET);
      out.writeUTF(key);
      out.writeInt(value.length);
      out.write(value);
      out.flush();
      expectOk(in.readByte(), key);
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public synchronized byte[] get(String key, Duration timeout) {
    try {
      out.writeByte(StoreProtocol.GET);
      out.writeUTF(key);
      out.writeLong(timeout.toMillis());
      out.flush();
      if (in.readByte() == StoreProtocol.TIMEOUT) {
        throw new RendezvousException(
            "key '" + key + "' did not appear in the store at " + endpoint + " within " + seconds(timeout));
      }
      return in.readNBytes(in.readInt());
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public synchronized List<String> awaitKeys(List<String> keys, Duration timeout) {
    try {
      out.writeByte(StoreProtocol.WAIT);
      out.writeInt(keys.size());
      for (String key : keys) {
        out.writeUTF(key);
      }
      out.writeLong(timeout.toMillis());
      out.flush();
      if (in.readByte() == StoreProtocol.OK) {
        return List.of();
      }
      int n = in.readInt();
      List<String> missing = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        missing.add(in.readUTF());
      }
      return missing;
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private void expectOk(byte status, String key) throws IOException {
    if (status != StoreProtocol.OK) {
      throw new IOException("store answered " + status + " to the request for key '" + key + "'");
    }
  }

  private RendezvousException lost(IOException e) {
    return new RendezvousException("lost the rendezvous store at " + endpoint + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to report: the socket is being discarded
    }
  }
}
