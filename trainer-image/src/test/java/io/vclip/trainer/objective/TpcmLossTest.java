package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TpcmLossTest {
  private static final int B = 6;
  private static final int D = 10;

  private final SymmetricInfoNce infoNce = new SymmetricInfoNce(new LocalFeatureGather());
  private final double[] video = Features.gaussian(31, B * D);
  private final double[] longText = Features.gaussian(32, B * D);
  /** Short captions at growing distance from the long ones, so the targets cos(lt, st) spread out. */
  private final double[] shortText = shortCaptions(longText);
  private final double[] logScale = {Math.log(8)};

  @Test
  void adaptiveSelectionPicksTheSmallestKThatMeetsEachSamplesTarget() {
    try (NDManager manager = NDManager.newBaseManager()) {
      LossPart part = new TpcmLoss(infoNce, new TextGuidedComponents()).compute(inputs(manager, longText, shortText));

      NDArray unitVideo = CosineSimilarity.unit(manager.create(video, new Shape(B, D)));
      PrincipalComponents components = PrincipalComponents.fit(unitVideo);
      int rank = components.rank();
      double[] unit = unitVideo.toDoubleArray();
      double[][] cosineAtK = new double[rank + 1][];
      for (int k = 1; k <= rank; k++) {
        int[] all = new int[B];
        Arrays.fill(all, k);
        double[] reconstruction = components.reconstruct(unitVideo, all).toDoubleArray();
        cosineAtK[k] = new double[B];
        for (int i = 0; i < B; i++) {
          cosineAtK[k][i] = SymmetricInfoNceTest.cosine(row(reconstruction, i), row(unit, i));
        }
      }
      int[] bruteForce = new int[B];
      for (int i = 0; i < B; i++) {
        double target = SymmetricInfoNceTest.cosine(row(longText, i), row(shortText, i));
        int k = 1;
        while (k < rank && cosineAtK[k][i] < target) {
          k++;
        }
        bruteForce[i] = k;
      }

      assertThat(part.componentsKept()).containsExactly(bruteForce);
      assertThat(Arrays.stream(bruteForce).distinct().count())
          .as("the data must make samples choose different k")
          .isGreaterThan(2);
    }
  }

  @Test
  void fixedSelectionKeepsKOrTheWholeRankAndFullRankIsPlainContrastive() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs in = inputs(manager, longText, shortText);
      assertThat(new TpcmLoss(infoNce, new FixedComponents(2)).compute(in).componentsKept())
          .containsOnly(2)
          .hasSize(B);
      LossPart full = new TpcmLoss(infoNce, new FixedComponents(32)).compute(in);
      assertThat(full.componentsKept()).containsOnly(B - 1);
      double plain = infoNce.loss(in.shortText(), in.video(), in.logitScale()).getDouble();
      assertThat(full.loss().getDouble()).isCloseTo(plain, within(1e-10));
    }
  }

  /** With the fitted basis and the chosen k frozen, TPCM is a smooth function of its inputs. */
  @Test
  void gradientMatchesFiniteDifferencesWithTheStepsBasisFrozen() {
    PrincipalComponents frozen;
    int[] kept;
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs in = inputs(manager, longText, shortText);
      frozen = PrincipalComponents.fit(CosineSimilarity.unit(in.video()));
      kept = new TpcmLoss(infoNce, new TextGuidedComponents()).compute(in).componentsKept();
    }
    assertThat(Arrays.stream(kept).min().orElseThrow()).as("some sample must drop components").isLessThan(frozen.rank());
    List<double[]> values = List.of(shortText, video, logScale);
    List<Shape> shapes = List.of(new Shape(B, D), new Shape(B, D), new Shape(1));
    java.util.function.Function<NDList, NDArray> frozenTpcm =
        in -> infoNce.lossKeepingVideoNorm(
            in.get(0), frozen.reconstruct(CosineSimilarity.unit(in.get(1)), kept), in.get(2));

    GradientCheck.assertMatchesFiniteDifferences(values, shapes, frozenTpcm);

    List<double[]> expected = GradientCheck.analytic(values, shapes, frozenTpcm);
    try (NDManager manager = NDManager.newBaseManager()) {
      ObjectiveInputs in = inputs(manager, longText, shortText);
      for (NDArray array : List.of(in.shortText(), in.video(), in.logitScale())) {
        array.setRequiresGradient(true);
      }
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(new TpcmLoss(infoNce, new TextGuidedComponents()).compute(in).loss());
      }
      assertThat(in.shortText().getGradient().toDoubleArray()).containsExactly(expected.get(0), within(1e-12));
      assertThat(in.video().getGradient().toDoubleArray()).containsExactly(expected.get(1), within(1e-12));
      assertThat(in.logitScale().getGradient().getDouble()).isCloseTo(expected.get(2)[0], within(1e-12));
    }
  }

  @Test
  void promptedTextsUseEachSamplesOwnPair() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TpcmLoss tpcm = new TpcmLoss(infoNce, new TextGuidedComponents());
      LossPart plain = tpcm.compute(inputs(manager, longText, shortText));
      NDArray longPairs = manager.create(longText, new Shape(B, 1, D)).repeat(1, B);
      NDArray shortPairs = manager.create(shortText, new Shape(B, 1, D)).repeat(1, B);
      LossPart prompted = tpcm.compute(new ObjectiveInputs(
          manager.create(video, new Shape(B, D)), longPairs, shortPairs, null, null,
          manager.create(logScale, new Shape(1))));

      assertThat(prompted.componentsKept()).containsExactly(plain.componentsKept());
      assertThat(prompted.loss().getDouble()).isCloseTo(plain.loss().getDouble(), within(1e-12));
    }
  }

  private ObjectiveInputs inputs(NDManager manager, double[] longCaptions, double[] shortCaptions) {
    return new ObjectiveInputs(
        manager.create(video, new Shape(B, D)),
        manager.create(longCaptions, new Shape(B, D)),
        manager.create(shortCaptions, new Shape(B, D)),
        null,
        null,
        manager.create(logScale, new Shape(1)));
  }

  private static double[] shortCaptions(double[] longCaptions) {
    Random random = new Random(33);
    double[] out = longCaptions.clone();
    for (int i = 0; i < B; i++) {
      double noise = 0.15 * i * i;
      for (int d = 0; d < D; d++) {
        out[i * D + d] += noise * random.nextGaussian();
      }
    }
    return out;
  }

  private static double[] row(double[] flat, int i) {
    return Arrays.copyOfRange(flat, i * D, (i + 1) * D);
  }
}
