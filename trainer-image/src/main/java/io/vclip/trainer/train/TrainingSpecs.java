package io.vclip.trainer.train;

import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.FieldError;
import io.vclip.crds.validation.Target;
import io.vclip.crds.validation.TrainingValidator;
import io.vclip.crds.yaml.InvalidResourceException;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.trainer.VclipUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a VideoClipTraining YAML and validates it once, at the edge; inner code trusts it. */
public final class TrainingSpecs {
  private TrainingSpecs() {}

  public static VideoClipTraining load(Path file, Target target) {
    if (!Files.isRegularFile(file)) {
      throw new VclipUserException("spec file " + file + " does not exist");
    }
    VideoClipTraining training;
    try {
      training = ResourceYaml.read(file, VideoClipTraining.class);
    } catch (InvalidResourceException e) {
      throw new VclipUserException(e.getMessage(), e);
    }
    List<FieldError> errors = TrainingValidator.validate(training, target);
    if (!errors.isEmpty()) {
      throw new VclipUserException(file + " is invalid:\n  "
          + errors.stream().map(FieldError::toString).collect(Collectors.joining("\n  ")));
    }
    return training;
  }
}
