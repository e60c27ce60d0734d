package io.vclip.trainer.data.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed word classes that HDR swaps from lists instead of WordNet, because WordNet's
 * neighbours of a colour or a number are not reliably other colours or numbers. The noun and verb
 * operators skip these words, so each operator only ever changes its own category.
 */
final class ClosedCategories {

  /** Basic colour terms; "grey"/"gray" are one colour and never replace each other. */
  static final List<String> COLOURS =
      List.of(
          "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white",
          "gray", "grey", "silver", "golden");

  /** Plural cardinal words; "one" is absent because swapping it breaks number agreement. */
  static final List<String> NUMBER_WORDS =
      List.of(
          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "twenty");

  /** Direction terms and their opposites (both ways). */
  static final Map<String, String> DIRECTION_OPPOSITES =
      opposites(
          "left", "right",
          "up", "down",
          "upward", "downward",
          "upwards", "downwards",
          "forward", "backward",
          "forwards", "backwards",
          "north", "south",
          "east", "west",
          "clockwise", "counterclockwise",
          "above", "below",
          "top", "bottom",
          "inside", "outside",
          "leftward", "rightward",
          "uphill", "downhill",
          "upstairs", "downstairs",
          "ascending", "descending",
          "towards", "away from");

  /** Verbs too light to carry a hallucination (is, has, does, gets). */
  static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "get", "let", "seem", "become");

  private ClosedCategories() {}

  static boolean isColour(String lower) {
    return COLOURS.contains(lower);
  }

  static boolean isNumberWord(String lower) {
    return NUMBER_WORDS.contains(lower) || lower.equals("one") || lower.matches("\\d+");
  }

  static boolean isDirection(String lower) {
    return DIRECTION_OPPOSITES.containsKey(lower);
  }

  /** Whether the word belongs to a closed class that has its own operator. */
  static boolean isClosed(String lower) {
    return isColour(lower) || isNumberWord(lower) || isDirection(lower);
  }

  private static Map<String, String> opposites(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
      if (!pairs[i + 1].contains(" ")) {
        map.put(pairs[i + 1], pairs[i]);
      }
    }
    return Map.copyOf(map);
  }
}
