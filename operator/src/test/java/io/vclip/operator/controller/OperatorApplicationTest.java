package io.vclip.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vclip.crds.v1alpha1.TrainingPhase;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.yaml.ResourceYaml;
import io.vclip.operator.dependent.Labels;
import io.vclip.operator.testing.Kubelet;
import jakarta.inject.Inject;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator as Quarkus runs it: QOSDK starts both controllers with their informers against the
 * mock API server, and the health endpoints answer. Pod events (not test calls) drive the reconciles here.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = OperatorApplicationTest.Crds.class)
class OperatorApplicationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Inject
  KubernetesClient client;

  @TestHTTPResource("/q/health/ready")
  URL ready;

  @TestHTTPResource("/q/health/live")
  URL live;

  /** Installs the committed CRDs and the credentials Secret before the operator starts. */
  public static class Crds implements Consumer<KubernetesServer> {
    @Override
    public void accept(KubernetesServer server) {
      KubernetesClient client = server.getClient();
      for (String file : new String[] {"videocliptrainings.vclip.io-v1.yml", "videoclipevals.vclip.io-v1.yml"}) {
        try (InputStream in = new FileInputStream(Path.of("..", "crds", file).toFile())) {
          CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      client.secrets().inNamespace("test").resource(new SecretBuilder()
          .withNewMetadata().withName("minio-creds").withNamespace("test").endMetadata()
          .withData(Map.of("accessKey", "dmNsaXA=", "secretKey", "dmNsaXAtc2VjcmV0")).build()).create();
    }
  }

  @Test
  void healthEndpointsAnswerUp() throws Exception {
    for (URL url : new URL[] {live, ready}) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(url.toString()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\": \"UP\"");
    }
  }

  @Test
  void informersDriveATrainingFromCreatedToRunning() {
    VideoClipTraining training = ResourceYaml.read(Path.of("..", "examples", "quickstart.yaml"), VideoClipTraining.class);
    training.getMetadata().setName("app");
    training.getMetadata().setNamespace("test");
    client.resource(training).create();

    await("two worker pods", () -> pods().size() == 2);
    await("phase Created", () -> phase() == TrainingPhase.CREATED);

    Kubelet kubelet = new Kubelet(client);
    pods().forEach(kubelet::run);
    await("phase Running after the pod informer saw both pods run", () -> phase() == TrainingPhase.RUNNING);
  }

  private List<Pod> pods() {
    return client.pods().inNamespace("test").withLabel(Labels.JOB, "app").list().getItems();
  }

  private TrainingPhase phase() {
    VideoClipTraining current = client.resources(VideoClipTraining.class).inNamespace("test").withName("app").get();
    return current == null || current.getStatus() == null ? null : current.getStatus().getPhase();
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
