package io.vclip.crds.validation;

import io.vclip.crds.contract.ExitCodes;
import io.vclip.crds.v1alpha1.CheckpointSpec;
import io.vclip.crds.v1alpha1.ModelSpec;
import io.vclip.crds.v1alpha1.ObjectiveSpec;
import io.vclip.crds.v1alpha1.OptimizationSpec;
import io.vclip.crds.v1alpha1.RankingTerm;
import io.vclip.crds.v1alpha1.RunPolicy;
import io.vclip.crds.v1alpha1.TelemetrySpec;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingSpec;
import java.util.List;

/**
 * Checks a VideoClipTraining beyond what the CRD schema can say: the operator runs it before creating any
 * pod, {@code vclip run} before starting any process. The CRD's CEL rules repeat the cross-field checks so
 * the API server rejects what it can, but old clusters and local runs rely on this class.
 */
public final class TrainingValidator {

  /** {@code <name>-worker-<rank>} must fit a 63-character host name with up to 4 rank digits. */
  static final int MAX_NAME_LENGTH = 63 - "-worker-".length() - 4;

  private TrainingValidator() {}

  public static List<FieldError> validate(VideoClipTraining training, Target target) {
    Problems problems = new Problems();
    SharedRules.name(training.getMetadata() == null ? null : training.getMetadata().getName(), MAX_NAME_LENGTH, problems);
    VideoClipTrainingSpec spec = training.getSpec();
    if (spec == null) {
      problems.add("spec", "is required");
      return problems.errors();
    }
    SharedRules.image(spec.getImage(), target, problems);
    problems.check(spec.getReplicas() >= 1 && spec.getReplicas() <= 1024, "spec.replicas",
        "must be in [1, 1024], got " + spec.getReplicas());
    SharedRules.resources(spec.getResources(), problems);
    model(spec.getModel(), spec, target, problems);
    SharedRules.data(spec.getData(), target, problems);
    objective(spec.getObjective(), problems);
    optimization(spec.getOptimization(), spec.getReplicas(), problems);
    checkpoint(spec.getCheckpoint(), target, problems);
    telemetry(spec.getTelemetry(), problems);
    runPolicy(spec.getRunPolicy(), spec.getReplicas(), problems);
    SharedRules.scheduling(spec.getScheduling(), problems);
    return problems.errors();
  }

  private static void model(ModelSpec model, VideoClipTrainingSpec spec, Target target, Problems problems) {
    if (model == null) {
      problems.add("spec.model", "must not be null");
      return;
    }
    problems.check(model.getPreset() != null, "spec.model.preset", "must be one of tiny, ViT-B/32, ViT-B/16, ViT-L/14");
    problems.check(model.getFrames() >= 1 && model.getFrames() <= 64, "spec.model.frames",
        "must be in [1, 64], got " + model.getFrames());
    if (model.getPretrained() != null) {
      String uri = model.getPretrained().getUri();
      if (uri == null) {
        problems.add("spec.model.pretrained.uri", "is required");
      } else {
        SharedRules.location(uri, "spec.model.pretrained.uri", target, problems);
      }
    }
    if (model.getTokenizer() != null) {
      String uri = model.getTokenizer().getUri();
      if (uri == null) {
        problems.add("spec.model.tokenizer.uri", "is required");
      } else {
        SharedRules.location(uri, "spec.model.tokenizer.uri", target, problems);
      }
    } else if (spec.getData() != null && spec.getData().getShards() != null) {
      problems.add("spec.model.tokenizer", "is required with data.shards (only the synthetic world generates its tokenizer)");
    }
  }

  private static void objective(ObjectiveSpec objective, Problems problems) {
    if (objective == null) {
      problems.add("spec.objective", "must not be null");
      return;
    }
    double contrastive = objective.getContrastive() == null ? 0 : objective.getContrastive().getWeight();
    problems.check(contrastive >= 0, "spec.objective.contrastive.weight", "must not be negative, got " + contrastive);
    double total = contrastive;
    var tpcm = objective.getTpcm();
    if (tpcm != null) {
      problems.check(tpcm.getWeight() >= 0, "spec.objective.tpcm.weight", "must not be negative, got " + tpcm.getWeight());
      problems.check(tpcm.getK() >= 1, "spec.objective.tpcm.k", "must be at least 1, got " + tpcm.getK());
      problems.check(tpcm.getMode() != null, "spec.objective.tpcm.mode", "must be adaptive or fixed");
      total += tpcm.isEnabled() ? tpcm.getWeight() : 0;
    }
    total += ranking(objective.getDdr(), "spec.objective.ddr", problems);
    total += ranking(objective.getHdr(), "spec.objective.hdr", problems);
    problems.check(total > 0, "spec.objective", "at least one enabled term must have a positive weight");
  }

  private static double ranking(RankingTerm term, String path, Problems problems) {
    if (term == null) {
      return 0;
    }
    problems.check(term.getWeight() >= 0, path + ".weight", "must not be negative, got " + term.getWeight());
    problems.check(term.getMargin() >= 0, path + ".margin", "must not be negative, got " + term.getMargin());
    problems.check(term.getSteps() >= 1 && term.getSteps() <= 16, path + ".steps", "must be in [1, 16], got " + term.getSteps());
    return term.isEnabled() ? term.getWeight() : 0;
  }

