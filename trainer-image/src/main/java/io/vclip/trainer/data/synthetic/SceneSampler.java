package io.vclip.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a random {@link Scene}: 1…maxObjects objects in distinct start regions, grouped into sets
 * of identical objects. Larger groups are rarer than single objects so that counts appear without
 * dominating. The main (first) group is the largest object, which the short description names.
 */
public final class SceneSampler {

  private static final double GROUP_PROBABILITY = 0.35;

  private final int maxObjects;

  public SceneSampler(int maxObjects) {
    this.maxObjects = maxObjects;
  }

  public Scene sample(SplittableRandom random) {
    int objects = 1 + random.nextInt(maxObjects);
    List<Region> free = new ArrayList<>(List.of(Region.values()));
    List<ShapeGroup> groups = new ArrayList<>();
    int remaining = objects;
    while (remaining > 0) {
      int count =
          remaining > 1 && random.nextDouble() < GROUP_PROBABILITY
              ? 2 + random.nextInt(remaining - 1)
              : 1;
      groups.add(sampleGroup(count, free, groups, random));
      remaining -= count;
    }
    // Large groups first: the renderer draws in this order, so small objects stay on top.
    groups.sort((a, b) -> Integer.compare(b.size().ordinal(), a.size().ordinal()));
    return new Scene(groups);
  }

  private static ShapeGroup sampleGroup(
      int count, List<Region> free, List<ShapeGroup> others, SplittableRandom random) {
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      regions.add(free.remove(random.nextInt(free.size())));
    }
    Set<Motion> motions = EnumSet.allOf(Motion.class);
    motions.removeIf(m -> !regions.stream().allMatch(m::allowedFrom));
    List<Motion> allowed = List.copyOf(motions);
    Motion motion = allowed.get(random.nextInt(allowed.size()));
    ObjectSize size = ObjectSize.values()[random.nextInt(ObjectSize.values().length)];
    ShapeKind shape;
    Colour colour;
    do {
      shape = ShapeKind.values()[random.nextInt(ShapeKind.values().length)];
      colour = Colour.values()[random.nextInt(Colour.values().length)];
    } while (taken(others, shape, colour));
    return new ShapeGroup(shape, colour, size, motion, regions);
  }

  private static boolean taken(List<ShapeGroup> groups, ShapeKind shape, Colour colour) {
    return groups.stream().anyMatch(g -> g.shape() == shape && g.colour() == colour);
  }
}
