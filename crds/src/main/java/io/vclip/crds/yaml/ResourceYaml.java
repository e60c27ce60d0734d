package io.vclip.crds.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vclip.crds.v1alpha1.VideoClipEval;
import io.vclip.crds.v1alpha1.VideoClipTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes VideoClipTraining / VideoClipEval YAML the way both sides need it: strict (an unknown
 * or misspelt field is an error naming its path, because the API server would silently prune it) and with
 * the Java defaults filled in, so the spec the operator mounts is the spec the trainer runs.
 */
public final class ResourceYaml {

  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "VideoClipTraining", VideoClipTraining.class,
      "VideoClipEval", VideoClipEval.class);
  private static final String API_VERSION = VideoClipTraining.GROUP + "/" + VideoClipTraining.VERSION;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ResourceYaml() {}

  /** Every vclip resource of a (possibly multi-document) YAML file, in file order. */
  public static List<HasMetadata> readAll(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidResourceException(file + ": cannot read: " + e.getMessage(), e);
    }
    return readAll(text, file.toString());
  }

  /** As {@link #readAll(Path)}, for text whose origin is {@code source} (used in messages). */
  public static List<HasMetadata> readAll(String text, String source) {
    List<HasMetadata> resources = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(text)) {
      int document = 0;
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode node = it.next();
        document++;
        if (node == null || node.isNull() || node.isEmpty()) {
          continue;
        }
        resources.add(convert(node, source + " (document " + document + ")"));
      }
    } catch (IOException e) {
      throw new InvalidResourceException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (resources.isEmpty()) {
      throw new InvalidResourceException(source + ": holds no resource");
    }
    return resources;
  }

  /** The single resource of {@code type} in a file. */
  public static <T extends HasMetadata> T read(Path file, Class<T> type) {
    List<T> matching = readAll(file).stream().filter(type::isInstance).map(type::cast).toList();
    if (matching.size() != 1) {
      throw new InvalidResourceException(file + ": expected exactly one " + type.getSimpleName() + ", found " + matching.size());
    }
    return matching.get(0);
  }

  public static String write(HasMetadata resource) {
    try {
      return YAML.writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + resource.getKind() + " as YAML", e);
    }
  }

  private static HasMetadata convert(JsonNode node, String where) {
    String apiVersion = node.path("apiVersion").asText("");
    String kind = node.path("kind").asText("");
    Class<? extends HasMetadata> type = KINDS.get(kind);
    if (type == null) {
      throw new InvalidResourceException(where + ": kind: must be one of "
          + KINDS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ", got '" + kind + "'");
    }
    if (!API_VERSION.equals(apiVersion)) {
      throw new InvalidResourceException(where + ": apiVersion: must be " + API_VERSION + ", got '" + apiVersion + "'");
    }
    try {
      return YAML.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new InvalidResourceException(where + ": " + describe(e), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return e.getOriginalMessage();
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String what;
    if (e instanceof UnrecognizedPropertyException unknown) {
      what = "unknown field (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
          .collect(Collectors.joining(", ")) + ")";
    } else if (e instanceof InvalidFormatException format) {
      what = "invalid value '" + format.getValue() + "'"
          + (format.getTargetType().isEnum() ? " (allowed: " + allowed(format.getTargetType()) + ")" : "");
    } else {
      what = e.getOriginalMessage();
    }
    return path + ": " + what;
  }

  private static String allowed(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> jsonName((Enum<?>) constant))
        .collect(Collectors.joining(", "));
  }

  private static String jsonName(Enum<?> constant) {
    try {
      JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      return property == null ? constant.name() : property.value();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }
}
