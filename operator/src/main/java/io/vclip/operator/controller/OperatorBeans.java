package io.vclip.operator.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.opentelemetry.api.OpenTelemetry;
import io.vclip.operator.metrics.OperatorMetrics;
import io.vclip.operator.observer.CommittedCheckpoints;
import io.vclip.operator.reconciler.RestartBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CDI wiring: the few objects the controllers take in their constructors, built from configuration. */
@ApplicationScoped
public class OperatorBeans {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  RestartBackoff restartBackoff(
      @ConfigProperty(name = "vclip.operator.restart.initial-backoff", defaultValue = "10s") Duration initial,
      @ConfigProperty(name = "vclip.operator.restart.max-backoff", defaultValue = "5m") Duration max) {
    return new RestartBackoff(initial, max);
  }

  @Produces
  @Singleton
  CommittedCheckpoints committedCheckpoints(KubernetesClient client) {
    return new CommittedCheckpoints(client);
  }

  @Produces
  @Singleton
  OperatorMetrics metrics(OpenTelemetry openTelemetry) {
    return new OperatorMetrics(openTelemetry.getMeter("io.vclip.operator"));
  }

  /** QOSDK elects a leader through this Lease in the profiles of quarkus.operator-sdk.activate-leader-election-for-profiles. */
  @Produces
  @Singleton
  LeaderElectionConfiguration leaderElection(
      @ConfigProperty(name = "vclip.operator.leader-election.lease-name", defaultValue = "vclip-operator-leader") String lease) {
    return new LeaderElectionConfiguration(lease);
  }
}
