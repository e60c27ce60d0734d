package io.vclip.trainer.data.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each operator alone, on real tagged sentences: the text changes exactly where and how the
 * operator's report says, and nowhere else.
 */
class RankingOperatorsTest {

  private static final WordNetAlternatives WORDNET = new WordNetAlternatives();
  private static List<List<Token>> tagged;

  @BeforeAll
  static void tagAll() {
    EnglishTagger tagger = new EnglishTagger();
    tagged = SampleDescriptions.ALL.stream().map(tagger::tag).toList();
  }

  @Test
  void clauseDeletionRemovesAClauseWithItsVerb() {
    List<RankingEdit> edits = everyEdit(new ClauseDeletion(), 6);
    assertThat(edits)
        .extracting(RankingEdit::before)
        .contains(
            ", while two women sit on a wooden bench",
            "that has blue windows",
            ", and she walks inside holding a small basket");
  }

  @Test
  void sentenceDeletionKeepsTheFirstSentence() {
    List<RankingEdit> edits = everyEdit(new SentenceDeletion(), 3);
    assertThat(edits)
        .extracting(RankingEdit::before)
        .contains("A yellow bus drives past him and turns right at the corner.");
    for (RankingEdit edit : edits) {
      assertThat(SampleDescriptions.ALL).noneMatch(text -> text.startsWith(edit.before()));
    }
  }

  @Test
  void adjectiveDeletionRemovesAttributiveAdjectives() {
    List<RankingEdit> edits = everyEdit(new AdjectiveDeletion(), 10);
    assertThat(edits).extracting(RankingEdit::before).contains("young", "red", "tall", "old");
    assertThat(edits).allSatisfy(e -> assertThat(e.before()).doesNotContain(" is "));
  }

  @Test
  void numberDeletionRemovesCountsOfPluralNouns() {
    List<RankingEdit> edits = everyEdit(new NumberDeletion(), 6);
    assertThat(edits)
        .extracting(e -> e.before().toLowerCase(Locale.ROOT))
        .contains("two", "three", "four", "five", "six")
        .allMatch(ClosedCategories::isNumberWord);
  }

  @Test
  void prepositionalPhraseDeletionRemovesPrepositionPlusNounPhrase() {
    List<RankingEdit> edits = everyEdit(new PrepositionalPhraseDeletion(), 10);
    assertThat(edits)
        .extracting(RankingEdit::before)
        .contains("in a red jacket", "on a wooden bench", "In a sunny park,", "onto the floor");
    assertThat(edits)
        .extracting(RankingEdit::before)
        .noneMatch(s -> s.toLowerCase(Locale.ROOT).startsWith("of "));
  }

  @Test
  void colourReplacementSwapsOneColourForAnother() {
    List<RankingEdit> edits = everyEdit(new ColourReplacement(), 10);
    assertThat(edits)
        .hasSizeGreaterThan(5)
        .allSatisfy(
            e -> {
              assertThat(ClosedCategories.COLOURS)
                  .contains(
                      e.before().toLowerCase(Locale.ROOT), e.after().toLowerCase(Locale.ROOT));
              assertThat(e.after()).isNotEqualToIgnoringCase(e.before());
            });
  }

  @Test
  void numberReplacementKeepsPluralNumbersPlural() {
    List<RankingEdit> edits = everyEdit(new NumberReplacement(), 6);
    assertThat(edits)
        .hasSizeGreaterThan(4)
        .allSatisfy(
            e -> {
              assertThat(ClosedCategories.NUMBER_WORDS)
                  .contains(
                      e.before().toLowerCase(Locale.ROOT), e.after().toLowerCase(Locale.ROOT));
              assertThat(e.after()).isNotEqualToIgnoringCase(e.before());
            });
  }

  @Test
  void directionReplacementUsesTheOpposite() {
    List<RankingEdit> edits = everyEdit(new DirectionReplacement(), 4);
    assertThat(edits)
        .extracting(e -> e.before() + "→" + e.after())
        .contains(
            "left→right", "up→down", "clockwise→counterclockwise", "right→left", "above→below");
  }

  @Test
  void nounReplacementPicksAnotherThingOfTheSameKindInTheSameNumber() {
    List<RankingEdit> edits = everyEdit(new NounReplacement(WORDNET), 12);
    assertThat(edits).hasSizeGreaterThan(20);
    assertThat(edits)
        .anySatisfy(e -> assertThat(e.before() + "→" + e.after()).isEqualTo("boy→girl"));
    assertThat(edits)
        .anySatisfy(e -> assertThat(e.before() + "→" + e.after()).isEqualTo("woman→man"));
    for (RankingEdit edit : edits) {
      String before = edit.before().toLowerCase(Locale.ROOT);
      String after = edit.after().toLowerCase(Locale.ROOT);
      assertThat(after).isNotEqualTo(before).matches("[a-z]+");
      // Plural in, plural out: "dogs" never becomes "cat".
      assertThat(looksPlural(after)).as(edit.toString()).isEqualTo(looksPlural(before));
    }
  }

