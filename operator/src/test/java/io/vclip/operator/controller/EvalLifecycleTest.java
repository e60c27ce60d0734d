package io.vclip.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.CheckpointRef;
import io.vclip.crds.v1alpha1.CheckpointSource;
import io.vclip.crds.v1alpha1.EvalPhase;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalStatus;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingStatus;
import io.vclip.operator.testing.Harness;
import io.vclip.operator.testing.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * VideoClipEval on the mock API server. The mock has no Job controller, so the test plays it: it creates the
 * Job's pod with the termination message the eval leaves and marks the Job complete or failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalLifecycleTest {

  private TestCluster cluster;
  private Harness h;

  @BeforeAll
  void startCluster() {
    cluster = TestCluster.mock();
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @BeforeEach
  void start() {
    h = new Harness(cluster);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void waitsForTheTrainingThenEvaluatesItsLatestCheckpointAndFoldsTheResults() {
    h.create(h.quickstart("quickstart"));
    h.create(h.lvdrEval("lvdr"));
    h.reconcileEval("lvdr");
    VideoClipEvalStatus st = h.eval("lvdr").getStatus();
    assertThat(st.getPhase()).isEqualTo(EvalPhase.WAITING);
    assertThat(condition(st, "Created").getReason()).isEqualTo("WaitingForTraining");
    assertThat(job("lvdr")).isNull();

    VideoClipTraining training = h.training("quickstart");
    VideoClipTrainingStatus trained = new VideoClipTrainingStatus();
    trained.setPhase(TrainingPhase.SUCCEEDED);
    CheckpointRef checkpoint = new CheckpointRef();
    checkpoint.setStep(240L);
    checkpoint.setUri("s3://vclip/runs/quickstart/step-240/");
    trained.setLastCheckpoint(checkpoint);
    training.setStatus(trained);
    h.client.resource(training).updateStatus();

    h.reconcileEval("lvdr");
    st = h.eval("lvdr").getStatus();
    assertThat(st.getPhase()).isEqualTo(EvalPhase.RUNNING);
    assertThat(st.getCheckpointUri()).isEqualTo("s3://vclip/runs/quickstart/step-240/");
    Job job = job("lvdr");
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getArgs()).containsExactly("eval", "--checkpoint", "s3://vclip/runs/quickstart/step-240/");
    assertThat(container.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo(TrainerEnv.CHECKPOINT_URI);
      assertThat(e.getValue()).isEqualTo("s3://vclip/runs/quickstart/step-240/");
    });
    assertThat(h.client.configMaps().inNamespace(cluster.namespace()).withName("lvdr-spec").get().getData().get("spec.yaml"))
        .contains("kind: VideoClipEval");

    var results = Map.of("retrieval.t2v.r1", 0.61, "lvdr.p4.q1", 0.93, "ddr.accuracy", 0.88);
    finishJob(job, 0, new TerminationReport(null, null, null, null, null, results, null).toJson());
    h.reconcileEval("lvdr");
    st = h.eval("lvdr").getStatus();
    assertThat(st.getPhase()).isEqualTo(EvalPhase.SUCCEEDED);
    assertThat(st.getResults()).isEqualTo(results);
    assertThat(h.events("lvdr")).extracting(e -> e.getReason()).contains("WaitingForTraining", "JobCreated", "ResultsReady");
  }

  @Test
  void failedJobFailsTheEvalWithTheTrainersReason() {
    VideoClipEval eval = h.lvdrEval("explicit");
    CheckpointSource source = new CheckpointSource();
    source.setUri("s3://vclip/runs/other/step-100/");
    eval.getSpec().setFromTraining(null);
    eval.getSpec().setCheckpoint(source);
    h.create(eval);
    h.reconcileEval("explicit");
    assertThat(h.eval("explicit").getStatus().getPhase()).isEqualTo(EvalPhase.RUNNING);
    String reason = "s3://vclip/runs/other/step-100/manifest.json: no such object";
    finishJob(job("explicit"), 2, new TerminationReport(null, null, null, null, null, null, reason).toJson());
    h.reconcileEval("explicit");
    VideoClipEvalStatus st = h.eval("explicit").getStatus();
    assertThat(st.getPhase()).isEqualTo(EvalPhase.FAILED);
    assertThat(condition(st, "Failed").getMessage()).contains("explicit-eval failed", reason);
  }

  @Test
  void invalidEvalGetsAConditionAndAnEventAndNoJob() {
    VideoClipEval eval = h.lvdrEval("both");
    CheckpointSource source = new CheckpointSource();
    source.setUri("s3://vclip/runs/other/step-100/");
    eval.getSpec().setCheckpoint(source);
    h.create(eval);
    h.reconcileEval("both");
    VideoClipEvalStatus st = h.eval("both").getStatus();
    assertThat(st.getPhase()).isEqualTo(EvalPhase.FAILED);
    assertThat(condition(st, "Failed").getMessage()).isEqualTo("spec: exactly one of checkpoint and fromTraining must be set");
    assertThat(h.events("both")).singleElement().satisfies(e -> assertThat(e.getReason()).isEqualTo("InvalidSpec"));
    assertThat(job("both")).isNull();
  }

  private Job job(String eval) {
    return h.client.batch().v1().jobs().inNamespace(cluster.namespace()).withName(eval + "-eval").get();
  }

  private void finishJob(Job job, int exitCode, String terminationMessage) {
    Pod pod = new PodBuilder()
        .withNewMetadata().withName(job.getMetadata().getName() + "-x7k2p").withNamespace(cluster.namespace())
          .withLabels(Map.of("job-name", job.getMetadata().getName())).endMetadata()
        .withSpec(job.getSpec().getTemplate().getSpec())
        .build();
    pod = h.client.resource(pod).create();
    pod.setStatus(new PodStatusBuilder()
        .withPhase(exitCode == 0 ? "Succeeded" : "Failed")
        .withContainerStatuses(new ContainerStatusBuilder().withName("eval")
            .withNewState().withNewTerminated().withExitCode(exitCode).withMessage(terminationMessage).endTerminated().endState()
            .build())
        .build());
    h.client.resource(pod).updateStatus();
    Job fresh = h.client.resource(job).get();
    fresh.setStatus(exitCode == 0
        ? new JobStatusBuilder().withSucceeded(1).build()
        : new JobStatusBuilder().withFailed(1)
            .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True").withReason("BackoffLimitExceeded").build())
            .build());
    h.client.resource(fresh).updateStatus();
  }

  private static Condition condition(VideoClipEvalStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + status.getConditions()));
  }
}
