package io.vclip.trainer.data.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.data.Captions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionRankingsTest {

  private static final CaptionRankings RANKINGS =
      new CaptionRankings(new RankingSynthesizer(), 4, 3);

  @Test
  void addsDdrAndHdrFromTheFirstLongCaptionAndKeepsTheRest() {
    Captions captions =
        new Captions(
            "vid-7",
            List.of(SampleDescriptions.ALL.get(1), "another"),
            List.of("kids in a park"),
            null,
            null);
    Captions annotated = RANKINGS.annotate(captions);
    assertThat(annotated.videoId()).isEqualTo("vid-7");
    assertThat(annotated.longCaptions()).isEqualTo(captions.longCaptions());
    assertThat(annotated.shortCaptions()).isEqualTo(captions.shortCaptions());
    assertThat(annotated.ddr())
        .hasSize(4)
        .startsWith(SampleDescriptions.ALL.get(1))
        .doesNotHaveDuplicates();
    assertThat(annotated.hdr())
        .hasSize(4)
        .startsWith(SampleDescriptions.ALL.get(1))
        .doesNotHaveDuplicates();
    assertThat(annotated.ddr().get(1)).isNotEqualTo(annotated.hdr().get(1));
  }

  @Test
  void theSeedFollowsTheVideoNotTheCallOrder() {
    Captions a = new Captions("a", List.of(SampleDescriptions.ALL.get(4)), List.of(), null, null);
    Captions b = new Captions("b", List.of(SampleDescriptions.ALL.get(4)), List.of(), null, null);
    Captions first = RANKINGS.annotate(a);
    RANKINGS.annotate(b);
    assertThat(new CaptionRankings(new RankingSynthesizer(), 4, 3).annotate(a)).isEqualTo(first);
  }

  @Test
  void aRecordWithoutLongCaptionIsNamed() {
    assertThatThrownBy(
            () -> RANKINGS.annotate(new Captions("clip-42", List.of(), List.of("x"), null, null)))
        .hasMessageContaining("clip-42")
        .hasMessageContaining("long_captions");
  }
}
