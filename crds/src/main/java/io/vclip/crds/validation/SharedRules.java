package io.vclip.crds.validation;

import io.vclip.crds.v1alpha1.DataSpec;
import io.vclip.crds.v1alpha1.ObjectStore;
import io.vclip.crds.v1alpha1.ReplicaResources;
import io.vclip.crds.v1alpha1.SchedulingSpec;
import java.util.regex.Pattern;

/** Rules for the spec parts that trainings and evals share (data, store, resources, names). */
final class SharedRules {

  private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  private SharedRules() {}

  static void name(String name, int maxLength, Problems problems) {
    if (name == null || name.isBlank()) {
      problems.add("metadata.name", "is required");
      return;
    }
    problems.check(DNS_LABEL.matcher(name).matches(), "metadata.name",
        "must be a DNS label (lower-case letters, digits and '-'), got '" + name + "'");
    problems.check(name.length() <= maxLength, "metadata.name",
        "must be at most " + maxLength + " characters so that pod host names stay within 63, got " + name.length());
  }

  static void data(DataSpec data, Target target, Problems problems) {
    if (data == null) {
      problems.add("spec.data", "is required");
      return;
    }
    boolean synthetic = data.getSynthetic() != null;
    boolean shards = data.getShards() != null;
    problems.check(synthetic != shards, "spec.data", "exactly one of data.synthetic and data.shards must be set");
    if (synthetic) {
      var world = data.getSynthetic();
      problems.check(world.getVideos() >= 1, "spec.data.synthetic.videos", "must be at least 1, got " + world.getVideos());
      problems.check(world.getHeldOutVideos() >= 0, "spec.data.synthetic.heldOutVideos",
          "must not be negative, got " + world.getHeldOutVideos());
      problems.check(world.getFrameSize() >= 8 && world.getFrameSize() <= 1024, "spec.data.synthetic.frameSize",
          "must be in [8, 1024], got " + world.getFrameSize());
    }
    if (shards) {
      location(data.getShards(), "spec.data.shards", target, problems);
    }
    if (data.getEvalShards() != null) {
      location(data.getEvalShards(), "spec.data.evalShards", target, problems);
    }
    problems.check(data.getShuffleBuffer() >= 1, "spec.data.shuffleBuffer", "must be at least 1 (1 keeps each lane in stream order), got " + data.getShuffleBuffer());
    problems.check(data.getLoaderThreads() >= 1 && data.getLoaderThreads() <= 64, "spec.data.loaderThreads",
        "must be in [1, 64], got " + data.getLoaderThreads());
  }

  /** A data or weights location: s3:// anywhere, a local path only where the process shares the user's disk. */
  static void location(String uri, String path, Target target, Problems problems) {
    if (uri.isBlank()) {
      problems.add(path, "must not be empty");
    } else if (uri.startsWith("s3://")) {
      problems.check(uri.length() > "s3://".length() && !uri.startsWith("s3:///"), path,
          "must name a bucket (s3://bucket/key), got '" + uri + "'");
    } else if (uri.contains("://")) {
      problems.add(path, "must be an s3:// URI or a local path, got '" + uri + "'");
    } else {
      problems.check(target == Target.LOCAL, path,
          "must be an s3:// URI on a cluster (pods do not see local paths), got '" + uri + "'");
    }
  }

  static void store(ObjectStore store, String path, Target target, Problems problems) {
    if (store == null) {
      problems.check(target == Target.LOCAL, path,
          "is required on a cluster (the embedded S3 exists only for vclip run)");
      return;
    }
    if (store.getEndpoint() == null || store.getEndpoint().isBlank()) {
      problems.check(target == Target.LOCAL, path + ".endpoint", "is required on a cluster");
    } else {
      problems.check(store.getEndpoint().matches("^https?://.+"), path + ".endpoint",
          "must be an http:// or https:// URL, got '" + store.getEndpoint() + "'");
    }
    problems.check(store.getBucket() != null && store.getBucket().matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"),
        path + ".bucket", "must be a valid S3 bucket name, got '" + store.getBucket() + "'");
    var secret = store.getCredentialsSecret();
    if (secret == null) {
      problems.check(target == Target.LOCAL, path + ".credentialsSecret",
          "is required on a cluster (credentials are never inline in the spec)");
    } else {
      problems.check(secret.getName() != null && !secret.getName().isBlank(), path + ".credentialsSecret.name", "is required");
      problems.check(secret.getAccessKeyKey() != null && !secret.getAccessKeyKey().isBlank(),
          path + ".credentialsSecret.accessKeyKey", "must not be empty");
      problems.check(secret.getSecretKeyKey() != null && !secret.getSecretKeyKey().isBlank(),
          path + ".credentialsSecret.secretKeyKey", "must not be empty");
    }
  }

  static void resources(ReplicaResources resources, Problems problems) {
    if (resources == null) {
      problems.add("spec.resources", "must not be null");
      return;
    }
    problems.check(resources.getGpus() >= 0 && resources.getGpus() <= 16, "spec.resources.gpus",
        "must be in [0, 16], got " + resources.getGpus());
    quantity(resources.getCpu(), "spec.resources.cpu", problems);
    quantity(resources.getMemory(), "spec.resources.memory", problems);
  }

  static void scheduling(SchedulingSpec scheduling, Problems problems) {
    if (scheduling == null) {
      return;
    }
    if (scheduling.getServiceAccountName() != null && !scheduling.getServiceAccountName().isEmpty()) {
      problems.check(DNS_SUBDOMAIN.matcher(scheduling.getServiceAccountName()).matches(),
          "spec.scheduling.serviceAccountName", "must be a DNS subdomain, got '" + scheduling.getServiceAccountName() + "'");
    }
  }

  static void image(String image, Target target, Problems problems) {
    if (image == null || image.isBlank()) {
      problems.check(target == Target.LOCAL, "spec.image", "is required on a cluster");
    } else {
      problems.check(!image.contains(" "), "spec.image", "must not contain spaces, got '" + image + "'");
    }
  }

  private static void quantity(String value, String path, Problems problems) {
    problems.check(value != null && QUANTITY.matcher(value).matches(), path,
        "must be a Kubernetes quantity such as 500m, 2 or 4Gi, got '" + value + "'");
  }
}
