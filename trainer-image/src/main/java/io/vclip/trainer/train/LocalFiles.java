package io.vclip.trainer.train;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.storage.S3Settings;
import io.vclip.trainer.storage.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files a spec names (weights, tokenizer) as local paths: local ones as they are, s3:// ones downloaded. */
public final class LocalFiles {
  private LocalFiles() {}

  public static Path resolve(String uri, String field, S3Settings s3, Path scratch) {
    if (!S3Uri.isS3(uri)) {
      Path p = Path.of(uri);
      if (!Files.isRegularFile(p)) throw new VclipUserException(field + ": file " + uri + " does not exist");
      return p;
    }
    S3Uri u = S3Uri.parse(uri);
    String name = u.key().substring(u.key().lastIndexOf('/') + 1);
    Path local = scratch.resolve(name.isEmpty() ? "download" : name);
    String parent = u.key().contains("/") ? u.key().substring(0, u.key().lastIndexOf('/')) : "";
    try (ObjectStore store = ObjectStore.open(S3Uri.SCHEME + u.bucket() + "/" + parent, s3);
        InputStream in = store.open(name)) {
      Files.createDirectories(scratch);
      Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
      return local;
    } catch (IOException | RuntimeException e) {
      throw new VclipUserException(field + ": cannot download " + uri + ": " + e.getMessage(), e);
    }
  }
}
