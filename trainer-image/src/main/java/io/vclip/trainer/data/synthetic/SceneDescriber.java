package io.vclip.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The grammar of the synthetic world: turns a {@link SceneStatement} into English. Every word it
 * can emit comes from the enums' words and {@link #GRAMMAR_WORDS}, which is what lets {@link
 * WorldVocabulary} list the closed vocabulary.
 *
 * <pre>
 * long    := [total] group-sentence+
 * total   := "There is one shape." | "There are N shapes."
 * group   := Det [size] [colour] noun [positions] ("is"|"are") motion "."
 *          | Det [size] [colour] noun ("is"|"are") positions "."        (motion left out)
 *          | "There" ("is"|"are") Det [size] [colour] noun "."           (both left out)
 * Det     := "a" | "an" | "two" | "three" | ""                           ("" = count left out)
 * short   := Det [colour] noun motion "."                                (main group only)
 * </pre>
 */
public final class SceneDescriber {

  /** The words the grammar adds around the enums' own words and phrases. */
  public static final List<String> GRAMMAR_WORDS =
      List.of("there", "is", "are", "shape", "shapes", "a", "an", "and", ".", ",");

  private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six"};

  /**
   * The numbers a description can say: a hallucinated count (HDR) can raise each of at most three
   * groups by one, so totals reach six.
   */
  public static List<String> numberWords() {
    return List.of(NUMBERS).subList(1, NUMBERS.length);
  }

  public String longDescription(SceneStatement statement) {
    List<String> sentences = new ArrayList<>();
    if (statement.total() != null) {
      int total = statement.total();
      sentences.add(
          total == 1 ? "There is one shape." : "There are " + NUMBERS[total] + " shapes.");
    }
    for (GroupStatement group : statement.groups()) {
      sentences.add(groupSentence(group));
    }
    return String.join(" ", sentences);
  }

  /** The main group only, with its colour, shape, count and motion (no size or position). */
  public String shortDescription(SceneStatement statement) {
    GroupStatement main = statement.groups().get(0);
    List<String> words = new ArrayList<>();
    words.addAll(nounPhrase(main, false));
    if (main.motion() != null) {
      words.add(main.motion().phrase());
    }
    return sentence(words);
  }

  private String groupSentence(GroupStatement group) {
    boolean plural = group.grammaticalCount() > 1;
    String verb = plural ? "are" : "is";
    List<String> words = new ArrayList<>();
    if (group.motion() == null && group.regions() == null) {
      words.add("there");
      words.add(verb);
      words.addAll(nounPhrase(group, true));
    } else if (group.motion() == null) {
      words.addAll(nounPhrase(group, true));
      words.add(verb);
      words.add(positions(group.regions()));
    } else {
      words.addAll(nounPhrase(group, true));
      if (group.regions() != null) {
        words.add(positions(group.regions()));
      }
      words.add(verb);
      words.add(group.motion().phrase());
    }
    return sentence(words);
  }

  private static List<String> nounPhrase(GroupStatement group, boolean withSize) {
    List<String> words = new ArrayList<>();
    if (withSize && group.size() != null) {
      words.add(group.size().word());
    }
    if (group.colour() != null) {
      words.add(group.colour().word());
    }
    int count = group.grammaticalCount();
    words.add(group.shape().noun(count));
    if (group.count() != null) {
      words.add(0, count == 1 ? article(words.get(0)) : NUMBERS[count]);
    }
    return words;
  }

  private static String article(String nextWord) {
    return "aeiou".indexOf(nextWord.charAt(0)) >= 0 ? "an" : "a";
  }

  private static String positions(List<Region> regions) {
    List<String> phrases = regions.stream().map(Region::phrase).toList();
    if (phrases.size() == 1) {
      return phrases.get(0);
    }
    return String.join(", ", phrases.subList(0, phrases.size() - 1))
        + " and "
        + phrases.get(phrases.size() - 1);
  }

  private static String sentence(List<String> words) {
    String text = String.join(" ", words);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }
}