  @Test
  void verbReplacementKeepsTheVerbForm() {
    List<RankingEdit> edits = everyEdit(new VerbReplacement(WORDNET), 12);
    assertThat(edits).hasSizeGreaterThan(8);
    assertThat(edits)
        .anySatisfy(e -> assertThat(e.before() + "→" + e.after()).isEqualTo("opens→closes"));
    for (RankingEdit edit : edits) {
      String before = edit.before().toLowerCase(Locale.ROOT);
      String after = edit.after().toLowerCase(Locale.ROOT);
      assertThat(after).as(edit.toString()).isNotEqualTo(before);
      // Regular forms must match; irregular ones ("frozen") are only checked by the inflector.
      if (!suffix(before).isEmpty()) {
        assertThat(suffix(after)).as(edit.toString()).isEqualTo(suffix(before));
      }
    }
  }

  @Test
  void nounAndVerbOperatorsLeaveClosedCategoriesToTheirOwnOperators() {
    for (RankingOperator operator :
        List.of(new NounReplacement(WORDNET), new VerbReplacement(WORDNET))) {
      for (RankingEdit edit : everyEdit(operator, 12)) {
        assertThat(ClosedCategories.isClosed(edit.before().toLowerCase(Locale.ROOT)))
            .as(edit.toString())
            .isFalse();
      }
    }
  }

  @Test
  void articlesFollowTheNewWord() {
    List<Token> tokens = new EnglishTagger().tag("An old man sits on an orange chair.");
    List<Token> out = TokenText.splice(tokens, 1, 2, List.of());
    assertThat(TokenText.join(out)).isEqualTo("A man sits on an orange chair.");
    List<Token> replaced =
        TokenText.splice(tokens, 6, 7, List.of(tokens.get(6).replacedBy("blue")));
    assertThat(TokenText.join(replaced)).isEqualTo("An old man sits on a blue chair.");
    assertThat(Articles.indefiniteFor("unicorn")).isEqualTo("a");
    assertThat(Articles.indefiniteFor("hour")).isEqualTo("an");
  }

  private static boolean looksPlural(String noun) {
    return (noun.endsWith("s") && !noun.matches(".*(ss|us|is)"))
        || noun.endsWith("men")
        || noun.endsWith("ren")
        || noun.equals("people");
  }

  private static String suffix(String verb) {
    for (String ending : new String[] {"ing", "ed"}) {
      if (verb.endsWith(ending)) {
        return ending;
      }
    }
    return verb.endsWith("s") && !verb.endsWith("ss") ? "s" : "";
  }

  /**
   * Every edit the operator offers on every sample (every option of a replacement), each applied
   * alone to the original text and checked: the text outside the edit is unchanged.
   */
  private static List<RankingEdit> everyEdit(RankingOperator operator, int atLeast) {
    List<RankingEdit> reports = new ArrayList<>();
    for (List<Token> tokens : tagged) {
      for (Edit edit : operator.candidates(tokens)) {
        assertThat(edit.operator()).isEqualTo(operator.name());
        String before = TokenText.join(tokens.subList(edit.from(), edit.to()));
        List<String> options = edit.isDeletion() ? List.of("") : edit.options();
        for (String option : options) {
          List<Token> insert =
              option.isEmpty() ? List.of() : List.of(tokens.get(edit.from()).replacedBy(option));
          List<Token> out = TokenText.splice(tokens, edit.from(), edit.to(), insert);
          String after = insert.isEmpty() ? "" : insert.get(0).text();
          assertSameOutside(TokenText.join(tokens), TokenText.join(out), before.trim(), after);
          reports.add(new RankingEdit(operator.name(), before.trim(), after));
        }
      }
    }
    assertThat(reports).as(operator.name()).hasSizeGreaterThanOrEqualTo(atLeast);
    return reports;
  }

  /** Word sequences equal once the edited words are taken out (case, a/an and commas aside). */
  private static void assertSameOutside(
      String original, String edited, String removed, String inserted) {
    List<String> a = words(original);
    List<String> b = words(edited);
    List<String> gone = words(removed);
    List<String> added = words(inserted);
    int at = indexOf(a, gone);
    assertThat(at).as("'%s' in '%s'", removed, original).isGreaterThanOrEqualTo(0);
    List<String> expected = new ArrayList<>(a.subList(0, at));
    expected.addAll(added);
    expected.addAll(a.subList(at + gone.size(), a.size()));
    assertThat(b).as("%s\n→ %s", original, edited).isEqualTo(expected);
    assertThat(edited).doesNotContain("  ", " ,", " .", ",,", ",.").isNotEqualTo(original);
    assertThat(Character.isUpperCase(edited.charAt(0))).as(edited).isTrue();
  }

  private static int indexOf(List<String> haystack, List<String> needle) {
    for (int i = 0; i + needle.size() <= haystack.size(); i++) {
      if (haystack.subList(i, i + needle.size()).equals(needle)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> words(String text) {
    Predicate<String> notEmpty = s -> !s.isEmpty();
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(notEmpty)
        .map(w -> w.equals("an") ? "a" : w)
        .toList();
  }
}
