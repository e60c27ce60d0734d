package io.vclip.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.operator.controller.VideoClipTrainingController;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.observer.CommittedCheckpoints;
import io.vclip.operator.reconciler.RestartBackoff;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The production controller, with each reconcile's wall time recorded for percentiles. */
@ControllerConfiguration(name = "videocliptraining-bench")
public class TimedTrainingReconciler implements Reconciler<VideoClipTraining> {

  private final VideoClipTrainingController delegate;
  final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

  TimedTrainingReconciler(KubernetesClient client, RestartBackoff backoff, OperatorMetrics metrics) {
    this.delegate = new VideoClipTrainingController(client, Clock.systemUTC(), backoff, metrics, new CommittedCheckpoints(client));
  }

  @Override
  public List<EventSource<?, VideoClipTraining>> prepareEventSources(EventSourceContext<VideoClipTraining> context) {
    return delegate.prepareEventSources(context);
  }

  @Override
  public UpdateControl<VideoClipTraining> reconcile(VideoClipTraining training, Context<VideoClipTraining> context) {
    long start = System.nanoTime();
    try {
      return delegate.reconcile(training, context);
    } finally {
      nanos.add(System.nanoTime() - start);
    }
  }
}
