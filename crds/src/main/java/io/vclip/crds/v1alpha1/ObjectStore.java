package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** An S3-compatible store (MinIO on a cluster; the embedded S3 locally when absent). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectStore {

  @JsonPropertyDescription("S3 endpoint URL, e.g. http://minio.vclip-system:9000.")
  @Pattern("^https?://.+")
  private String endpoint;

  @JsonPropertyDescription("Bucket name.")
  @Default("vclip")
  @Pattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
  private String bucket = "vclip";

  @JsonPropertyDescription("Key prefix; checkpoints go to <prefix>/<job>/step-<N>/.")
  @Default("runs")
  private String prefix = "runs";

  @JsonPropertyDescription("Secret with the access key pair.")
  private SecretKeysRef credentialsSecret;

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public SecretKeysRef getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(SecretKeysRef credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }
}
