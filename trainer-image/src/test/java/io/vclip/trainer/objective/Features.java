package io.vclip.trainer.objective;

import java.util.Random;

/** Small random feature arrays for tests, reproducible by seed. */
final class Features {
  private Features() {}

  static double[] gaussian(long seed, int size) {
    Random random = new Random(seed);
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }
}
