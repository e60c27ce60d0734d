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

/** Retrieval / LVDR / DDR / HDR evaluation of a checkpoint, run as one Job. */
@Group(VideoClipTraining.GROUP)
@Version(VideoClipTraining.VERSION)
@Kind("VideoClipEval")
@Plural("videoclipevals")
@Singular("videoclipeval")
@ShortNames("vce")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class VideoClipEval extends CustomResource<VideoClipEvalSpec, VideoClipEvalStatus> implements Namespaced {

  @Override
  protected VideoClipEvalStatus initStatus() {
    return new VideoClipEvalStatus();
  }
}
