package io.vclip.trainer.data.ranking;

import java.util.Locale;
import java.util.regex.Pattern;

/** "a" or "an" by the sound of the next word, as far as spelling tells it. */
final class Articles {

  // Vowel letters that sound like a consonant (a unicorn, a one-way street, a European city).
  private static final Pattern CONSONANT_SOUND =
      Pattern.compile("^(uni|use|usu|uti|ura|uro|eu|ewe|one|once|ubiq).*");
  // Silent h (an hour, an honest man).
  private static final Pattern VOWEL_SOUND =
      Pattern.compile("^(hour|honest|honou?r|heir|8|11|18).*");

  private Articles() {}

  static String indefiniteFor(String nextWord) {
    String word = nextWord.toLowerCase(Locale.ROOT);
    if (word.isEmpty() || VOWEL_SOUND.matcher(word).matches()) {
      return "an";
    }
    if (CONSONANT_SOUND.matcher(word).matches()) {
      return "a";
    }
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }
}
