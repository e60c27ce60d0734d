package io.vclip.operator.controller;

import io.vclip.operator.testing.TestCluster;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The training life cycle on the fabric8 mock API server (CRUD mode), and the same scenarios on the cluster of
 * $KUBECONFIG when it is set (otherwise JUnit reports them as skipped, with the reason).
 */
class TrainingLifecycleTest {

  @Nested
  class OnMockApiServer extends TrainingLifecycleScenarios {
    @Override
    TestCluster newCluster() {
      return TestCluster.mock();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = "KUBECONFIG", matches = ".+",
      disabledReason = "KUBECONFIG is not set: the life cycle against a real cluster is skipped")
  class OnRealCluster extends TrainingLifecycleScenarios {
    @Override
    TestCluster newCluster() {
      return TestCluster.real();
    }
  }
}
