package io.vclip.trainer.data.loader;

import java.util.Random;

/**
 * Independent random streams per (seed, epoch, lane, purpose), so every rank derives the same shard
 * order without talking to the others, and a restarted run derives the same shuffle.
 */
final class Seeds {
  static final long SHARD_ORDER = 0x51A2D0L;
  static final long SAMPLE_SHUFFLE = 0x5A4D1EL;

  private Seeds() {}

  static Random random(long seed, long... parts) {
    long h = mix(seed);
    for (long p : parts) {
      h = mix(h ^ mix(p + 0x9E3779B97F4A7C15L));
    }
    return new Random(h);
  }

  // SplitMix64's finaliser: consecutive inputs (epoch 0, 1, 2 ...) give unrelated outputs.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Fisher-Yates over 0..n-1; java.util.Random's sequence is specified, so this is stable across JVMs. */
  static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
