package io.vclip.trainer.data.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LvdrSetBuilderTest {

  private static final LvdrSetBuilder BUILDER = new LvdrSetBuilder(new RankingSynthesizer());

  private static List<VideoDescription> videos() {
    List<VideoDescription> videos = new ArrayList<>();
    for (int i = 0; i < SampleDescriptions.ALL.size(); i++) {
      videos.add(new VideoDescription("video-" + i, SampleDescriptions.ALL.get(i)));
    }
    videos.add(new VideoDescription("too-short", "A dog runs."));
    return videos;
  }

  @Test
  void paperSubsetsHaveFourDescriptionsWithQMoreWrongWordsEachStep() {
    List<LvdrSet> sets = BUILDER.paperSubsets(videos(), 1);
    assertThat(sets).extracting(LvdrSet::name).containsExactly("4x1", "4x2", "4x3", "4x4", "4x5");
    for (LvdrSet set : sets) {
      assertThat(set.skipped()).contains("too-short");
      assertThat(set.items()).as(set.name()).hasSizeGreaterThan(set.q() <= 2 ? 10 : 0);
      for (LvdrItem item : set.items()) {
        assertThat(item.descriptions()).hasSize(4).doesNotHaveDuplicates();
        String[] original = item.descriptions().get(0).split(" ");
        assertThat(item.descriptions().get(0))
            .isEqualTo(SampleDescriptions.ALL.get(Integer.parseInt(item.videoId().substring(6))));
        for (int k = 1; k < 4; k++) {
          String[] step = item.descriptions().get(k).split(" ");
          assertThat(step).hasSameSizeAs(original);
          assertThat(wrongWords(original, step))
              .as(item.descriptions().get(k))
              .isEqualTo(k * set.q());
        }
      }
    }
  }

  @Test
  void itemsDependOnTheVideoNotOnItsPlaceInTheList() {
    List<VideoDescription> all = videos();
    LvdrSet full = BUILDER.build(all, 4, 2, 9);
    LvdrSet one = BUILDER.build(all.subList(3, 4), 4, 2, 9);
    assertThat(full.items()).contains(one.items().get(0));
    assertThat(BUILDER.build(all, 4, 2, 9)).isEqualTo(full);
  }

  @Test
  void rejectsDegenerateShapes() {
    assertThatThrownBy(() -> BUILDER.build(videos(), 1, 1, 0)).hasMessageContaining("p");
    assertThatThrownBy(() -> BUILDER.build(videos(), 4, 0, 0)).hasMessageContaining("q");
  }

  private static int wrongWords(String[] original, String[] step) {
    int wrong = 0;
    for (int w = 0; w < original.length; w++) {
      boolean articleOnly = original[w].matches("(?i)an?") && step[w].matches("(?i)an?");
      wrong += !original[w].equals(step[w]) && !articleOnly ? 1 : 0;
    }
    return wrong;
  }
}
