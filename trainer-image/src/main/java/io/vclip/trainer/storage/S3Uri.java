package io.vclip.trainer.storage;

import java.util.Objects;

/** An {@code s3://bucket/key} address. The key may be empty (the bucket root) or end in '/' (a prefix). */
public record S3Uri(String bucket, String key) {
  public static final String SCHEME = "s3://";

  public S3Uri {
    Objects.requireNonNull(bucket, "bucket");
    key = key == null ? "" : key;
  }

  public static boolean isS3(String location) {
    return location != null && location.startsWith(SCHEME);
  }

  /**
   * Parses {@code s3://bucket/key}.
   *
   * @throws IllegalArgumentException naming the location when it is not an S3 URI or has no bucket
   */
  public static S3Uri parse(String location) {
    if (!isS3(location)) {
      throw new IllegalArgumentException("not an s3:// URI: '" + location + "'");
    }
    String rest = location.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("s3 URI has no bucket: '" + location + "'");
    }
    return new S3Uri(bucket, slash < 0 ? "" : rest.substring(slash + 1));
  }

  /** This URI with {@code child} appended as a key below it. */
  public S3Uri resolve(String child) {
    return new S3Uri(bucket, ObjectKeys.join(key, child));
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
