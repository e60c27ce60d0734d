package io.vclip.trainer.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects under one root (an S3 prefix or a local folder), addressed by '/'-separated keys relative
 * to it. Data shards and checkpoints read and write through this, so local folders and S3 behave
 * the same.
 */
public interface ObjectStore extends AutoCloseable {

  /** Opens {@code location}: an {@code s3://bucket/prefix} URI, or a local folder path. */
  static ObjectStore open(String location, S3Settings s3) {
    if (S3Uri.isS3(location)) {
      if (s3 == null) {
        throw new IllegalArgumentException("'" + location + "' is on S3 but no S3 settings were given");
      }
      return new MinioObjectStore(s3, S3Uri.parse(location));
    }
    return new FileSystemObjectStore(Path.of(location));
  }

  /** Like {@link #open(String, S3Settings)}, reading S3 settings from the environment when needed. */
  static ObjectStore open(String location, Map<String, String> env) {
    return open(location, S3Uri.isS3(location) ? S3Settings.fromEnv(env, null) : null);
  }

  /** Where this store's root is, for messages. */
  String location();

  void put(String key, byte[] data);

  /** Uploads a file; large files go up in parts (S3 multipart) without being held in memory. */
  void put(String key, Path file);

  InputStream open(String key);

  default byte[] get(String key) {
    try (InputStream in = open(key)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new ObjectStoreException("reading " + location() + "/" + key + " failed: " + e.getMessage(), e);
    }
  }

  /** The object's size, or empty when it does not exist. */
  Optional<Long> size(String key);

  default boolean exists(String key) {
    return size(key).isPresent();
  }

  /** Every object whose key starts with {@code prefix}, sorted by key. */
  List<ObjectInfo> list(String prefix);

  void delete(String key);

  @Override
  void close();
}
