package io.vclip.trainer.data.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whole DDR/HDR sequences on the sample descriptions. */
class RankingSynthesizerTest {

  private static final RankingSynthesizer SYNTHESIZER = new RankingSynthesizer();
  private static final Pattern ARTICLE = Pattern.compile("\\b([Aa]n?) (\\w+)");

  @Test
  void sequencesStartWithTheOriginalAndEveryStepChangesTheText() {
    for (String text : SampleDescriptions.ALL) {
      for (RankingSequence sequence :
          List.of(SYNTHESIZER.ddrSequence(text, 4, 7), SYNTHESIZER.hdrSequence(text, 4, 7))) {
        assertThat(sequence.texts().get(0)).isEqualTo(text);
        assertThat(sequence.texts()).as(text).hasSize(4).doesNotHaveDuplicates();
        assertThat(sequence.edits()).hasSize(3);
        assertThat(sequence.complete()).isTrue();
        assertThat(sequence.shortfall()).isEmpty();
        for (String step : sequence.texts()) {
          assertTidy(step);
        }
      }
    }
  }

  @Test
  void ddrStepsOnlyEverLoseWords() {
    for (String text : SampleDescriptions.ALL) {
      List<String> ddr = SYNTHESIZER.ddr(text, 4, 3);
      for (int k = 1; k < ddr.size(); k++) {
        assertThat(ddr.get(k).split(" ").length).isLessThan(ddr.get(k - 1).split(" ").length);
      }
    }
  }

  @Test
  void hdrStepKHasKMinusOneReplacedWords() {
    for (String text : SampleDescriptions.ALL) {
      RankingSequence hdr = SYNTHESIZER.hdrSequence(text, 4, 5);
      String[] original = hdr.texts().get(0).split(" ");
      for (int k = 1; k < hdr.texts().size(); k++) {
        String[] step = hdr.texts().get(k).split(" ");
        assertThat(step.length).isEqualTo(original.length);
        int differing = 0;
        for (int w = 0; w < original.length; w++) {
          boolean articleOnly = original[w].matches("(?i)an?") && step[w].matches("(?i)an?");
          differing += !original[w].equals(step[w]) && !articleOnly ? 1 : 0;
        }
        assertThat(differing).as(hdr.texts().get(k)).isEqualTo(k);
      }
    }
  }

  @Test
  void sameSeedSameSequenceOtherSeedsVary() {
    int differentDdr = 0;
    int differentHdr = 0;
    RankingSynthesizer other = new RankingSynthesizer();
    for (String text : SampleDescriptions.ALL) {
      assertThat(other.ddr(text, 4, 11)).isEqualTo(SYNTHESIZER.ddr(text, 4, 11));
      assertThat(other.hdr(text, 4, 11)).isEqualTo(SYNTHESIZER.hdr(text, 4, 11));
      differentDdr += SYNTHESIZER.ddr(text, 4, 12).equals(SYNTHESIZER.ddr(text, 4, 11)) ? 0 : 1;
      differentHdr += SYNTHESIZER.hdr(text, 4, 12).equals(SYNTHESIZER.hdr(text, 4, 11)) ? 0 : 1;
    }
    assertThat(differentDdr).isGreaterThan(5);
    assertThat(differentHdr).isGreaterThan(5);
  }

  @Test
  void mIsRespectedAndAShortTextGivesAShorterSequenceThatSaysSo() {
    String text = SampleDescriptions.ALL.get(0);
    assertThat(SYNTHESIZER.ddr(text, 1, 1)).containsExactly(text);
    assertThat(SYNTHESIZER.hdr(text, 6, 1)).hasSize(6);
    RankingSequence tiny = SYNTHESIZER.ddrSequence("A dog runs.", 4, 1);
    assertThat(tiny.texts()).containsExactly("A dog runs.");
    assertThat(tiny.complete()).isFalse();
    assertThat(tiny.shortfall()).contains("only 1 of 4");
    RankingSequence few = SYNTHESIZER.hdrSequence("A red ball.", 4, 1);
    assertThat(few.texts()).hasSizeBetween(2, 3);
    assertThat(few.texts().get(1)).isNotEqualTo("A red ball.");
    assertThat(SYNTHESIZER.ddr(text, 40, 1).size()).isLessThan(40).isGreaterThan(6);
    assertThatThrownBy(() -> SYNTHESIZER.ddr(text, 0, 1)).hasMessageContaining("m must be >= 1");
    assertThatThrownBy(() -> SYNTHESIZER.hdr(" ", 4, 1)).hasMessageContaining("empty");
  }

  @Test
  void synthesizersOnSeveralThreadsAgreeWithOneThread() throws Exception {
    List<String> expected =
        SampleDescriptions.ALL.stream()
            .map(t -> String.join("|", SYNTHESIZER.hdr(t, 4, 21)))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int worker = 0; worker < 3; worker++) {
        runs.add(
            pool.submit(
                () -> {
                  RankingSynthesizer own = new RankingSynthesizer();
                  return SampleDescriptions.ALL.stream()
                      .map(t -> String.join("|", own.hdr(t, 4, 21)))
                      .toList();
                }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertTidy(String text) {
    assertThat(text)
        .doesNotContain("  ", " ,", " .", ",,", ",.")
        .doesNotStartWith(",")
        .doesNotStartWith(" ");
    assertThat(Character.isUpperCase(text.charAt(0))).as(text).isTrue();
    Matcher m = ARTICLE.matcher(text);
    while (m.find()) {
      assertThat(m.group(1).toLowerCase()).as(text).isEqualTo(Articles.indefiniteFor(m.group(2)));
    }
  }
}
