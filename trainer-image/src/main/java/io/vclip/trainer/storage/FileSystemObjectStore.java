package io.vclip.trainer.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An {@link ObjectStore} over a local folder: keys are relative paths below it. */
public final class FileSystemObjectStore implements ObjectStore {
  private final Path root;

  public FileSystemObjectStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String location() {
    return root.toString();
  }

  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("key '" + key + "' escapes the store root " + root);
    }
    return p;
  }

  @Override
  public void put(String key, byte[] data) {
    writeAtomically(key, tmp -> Files.write(tmp, data));
  }

  @Override
  public void put(String key, Path file) {
    writeAtomically(key, tmp -> Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING));
  }

  private interface Writer {
    void write(Path tmp) throws IOException;
  }

  // A reader never sees a half-written object: write beside it, then rename (as S3's PUT is atomic).
  private void writeAtomically(String key, Writer writer) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      try {
        writer.write(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ObjectStoreException("writing " + target + " failed: " + e, e);
    }
  }

  @Override
  public InputStream open(String key) {
    Path p = resolve(key);
    try {
      return Files.newInputStream(p);
    } catch (NoSuchFileException e) {
      throw new ObjectStoreException("no object " + p);
    } catch (IOException e) {
      throw new ObjectStoreException("reading " + p + " failed: " + e, e);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    Path p = resolve(key);
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.size(p)) : Optional.empty();
    } catch (IOException e) {
      throw new ObjectStoreException("reading " + p + " failed: " + e, e);
    }
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix) && !k.substring(k.lastIndexOf('/') + 1).startsWith(".put-"))
          .sorted()
          .map(k -> new ObjectInfo(k, size(k).orElse(0L)))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ObjectStoreException("listing " + root + " failed: " + e, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new ObjectStoreException("deleting " + resolve(key) + " failed: " + e, e);
    }
  }

  @Override
  public void close() {}

}
