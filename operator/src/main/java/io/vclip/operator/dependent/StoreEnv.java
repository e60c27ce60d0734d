package io.vclip.operator.dependent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/** S3 endpoint and credentials of a store; the keys come from the Secret, never from the spec. */
final class StoreEnv {

  private StoreEnv() {}

  static List<EnvVar> of(ObjectStore store) {
    List<EnvVar> env = new ArrayList<>();
    if (store == null) {
      return env;
    }
    if (store.getEndpoint() != null) {
      env.add(WorkerPod.plain(TrainerEnv.S3_ENDPOINT, store.getEndpoint()));
    }
    var secret = store.getCredentialsSecret();
    if (secret != null) {
      env.add(fromSecret(TrainerEnv.AWS_ACCESS_KEY_ID, secret.getName(), secret.getAccessKeyKey()));
      env.add(fromSecret(TrainerEnv.AWS_SECRET_ACCESS_KEY, secret.getName(), secret.getSecretKeyKey()));
    }
    return env;
  }

  private static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder().withName(name)
        .withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key).endSecretKeyRef().endValueFrom()
        .build();
  }
}
