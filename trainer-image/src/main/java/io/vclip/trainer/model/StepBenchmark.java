package io.vclip.trainer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * Times one model step — encode B clips and B captions, prompt every caption with every clip, a
 * symmetric contrastive loss, backward — on random inputs. Measures the model's own cost, not the
 * objective's.
 */
public final class StepBenchmark {
  /**
   * Wall milliseconds per step after warm-up (mean, fastest, slowest) and the process's CPU
   * milliseconds per step — on a shared machine the CPU figure is the steadier one.
   */
  public record Result(double meanMs, double minMs, double maxMs, double cpuMsPerStep, int steps) {}

  private StepBenchmark() {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** @param textTokens caption length incl. start/end tokens; the end-of-text sits at textTokens − 1 */
  public static Result run(ModelConfig config, int batch, int textTokens, int warmup, int steps) {
    try (NDManager m = NDManager.newBaseManager()) {
      VideoClipModel model = new VideoClipModel(config).initialize(m);
      ParameterStore ps = new ParameterStore(m, false);
      int px = config.vision().imageSize();
      // Inputs are made once: creating arrays from Java data every step leaks off-heap memory (STACK.md).
      NDArray frames = m.randomNormal(new Shape(batch, config.xclip().frames(), 3, px, px));
      NDArray ids = m.randomInteger(3, config.text().vocabSize(), new Shape(batch, config.text().contextLength()), DataType.INT64);
      NDArray eot = m.full(new Shape(batch), textTokens - 1f, DataType.INT64);
      NDArray target = m.eye(batch);
      double sum = 0;
      double min = Double.MAX_VALUE;
      double max = 0;
      long cpuAtStart = 0;
      for (int i = 0; i < warmup + steps; i++) {
        if (i == warmup) {
          cpuAtStart = processCpuNanos();
        }
        long start = System.nanoTime();
        try (NDManager step = m.newSubManager()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            VideoFeatures v = model.encodeVideo(ps, frames, true);
            NDArray text = model.encodeText(ps, ids, eot, true);
            NDArray t = model.promptPairwise(ps, text, v, true);
            NDArray tn = t.div(t.norm(new int[] {-1}, true));
            NDArray vn = v.video().div(v.video().norm(new int[] {-1}, true));
            NDArray logits = tn.mul(vn.expandDims(0)).sum(new int[] {-1}).mul(model.logitScale(ps, frames, true).exp());
            NDArray loss = logits.logSoftmax(1).mul(target).sum().add(logits.logSoftmax(0).mul(target).sum()).neg();
            step.tempAttachAll(loss);
            gc.backward(loss);
          }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (i >= warmup) {
          sum += ms;
          min = Math.min(min, ms);
          max = Math.max(max, ms);
        }
      }
      double cpuMs = (processCpuNanos() - cpuAtStart) / 1e6 / steps;
      return new Result(sum / steps, min, max, cpuMs, steps);
    }
  }
}
