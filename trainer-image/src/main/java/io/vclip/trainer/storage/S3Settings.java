package io.vclip.trainer.storage;

import java.util.Map;

/**
 * Where the S3 endpoint is and how to sign requests. Credentials come from the environment the
 * operator fills from a Secret (never from the spec in clear).
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String region) {
  public static final String ENV_ENDPOINT = "VCLIP_S3_ENDPOINT";
  public static final String ENV_ACCESS_KEY = "AWS_ACCESS_KEY_ID";
  public static final String ENV_SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
  public static final String ENV_REGION = "AWS_REGION";
  static final String DEFAULT_REGION = "us-east-1";

  public S3Settings {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
  }

  /**
   * Reads the settings from environment variables.
   *
   * @param specEndpoint the endpoint the spec names, or null. {@value #ENV_ENDPOINT} wins when it is
   *     set: the runtime knows the store's address better than the spec (vclip run points the workers
   *     at its embedded server; a pod may reach MinIO through a different name)
   * @throws IllegalArgumentException naming each missing variable
   */
  public static S3Settings fromEnv(Map<String, String> env, String specEndpoint) {
    String endpoint = env.containsKey(ENV_ENDPOINT) ? env.get(ENV_ENDPOINT) : specEndpoint;
    StringBuilder missing = new StringBuilder();
    if (endpoint == null || endpoint.isBlank()) missing.append(' ').append(ENV_ENDPOINT);
    if (blank(env.get(ENV_ACCESS_KEY))) missing.append(' ').append(ENV_ACCESS_KEY);
    if (blank(env.get(ENV_SECRET_KEY))) missing.append(' ').append(ENV_SECRET_KEY);
    if (missing.length() > 0) {
      throw new IllegalArgumentException(
          "S3 access needs these environment variables, which are not set:" + missing);
    }
    return new S3Settings(endpoint, env.get(ENV_ACCESS_KEY), env.get(ENV_SECRET_KEY), env.get(ENV_REGION));
  }

  /** The same settings as environment variables, for child processes. */
  public Map<String, String> toEnv() {
    return Map.of(ENV_ENDPOINT, endpoint, ENV_ACCESS_KEY, accessKey, ENV_SECRET_KEY, secretKey, ENV_REGION, region);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    // The secret never reaches a log line.
    return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", region=" + region + "]";
  }
}
