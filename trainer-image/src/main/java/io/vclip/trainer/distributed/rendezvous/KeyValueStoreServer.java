package io.vclip.trainer.distributed.rendezvous;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendezvous store that rank 0 serves on MASTER_PORT (the role of PyTorch's TCPStore): every
 * rank publishes its Gloo address here and waits for the others'. One daemon thread per client.
 */
public final class KeyValueStoreServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Map<String, byte[]> values = new HashMap<>();
  private final List<Socket> clients = new ArrayList<>();
  private volatile boolean closed;

  private KeyValueStoreServer(ServerSocket socket) {
    this.socket = socket;
    Thread acceptor = new Thread(this::acceptLoop, "vclip-store-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on all interfaces at {@code port} (0 = any free port). */
  public static KeyValueStoreServer start(int port) {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      return new KeyValueStoreServer(server);
    } catch (IOException e) {
      throw new RendezvousException(
          "rank 0: cannot serve the rendezvous store on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = socket.accept();
        client.setTcpNoDelay(true);
        synchronized (clients) {
          clients.add(client);
        }
        Thread worker = new Thread(() -> serve(client), "vclip-store-client");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (!closed) {
          throw new UncheckedIOException("rendezvous store stopped accepting", e);
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()))) {
      while (true) {
        byte op;
        try {
          op = in.readByte();
        } catch (EOFException e) {
          return;
        }
        switch (op) {
          case StoreProtocol.SET -> {
            String key = in.readUTF();
            byte[] value = in.readNBytes(in.readInt());
            put(key, value);
            out.writeByte(StoreProtocol.OK);
          }
          case StoreProtocol.GET -> {
            String key = in.readUTF();
            long timeoutMs = in.readLong();
            List<String> missing = awaitKeys(List.of(key), timeoutMs);
            if (missing.isEmpty()) {
              byte[] value = value(key);
              out.writeByte(StoreProtocol.OK);
              out.writeInt(value.length);
              out.write(value);
            } else {
              out.writeByte(StoreProtocol.TIMEOUT);
            }
          }
          case StoreProtocol.WAIT -> {
            int n = in.readInt();
            List<String> keys = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              keys.add(in.readUTF());
            }
            List<String> missing = awaitKeys(keys, in.readLong());
            if (missing.isEmpty()) {
              out.writeByte(StoreProtocol.OK);
            } else {
              out.writeByte(StoreProtocol.TIMEOUT);
              out.writeInt(missing.size());
              for (String key : missing) {
                out.writeUTF(key);
              }
            }
          }
          default -> throw new IOException("unknown rendezvous store request " + op);
        }
        out.flush();
      }
    } catch (IOException e) {
      // A client that goes away mid-request is the client's failure; it reports it on its side.
    }
  }

  private synchronized void put(String key, byte[] value) {
    values.put(key, value);
    notifyAll();
  }

  private synchronized byte[] value(String key) {
    return values.get(key);
  }

  private synchronized List<String> awaitKeys(List<String> keys, long timeoutMs) throws IOException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (true) {
      List<String> missing = keys.stream().filter(k -> !values.containsKey(k)).toList();
      long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
      if (missing.isEmpty() || leftMs <= 0 || closed) {
        return missing;
      }
      try {
        wait(leftMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for keys " + missing, e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing; nothing left to report to
    }
    synchronized (clients) {
      for (Socket client : clients) {
        try {
          client.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    }
    synchronized (this) {
      notifyAll();
    }
  }
}
