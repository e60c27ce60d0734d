package io.vclip.operator.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels the operator puts on its objects; the informers and the observers select by them. */
public final class Labels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "vclip-operator";
  public static final String JOB = "vclip.io/job";
  public static final String ROLE = "vclip.io/role";
  public static final String RUN_ID = "vclip.io/run-id";
  public static final String RANK = "vclip.io/rank";
  public static final String WORKER = "worker";
  public static final String EVAL = "eval";
  /** Kueue admits workloads by this label (its plain-pod integration groups pods by the two below). */
  public static final String KUEUE_QUEUE = "kueue.x-k8s.io/queue-name";
  public static final String KUEUE_POD_GROUP = "kueue.x-k8s.io/pod-group-name";
  public static final String KUEUE_POD_GROUP_TOTAL = "kueue.x-k8s.io/pod-group-total-count";
  /** scheduler-plugins' coscheduling plugin finds a pod's PodGroup by this label. */
  public static final String COSCHEDULING_POD_GROUP = "scheduling.x-k8s.io/pod-group";
  /** Volcano finds a pod's PodGroup by this annotation. */
  public static final String VOLCANO_POD_GROUP = "scheduling.k8s.io/group-name";

  /** Selector of every worker pod the operator manages, across jobs (the pod informer's). */
  public static final String WORKER_SELECTOR = MANAGED_BY + "=" + OPERATOR + "," + ROLE + "=" + WORKER;
  public static final String EVAL_SELECTOR = MANAGED_BY + "=" + OPERATOR + "," + ROLE + "=" + EVAL;

  private Labels() {}

  public static Map<String, String> of(String job, String role) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, OPERATOR);
    labels.put(JOB, job);
    labels.put(ROLE, role);
    return labels;
  }
}
