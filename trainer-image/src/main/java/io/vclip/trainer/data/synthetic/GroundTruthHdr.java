package io.vclip.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hallucination Description Ranking with known truth: the full statement first, then one more wrong
 * fact at each step — a group's colour, shape, size, count or direction changed to another value. A
 * fact changed once is never changed again, so step k holds exactly k−1 wrong facts.
 */
public final class GroundTruthHdr {

  private enum Attribute {
    COLOUR,
    SHAPE,
    SIZE,
    COUNT,
    MOTION
  }

  private record Fact(int group, Attribute attribute) {}

  /**
   * Up to {@code m} statements, the true one first; fewer when every fact is already wrong.
   *
   * @param scene the truth, which bounds the directions (no motion out of the frame) and the counts
   */
  public List<SceneStatement> sequence(Scene scene, int m, SplittableRandom random) {
    SceneStatement current = SceneStatement.of(scene);
    List<SceneStatement> steps = new ArrayList<>();
    steps.add(current);
    List<Fact> open = new ArrayList<>();
    for (int g = 0; g < scene.groups().size(); g++) {
      for (Attribute attribute : Attribute.values()) {
        open.add(new Fact(g, attribute));
      }
    }
    while (steps.size() < m && !open.isEmpty()) {
      Fact fact = open.remove(random.nextInt(open.size()));
      SceneStatement next = change(current, scene.groups().get(fact.group()), fact, random);
      if (next != null) {
        current = next;
        steps.add(current);
      }
    }
    return steps;
  }

  /** The statement with one fact changed, or null when no other value fits. */
  private static SceneStatement change(
      SceneStatement statement, ShapeGroup truth, Fact fact, SplittableRandom random) {
    GroupStatement group = statement.groups().get(fact.group());
    return switch (fact.attribute()) {
      case COLOUR -> {
        List<Colour> options = new ArrayList<>();
        for (Colour colour : Colour.values()) {
          if (colour != group.colour()
              && !clashes(statement, fact.group(), group.shape(), colour)) {
            options.add(colour);
          }
        }
        yield options.isEmpty()
            ? null
            : statement.withGroup(fact.group(), group.withColour(pick(options, random)));
      }
      case SHAPE -> {
        List<ShapeKind> options = new ArrayList<>();
        for (ShapeKind shape : ShapeKind.values()) {
          if (shape != group.shape() && !clashes(statement, fact.group(), shape, group.colour())) {
            options.add(shape);
          }
        }
        yield options.isEmpty()
            ? null
            : statement.withGroup(fact.group(), group.withShape(pick(options, random)));
      }
      case SIZE ->
          statement.withGroup(
              fact.group(),
              group.withSize(
                  group.size() == ObjectSize.SMALL ? ObjectSize.LARGE : ObjectSize.SMALL));
      case COUNT -> {
        int count = group.count();
        int delta = count == 1 ? 1 : count == 3 ? -1 : (random.nextBoolean() ? 1 : -1);
        SceneStatement next = statement.withGroup(fact.group(), group.withCount(count + delta));
        // The total follows the wrong count, so the description stays self-consistent.
        yield next.total() == null ? next : next.withTotal(next.total() + delta);
      }
      case MOTION -> {
        List<Motion> options =
            Arrays.stream(Motion.values())
                .filter(m -> m != group.motion())
                .filter(m -> truth.regions().stream().allMatch(m::allowedFrom))
                .toList();
        yield options.isEmpty()
            ? null
            : statement.withGroup(fact.group(), group.withMotion(pick(options, random)));
      }
    };
  }

  /** Whether another group already claims this shape and colour ("a red circle" twice). */
  private static boolean clashes(
      SceneStatement statement, int self, ShapeKind shape, Colour colour) {
    for (int i = 0; i < statement.groups().size(); i++) {
      GroupStatement other = statement.groups().get(i);
      if (i != self && other.shape() == shape && other.colour() == colour) {
        return true;
      }
    }
    return false;
  }

  private static <T> T pick(List<T> options, SplittableRandom random) {
    return options.get(random.nextInt(options.size()));
  }
}
