package io.vclip.operator.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * Where a test runs: the fabric8 mock API server in CRUD mode, or the cluster KUBECONFIG points at (in a
 * fresh namespace that {@link #close()} deletes). Both get the committed CRDs and the S3 credentials Secret.
 */
public final class TestCluster implements AutoCloseable {

  public static final String SECRET = "minio-creds";
  private static final List<String> CRDS = List.of("videocliptrainings.vclip.io-v1.yml", "videoclipevals.vclip.io-v1.yml");

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final String namespace;
  private final boolean real;

  private TestCluster(KubernetesMockServer server, KubernetesClient client, String namespace, boolean real) {
    this.server = server;
    this.client = client;
    this.namespace = namespace;
    this.real = real;
  }

  public static TestCluster mock() {
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    KubernetesClient client = server.createClient();
    TestCluster cluster = new TestCluster(server, client, "test", false);
    cluster.prepare();
    return cluster;
  }

  /** The cluster of $KUBECONFIG, in a namespace of its own. */
  public static TestCluster real() {
    KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
    String namespace = "vclip-test-" + UUID.randomUUID().toString().substring(0, 8);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    TestCluster cluster = new TestCluster(null, client, namespace, true);
    cluster.prepare();
    return cluster;
  }

  public KubernetesClient client() {
    return client;
  }

  public String namespace() {
    return namespace;
  }

  /** A real cluster runs the garbage collector; the mock server does not. */
  public boolean isReal() {
    return real;
  }

  private void prepare() {
    for (String file : CRDS) {
      try (InputStream in = new FileInputStream(Path.of("..", "crds", file).toFile())) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
        if (real) {
          client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
              .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                  .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
                  30, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read CRD " + file, e);
      }
    }
    client.secrets().inNamespace(namespace).resource(new SecretBuilder()
        .withNewMetadata().withName(SECRET).withNamespace(namespace).endMetadata()
        .withStringData(Map.of("accessKey", "vclip", "secretKey", "vclip-secret"))
        .withData(Map.of("accessKey", "dmNsaXA=", "secretKey", "dmNsaXAtc2VjcmV0"))
        .build()).create();
  }

  @Override
  public void close() {
    if (real) {
      client.namespaces().withName(namespace).delete();
    }
    client.close();
    if (server != null) {
      server.destroy();
    }
  }
}
