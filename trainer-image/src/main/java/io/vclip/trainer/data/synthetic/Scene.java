package io.vclip.trainer.data.synthetic;

import java.util.List;

/**
 * The ground truth of one clip. The first group is the main object (the one the short description
 * names); no two groups share both shape and colour, so a counted phrase is exact.
 */
public record Scene(List<ShapeGroup> groups) {
  public Scene {
    groups = List.copyOf(groups);
  }

  public int objectCount() {
    return groups.stream().mapToInt(ShapeGroup::count).sum();
  }
}
