package io.vclip.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * What a whole description says: an optional total ("There are three shapes.") and one statement
 * per mentioned group, the main group first.
 *
 * @param total null when the total is left out
 */
public record SceneStatement(Integer total, List<GroupStatement> groups) {
  public SceneStatement {
    groups = List.copyOf(groups);
  }

  /** The complete, true statement of a scene. */
  public static SceneStatement of(Scene scene) {
    return new SceneStatement(
        scene.objectCount(), scene.groups().stream().map(GroupStatement::of).toList());
  }

  public SceneStatement withTotal(Integer newTotal) {
    return new SceneStatement(newTotal, groups);
  }

  public SceneStatement withGroup(int index, GroupStatement group) {
    List<GroupStatement> changed = new ArrayList<>(groups);
    changed.set(index, group);
    return new SceneStatement(total, changed);
  }

  public SceneStatement withoutGroup(int index) {
    List<GroupStatement> changed = new ArrayList<>(groups);
    changed.remove(index);
    return new SceneStatement(total, changed);
  }
}
