package io.vclip.trainer.data.synthetic;

import java.util.List;

/**
 * What a description says about one {@link ShapeGroup}. A null field is a fact the description
 * leaves out (DDR); a field that differs from the group is a wrong fact (HDR). The shape is always
 * stated: it is the noun every sentence is built around.
 *
 * @param count null when the number is left out (only possible for plural groups: "red circles")
 * @param regions null when the position is left out; may list fewer regions than {@code count}
 *     after a hallucinated count
 */
public record GroupStatement(
    ShapeKind shape,
    Colour colour,
    ObjectSize size,
    Integer count,
    List<Region> regions,
    Motion motion) {

  public GroupStatement {
    regions = regions == null ? null : List.copyOf(regions);
  }

  public static GroupStatement of(ShapeGroup group) {
    return new GroupStatement(
        group.shape(),
        group.colour(),
        group.size(),
        group.count(),
        group.regions(),
        group.motion());
  }

  /** The count the grammar agrees with: a left-out count is plural, since only plurals drop it. */
  public int grammaticalCount() {
    return count == null ? 2 : count;
  }

  public GroupStatement withShape(ShapeKind newShape) {
    return new GroupStatement(newShape, colour, size, count, regions, motion);
  }

  public GroupStatement withColour(Colour newColour) {
    return new GroupStatement(shape, newColour, size, count, regions, motion);
  }

  public GroupStatement withSize(ObjectSize newSize) {
    return new GroupStatement(shape, colour, newSize, count, regions, motion);
  }

  /**
   * A different count; a smaller one also names fewer regions, so the sentence stays grammatical.
   */
  public GroupStatement withCount(Integer newCount) {
    List<Region> kept =
        regions == null || newCount == null || newCount >= regions.size()
            ? regions
            : regions.subList(0, newCount);
    return new GroupStatement(shape, colour, size, newCount, kept, motion);
  }

  public GroupStatement withRegions(List<Region> newRegions) {
    return new GroupStatement(shape, colour, size, count, newRegions, motion);
  }

  public GroupStatement withMotion(Motion newMotion) {
    return new GroupStatement(shape, colour, size, count, regions, newMotion);
  }
}
