package io.vclip.crds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.crds.v1alpha1.GangPolicy;
import io.vclip.crds.v1alpha1.SyntheticData;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingValidatorTest {

  private static VideoClipTraining quickstart() {
    return ResourceYaml.read(Path.of("..", "examples", "quickstart.yaml"), VideoClipTraining.class);
  }

  private static List<String> errors(VideoClipTraining training, Target target) {
    return TrainingValidator.validate(training, target).stream().map(FieldError::toString).toList();
  }

  @Test
  void quickstartIsValidEverywhere() {
    assertThat(errors(quickstart(), Target.LOCAL)).isEmpty();
    assertThat(errors(quickstart(), Target.CLUSTER)).isEmpty();
  }

  @Test
  void batchMustSplitEvenlyOverReplicasAndAccumulation() {
    VideoClipTraining training = quickstart();
    training.getSpec().getOptimization().setGlobalBatchSize(33);
    assertThat(errors(training, Target.LOCAL))
        .containsExactly("spec.optimization.globalBatchSize: must be divisible by replicas x accumulationSteps (2), got 33");
    training.getSpec().getOptimization().setGlobalBatchSize(32);
    training.getSpec().getOptimization().setAccumulationSteps(3);
    assertThat(errors(training, Target.LOCAL)).containsExactly(
        "spec.optimization.globalBatchSize: must be divisible by replicas x accumulationSteps (6), got 32");
  }

  @Test
  void exactlyOneDataSource() {
    VideoClipTraining training = quickstart();
    training.getSpec().getData().setShards("s3://datasets/train/");
    assertThat(errors(training, Target.LOCAL)).contains("spec.data: exactly one of data.synthetic and data.shards must be set");
    training.getSpec().getData().setShards(null);
    training.getSpec().getData().setSynthetic(null);
    assertThat(errors(training, Target.LOCAL)).contains("spec.data: exactly one of data.synthetic and data.shards must be set");
  }

  @Test
  void shardsNeedATokenizerAndS3OnACluster() {
    VideoClipTraining training = quickstart();
    training.getSpec().getData().setSynthetic(null);
    training.getSpec().getData().setShards("/data/vild");
    assertThat(errors(training, Target.LOCAL)).containsExactly(
        "spec.model.tokenizer: is required with data.shards (only the synthetic world generates its tokenizer)");
    assertThat(errors(training, Target.CLUSTER)).contains(
        "spec.data.shards: must be an s3:// URI on a cluster (pods do not see local paths), got '/data/vild'");
  }

  @Test
  void gangMinimumCannotExceedReplicas() {
    VideoClipTraining training = quickstart();
    GangPolicy gang = training.getSpec().getRunPolicy().getGang();
    gang.setMinAvailable(3);
    assertThat(errors(training, Target.LOCAL)).containsExactly("spec.runPolicy.gang.minAvailable: must be in [1, replicas (2)], got 3");
  }

  @Test
  void clusterRunsNeedAStoreWithASecret() {
    VideoClipTraining training = quickstart();
    training.getSpec().getCheckpoint().getStore().setCredentialsSecret(null);
    assertThat(errors(training, Target.LOCAL)).isEmpty();
    assertThat(errors(training, Target.CLUSTER)).containsExactly(
        "spec.checkpoint.store.credentialsSecret: is required on a cluster (credentials are never inline in the spec)");
    training.getSpec().getCheckpoint().setStore(null);
    assertThat(errors(training, Target.CLUSTER)).containsExactly(
        "spec.checkpoint.store: is required on a cluster (the embedded S3 exists only for vclip run)");
  }

  @Test
  void fatalExitCodesCannotBeMadeRetryable() {
    VideoClipTraining training = quickstart();
    training.getSpec().getRunPolicy().setRestartOnExitCodes(List.of(1, 2, 137));
    assertThat(errors(training, Target.LOCAL)).containsExactly(
        "spec.runPolicy.restartOnExitCodes[1]: must be in [1, 255] and not a fatal code (2 bad config, 4 non-finite loss), got 2");
  }

  @Test
  void namesMustFitPodHostNames() {
    VideoClipTraining training = quickstart();
    training.getMetadata().setName("a".repeat(60));
    assertThat(errors(training, Target.CLUSTER)).containsExactly(
        "metadata.name: must be at most 51 characters so that pod host names stay within 63, got 60");
    training.getMetadata().setName("Quick_Start");
    assertThat(errors(training, Target.CLUSTER)).hasSize(1).first().asString().startsWith("metadata.name: must be a DNS label");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    VideoClipTraining training = quickstart();
    training.getSpec().setReplicas(0);
    training.getSpec().getResources().setMemory("lots");
    training.getSpec().getOptimization().setBetas(List.of(0.9, 1.0));
    SyntheticData world = training.getSpec().getData().getSynthetic();
    world.setFrameSize(4);
    training.getSpec().getObjective().getContrastive().setWeight(0);
    training.getSpec().getObjective().getTpcm().setEnabled(false);
    training.getSpec().getObjective().getDdr().setEnabled(false);
    training.getSpec().getObjective().getHdr().setEnabled(false);
    assertThat(errors(training, Target.LOCAL)).containsExactlyInAnyOrder(
        "spec.replicas: must be in [1, 1024], got 0",
        "spec.resources.memory: must be a Kubernetes quantity such as 500m, 2 or 4Gi, got 'lots'",
        "spec.data.synthetic.frameSize: must be in [8, 1024], got 4",
        "spec.objective: at least one enabled term must have a positive weight",
        "spec.optimization.betas[1]: must be in [0, 1), got 1.0");
  }
}
