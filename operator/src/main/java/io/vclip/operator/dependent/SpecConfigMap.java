package io.vclip.operator.dependent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.yaml.ResourceYaml;
import java.util.Map;

/**
 * The resource as the trainer reads it ({@code vclip run} reads the same YAML): apiVersion, kind, name and
 * the spec with every default filled in, mounted at {@link TrainerEnv#specFilePath()}.
 */
public final class SpecConfigMap {

  private SpecConfigMap() {}

  public static String name(HasMetadata owner) {
    return owner.getMetadata().getName() + "-spec";
  }

  public static ConfigMap desired(CustomResource<?, ?> owner, String role) {
    return new ConfigMapBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(name(owner))
            .withNamespace(owner.getMetadata().getNamespace())
            .withLabels(Labels.of(owner.getMetadata().getName(), role))
            .withOwnerReferences(Ownership.ownedBy(owner))
            .build())
        .withData(Map.of(TrainerEnv.SPEC_FILE_NAME, ResourceYaml.write(specOnly(owner))))
        .build();
  }

  /** A copy without status and server-side metadata: the trainer must not depend on either. */
  private static HasMetadata specOnly(CustomResource<?, ?> owner) {
    CustomResource<?, ?> copy = Serialization.clone(owner);
    copy.setStatus(null);
    copy.setMetadata(new ObjectMetaBuilder()
        .withName(owner.getMetadata().getName())
        .withNamespace(owner.getMetadata().getNamespace())
        .build());
    return copy;
  }
}
