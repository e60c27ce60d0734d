package io.vclip.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.vclip.crds.contract.TerminationReport;
import io.vclip.crds.contract.TrainerEnv;
import io.vclip.crds.v1alpha1.GangProvider;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingStatus;
import io.vclip.operator.dependent.HeadlessService;
import io.vclip.operator.dependent.PodGroupManifest;
import io.vclip.operator.dependent.SpecConfigMap;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.testing.Harness;
import io.vclip.operator.testing.TestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The life cycle of a VideoClipTraining, walked by setting pod phases and exit codes as a kubelet would.
 * Runs against whatever {@link #newCluster()} gives: the mock API server, or a real cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrainingLifecycleScenarios {

  private TestCluster cluster;
  Harness h;

  abstract TestCluster newCluster();

  /** One API server (or namespace) per class: every scenario uses its own resource names. */
  @BeforeAll
  void startCluster() {
    cluster = newCluster();
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
  void createdRunningWorkerFailsGroupRestartsWithNewRunIdThenSucceeds() {
    h.create(h.quickstart("qs"));
    h.reconcile("qs");
    VideoClipTrainingStatus st = h.training("qs").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.CREATED);
    assertThat(condition(st, "Created").getStatus()).isEqualTo("True");
    String firstRun = st.getRunId();
    List<Pod> pods = h.pods("qs");
    assertThat(pods).extracting(p -> p.getMetadata().getName()).containsExactly("qs-worker-0", "qs-worker-1");
    assertThat(env(pods.get(1))).containsEntry(TrainerEnv.RANK, "1").containsEntry(TrainerEnv.WORLD_SIZE, "2")
        .containsEntry(TrainerEnv.MASTER_ADDR, "qs-worker-0.qs").containsEntry(TrainerEnv.RUN_ID, firstRun)
        .containsEntry(TrainerEnv.LOCAL_WORLD_SIZE, "1").containsEntry(TrainerEnv.SPEC_FILE, "/etc/vclip/spec.yaml")
        .containsEntry(TrainerEnv.JOB, "qs").containsEntry(TrainerEnv.S3_ENDPOINT, "http://minio.vclip-system:9000");
    assertThat(h.client.services().inNamespace(h.cluster.namespace()).withName(HeadlessService.name(h.training("qs"))).get()
        .getSpec().getClusterIP()).isEqualTo("None");
    assertThat(h.client.configMaps().inNamespace(h.cluster.namespace()).withName("qs-spec").get().getData().get("spec.yaml"))
        .contains("kind: VideoClipTraining").contains("globalBatchSize: 32");

    h.runAll("qs");
    h.reconcile("qs");
    st = h.training("qs").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.RUNNING);
    assertThat(st.getReadyReplicas()).isEqualTo(2);

    h.kubelet.exit(h.pods("qs").get(1), 137, "Killed: out of memory in the data loader");
    h.reconcile("qs");
    st = h.training("qs").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.RESTARTING);
    assertThat(st.getRestarts()).isEqualTo(1);
    assertThat(st.getFailureRestarts()).isEqualTo(1);
    assertThat(condition(st, "Restarting").getReason()).isEqualTo("WorkerFailed");
    assertThat(condition(st, "Restarting").getMessage()).contains("worker 1", "code 137", "out of memory", "in 10 s");
    assertThat(condition(st, "Running").getStatus()).isEqualTo("False");
    assertThat(st.getNextRestartTime()).isEqualTo(h.clock.instant().plusSeconds(10).toString());

    h.reconcile("qs");
    assertThat(h.pods("qs")).as("no new pods before the back-off ends").isEmpty();

    h.clock.advance(Duration.ofSeconds(10));
    h.reconcile("qs");
    st = h.training("qs").getStatus();
    assertThat(st.getRunId()).isNotEqualTo(firstRun);
    assertThat(h.pods("qs")).hasSize(2).allSatisfy(p -> assertThat(env(p)).containsEntry(TrainerEnv.RUN_ID, h.training("qs").getStatus().getRunId()));
    h.runAll("qs");
    h.reconcile("qs");
    assertThat(h.training("qs").getStatus().getPhase()).isEqualTo(TrainingPhase.RUNNING);

    TerminationReport report = new TerminationReport(240L, 240L, 1.25, 812.5,
        new TerminationReport.Checkpoint(240L, "s3://vclip/runs/qs/step-240/", "2026-11-22T12:30:00Z"), null, null);
    h.kubelet.exit(h.pods("qs").get(0), 0, report.toJson());
    h.reconcile("qs");
    assertThat(h.training("qs").getStatus().getPhase()).as("never Succeeded while a worker still runs").isEqualTo(TrainingPhase.RUNNING);

    h.kubelet.exit(h.pods("qs").get(1), 0, "");
    h.reconcile("qs");
    st = h.training("qs").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.SUCCEEDED);
    assertThat(st.getProgress()).isEqualTo("240/240");
    assertThat(st.getLatestLoss()).isEqualTo(1.25);
    assertThat(st.getSamplesPerSecond()).isEqualTo(812.5);
    assertThat(st.getLastCheckpoint().getUri()).isEqualTo("s3://vclip/runs/qs/step-240/");
    assertThat(st.getCompletionTime()).isNotNull();
    assertThat(condition(st, "Succeeded").getStatus()).isEqualTo("True");
    assertThat(reasons("qs")).contains("PodGroupCreated", "Running", "WorkerFailed", "GroupRestarted", "Succeeded");
    assertThat(sum(OperatorMetrics.GROUP_RESTARTS)).isEqualTo(1);
    assertThat(count(OperatorMetrics.TIME_TO_ALL_RUNNING)).isEqualTo(2);
    assertThat(count(OperatorMetrics.RECONCILE_DURATION)).isEqualTo(sum(OperatorMetrics.RECONCILES)).as("one per reconcile call").isEqualTo(8);
    assertThat(jobsIn("Succeeded")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void badConfigExitFailsAtOnceAndStopsTheOtherWorkers() {
    h.create(h.quickstart("bad"));
    h.reconcile("bad");
    h.runAll("bad");
    h.reconcile("bad");
    String reason = "spec.model.pretrained.uri: s3://weights/missing.safetensors does not exist";
    h.kubelet.exit(h.pods("bad").get(0), 2, new TerminationReport(null, null, null, null, null, null, reason).toJson());
    h.reconcile("bad");
    VideoClipTrainingStatus st = h.training("bad").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.FAILED);
    assertThat(st.getRestarts()).isZero();
    assertThat(condition(st, "Failed").getReason()).isEqualTo("BadConfig");
    assertThat(condition(st, "Failed").getMessage()).contains("code 2", reason);
    assertThat(h.pods("bad")).as("cleanPodPolicy Running deletes the worker that still ran")
        .extracting(p -> p.getMetadata().getName()).containsExactly("bad-worker-0");
  }

  @Test
  void backoffDoublesAndTheLimitEndsTheJob() {
    VideoClipTraining training = h.quickstart("flaky");
    training.getSpec().getRunPolicy().setBackoffLimit(2);
    h.create(training);
    List<String> delays = new ArrayList<>();
    for (int failure = 1; failure <= 3; failure++) {
      h.reconcile("flaky");
      h.runAll("flaky");
      h.reconcile("flaky");
      h.kubelet.exit(h.pods("flaky").get(0), 1, "gloo: Connection closed by peer");
      h.reconcile("flaky");
      VideoClipTrainingStatus st = h.training("flaky").getStatus();
      if (st.getPhase() == TrainingPhase.RESTARTING) {
        delays.add(Duration.between(h.clock.instant(), Instant.parse(st.getNextRestartTime())).toString());
        h.reconcile("flaky");
        h.clock.advance(Duration.ofMinutes(1));
      }
    }
    VideoClipTrainingStatus st = h.training("flaky").getStatus();
    assertThat(delays).containsExactly("PT10S", "PT20S");
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.FAILED);
    assertThat(condition(st, "Failed").getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(condition(st, "Failed").getMessage()).contains("backoffLimit (2)");
    assertThat(st.getFailureRestarts()).isEqualTo(2);
  }

  @Test
  void preemptionAfterCheckpointRestartsWithoutCountingOrWaiting() {
    VideoClipTraining training = h.quickstart("pre");
    training.getSpec().getRunPolicy().setBackoffLimit(0);
    h.create(training);
    h.reconcile("pre");
    h.runAll("pre");
    h.reconcile("pre");
    h.kubelet.exit(h.pods("pre").get(1), 3, "");
    h.reconcile("pre");
    VideoClipTrainingStatus st = h.training("pre").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.RESTARTING);
    assertThat(condition(st, "Restarting").getReason()).isEqualTo("Preempted");
    assertThat(st.getRestarts()).isEqualTo(1);
    assertThat(st.getFailureRestarts()).isZero();
    h.reconcile("pre");
    assertThat(h.pods("pre")).hasSize(2);
  }

  @Test
  void activeDeadlineEndsTheJob() {
    h.create(h.quickstart("slow"));
    h.reconcile("slow");
    h.runAll("slow");
    assertThat(h.reconcile("slow")).as("running jobs are looked at again for new checkpoints").contains(Duration.ofSeconds(60));
    h.clock.advance(Duration.ofSeconds(3590));
    assertThat(h.reconcile("slow")).as("but never later than the deadline").contains(Duration.ofSeconds(10));
    h.clock.advance(Duration.ofSeconds(10));
    h.reconcile("slow");
    VideoClipTrainingStatus st = h.training("slow").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.FAILED);
    assertThat(condition(st, "Failed").getReason()).isEqualTo("DeadlineExceeded");
    assertThat(condition(st, "Failed").getMessage()).contains("activeDeadlineSeconds (3600 s)");
    assertThat(h.pods("slow")).isEmpty();
  }

  @Test
  void suspendDeletesPodsAndResumeStartsANewRun() {
    h.create(h.quickstart("sus"));
    h.reconcile("sus");
    h.runAll("sus");
    h.reconcile("sus");
    String run = h.training("sus").getStatus().getRunId();

    edit("sus", t -> t.getSpec().getRunPolicy().setSuspend(true));
    h.reconcile("sus");
    VideoClipTrainingStatus st = h.training("sus").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.SUSPENDED);
    assertThat(condition(st, "Suspended").getStatus()).isEqualTo("True");
    assertThat(condition(st, "Running").getStatus()).isEqualTo("False");
    assertThat(h.pods("sus")).isEmpty();
    h.reconcile("sus");
    assertThat(h.pods("sus")).isEmpty();

    edit("sus", t -> t.getSpec().getRunPolicy().setSuspend(false));
    h.reconcile("sus");
    st = h.training("sus").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.CREATED);
    assertThat(condition(st, "Suspended").getStatus()).isEqualTo("False");
    assertThat(condition(st, "Suspended").getReason()).isEqualTo("Resumed");
    assertThat(st.getRunId()).isNotEqualTo(run);
    assertThat(h.pods("sus")).hasSize(2);
  }

  @Test
  void everyObjectIsOwnedSoDeletingTheTrainingCleansUp() {
    h.create(h.quickstart("own"));
    h.reconcile("own");
    String uid = h.training("own").getMetadata().getUid();
    List<HasMetadata> children = new ArrayList<>(h.pods("own"));
    children.add(h.client.services().inNamespace(h.cluster.namespace()).withName("own").get());
    children.add(h.client.configMaps().inNamespace(h.cluster.namespace()).withName(SpecConfigMap.name(h.training("own"))).get());
    assertThat(children).hasSize(4).allSatisfy(child -> assertThat(child.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(ref -> {
          assertThat(ref.getUid()).isEqualTo(uid);
          assertThat(ref.getController()).isTrue();
          assertThat(ref.getKind()).isEqualTo("VideoClipTraining");
        }));
    h.client.resource(h.training("own")).delete();
    if (h.cluster.isReal()) {
      h.client.pods().inNamespace(h.cluster.namespace()).withLabel("vclip.io/job", "own")
          .informOnCondition(pods -> pods.isEmpty()).orTimeout(60, TimeUnit.SECONDS).join();
      assertThat(h.pods("own")).as("garbage-collected with their owner").isEmpty();
    }
    assertThat(h.training("own")).isNull();
  }

  @Test
  void finishedJobIsDeletedAfterItsTtl() {
    VideoClipTraining training = h.quickstart("ttl");
    training.getSpec().getRunPolicy().setTtlSecondsAfterFinished(60);
    h.create(training);
    h.reconcile("ttl");
    h.runAll("ttl");
    h.reconcile("ttl");
    h.pods("ttl").forEach(p -> h.kubelet.exit(p, 0, ""));
    Duration next = h.reconcile("ttl").orElseThrow();
    assertThat(h.training("ttl").getStatus().getPhase()).isEqualTo(TrainingPhase.SUCCEEDED);
    assertThat(next).isEqualTo(Duration.ofSeconds(60));
    h.clock.advance(Duration.ofSeconds(30));
    h.reconcile("ttl");
    assertThat(h.training("ttl")).isNotNull();
    h.clock.advance(Duration.ofSeconds(30));
    h.reconcile("ttl");
    assertThat(h.training("ttl")).isNull();
  }

  @Test
  void invalidSpecGetsAConditionAndAnEventNamingTheFieldAndNoPods() {
    VideoClipTraining training = h.quickstart("inv");
    training.getSpec().getOptimization().setWarmupSteps(500);
    h.create(training);
    h.reconcile("inv");
    VideoClipTrainingStatus st = h.training("inv").getStatus();
    assertThat(st.getPhase()).isEqualTo(TrainingPhase.FAILED);
    assertThat(condition(st, "Failed").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(st, "Failed").getMessage()).isEqualTo("spec.optimization.warmupSteps: must be in [0, maxSteps (240)), got 500");
    assertThat(h.events("inv")).singleElement().satisfies(e -> {
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo("InvalidSpec");
      assertThat(e.getMessage()).contains("spec.optimization.warmupSteps");
    });
    assertThat(h.pods("inv")).isEmpty();
    h.reconcile("inv");
    assertThat(h.events("inv")).as("the same problem is reported once").hasSize(1);

    edit("inv", t -> t.getSpec().getOptimization().setWarmupSteps(20));
    h.reconcile("inv");
    assertThat(h.training("inv").getStatus().getPhase()).isEqualTo(TrainingPhase.CREATED);
    assertThat(h.pods("inv")).hasSize(2);
  }

  @Test
  void missingCredentialsSecretIsAnInvalidSpecNamingTheField() {
    VideoClipTraining training = h.quickstart("nosecret");
    training.getSpec().getCheckpoint().getStore().getCredentialsSecret().setName("does-not-exist");
    h.create(training);
    h.reconcile("nosecret");
    assertThat(condition(h.training("nosecret").getStatus(), "Failed").getMessage()).isEqualTo(
        "spec.checkpoint.store.credentialsSecret.name: Secret 'does-not-exist' not found in namespace '" + h.cluster.namespace() + "'");
    assertThat(h.pods("nosecret")).isEmpty();
  }

  @Test
  void coschedulingGetsAPodGroupOrFailsClearlyWithoutItsCrd() {
    VideoClipTraining training = h.quickstart("gang");
    training.getSpec().getRunPolicy().getGang().setProvider(GangProvider.COSCHEDULING);
    h.create(training);
    h.reconcile("gang");
    boolean crdInstalled = h.client.apiextensions().v1().customResourceDefinitions()
        .withName("podgroups.scheduling.x-k8s.io").get() != null;
    var podGroup = h.client.genericKubernetesResources(PodGroupManifest.COSCHEDULING)
        .inNamespace(h.cluster.namespace()).withName("gang").get();
    if (podGroup != null) {
      assertThat(podGroup.getAdditionalProperties().get("spec")).isEqualTo(Map.of("minMember", 2, "scheduleTimeoutSeconds", 600));
      assertThat(h.pods("gang")).hasSize(2)
          .allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry("scheduling.x-k8s.io/pod-group", "gang"));
    } else {
      assertThat(crdInstalled).as("a PodGroup is missing although its CRD is installed").isFalse();
      VideoClipTrainingStatus st = h.training("gang").getStatus();
      assertThat(condition(st, "Failed").getReason()).isEqualTo("GangSchedulerMissing");
      assertThat(condition(st, "Failed").getMessage()).contains("scheduling.x-k8s.io/v1alpha1", "gang.provider");
    }
  }

  void edit(String name, Consumer<VideoClipTraining> change) {
    VideoClipTraining training = h.training(name);
    change.accept(training);
    h.client.resource(training).update();
  }

  static Condition condition(VideoClipTrainingStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + status.getConditions()));
  }

  static Map<String, String> env(Pod pod) {
    return pod.getSpec().getContainers().get(0).getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  List<String> reasons(String name) {
    return h.events(name).stream().map(e -> e.getReason()).toList();
  }

  long sum(String metric) {
    return h.metricReader.collectAllMetrics().stream().filter(m -> m.getName().equals(metric))
        .flatMap(m -> m.getLongSumData().getPoints().stream()).mapToLong(p -> p.getValue()).sum();
  }

  long jobsIn(String phase) {
    return h.metricReader.collectAllMetrics().stream().filter(m -> m.getName().equals(OperatorMetrics.JOBS))
        .flatMap(m -> m.getLongGaugeData().getPoints().stream())
        .filter(p -> phase.equals(p.getAttributes().get(AttributeKey.stringKey("phase"))))
        .mapToLong(p -> p.getValue()).sum();
  }

  long count(String metric) {
    return h.metricReader.collectAllMetrics().stream().filter(m -> m.getName().equals(metric))
        .map(MetricData::getHistogramData).flatMap(d -> d.getPoints().stream()).mapToLong(p -> p.getCount()).sum();
  }
}
