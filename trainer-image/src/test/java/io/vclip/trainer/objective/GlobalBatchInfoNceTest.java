package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splits one batch over fake ranks in one process. Like real collectives, the k-th gather call of
 * every rank is matched with the k-th of the others: a first pass records what each rank hands to
 * gather, a second replays those as the other ranks' (constant) rows.
 */
class GlobalBatchInfoNceTest {
  private static final int WORLD = 2;
  private static final int LOCAL = 3;
  private static final int DIM = 4;

  private final double[] text = Features.gaussian(11, WORLD * LOCAL * DIM);
  private final double[] video = Features.gaussian(12, WORLD * LOCAL * DIM);
  private final double[] logScale = {Math.log(6)};

  @Test
  void ranksReproduceTheSingleBatchLossAndGradient() {
    List<double[]> full = List.of(text, video, logScale);
    List<Shape> fullShapes = List.of(new Shape(WORLD * LOCAL, DIM), new Shape(WORLD * LOCAL, DIM), new Shape(1));
    SymmetricInfoNce single = new SymmetricInfoNce(new LocalFeatureGather());
    double singleLoss = GradientCheck.value(full, fullShapes, in -> single.loss(in.get(0), in.get(1), in.get(2)));
    List<double[]> singleGrad =
        GradientCheck.analytic(full, fullShapes, in -> single.loss(in.get(0), in.get(1), in.get(2)));

    List<List<double[]>> recorded = new ArrayList<>();
    for (int rank = 0; rank < WORLD; rank++) {
      recorded.add(recordGatherInputs(rank));
    }

    double lossSum = 0;
    double[] scaleGradSum = new double[1];
    for (int rank = 0; rank < WORLD; rank++) {
      RankResult result = runRank(rank, recorded);
      lossSum += result.loss;
      scaleGradSum[0] += result.scaleGrad;
      int from = rank * LOCAL * DIM;
      int to = from + LOCAL * DIM;
      // Data-parallel training averages over ranks; each feature is differentiated on its own rank.
      assertThat(divide(result.textGrad, WORLD))
          .as("rank %d text gradient", rank)
          .containsExactly(Arrays.copyOfRange(singleGrad.get(0), from, to), within(1e-12));
      assertThat(divide(result.videoGrad, WORLD))
          .as("rank %d video gradient", rank)
          .containsExactly(Arrays.copyOfRange(singleGrad.get(1), from, to), within(1e-12));
      assertThat(result.loss).as("rank %d sees the global loss", rank).isCloseTo(singleLoss, within(1e-12));
    }
    assertThat(lossSum / WORLD).isCloseTo(singleLoss, within(1e-12));
    assertThat(scaleGradSum[0] / WORLD).isCloseTo(singleGrad.get(2)[0], within(1e-12));
    assertThat(Math.abs(singleGrad.get(2)[0])).isGreaterThan(1e-3);
  }

  @Test
  void rejectsAGatherThatDropsRows() {
    FeatureGather broken = new FeatureGather() {
      @Override
      public NDArray gather(NDArray local) {
        return local;
      }

      @Override
      public int rank() {
        return 0;
      }

      @Override
      public int worldSize() {
        return WORLD;
      }
    };
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList inputs = localInputs(manager, 0);
      assertThatThrownBy(() -> new SymmetricInfoNce(broken).loss(inputs.get(0), inputs.get(1), inputs.get(2)))
          .hasMessageContaining("FeatureGather returned 3 text rows; expected 6");
    }
  }

  private record RankResult(double loss, double[] textGrad, double[] videoGrad, double scaleGrad) {}

  private List<double[]> recordGatherInputs(int rank) {
    List<double[]> calls = new ArrayList<>();
    FeatureGather recording = new FeatureGather() {
      @Override
      public NDArray gather(NDArray local) {
        calls.add(local.stopGradient().toDoubleArray());
        NDList copies = new NDList();
        for (int r = 0; r < WORLD; r++) {
          copies.add(local);
        }
        return NDArrays.concat(copies, 0);
      }

      @Override
      public int rank() {
        return rank;
      }

      @Override
      public int worldSize() {
        return WORLD;
      }
    };
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList inputs = localInputs(manager, rank);
      new SymmetricInfoNce(recording).loss(inputs.get(0), inputs.get(1), inputs.get(2));
    }
    return calls;
  }

  private RankResult runRank(int rank, List<List<double[]>> recorded) {
    try (NDManager manager = NDManager.newBaseManager()) {
      int[] call = {0};
      FeatureGather replay = new FeatureGather() {
        @Override
        public NDArray gather(NDArray local) {
          NDList rows = new NDList();
          for (int r = 0; r < WORLD; r++) {
            rows.add(r == rank ? local : manager.create(recorded.get(r).get(call[0]), local.getShape()));
          }
          call[0]++;
          return NDArrays.concat(rows, 0);
        }

        @Override
        public int rank() {
          return rank;
        }

        @Override
        public int worldSize() {
          return WORLD;
        }
      };
      NDList inputs = localInputs(manager, rank);
      for (NDArray input : inputs) {
        input.setRequiresGradient(true);
      }
      double loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray value = new SymmetricInfoNce(replay).loss(inputs.get(0), inputs.get(1), inputs.get(2));
        loss = value.getDouble();
        collector.backward(value);
      }
      assertThat(call[0]).as("gather calls").isEqualTo(2);
      return new RankResult(
          loss,
          inputs.get(0).getGradient().toDoubleArray(),
          inputs.get(1).getGradient().toDoubleArray(),
          inputs.get(2).getGradient().getDouble());
    }
  }

  private NDList localInputs(NDManager manager, int rank) {
    int from = rank * LOCAL * DIM;
    int to = from + LOCAL * DIM;
    return new NDList(
        manager.create(Arrays.copyOfRange(text, from, to), new Shape(LOCAL, DIM)),
        manager.create(Arrays.copyOfRange(video, from, to), new Shape(LOCAL, DIM)),
        manager.create(logScale.clone(), new Shape(1)));
  }

  private static double[] divide(double[] values, double by) {
    return Arrays.stream(values).map(v -> v / by).toArray();
  }
}
