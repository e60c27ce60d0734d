package io.vclip.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Detail Description Ranking with known truth: the full statement first, then one more fact left
 * out at each step (a size, a colour, a position, a motion, a count, a whole secondary group, or
 * the total), in a seeded random order. Every step stays true of the clip and says strictly less.
 */
public final class GroundTruthDdr {

  /**
   * Up to {@code m} statements, the complete one first; fewer when the scene runs out of facts to
   * drop.
   */
  public List<SceneStatement> sequence(SceneStatement full, int m, SplittableRandom random) {
    List<SceneStatement> steps = new ArrayList<>();
    steps.add(full);
    SceneStatement current = full;
    while (steps.size() < m) {
      List<UnaryOperator<SceneStatement>> drops = possibleDrops(current);
      if (drops.isEmpty()) {
        break;
      }
      current = drops.get(random.nextInt(drops.size())).apply(current);
      steps.add(current);
    }
    return steps;
  }

  private static List<UnaryOperator<SceneStatement>> possibleDrops(SceneStatement statement) {
    List<UnaryOperator<SceneStatement>> drops = new ArrayList<>();
    if (statement.total() != null) {
      drops.add(s -> s.withTotal(null));
    }
    for (int i = 0; i < statement.groups().size(); i++) {
      int index = i;
      GroupStatement group = statement.groups().get(i);
      if (group.size() != null) {
        drops.add(s -> s.withGroup(index, group.withSize(null)));
      }
      if (group.colour() != null) {
        drops.add(s -> s.withGroup(index, group.withColour(null)));
      }
      if (group.regions() != null) {
        drops.add(s -> s.withGroup(index, group.withRegions(null)));
      }
      if (group.motion() != null) {
        drops.add(s -> s.withGroup(index, group.withMotion(null)));
      }
      // A singular "a" still carries the count, so only plural counts can be left out.
      if (group.count() != null && group.count() > 1) {
        drops.add(s -> s.withGroup(index, group.withCount(null)));
      }
      // The main group is what the short description names; it is never dropped.
      if (index > 0) {
        drops.add(s -> s.withoutGroup(index));
      }
    }
    return drops;
  }
}
