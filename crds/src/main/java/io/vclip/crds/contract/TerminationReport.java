package io.vclip.crds.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What rank 0 (and the eval pod) write to {@link TrainerEnv#TERMINATION_MESSAGE_PATH} when they exit: the
 * operator's only view of progress, because the trainer has no access to the Kubernetes API. Every field
 * is optional. {@code reason} explains a non-zero exit (e.g. the field a bad config names).
 *
 * @param step last optimizer step finished
 * @param maxSteps the run's spec.optimization.maxSteps
 * @param loss last total loss
 * @param samplesPerSecond throughput of all ranks together
 * @param checkpoint last committed checkpoint
 * @param results eval summary: metric name to value
 * @param reason one line for a failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TerminationReport(
    Long step,
    Long maxSteps,
    Double loss,
    Double samplesPerSecond,
    Checkpoint checkpoint,
    Map<String, Double> results,
    String reason) {

  /** Kubernetes truncates termination messages beyond this. */
  public static final int MAX_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A committed checkpoint: its manifest.json exists. {@code time} is RFC 3339. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Checkpoint(Long step, String uri, String time) {}

  /** Parses a termination message; empty when it is not a report (e.g. log lines Kubernetes fell back to). */
  public static Optional<TerminationReport> parse(String message) {
    if (message == null || !message.trim().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(message, TerminationReport.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** JSON for the termination-message file; fails rather than let Kubernetes cut it into invalid JSON. */
  public String toJson() {
    try {
      String json = JSON.writeValueAsString(this);
      if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
        throw new IllegalStateException(
            "termination report is " + json.length() + " bytes, over the " + MAX_BYTES + " bytes Kubernetes keeps");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write termination report", e);
    }
  }
}
