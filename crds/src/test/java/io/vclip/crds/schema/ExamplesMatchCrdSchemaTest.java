package io.vclip.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import io.vclip.crds.validation.EvalValidator;
import io.vclip.crds.validation.FieldError;
import io.vclip.crds.validation.Target;
import io.vclip.crds.validation.TrainingValidator;
import io.vclip.crds.yaml.ResourceYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every file in examples/ passes the committed CRD schema (what kubectl apply checks) and the Java validator. */
class ExamplesMatchCrdSchemaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path EXAMPLES = Path.of("..", "examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void examplePassesSchemaAndValidator(Path example) throws IOException {
    List<String> problems = new ArrayList<>();
    for (JsonNode document : documents(example)) {
      String kind = document.path("kind").asText();
      problems.addAll(OpenApiSchemaChecker.check(schemaOf(kind), document));
    }
    for (HasMetadata resource : ResourceYaml.readAll(example)) {
      List<FieldError> errors = resource instanceof VideoClipTraining training
          ? TrainingValidator.validate(training, Target.CLUSTER)
          : EvalValidator.validate((VideoClipEval) resource, Target.CLUSTER);
      errors.forEach(e -> problems.add(e.toString()));
    }
    assertThat(problems).as(example.toString()).isEmpty();
  }

  @Test
  void theExpectedExamplesExist() throws IOException {
    assertThat(examples().map(p -> p.getFileName().toString()))
        .contains("quickstart.yaml", "vit-b16-4x8.yaml", "lvdr-eval.yaml");
  }

  @Test
  void schemaCheckerCatchesWhatTheApiServerWould() throws IOException {
    JsonNode training = documents(EXAMPLES.resolve("quickstart.yaml")).get(0).deepCopy();
    ObjectNode spec = (ObjectNode) training.get("spec");
    ((ObjectNode) spec.get("model")).put("preset", "ViT-H/14");
    ((ObjectNode) spec.get("optimization")).put("maxSteps", 0);
    ((ObjectNode) spec.get("resources")).put("memory", "lots");
    spec.put("replica", 2);
    assertThat(OpenApiSchemaChecker.check(schemaOf("VideoClipTraining"), training)).containsExactlyInAnyOrder(
        "spec.model.preset: must be one of [\"ViT-B/16\",\"ViT-B/32\",\"ViT-L/14\",\"tiny\"], got 'ViT-H/14'",
        "spec.optimization.maxSteps: must be >= 1.0, got 0",
        "spec.resources.memory: must match ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$, got 'lots'",
        "spec.replica: unknown field (the API server would prune it)");
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    return documents;
  }

  private static JsonNode schemaOf(String kind) throws IOException {
    String file = switch (kind) {
      case "VideoClipTraining" -> "videocliptrainings.vclip.io-v1.yml";
      case "VideoClipEval" -> "videoclipevals.vclip.io-v1.yml";
      default -> throw new IllegalArgumentException("no CRD for kind " + kind);
    };
    JsonNode crd = YAML.readTree(Path.of(file).toFile());
    return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
  }
}
