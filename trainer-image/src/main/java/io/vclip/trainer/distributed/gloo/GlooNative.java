package io.vclip.trainer.distributed.gloo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JNI shim (src/main/native). The library travels inside the jar and is extracted to a temporary
 * file on first use: System.load of a private copy keeps libtorch's bundled gloo symbols apart from
 * Debian's libgloo the shim links against.
 */
final class GlooNative {
  private static final String RESOURCE = "/native/linux-x86_64/libvclip_gloo.so";

  static {
    load();
  }

  private GlooNative() {}

  static native long connect(int rank, int size, String bindHost, GlooStoreBridge store, long timeoutMs);

  static native void allReduceSum(long group, ByteBuffer data, long byteOffset, long count, int tag);

  static native void reduceScatterSum(
      long group, ByteBuffer input, long inOffset, ByteBuffer output, long outOffset, long chunk, int tag);

  static native void allGather(
      long group, ByteBuffer input, long inOffset, ByteBuffer output, long outOffset, long chunk, int tag);

  static native void broadcast(long group, ByteBuffer data, long byteOffset, long count, int root, int tag);

  static native void barrier(long group, int tag);

  static native void close(long group);

  private static void load() {
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    try (InputStream in = GlooNative.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the Gloo shim " + RESOURCE + " is not on the class path (platform "
            + os + "); build the trainer with Maven on linux-x86_64 with libgloo-dev installed");
      }
      Path file = Files.createTempFile("vclip_gloo", ".so");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      System.load(file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the Gloo shim " + RESOURCE, e);
    }
  }
}
