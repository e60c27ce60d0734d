package io.vclip.crds.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structural checks the API server makes against a CRD's openAPIV3Schema (types, required, enums,
 * bounds, patterns, unknown fields) — enough to catch an example that kubectl apply would reject or prune.
 * CEL rules are not evaluated here; the Java validators cover the same cross-field checks.
 */
final class OpenApiSchemaChecker {

  private final List<String> errors = new ArrayList<>();

  static List<String> check(JsonNode schema, JsonNode value) {
    OpenApiSchemaChecker checker = new OpenApiSchemaChecker();
    // The API server checks these three itself; CRD schemas leave them out of the root's properties.
    JsonNode body = value.deepCopy();
    ((ObjectNode) body).remove(List.of("apiVersion", "kind", "metadata"));
    checker.walk(schema, body, "");
    return checker.errors;
  }

  private void walk(JsonNode schema, JsonNode value, String path) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isInt() && !value.isTextual()) {
        errors.add(path + ": must be an integer or a string");
      }
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> object(schema, value, path);
      case "array" -> array(schema, value, path);
      case "string" -> string(schema, value, path);
      case "integer" -> number(schema, value, path, value.isIntegralNumber());
      case "number" -> number(schema, value, path, value.isNumber());
      case "boolean" -> expect(value.isBoolean(), path, "must be a boolean");
      default -> { }
    }
  }

  private void object(JsonNode schema, JsonNode value, String path) {
    if (!expect(value.isObject(), path, "must be an object")) {
      return;
    }
    for (JsonNode required : schema.path("required")) {
      expect(value.has(required.asText()), join(path, required.asText()), "is required");
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String child = join(path, field.getKey());
      if (properties.has(field.getKey())) {
        walk(properties.get(field.getKey()), field.getValue(), child);
      } else if (additional.isObject()) {
        walk(additional, field.getValue(), child);
      } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        errors.add(child + ": unknown field (the API server would prune it)");
      }
    }
  }

  private void array(JsonNode schema, JsonNode value, String path) {
    if (!expect(value.isArray(), path, "must be a list")) {
      return;
    }
    if (schema.has("minItems")) {
      expect(value.size() >= schema.get("minItems").asInt(), path, "must have at least " + schema.get("minItems") + " items");
    }
    if (schema.has("maxItems")) {
      expect(value.size() <= schema.get("maxItems").asInt(), path, "must have at most " + schema.get("maxItems") + " items");
    }
    for (int i = 0; i < value.size(); i++) {
      walk(schema.path("items"), value.get(i), path + "[" + i + "]");
    }
  }

  private void string(JsonNode schema, JsonNode value, String path) {
    if (!expect(value.isTextual(), path, "must be a string")) {
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.asText().equals(value.asText());
      }
      expect(listed, path, "must be one of " + schema.get("enum") + ", got '" + value.asText() + "'");
    }
    if (schema.has("pattern")) {
      expect(Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find(), path,
          "must match " + schema.get("pattern").asText() + ", got '" + value.asText() + "'");
    }
  }

  private void number(JsonNode schema, JsonNode value, String path, boolean rightType) {
    if (!expect(rightType, path, "must be a " + schema.path("type").asText())) {
      return;
    }
    double x = value.asDouble();
    if (schema.has("minimum")) {
      double min = schema.get("minimum").asDouble();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      expect(exclusive ? x > min : x >= min, path, "must be " + (exclusive ? "> " : ">= ") + min + ", got " + value);
    }
    if (schema.has("maximum")) {
      double max = schema.get("maximum").asDouble();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      expect(exclusive ? x < max : x <= max, path, "must be " + (exclusive ? "< " : "<= ") + max + ", got " + value);
    }
  }

  private boolean expect(boolean ok, String path, String message) {
    if (!ok) {
      errors.add(path + ": " + message);
    }
    return ok;
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
