package io.vclip.operator.controller;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipEvalStatus;
import io.vclip.crds.validation.FieldError;
import io.vclip.operator.dependent.EvalJob;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.observer.EvalJobObservation;
import io.vclip.operator.reconciler.ClusterObjects;
import io.vclip.operator.reconciler.EvalReconciler;
import io.vclip.operator.recorder.EventRecorder;
import io.vclip.operator.recorder.StatusRecorder;
import io.vclip.operator.recorder.StatusSnapshot;
import io.vclip.operator.validation.ClusterValidation;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reconciles VideoClipEval: validate → resolve the checkpoint → run the Job → fold the results summary. */
@ControllerConfiguration(name = VideoClipEvalController.NAME)
public class VideoClipEvalController implements Reconciler<VideoClipEval> {

  public static final String NAME = "videoclipeval";
  static final String KIND = "VideoClipEval";

  private final KubernetesClient client;
  private final ClusterValidation validation;
  private final EvalReconciler reconciler;
  private final StatusRecorder statusRecorder;
  private final OperatorMetrics metrics;

  @Inject
  public VideoClipEvalController(KubernetesClient client, Clock clock, OperatorMetrics metrics) {
    this.client = client;
    this.validation = new ClusterValidation(client);
    this.statusRecorder = new StatusRecorder(client, clock);
    this.reconciler = new EvalReconciler(new ClusterObjects(client), clock, statusRecorder, new EventRecorder(client, clock));
    this.metrics = metrics;
  }

  @Override
  public List<EventSource<?, VideoClipEval>> prepareEventSources(EventSourceContext<VideoClipEval> context) {
    metrics.observePhases(KIND, () -> context.getPrimaryCache().list()
        .map(e -> e.getStatus() == null || e.getStatus().getPhase() == null ? "Pending" : e.getStatus().getPhase().toString()));
    var jobs = InformerEventSourceConfiguration.from(Job.class, VideoClipEval.class)
        .withLabelSelector(Labels.EVAL_SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VideoClipEval.class))
        .build();
    return List.of(new InformerEventSource<>(jobs, context));
  }

  @Override
  public UpdateControl<VideoClipEval> reconcile(VideoClipEval eval, Context<VideoClipEval> context) {
    Optional<Duration> next = reconcile(eval, context.getSecondaryResource(Job.class).orElse(null), changed ->
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(changed, context, fresh -> {
          fresh.setStatus(changed.getStatus());
          return fresh;
        }));
    UpdateControl<VideoClipEval> control = UpdateControl.noUpdate();
    next.ifPresent(control::rescheduleAfter);
    return control;
  }

  /** The recipe, given the eval's Job as the caller sees it (null when absent), writing status directly. */
  public Optional<Duration> reconcile(VideoClipEval eval, Job job) {
    return reconcile(eval, job, statusRecorder::update);
  }

  private Optional<Duration> reconcile(VideoClipEval eval, Job job, Consumer<VideoClipEval> writer) {
    long start = System.nanoTime();
    try {
      if (eval.getStatus() == null) {
        eval.setStatus(new VideoClipEvalStatus());
      }
      VideoClipEvalStatus before = StatusSnapshot.copy(eval.getStatus());
      EvalJobObservation observation = EvalJobObservation.observe(job, job == null ? List.of() : podsOf(eval));
      List<FieldError> errors = validation.validate(eval);
      Optional<Duration> next = errors.isEmpty()
          ? reconciler.reconcile(eval, observation)
          : reconciler.rejectInvalid(eval, errors);
      statusRecorder.persist(eval, before, writer);
      metrics.reconciled(KIND, (System.nanoTime() - start) / 1e9);
      return next;
    } catch (RuntimeException e) {
      metrics.reconcileFailed(KIND);
      throw e;
    }
  }

  /** Read only once the Job exists: the termination message of its pod carries the results summary. */
  private List<Pod> podsOf(VideoClipEval eval) {
    return client.pods().inNamespace(eval.getMetadata().getNamespace())
        .withLabel("job-name", EvalJob.name(eval)).list().getItems();
  }
}
