package io.vclip.trainer.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * A real S3 server in this JVM (S3Proxy), for the embedded default ({@code vclip run}) and for tests.
 * Objects live under a local folder (filesystem backend) or in memory (transient backend).
 */
public final class EmbeddedS3Server implements AutoCloseable {
  private final S3Proxy proxy;
  private final S3Settings settings;

  private EmbeddedS3Server(S3Proxy proxy, S3Settings settings) {
    this.proxy = proxy;
    this.settings = settings;
  }

  /** Starts a server that keeps its buckets as folders under {@code baseDir}; port 0 picks a free port. */
  public static EmbeddedS3Server filesystem(Path baseDir, int port) {
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
    return start("filesystem", props, port);
  }

  /** Starts a server that keeps everything in memory, on a free port. */
  public static EmbeddedS3Server inMemory() {
    return start("transient", new Properties(), 0);
  }

  private static EmbeddedS3Server start(String backend, Properties props, int port) {
    // Fixed local credentials: the server only listens on loopback.
    String access = "vclip-local";
    String secret = "vclip-local-secret";
    try {
      java.nio.file.Files.createDirectories(Path.of(props.getProperty("jclouds.filesystem.basedir", ".")));
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(BlobStores.create(backend, props))
          .endpoint(URI.create("http://127.0.0.1:" + port))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
          .build();
      proxy.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        Thread.sleep(10);
      }
      S3Settings settings = new S3Settings("http://127.0.0.1:" + proxy.getPort(), access, secret, null);
      return new EmbeddedS3Server(proxy, settings);
    } catch (Exception e) {
      throw new ObjectStoreException("starting the embedded S3 server (" + backend + ") failed: " + e, e);
    }
  }

  public S3Settings settings() {
    return settings;
  }

  public int port() {
    return proxy.getPort();
  }

  /** A store rooted at {@code s3://bucket/prefix} on this server, with the bucket created. */
  public MinioObjectStore store(String bucket, String prefix) {
    MinioObjectStore store = new MinioObjectStore(settings, new S3Uri(bucket, prefix));
    store.ensureBucket();
    return store;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new ObjectStoreException("stopping the embedded S3 server failed: " + e, e);
    }
  }
}
