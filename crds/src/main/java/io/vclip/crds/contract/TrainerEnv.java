package io.vclip.crds.contract;

/**
 * Environment of every trainer process: the operator sets it on each worker pod and {@code vclip run}
 * sets the same names on its local processes, so the trainer cannot tell the two apart.
 */
public final class TrainerEnv {

  /** Host of rank 0: {@code <job>-worker-0.<service>} on a cluster, 127.0.0.1 locally. */
  public static final String MASTER_ADDR = "MASTER_ADDR";
  /** Port of rank 0's rendezvous store. */
  public static final String MASTER_PORT = "MASTER_PORT";
  public static final String WORLD_SIZE = "WORLD_SIZE";
  public static final String RANK = "RANK";
  /** Ranks (one per GPU; 1 on CPU) started in this pod by the in-pod launcher. */
  public static final String LOCAL_WORLD_SIZE = "LOCAL_WORLD_SIZE";
  /** This rank's index inside its pod, set by the in-pod launcher; picks the CUDA device. */
  public static final String LOCAL_RANK = "LOCAL_RANK";
  /** The pod's IP (downward API); rank 0's rendezvous store binds to it, not to every interface. */
  public static final String POD_IP = "POD_IP";
  /**
   * Per-run shared secret every rendezvous client proves (HMAC challenge) before the store answers.
   * The operator creates one Secret per run and maps it here; {@code vclip run} makes one per run.
   */
  public static final String RENDEZVOUS_TOKEN = "VCLIP_RENDEZVOUS_TOKEN";
  /** Name of the VideoClipTraining (or VideoClipEval); also the checkpoint folder under the store prefix. */
  public static final String JOB = "VCLIP_JOB";
  /** Changes on every group restart; labels telemetry and logs of one attempt. */
  public static final String RUN_ID = "VCLIP_RUN_ID";
  /** Path of the resource YAML (apiVersion, kind, metadata, spec), as {@code vclip run} reads it. */
  public static final String SPEC_FILE = "VCLIP_SPEC_FILE";
  /** The checkpoint an eval runs against (an s3:// folder holding manifest.json). */
  public static final String CHECKPOINT_URI = "VCLIP_CHECKPOINT_URI";
  public static final String S3_ENDPOINT = "VCLIP_S3_ENDPOINT";
  /** Local folder for rank 0's metrics log and scratch files (default /tmp/vclip); {@code vclip run} points it at ./.vclip. */
  public static final String OUTPUT_DIR = "VCLIP_OUTPUT_DIR";
  /** Overrides {@link #TERMINATION_MESSAGE_PATH} where there is no kubelet to read it (local runs, tests). */
  public static final String TERMINATION_LOG = "VCLIP_TERMINATION_LOG";
  /** Overrides spec.telemetry.prometheusPort: local ranks share one host, so {@code vclip run} gives each its own. */
  public static final String PROMETHEUS_PORT = "VCLIP_PROMETHEUS_PORT";
  public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
  public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

  public static final int DEFAULT_MASTER_PORT = 29500;
  public static final String SPEC_MOUNT_DIR = "/etc/vclip";
  public static final String SPEC_FILE_NAME = "spec.yaml";
  /** Kubernetes reads at most 4096 bytes from here when the container ends; rank 0 writes a {@link TerminationReport}. */
  public static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";

  private TrainerEnv() {}

  public static String specFilePath() {
    return SPEC_MOUNT_DIR + "/" + SPEC_FILE_NAME;
  }
}
