package io.vclip.trainer.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link ObjectStore} on any S3 endpoint (MinIO on a cluster, S3Proxy locally), via the MinIO client. */
public final class MinioObjectStore implements ObjectStore {
  // Parts of 16 MiB: checkpoint shards of a B/32 model (~600 MB with optimizer state) go up in ~40 parts.
  static final long PART_SIZE = 16L * 1024 * 1024;

  private final MinioClient client;
  private final S3Settings settings;
  private final S3Uri root;

  public MinioObjectStore(S3Settings settings, S3Uri root) {
    this.settings = settings;
    this.root = new S3Uri(root.bucket(), ObjectKeys.trimSlashes(root.key()));
    this.client = MinioClient.builder()
        .endpoint(settings.endpoint())
        .credentials(settings.accessKey(), settings.secretKey())
        .region(settings.region())
        .build();
  }

  @Override
  public String location() {
    return root + " at " + settings.endpoint();
  }

  private String objectName(String key) {
    return ObjectKeys.join(root.key(), key);
  }

  /** Creates the bucket if it is missing (the embedded default and dev MinIO start empty). */
  public void ensureBucket() {
    call("creating bucket " + root.bucket(), () -> {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(root.bucket()).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(root.bucket()).build());
      }
      return null;
    });
  }

  @Override
  public void put(String key, byte[] data) {
    call("writing " + key, () -> client.putObject(PutObjectArgs.builder()
        .bucket(root.bucket()).object(objectName(key)).data(data, data.length).build()));
  }

  @Override
  public void put(String key, Path file) {
    call("uploading " + file + " to " + key, () -> client.uploadObject(UploadObjectArgs.builder()
        .bucket(root.bucket()).object(objectName(key)).filename(file.toString(), PART_SIZE).build()));
  }

  @Override
  public InputStream open(String key) {
    return call("reading " + key, () -> client.getObject(
        GetObjectArgs.builder().bucket(root.bucket()).object(objectName(key)).build()));
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      return Optional.of(client.statObject(
          StatObjectArgs.builder().bucket(root.bucket()).object(objectName(key)).build()).size());
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)) {
        return Optional.empty();
      }
      throw failure("reading the size of " + key, e);
    } catch (Exception e) {
      throw failure("reading the size of " + key, e);
    }
  }

  @Override
  public List<ObjectInfo> list(String prefix) {
    return call("listing " + prefix, () -> {
      String base = root.key().isEmpty() ? "" : root.key() + "/";
      List<ObjectInfo> out = new ArrayList<>();
      for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
          .bucket(root.bucket()).prefix(base + prefix).recursive(true).build())) {
        Item item = r.get();
        if (!item.isDir()) out.add(new ObjectInfo(item.objectName().substring(base.length()), item.size()));
      }
      out.sort(Comparator.comparing(ObjectInfo::key));
      return out;
    });
  }

  @Override
  public void delete(String key) {
    call("deleting " + key, () -> {
      client.removeObject(RemoveObjectArgs.builder().bucket(root.bucket()).object(objectName(key)).build());
      return null;
    });
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw failure("closing the S3 client", e);
    }
  }

  private interface S3Call<T> {
    T run() throws Exception;
  }

  private <T> T call(String what, S3Call<T> op) {
    try {
      return op.run();
    } catch (Exception e) {
      throw failure(what, e);
    }
  }

  private ObjectStoreException failure(String what, Exception e) {
    String reason = e instanceof ErrorResponseException er ? er.errorResponse().code() + ": "
        + er.errorResponse().message() : e.toString();
    return new ObjectStoreException(what + " in " + location() + " failed: " + reason, e);
  }
}
