package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** A Secret in the resource's namespace holding S3 credentials; never inline in the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeysRef {

  @JsonPropertyDescription("Name of the Secret.")
  @Required
  private String name;

  @JsonPropertyDescription("Key of the access key id in the Secret.")
  @Default("accessKey")
  private String accessKeyKey = "accessKey";

  @JsonPropertyDescription("Key of the secret access key in the Secret.")
  @Default("secretKey")
  private String secretKeyKey = "secretKey";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAccessKeyKey() {
    return accessKeyKey;
  }

  public void setAccessKeyKey(String accessKeyKey) {
    this.accessKeyKey = accessKeyKey;
  }

  public String getSecretKeyKey() {
    return secretKeyKey;
  }

  public void setSecretKeyKey(String secretKeyKey) {
    this.secretKeyKey = secretKeyKey;
  }
}
