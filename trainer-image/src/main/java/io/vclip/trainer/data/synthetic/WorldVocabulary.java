package io.vclip.trainer.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every word the synthetic world can write, lower-cased and split the way the generated tokenizer's
 * pre-tokenizer splits (runs of letters/digits, runs of punctuation).
 */
public final class WorldVocabulary {

  /** The same split as the HF "Whitespace" pre-tokenizer: {@code \w+|[^\w\s]+}. */
  private static final Pattern TOKEN =
      Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);

  private WorldVocabulary() {}

  /** The words in a stable (sorted) order, so the same vocabulary always gets the same ids. */
  public static List<String> words() {
    TreeSet<String> words = new TreeSet<>();
    SceneDescriber.GRAMMAR_WORDS.forEach(w -> words.addAll(split(w)));
    SceneDescriber.numberWords().forEach(w -> words.addAll(split(w)));
    for (Colour colour : Colour.values()) {
      words.addAll(split(colour.word()));
    }
    for (ObjectSize size : ObjectSize.values()) {
      words.addAll(split(size.word()));
    }
    for (ShapeKind shape : ShapeKind.values()) {
      words.addAll(split(shape.noun(1)));
      words.addAll(split(shape.noun(2)));
    }
    for (Region region : Region.values()) {
      words.addAll(split(region.phrase()));
    }
    for (Motion motion : Motion.values()) {
      words.addAll(split(motion.phrase()));
    }
    return List.copyOf(words);
  }

  /** Lower-cased pre-tokens of a text. */
  public static List<String> split(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
