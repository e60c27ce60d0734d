package io.vclip.operator.testing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.operator.controller.VideoClipEvalController;
import io.vclip.operator.controller.VideoClipTrainingController;
import io.vclip.operator.dependent.EvalJob;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.observer.CommittedCheckpoints;
import io.vclip.operator.reconciler.RestartBackoff;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Drives the real controllers against a {@link TestCluster} the way JOSDK would, one reconcile at a time,
 * with the pods listed from the API server instead of an informer cache.
 */
public final class Harness implements AutoCloseable {

  public static final RestartBackoff BACKOFF = new RestartBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5));
  /** On a real cluster pods name a scheduler that does not exist, so no kubelet ever competes with {@link Kubelet}. */
  public static final String NO_SCHEDULER = "vclip-test-no-scheduler";

  public final TestCluster cluster;
  public final KubernetesClient client;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
  public final InMemoryMetricReader metricReader = InMemoryMetricReader.create();
  public final Kubelet kubelet;
  private final SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(metricReader).build();
  public final VideoClipTrainingController trainings;
  public final VideoClipEvalController evals;

  public Harness(TestCluster cluster) {
    this.cluster = cluster;
    this.client = cluster.client();
    this.kubelet = new Kubelet(client);
    OperatorMetrics metrics = new OperatorMetrics(meterProvider.get("test"));
    this.trainings = new VideoClipTrainingController(client, clock, BACKOFF, metrics, new CommittedCheckpoints(client));
    this.evals = new VideoClipEvalController(client, clock, metrics);
    metrics.observePhases("VideoClipTraining", () -> client.resources(VideoClipTraining.class)
        .inNamespace(cluster.namespace()).list().getItems().stream()
        .map(t -> t.getStatus() == null || t.getStatus().getPhase() == null ? "Pending" : t.getStatus().getPhase().toString()));
  }

  /** The quickstart example, renamed, in the test namespace (and unschedulable on a real cluster). */
  public VideoClipTraining quickstart(String name) {
    VideoClipTraining training = ResourceYaml.read(Path.of("..", "examples", "quickstart.yaml"), VideoClipTraining.class);
    training.getMetadata().setName(name);
    training.getMetadata().setNamespace(cluster.namespace());
    if (cluster.isReal()) {
      training.getSpec().getRunPolicy().getGang().setSchedulerName(NO_SCHEDULER);
    }
    return training;
  }

  public VideoClipEval lvdrEval(String name) {
    VideoClipEval eval = ResourceYaml.read(Path.of("..", "examples", "lvdr-eval.yaml"), VideoClipEval.class);
    eval.getMetadata().setName(name);
    eval.getMetadata().setNamespace(cluster.namespace());
    return eval;
  }

  public VideoClipTraining create(VideoClipTraining training) {
    return client.resource(training).create();
  }

  public VideoClipEval create(VideoClipEval eval) {
    return client.resource(eval).create();
  }

  public VideoClipTraining training(String name) {
    return client.resources(VideoClipTraining.class).inNamespace(cluster.namespace()).withName(name).get();
  }

  public VideoClipEval eval(String name) {
    return client.resources(VideoClipEval.class).inNamespace(cluster.namespace()).withName(name).get();
  }

  public Optional<Duration> reconcile(String name) {
    return trainings.reconcile(training(name), pods(name));
  }

  public Optional<Duration> reconcileEval(String name) {
    VideoClipEval eval = eval(name);
    var job = client.batch().v1().jobs().inNamespace(cluster.namespace()).withName(EvalJob.name(eval)).get();
    return evals.reconcile(eval, job);
  }

  /** Worker pods of a training, by rank. */
  public List<Pod> pods(String name) {
    return client.pods().inNamespace(cluster.namespace()).withLabel(Labels.JOB, name).withLabel(Labels.ROLE, Labels.WORKER)
        .list().getItems().stream()
        .sorted(Comparator.comparing(p -> Integer.parseInt(p.getMetadata().getLabels().get(Labels.RANK))))
        .toList();
  }

  public List<Event> events(String name) {
    return client.v1().events().inNamespace(cluster.namespace()).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  public void runAll(String name) {
    pods(name).forEach(kubelet::run);
  }

  /** Closes the metrics; the cluster belongs to the caller. */
  @Override
  public void close() {
    meterProvider.close();
  }
}
