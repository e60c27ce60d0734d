package io.vclip.crds.validation;

/**
 * Where a resource will run. A cluster has no local disk shared with the user and no embedded S3, so it
 * needs more of the spec spelled out than {@code vclip run} on a laptop.
 */
public enum Target {
  LOCAL,
  CLUSTER
}
