package io.vclip.trainer.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Compares DJL's gradient of a scalar function with central finite differences, in FLOAT64, on every
 * element of every input.
 */
final class GradientCheck {
  private static final double STEP = 1e-6;
  private static final double TOLERANCE = 1e-6;

  private GradientCheck() {}

  /** DJL's gradient of {@code loss} at the given inputs, one flat array per input. */
  static List<double[]> analytic(List<double[]> values, List<Shape> shapes, Function<NDList, NDArray> loss) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList inputs = new NDList();
      for (int i = 0; i < values.size(); i++) {
        NDArray input = manager.create(values.get(i), shapes.get(i));
        input.setRequiresGradient(true);
        inputs.add(input);
      }
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(loss.apply(inputs));
      }
      List<double[]> gradients = new ArrayList<>();
      for (NDArray input : inputs) {
        try (NDArray gradient = input.getGradient()) {
          gradients.add(gradient.toDoubleArray());
        }
      }
      return gradients;
    }
  }

  static double value(List<double[]> values, List<Shape> shapes, Function<NDList, NDArray> loss) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList inputs = new NDList();
      for (int i = 0; i < values.size(); i++) {
        inputs.add(manager.create(values.get(i), shapes.get(i)));
      }
      return loss.apply(inputs).getDouble();
    }
  }

  /** Asserts the analytic gradient equals central differences and is not identically zero. */
  static void assertMatchesFiniteDifferences(
      List<double[]> values, List<Shape> shapes, Function<NDList, NDArray> loss) {
    List<double[]> analytic = analytic(values, shapes, loss);
    double largest = 0;
    for (int i = 0; i < values.size(); i++) {
      for (int e = 0; e < values.get(i).length; e++) {
        List<double[]> plus = perturbed(values, i, e, STEP);
        List<double[]> minus = perturbed(values, i, e, -STEP);
        double numeric = (value(plus, shapes, loss) - value(minus, shapes, loss)) / (2 * STEP);
        assertThat(analytic.get(i)[e])
            .as("d loss / d input %d element %d", i, e)
            .isCloseTo(numeric, within(TOLERANCE * Math.max(1, Math.abs(numeric))));
        largest = Math.max(largest, Math.abs(numeric));
      }
    }
    assertThat(largest).as("the check must exercise a non-zero gradient").isGreaterThan(1e-3);
  }

  private static List<double[]> perturbed(List<double[]> values, int input, int element, double step) {
    List<double[]> copy = new ArrayList<>();
    for (double[] v : values) {
      copy.add(v.clone());
    }
    copy.get(input)[element] += step;
    return copy;
  }
}