  private static void optimization(OptimizationSpec opt, int replicas, Problems problems) {
    if (opt == null) {
      problems.add("spec.optimization", "must not be null");
      return;
    }
    problems.check(opt.getMaxSteps() >= 1, "spec.optimization.maxSteps", "must be at least 1, got " + opt.getMaxSteps());
    problems.check(opt.getAccumulationSteps() >= 1, "spec.optimization.accumulationSteps",
        "must be at least 1, got " + opt.getAccumulationSteps());
    int divisor = Math.max(1, replicas) * Math.max(1, opt.getAccumulationSteps());
    if (opt.getGlobalBatchSize() < 1) {
      problems.add("spec.optimization.globalBatchSize", "must be at least 1, got " + opt.getGlobalBatchSize());
    } else if (opt.getGlobalBatchSize() % divisor != 0) {
      problems.add("spec.optimization.globalBatchSize",
          "must be divisible by replicas x accumulationSteps (" + divisor + "), got " + opt.getGlobalBatchSize());
    }
    problems.check(opt.getLearningRate() > 0 && Double.isFinite(opt.getLearningRate()), "spec.optimization.learningRate",
        "must be positive, got " + opt.getLearningRate());
    problems.check(opt.getNewParameterLrMultiplier() >= 0, "spec.optimization.newParameterLrMultiplier",
        "must not be negative, got " + opt.getNewParameterLrMultiplier());
    problems.check(opt.getWeightDecay() >= 0, "spec.optimization.weightDecay", "must not be negative, got " + opt.getWeightDecay());
    List<Double> betas = opt.getBetas();
    if (betas == null || betas.size() != 2) {
      problems.add("spec.optimization.betas", "must hold two values (beta1, beta2), got " + betas);
    } else {
      for (int i = 0; i < 2; i++) {
        Double beta = betas.get(i);
        problems.check(beta != null && beta >= 0 && beta < 1, "spec.optimization.betas[" + i + "]", "must be in [0, 1), got " + beta);
      }
    }
    problems.check(opt.getWarmupSteps() >= 0 && opt.getWarmupSteps() < opt.getMaxSteps(), "spec.optimization.warmupSteps",
        "must be in [0, maxSteps (" + opt.getMaxSteps() + ")), got " + opt.getWarmupSteps());
    problems.check(opt.getGradientClipNorm() >= 0, "spec.optimization.gradientClipNorm",
        "must not be negative (0 disables clipping), got " + opt.getGradientClipNorm());
    problems.check(opt.getPrecision() != null, "spec.optimization.precision", "must be fp32 or bf16");
  }

  private static void checkpoint(CheckpointSpec checkpoint, Target target, Problems problems) {
    if (checkpoint == null) {
      problems.add("spec.checkpoint", "must not be null");
      return;
    }
    SharedRules.store(checkpoint.getStore(), "spec.checkpoint.store", target, problems);
    problems.check(checkpoint.getIntervalSteps() >= 1, "spec.checkpoint.intervalSteps",
        "must be at least 1, got " + checkpoint.getIntervalSteps());
    problems.check(checkpoint.getKeepLast() >= 1, "spec.checkpoint.keepLast", "must be at least 1, got " + checkpoint.getKeepLast());
  }

  private static void telemetry(TelemetrySpec telemetry, Problems problems) {
    if (telemetry == null) {
      return;
    }
    problems.check(telemetry.getPrometheusPort() >= 0 && telemetry.getPrometheusPort() <= 65535,
        "spec.telemetry.prometheusPort", "must be in [0, 65535], got " + telemetry.getPrometheusPort());
  }

  private static void runPolicy(RunPolicy policy, int replicas, Problems problems) {
    if (policy == null) {
      problems.add("spec.runPolicy", "must not be null");
      return;
    }
    problems.check(policy.getBackoffLimit() >= 0, "spec.runPolicy.backoffLimit", "must not be negative, got " + policy.getBackoffLimit());
    List<Integer> codes = policy.getRestartOnExitCodes() == null ? List.of() : policy.getRestartOnExitCodes();
    for (int i = 0; i < codes.size(); i++) {
      Integer code = codes.get(i);
      boolean restartable = code != null && code > 0 && code < 256
          && code != ExitCodes.BAD_CONFIG && code != ExitCodes.NON_FINITE_LOSS;
      problems.check(restartable, "spec.runPolicy.restartOnExitCodes[" + i + "]",
          "must be in [1, 255] and not a fatal code (" + ExitCodes.BAD_CONFIG + " bad config, "
              + ExitCodes.NON_FINITE_LOSS + " non-finite loss), got " + code);
    }
    if (policy.getActiveDeadlineSeconds() != null) {
      problems.check(policy.getActiveDeadlineSeconds() >= 1, "spec.runPolicy.activeDeadlineSeconds",
          "must be at least 1, got " + policy.getActiveDeadlineSeconds());
    }
    if (policy.getTtlSecondsAfterFinished() != null) {
      problems.check(policy.getTtlSecondsAfterFinished() >= 0, "spec.runPolicy.ttlSecondsAfterFinished",
          "must not be negative, got " + policy.getTtlSecondsAfterFinished());
    }
    problems.check(policy.getCleanPodPolicy() != null, "spec.runPolicy.cleanPodPolicy", "must be None, Running or All");
    var gang = policy.getGang();
    if (gang != null) {
      problems.check(gang.getProvider() != null, "spec.runPolicy.gang.provider", "must be coscheduling, volcano or none");
      if (gang.getMinAvailable() != null) {
        problems.check(gang.getMinAvailable() >= 1 && gang.getMinAvailable() <= replicas, "spec.runPolicy.gang.minAvailable",
            "must be in [1, replicas (" + replicas + ")], got " + gang.getMinAvailable());
      }
      String queue = gang.getQueueName();
      if (queue != null && !queue.isEmpty()) {
        problems.check(queue.length() <= 63 && queue.matches("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"),
            "spec.runPolicy.gang.queueName", "must be a valid label value (it becomes kueue.x-k8s.io/queue-name), got '" + queue + "'");
      }
    }
  }
}
