package io.vclip.crds.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A data-parallel pretraining job: one pod per replica, restarted as a group, resumed from its last
 * committed checkpoint. The same YAML runs locally with {@code vclip run}.
 */
@Group(VideoClipTraining.GROUP)
@Version(VideoClipTraining.VERSION)
@Kind("VideoClipTraining")
@Plural("videocliptrainings")
@Singular("videocliptraining")
@ShortNames("vct")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class VideoClipTraining extends CustomResource<VideoClipTrainingSpec, VideoClipTrainingStatus> implements Namespaced {

  public static final String GROUP = "vclip.io";
  public static final String VERSION = "v1alpha1";

  @Override
  protected VideoClipTrainingStatus initStatus() {
    return new VideoClipTrainingStatus();
  }
}
