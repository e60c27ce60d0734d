package io.vclip.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.data.VideoSample;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the clips back from their pixels alone and checks that the long description says what the
 * pixels show: colours, counts, start regions, sizes and directions of motion.
 */
class SyntheticWorldTest {

  /** An object found in a frame: its pixels form one 4-connected blob of one palette colour. */
  private record Blob(Colour colour, double x, double y, int width, ShapeKind shape) {}

  @ParameterizedTest
  @ValueSource(ints = {32, 48, 64})
  void descriptionsMatchWhatThePixelsShow(int side) {
    SyntheticWorld world = new SyntheticWorld(new WorldConfig(7, 8, side, 3, 4));
    int checked = 0;
    for (int i = 0; i < 60; i++) {
      VideoSample sample = world.sample(i);
      assertThat(sample.frames()).hasSize(8);
      assertThat(sample.frames().get(0).getWidth()).isEqualTo(side);
      String text = sample.captions().longCaptions().get(0);
      List<Blob> first = blobs(sample.frames().get(0));
      List<Blob> last = blobs(sample.frames().get(7));

      Set<Colour> seen = first.stream().map(Blob::colour).collect(Collectors.toSet());
      Set<Colour> named =
          Arrays.stream(Colour.values())
              .filter(c -> words(text).contains(c.word()))
              .collect(Collectors.toSet());
      assertThat(seen).as("colours in %s: %s", sample.key(), text).isEqualTo(named);

      // Same-coloured groups (different shapes) cannot be told apart by colour; skip those clips.
      if (world.scene(i).groups().stream().map(ShapeGroup::colour).distinct().count()
          != world.scene(i).groups().size()) {
        continue;
      }
      checked++;
      for (Colour colour : seen) {
        String sentence = sentenceNaming(text, colour);
        List<Blob> objects = first.stream().filter(b -> b.colour() == colour).toList();
        assertThat(countIn(sentence)).as(sentence).isEqualTo(objects.size());
        for (Blob object : objects) {
          Region region = Region.nearest(object.x() / side, object.y() / side);
          assertThat(sentence).as("%s, blob at %s", sample.key(), object).contains(region.phrase());
          String size = object.width() < 0.25 * side ? "small" : "large";
          assertThat(words(sentence)).as(sentence).contains(size);
          // Shapes are read back only at 64 px: a 6-pixel triangle and diamond are too alike.
          if (side == 64) {
            assertThat(words(sentence))
                .as("%s: blob read as %s", sentence, object.shape())
                .contains(object.shape().noun(objects.size()));
          }
        }
        assertThat(sentence).contains(motionBetween(first, last, colour, side).phrase());
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void sameSeedSameClipsAndTexts() {
    SyntheticWorld a = new SyntheticWorld(WorldConfig.defaults(42));
    SyntheticWorld b = new SyntheticWorld(WorldConfig.defaults(42));
    for (long i : new long[] {0, 1, 999}) {
      VideoSample x = a.sample(i);
      VideoSample y = b.sample(i);
      assertThat(x.captions()).isEqualTo(y.captions());
      for (int t = 0; t < x.frames().size(); t++) {
        assertThat(pixels(x.frames().get(t))).isEqualTo(pixels(y.frames().get(t)));
      }
    }
  }

  @Test
  void heldOutSplitIsADifferentDrawOfTheSameWorld() {
    SyntheticWorld train = new SyntheticWorld(WorldConfig.defaults(42));
    SyntheticWorld heldOut = train.heldOut();
    assertThat(heldOut.sample(3).key()).startsWith("heldout-");
    assertThat(train.sample(3).key()).startsWith("train-");
    long same =
        java.util.stream.LongStream.range(0, 50)
            .filter(i -> train.scene(i).equals(heldOut.scene(i)))
            .count();
    assertThat(same).isLessThan(5);
    assertThat(heldOut.sample(3).captions())
        .isEqualTo(new SyntheticWorld(WorldConfig.defaults(42)).heldOut().sample(3).captions());
  }

  @Test
  void rankingSequencesStartWithTheOriginalAndEveryStepChangesIt() {
    SyntheticWorld world = new SyntheticWorld(new WorldConfig(3, 4, 32, 3, 5));
    for (int i = 0; i < 200; i++) {
      VideoSample sample = world.sample(i);
      String original = sample.captions().longCaptions().get(0);
      List<String> ddr = sample.captions().ddr();
      List<String> hdr = sample.captions().hdr();
      assertThat(ddr.get(0)).isEqualTo(original);
      assertThat(hdr.get(0)).isEqualTo(original);
      assertThat(ddr).hasSize(5).doesNotHaveDuplicates();
      assertThat(hdr).hasSize(5).doesNotHaveDuplicates();
      for (int k = 1; k < ddr.size(); k++) {
        // Leaving a fact out always costs words in this grammar.
        assertThat(words(ddr.get(k)).size()).isLessThan(words(ddr.get(k - 1)).size());
      }
      assertThat(sample.captions().shortCaptions().get(0))
          .contains(world.scene(i).groups().get(0).colour().word());
    }
  }

  @Test
  void eachHallucinationStepAddsExactlyOneWrongFact() {
    SyntheticWorld world = new SyntheticWorld(WorldConfig.defaults(11));
    GroundTruthHdr hdr = new GroundTruthHdr();
    for (int i = 0; i < 200; i++) {
      Scene scene = world.scene(i);
      List<SceneStatement> steps = hdr.sequence(scene, 6, new java.util.SplittableRandom(i));
      for (int k = 0; k < steps.size(); k++) {
        assertThat(wrongFacts(scene, steps.get(k))).as("step %d of %s", k, steps).isEqualTo(k);
      }
    }
  }

  @Test
  void aSceneWithFewFactsGivesAShorterSequenceInsteadOfRepeating() {
    Scene single =
        new Scene(
            List.of(
                new ShapeGroup(
                    ShapeKind.CIRCLE,
                    Colour.RED,
                    ObjectSize.SMALL,
                    Motion.UP,
                    List.of(Region.LEFT))));
    // One object: total, size, colour, position, motion can go, so at most 1 + 5 texts.
    List<SceneStatement> ddr =
        new GroundTruthDdr()
            .sequence(SceneStatement.of(single), 20, new java.util.SplittableRandom(1));
    assertThat(ddr).hasSize(6);
    assertThat(new SceneDescriber().longDescription(ddr.get(5))).isEqualTo("There is a circle.");
    List<SceneStatement> hdr =
        new GroundTruthHdr().sequence(single, 20, new java.util.SplittableRandom(1));
    assertThat(hdr).hasSize(6);
  }

  @Test
  void badConfigurationNamesTheField() {
    assertThatThrownBy(() -> new WorldConfig(1, 8, 16, 3, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frameSize")
        .hasMessageContaining("16");
    assertThatThrownBy(() -> new WorldConfig(1, 8, 32, 4, 4)).hasMessageContaining("maxObjects");
  }

  private static int wrongFacts(Scene scene, SceneStatement statement) {
    int wrong = 0;
    for (int g = 0; g < scene.groups().size(); g++) {
      ShapeGroup truth = scene.groups().get(g);
      GroupStatement said = statement.groups().get(g);
      wrong += truth.shape() != said.shape() ? 1 : 0;
      wrong += truth.colour() != said.colour() ? 1 : 0;
      wrong += truth.size() != said.size() ? 1 : 0;
      wrong += truth.motion() != said.motion() ? 1 : 0;
      wrong += truth.count() != said.count() ? 1 : 0;
    }
    return wrong;
  }

  private static Motion motionBetween(List<Blob> first, List<Blob> last, Colour colour, int side) {
    double dx = centroidX(last, colour) - centroidX(first, colour);
    double dy = centroidY(last, colour) - centroidY(first, colour);
    double moved = Motion.TRAVEL * side / 2;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < moved) {
      return Motion.STILL;
    }
    if (Math.abs(dx) > Math.abs(dy)) {
      return dx > 0 ? Motion.RIGHT : Motion.LEFT;
    }
    return dy > 0 ? Motion.DOWN : Motion.UP;
  }

  private static double centroidX(List<Blob> blobs, Colour colour) {
    return blobs.stream()
        .filter(b -> b.colour() == colour)
        .mapToDouble(Blob::x)
        .average()
        .orElseThrow();
  }

  private static double centroidY(List<Blob> blobs, Colour colour) {
    return blobs.stream()
        .filter(b -> b.colour() == colour)
        .mapToDouble(Blob::y)
        .average()
        .orElseThrow();
  }

  private static String sentenceNaming(String text, Colour colour) {
    List<String> matches =
        Arrays.stream(text.split("(?<=\\.) "))
            .filter(s -> words(s).contains(colour.word()))
            .toList();
    assertThat(matches).as("sentences naming %s in %s", colour, text).hasSize(1);
    return matches.get(0);
  }

  private static int countIn(String sentence) {
    String first = words(sentence).get(0);
    return switch (first) {
      case "a", "an" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      default -> throw new AssertionError("no count in " + sentence);
    };
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.toLowerCase(Locale.ROOT).replaceAll("[.,]", "").split(" "));
  }

  /** Connected blobs of exactly one palette colour; any other non-black pixel fails the test. */
  private static List<Blob> blobs(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean[] done = new boolean[w * h];
    List<Blob> blobs = new ArrayList<>();
    for (int start = 0; start < w * h; start++) {
      int rgb = image.getRGB(start % w, start / w) & 0xFFFFFF;
      if (done[start] || rgb == 0) {
        continue;
      }
      Colour colour = paletteColour(rgb);
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
      done[start] = true;
      double sx = 0;
      double sy = 0;
      int n = 0;
      int minX = w;
      int maxX = -1;
      List<int[]> pixels = new ArrayList<>();
      while (!queue.isEmpty()) {
        int p = queue.poll();
        int x = p % w;
        int y = p / w;
        sx += x;
        sy += y;
        n++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        pixels.add(new int[] {x, y});
        for (int q : new int[] {p - 1, p + 1, p - w, p + w}) {
          boolean neighbour =
              q >= 0 && q < w * h && (Math.abs(q % w - x) + Math.abs(q / w - y)) == 1;
          if (neighbour && !done[q] && (image.getRGB(q % w, q / w) & 0xFFFFFF) == rgb) {
            done[q] = true;
            queue.add(q);
          }
        }
      }
      blobs.add(
          new Blob(colour, sx / n + 0.5, sy / n + 0.5, maxX - minX + 1, shapeOf(pixels)));
    }
    return blobs;
  }

  /**
   * Reads a shape from its pixels: squares fill their bounding box, circles about π/4 of it; of
   * the rest, a triangle is wide at the bottom and narrow at the top, a diamond half as wide as
   * its box a quarter of the way down, a cross only as wide as an arm (a third).
   */
  private static ShapeKind shapeOf(List<int[]> pixels) {
    int minX = pixels.stream().mapToInt(p -> p[0]).min().orElseThrow();
    int maxX = pixels.stream().mapToInt(p -> p[0]).max().orElseThrow();
    int minY = pixels.stream().mapToInt(p -> p[1]).min().orElseThrow();
    int maxY = pixels.stream().mapToInt(p -> p[1]).max().orElseThrow();
    int width = maxX - minX + 1;
    int height = maxY - minY + 1;
    double fill = pixels.size() / (double) (width * height);
    if (fill > 0.9) {
      return ShapeKind.SQUARE;
    }
    if (fill > 0.65) {
      return ShapeKind.CIRCLE;
    }
    int upper = minY + height / 4;
    int lower = maxY - height / 4;
    long upperWidth = pixels.stream().filter(p -> p[1] == upper).count();
    long lowerWidth = pixels.stream().filter(p -> p[1] == lower).count();
    if (lowerWidth > 1.5 * upperWidth) {
      return ShapeKind.TRIANGLE;
    }
    return upperWidth >= 0.42 * width ? ShapeKind.DIAMOND : ShapeKind.CROSS;
  }

  private static Colour paletteColour(int rgb) {
    for (Colour colour : Colour.values()) {
      if ((colour.rgb().getRGB() & 0xFFFFFF) == rgb) {
        return colour;
      }
    }
    throw new AssertionError("pixel colour not in the palette: " + Integer.toHexString(rgb));
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void everyEmittedWordIsInTheVocabulary() {
    Set<String> vocabulary = new HashSet<>(WorldVocabulary.words());
    SyntheticWorld world = new SyntheticWorld(new WorldConfig(5, 2, 32, 3, 8));
    for (int i = 0; i < 300; i++) {
      var captions = world.sample(i).captions();
      List<String> texts = new ArrayList<>(captions.longCaptions());
      texts.addAll(captions.shortCaptions());
      texts.addAll(captions.ddr());
      texts.addAll(captions.hdr());
      for (String text : texts) {
        assertThat(vocabulary).as(text).containsAll(WorldVocabulary.split(text));
      }
    }
  }
}
