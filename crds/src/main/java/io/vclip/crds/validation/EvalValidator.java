package io.vclip.crds.validation;

import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalSpec;
import java.util.List;

/** Checks a VideoClipEval before the operator creates its Job or {@code vclip eval} starts. */
public final class EvalValidator {

  /** The Job is {@code <name>-eval} and its pods add a 5-character suffix after another '-'. */
  static final int MAX_NAME_LENGTH = 63 - "-eval".length() - 6;

  private EvalValidator() {}

  public static List<FieldError> validate(VideoClipEval eval, Target target) {
    Problems problems = new Problems();
    SharedRules.name(eval.getMetadata() == null ? null : eval.getMetadata().getName(), MAX_NAME_LENGTH, problems);
    VideoClipEvalSpec spec = eval.getSpec();
    if (spec == null) {
      problems.add("spec", "is required");
      return problems.errors();
    }
    SharedRules.image(spec.getImage(), target, problems);
    boolean explicit = spec.getCheckpoint() != null;
    boolean fromTraining = spec.getFromTraining() != null;
    problems.check(explicit != fromTraining, "spec", "exactly one of checkpoint and fromTraining must be set");
    if (explicit) {
      String uri = spec.getCheckpoint().getUri();
      if (uri == null) {
        problems.add("spec.checkpoint.uri", "is required");
      } else {
        SharedRules.location(uri, "spec.checkpoint.uri", target, problems);
      }
    }
    if (fromTraining) {
      String name = spec.getFromTraining().getName();
      problems.check(name != null && !name.isBlank(), "spec.fromTraining.name", "is required");
    }
    SharedRules.data(spec.getData(), target, problems);
    problems.check(spec.getBenchmarks() != null && !spec.getBenchmarks().isEmpty() && !spec.getBenchmarks().contains(null),
        "spec.benchmarks", "must list at least one of retrieval, lvdr, ddr, hdr");
    if (spec.getLvdr() != null) {
      problems.check(spec.getLvdr().getP() >= 1, "spec.lvdr.p", "must be at least 1, got " + spec.getLvdr().getP());
      List<Integer> q = spec.getLvdr().getQ();
      problems.check(q != null && !q.isEmpty(), "spec.lvdr.q", "must list at least one level");
      if (q != null) {
        for (int i = 0; i < q.size(); i++) {
          problems.check(q.get(i) != null && q.get(i) >= 1, "spec.lvdr.q[" + i + "]", "must be at least 1, got " + q.get(i));
        }
      }
    }
    SharedRules.store(spec.getStore(), "spec.store", target, problems);
    SharedRules.resources(spec.getResources(), problems);
    SharedRules.scheduling(spec.getScheduling(), problems);
    problems.check(spec.getBackoffLimit() >= 0, "spec.backoffLimit", "must not be negative, got " + spec.getBackoffLimit());
    return problems.errors();
  }
}
