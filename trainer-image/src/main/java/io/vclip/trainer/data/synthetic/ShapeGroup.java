package io.vclip.trainer.data.synthetic;

import java.util.List;

/**
 * Identical objects (same shape, colour, size and motion), one per start region; the group is what
 * a description counts ("two red circles").
 */
public record ShapeGroup(
    ShapeKind shape, Colour colour, ObjectSize size, Motion motion, List<Region> regions) {
  public ShapeGroup {
    regions = List.copyOf(regions);
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("a shape group needs at least one region");
    }
  }

  public int count() {
    return regions.size();
  }
}
