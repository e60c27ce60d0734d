package io.vclip.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.reconciler.RestartBackoff;
import io.vclip.operator.testing.Harness;
import io.vclip.operator.testing.TestCluster;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates N VideoClipTrainings (default 500, 2 replicas each) against the fabric8 mock API server with the
 * controller running under JOSDK, and prints the time until every pod group exists, reconcile latency
 * percentiles and the heap. Mock server and operator share the JVM: the heap figure is an upper bound.
 *
 * <pre>mvn -B -ntp -q -pl crds,operator test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.vclip.operator.bench.ReconcileBenchmark -Dexec.args=500</pre>
 */
public final class ReconcileBenchmark {

  private ReconcileBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (TestCluster cluster = TestCluster.mock(); SdkMeterProvider meters = SdkMeterProvider.builder().build()) {
      KubernetesClient client = cluster.client();
      Harness fixtures = new Harness(cluster);
      var reconciler = new TimedTrainingReconciler(client, new RestartBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5)),
          new OperatorMetrics(meters.get("bench")));
      Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
          .withUseSSAToPatchPrimaryResource(false).withConcurrentReconciliationThreads(threads));
      operator.register(reconciler, c -> c.settingNamespaces(cluster.namespace()));
      operator.start();

      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        VideoClipTraining training = fixtures.quickstart(String.format("bench-%04d", i));
        client.resource(training).create();
      }
      double createdAfter = (System.nanoTime() - start) / 1e9;
      int expectedPods = count * 2;
      int pods = 0;
      while (pods < expectedPods) {
        Thread.sleep(250);
        pods = client.pods().inNamespace(cluster.namespace()).withLabel(Labels.ROLE, Labels.WORKER).list().getItems().size();
        if ((System.nanoTime() - start) / 1e9 > 600) {
          throw new IllegalStateException("only " + pods + " of " + expectedPods + " pods after 600 s");
        }
      }
      double allPodsAfter = (System.nanoTime() - start) / 1e9;
      operator.stop();

      List<Long> sorted = new ArrayList<>(reconciler.nanos);
      Collections.sort(sorted);
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      System.out.printf("trainings: %d (2 replicas each), reconcile threads: %d, cores: %d%n",
          count, threads, Runtime.getRuntime().availableProcessors());
      System.out.printf("all %d resources created after %.2f s%n", count, createdAfter);
      System.out.printf("every pod group exists (%d pods) after %.2f s%n", expectedPods, allPodsAfter);
      System.out.printf("reconciles: %d, latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.size(),
          percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99), percentile(sorted, 1.0));
      System.out.printf("heap used after GC: %.1f MiB (operator + mock API server holding %d pods), committed %.1f MiB%n",
          heap.getUsed() / 1048576.0, expectedPods, heap.getCommitted() / 1048576.0);
    }
    System.exit(0);
  }

  private static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }
}
