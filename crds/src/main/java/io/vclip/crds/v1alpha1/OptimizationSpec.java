package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** AdamW with warm-up and cosine decay, sharded across ranks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OptimizationSpec {

  @JsonPropertyDescription("Optimizer steps to train.")
  @Default("300")
  @Min(1)
  private long maxSteps = 300;

  @JsonPropertyDescription("Samples per optimizer step across all ranks; divisible by replicas x accumulationSteps.")
  @Default("32")
  @Min(1)
  private int globalBatchSize = 32;

  @JsonPropertyDescription("Peak learning rate.")
  @Default("5.0e-4")
  @Min(value = 0, inclusive = false)
  private double learningRate = 5.0e-4;

  @JsonPropertyDescription("Learning-rate multiplier of parameters absent from the pretrained weights.")
  @Default("10")
  @Min(0)
  private double newParameterLrMultiplier = 10;

  @JsonPropertyDescription("Decoupled weight decay.")
  @Default("0.001")
  @Min(0)
  private double weightDecay = 0.001;

  @JsonPropertyDescription("Adam beta1 and beta2, each in [0, 1).")
  @Size(min = 2, max = 2)
  private List<Double> betas = new ArrayList<>(List.of(0.9, 0.98));

  @JsonPropertyDescription("Linear warm-up steps.")
  @Default("20")
  @Min(0)
  private long warmupSteps = 20;

  @JsonPropertyDescription("Global gradient-norm clip; 0 disables clipping.")
  @Default("1.0")
  @Min(0)
  private double gradientClipNorm = 1.0;

  @JsonPropertyDescription("Micro-batches accumulated per optimizer step.")
  @Default("1")
  @Min(1)
  private int accumulationSteps = 1;

  @JsonPropertyDescription("fp32. bf16 is accepted, but this version computes in fp32 on every device and logs a warning.")
  @Default("fp32")
  private Precision precision = Precision.FP32;

  @JsonPropertyDescription("Seed of initialisation and data order.")
  @Default("42")
  private long seed = 42;

  public long getMaxSteps() {
    return maxSteps;
  }

  public void setMaxSteps(long maxSteps) {
    this.maxSteps = maxSteps;
  }

  public int getGlobalBatchSize() {
    return globalBatchSize;
  }

  public void setGlobalBatchSize(int globalBatchSize) {
    this.globalBatchSize = globalBatchSize;
  }

  public double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  public double getNewParameterLrMultiplier() {
    return newParameterLrMultiplier;
  }

  public void setNewParameterLrMultiplier(double newParameterLrMultiplier) {
    this.newParameterLrMultiplier = newParameterLrMultiplier;
  }

  public double getWeightDecay() {
    return weightDecay;
  }

  public void setWeightDecay(double weightDecay) {
    this.weightDecay = weightDecay;
  }

  public List<Double> getBetas() {
    return betas;
  }

  public void setBetas(List<Double> betas) {
    this.betas = betas;
  }

  public long getWarmupSteps() {
    return warmupSteps;
  }

  public void setWarmupSteps(long warmupSteps) {
    this.warmupSteps = warmupSteps;
  }

  public double getGradientClipNorm() {
    return gradientClipNorm;
  }

  public void setGradientClipNorm(double gradientClipNorm) {
    this.gradientClipNorm = gradientClipNorm;
  }

  public int getAccumulationSteps() {
    return accumulationSteps;
  }

  public void setAccumulationSteps(int accumulationSteps) {
    this.accumulationSteps = accumulationSteps;
  }

  public Precision getPrecision() {
    return precision;
  }

  public void setPrecision(Precision precision) {
    this.precision = precision;
  }

  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }
}
