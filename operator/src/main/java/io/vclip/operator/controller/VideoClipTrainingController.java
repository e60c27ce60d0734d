package io.vclip.operator.controller;

import io.fabric8.kubernetes.api.model.Pod;
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
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.v1alpha1.VideoClipTrainingStatus;
import io.vclip.crds.validation.FieldError;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.observer.CommittedCheckpoints;
import io.vclip.operator.observer.PodGroupObservation;
import io.vclip.operator.observer.PodGroupObserver;
import io.vclip.operator.observer.ProgressObserver;
import io.vclip.operator.reconciler.ClusterObjects;
import io.vclip.operator.reconciler.RestartBackoff;
import io.vclip.operator.reconciler.TrainingReconciler;
import io.vclip.operator.recorder.EventRecorder;
import io.vclip.operator.recorder.StatusRecorder;
import io.vclip.operator.recorder.StatusSnapshot;
import io.vclip.operator.validation.ClusterValidation;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reconciles VideoClipTraining: observe the pods (and, while running, the committed checkpoints) → validate the spec → reconcile toward the desired pod group
 * → record status (events are recorded where the reconciler decides). Pod changes wake it through an informer.
 */
@ControllerConfiguration(name = VideoClipTrainingController.NAME)
public class VideoClipTrainingController implements Reconciler<VideoClipTraining> {

  public static final String NAME = "videocliptraining";
  static final String KIND = "VideoClipTraining";

  private final ClusterValidation validation;
  private final TrainingReconciler reconciler;
  private final StatusRecorder statusRecorder;
  private final OperatorMetrics metrics;
  private final CommittedCheckpoints checkpoints;

  @Inject
  public VideoClipTrainingController(KubernetesClient client, Clock clock, RestartBackoff backoff, OperatorMetrics metrics,
      CommittedCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
    this.validation = new ClusterValidation(client);
    this.statusRecorder = new StatusRecorder(client, clock);
    this.reconciler = new TrainingReconciler(new ClusterObjects(client), clock, backoff, statusRecorder,
        new EventRecorder(client, clock), metrics);
    this.metrics = metrics;
  }

  @Override
  public List<EventSource<?, VideoClipTraining>> prepareEventSources(EventSourceContext<VideoClipTraining> context) {
    metrics.observePhases(KIND, () -> context.getPrimaryCache().list()
        .map(t -> t.getStatus() == null || t.getStatus().getPhase() == null ? "Pending" : t.getStatus().getPhase().toString()));
    var pods = InformerEventSourceConfiguration.from(Pod.class, VideoClipTraining.class)
        .withLabelSelector(Labels.WORKER_SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(VideoClipTraining.class))
        .build();
    return List.of(new InformerEventSource<>(pods, context));
  }

  @Override
  public UpdateControl<VideoClipTraining> reconcile(VideoClipTraining training, Context<VideoClipTraining> context) {
    Optional<Duration> next = reconcile(training, context.getSecondaryResources(Pod.class), changed ->
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(changed, context, fresh -> {
          fresh.setStatus(changed.getStatus());
          return fresh;
        }));
    UpdateControl<VideoClipTraining> control = UpdateControl.noUpdate();
    next.ifPresent(control::rescheduleAfter);
    return control;
  }

  /** The recipe, on the pods the caller observed (a list in tests), writing status straight to the API server. */
  public Optional<Duration> reconcile(VideoClipTraining training, Collection<Pod> pods) {
    return reconcile(training, pods, statusRecorder::update);
  }

  private Optional<Duration> reconcile(VideoClipTraining training, Collection<Pod> pods, Consumer<VideoClipTraining> writer) {
    long start = System.nanoTime();
    try {
      if (training.getStatus() == null) {
        training.setStatus(new VideoClipTrainingStatus());
      }
      VideoClipTrainingStatus before = StatusSnapshot.copy(training.getStatus());
      PodGroupObservation group = PodGroupObserver.observe(training, pods);
      ProgressObserver.fold(group, training.getStatus());
      if (training.getStatus().getPhase() == TrainingPhase.RUNNING) {
        checkpoints.latest(training).ifPresent(ref -> ProgressObserver.foldCheckpoint(ref, training.getStatus()));
      }
      List<FieldError> errors = validation.validate(training);
      Optional<Duration> next = errors.isEmpty()
          ? reconciler.reconcile(training, group)
          : reconciler.rejectInvalid(training, errors);
      statusRecorder.persist(training, before, writer);
      metrics.reconciled(KIND, (System.nanoTime() - start) / 1e9);
      return next;
    } catch (RuntimeException e) {
      metrics.reconcileFailed(KIND);
      throw e;
    }
  }
}
