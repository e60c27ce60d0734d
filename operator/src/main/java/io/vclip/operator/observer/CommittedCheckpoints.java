package io.vclip.operator.observer;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.vclip.crds.v1alpha1.CheckpointRef;
import io.vclip.crds.v1alpha1.ObjectStore;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The newest committed checkpoint of a running training, read from its store: {@code step-<N>/manifest.json}
 * exists (the trainer writes the manifest last, so its presence is the commit point). Only object names and
 * times are used, not the manifest's content, so the operator does not depend on the manifest format.
 */
public class CommittedCheckpoints {

  private static final Logger LOG = Logger.getLogger(CommittedCheckpoints.class);
  private static final Pattern MANIFEST = Pattern.compile("step-(\\d+)/manifest\\.json$");

  private final KubernetesClient client;

  public CommittedCheckpoints(KubernetesClient client) {
    this.client = client;
  }

  /** Empty when the store is unreachable or holds no committed checkpoint; a reconcile must not fail on it. */
  public Optional<CheckpointRef> latest(VideoClipTraining training) {
    ObjectStore store = training.getSpec().getCheckpoint().getStore();
    if (store == null || store.getEndpoint() == null || store.getCredentialsSecret() == null) {
      return Optional.empty();
    }
    String namespace = training.getMetadata().getNamespace();
    Secret secret = client.secrets().inNamespace(namespace).withName(store.getCredentialsSecret().getName()).get();
    if (secret == null || secret.getData() == null) {
      return Optional.empty();
    }
    String prefix = store.getPrefix() + "/" + training.getMetadata().getName() + "/";
    try (MinioClient minio = MinioClient.builder()
        .endpoint(store.getEndpoint())
        .credentials(decode(secret, store.getCredentialsSecret().getAccessKeyKey()),
            decode(secret, store.getCredentialsSecret().getSecretKeyKey()))
        .build()) {
      CheckpointRef newest = null;
      for (Result<Item> result : minio.listObjects(
          ListObjectsArgs.builder().bucket(store.getBucket()).prefix(prefix).recursive(true).build())) {
        Item item = result.get();
        Matcher m = MANIFEST.matcher(item.objectName());
        if (m.find() && item.objectName().equals(prefix + m.group())) {
          long step = Long.parseLong(m.group(1));
          if (newest == null || step > newest.getStep()) {
            newest = new CheckpointRef();
            newest.setStep(step);
            newest.setUri("s3://" + store.getBucket() + "/" + prefix + "step-" + m.group(1) + "/");
            newest.setTime(item.lastModified() == null ? null : item.lastModified().toInstant().toString());
          }
        }
      }
      return Optional.ofNullable(newest);
    } catch (Exception e) {
      LOG.debugf("cannot list checkpoints of %s/%s at %s: %s", namespace, training.getMetadata().getName(),
          store.getEndpoint(), e.getMessage());
      return Optional.empty();
    }
  }

  private static String decode(Secret secret, String key) {
    String value = secret.getData().get(key);
    return value == null ? "" : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }
}
