package io.vclip.trainer.data;

import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.data.synthetic.SyntheticWorld;
import io.vclip.trainer.data.synthetic.WorldConfig;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Prints how fast data synthesis runs on one thread: synthetic clips per second (rendered frames
 * plus captions and ground-truth DDR/HDR), and DDR / HDR sequences per second for real-looking
 * English descriptions. Each figure follows a warm-up, since the JIT and the WordNet caches make
 * the first seconds unrepresentative.
 *
 * <p>Run: {@code java -cp "trainer-image/target/vclip-trainer.jar:trainer-image/target/lib/*"
 * io.vclip.trainer.data.SynthesisBenchmark [seconds per figure, default 5]}
 */
public final class SynthesisBenchmark {

  /** The workload for the text figures: five long captions of 22–30 words. */
  private static final List<String> DESCRIPTIONS =
      List.of(
          "A man in a grey coat walks his two brown dogs through a snowy park, while children build"
              + " a large snowman near the frozen pond.",
          "The camera pans right across a crowded market where a woman in a red scarf sells fresh"
              + " oranges and three boys play football behind her stall.",
          "A chef slices a green pepper on a wooden board, then pours hot oil into a black pan."
              + " Steam rises up as he adds the vegetables.",
          "Four cyclists ride slowly up a steep mountain road, and a white van follows them around"
              + " the sharp bends under a cloudy sky.",
          "A little girl with curly hair feeds bread to the ducks on a quiet lake, which reflects"
              + " the tall trees and the orange evening light.");

  private SynthesisBenchmark() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    System.out.println("data synthesis, one thread, " + seconds + " s per figure after warm-up");

    for (int side : new int[] {32, 64}) {
      SyntheticWorld world = new SyntheticWorld(new WorldConfig(1, 8, side, 3, 4));
      double rate = perSecond(seconds, world::sample);
      System.out.printf(
          "synthetic clips (T=8, %dx%d, m=4): %,.0f clips/s  = %,.0f clips/min%n",
          side, side, rate, rate * 60);
    }

    RankingSynthesizer synthesizer = new RankingSynthesizer();
    double ddr = perSecond(seconds, i -> synthesizer.ddr(text(i), 4, i));
    System.out.printf("DDR sequences (m=4, %d words avg): %,.1f texts/s%n", averageWords(), ddr);
    double hdr = perSecond(seconds, i -> synthesizer.hdr(text(i), 4, i));
    System.out.printf("HDR sequences (m=4, %d words avg): %,.1f texts/s%n", averageWords(), hdr);
    double lvdr = perSecond(seconds, i -> synthesizer.hallucinations(text(i), 4, 3, i));
    System.out.printf("LVDR items (p=4, q=3): %,.1f items/s%n", lvdr);
  }

  private static String text(long i) {
    return DESCRIPTIONS.get((int) (i % DESCRIPTIONS.size()));
  }

  private static int averageWords() {
    return (int) DESCRIPTIONS.stream().mapToInt(d -> d.split(" ").length).average().orElse(0);
  }

  /** Runs {@code work(0), work(1), …} for a warm-up then for {@code seconds}; calls per second. */
  private static double perSecond(double seconds, LongConsumer work) {
    long warmUpEnd = System.nanoTime() + (long) (Math.min(2, seconds) * 1e9);
    long i = 0;
    while (System.nanoTime() < warmUpEnd) {
      work.accept(i++);
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long calls = 0;
    while (System.nanoTime() < end) {
      work.accept(i++);
      calls++;
    }
    return calls / ((System.nanoTime() - start) / 1e9);
  }
}
