package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Semantically different words of the same kind, from WordNet 3.1 (bundled, nothing downloaded): a
 * word's antonyms (boy → girl, open → close) when it has any, otherwise its co-hyponyms, the other
 * children of its hypernym (dog → wolf, fox; throw → kick, hit). Only the most common sense is used
 * (the second when the first offers nothing), and single words ranked by WordNet's use count, so
 * the replacement is a plausible, different thing rather than an obscure synonym. Results are
 * cached and sorted, so the same word always gets the same list.
 */
public final class WordNetAlternatives {

  private static final int SENSES = 2;
  private static final int KEEP = 8;
  private static final int FEW = 3;

  private static final class Shared {
    static final Set<String> IRREGULAR_VERBS = irregularBases(WordNet.DICTIONARY);
  }

  private final Map<String, List<String>> cache = new HashMap<>();

  public List<String> nouns(String lemma) {
    synchronized (WordNet.LOCK) {
      return cache.computeIfAbsent("n:" + lemma, k -> alternatives(POS.NOUN, lemma));
    }
  }

  public List<String> verbs(String lemma) {
    synchronized (WordNet.LOCK) {
      return cache.computeIfAbsent("v:" + lemma, k -> alternatives(POS.VERB, lemma));
    }
  }

  /** Whether WordNet lists irregular inflections for this verb (threw/thrown for throw). */
  public boolean isIrregularVerb(String lemma) {
    return Shared.IRREGULAR_VERBS.contains(lemma);
  }

  private static List<String> alternatives(POS pos, String lemma) {
    try {
      IndexWord index = WordNet.DICTIONARY.getIndexWord(pos, lemma);
      if (index == null) {
        return List.of();
      }
      // The most common sense first; the next one only when the first has nothing to offer.
      List<String> found = List.of();
      for (int sense = 0;
          sense < Math.min(SENSES, index.getSenses().size()) && found.isEmpty();
          sense++) {
        Synset meaning = index.getSenses().get(sense);
        // Senses that spell the word only with a capital are names (Grass → Günter Grass).
        if (meaning.containsWord(lemma)) {
          found = alternatives(lemma, meaning);
        }
      }
      return found;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + lemma + "'", e);
    }
  }

  private static List<String> alternatives(String lemma, Synset sense) throws JWNLException {
    Set<String> synonyms = new HashSet<>();
    sense.getWords().forEach(w -> synonyms.add(w.getLemma()));
    List<String> antonyms = new ArrayList<>();
    for (Word word : sense.getWords()) {
      if (word.getLemma().equals(lemma)) {
        for (Pointer antonym : word.getPointers(PointerType.ANTONYM)) {
          addIfPlain(antonyms, ((Word) antonym.getTarget()).getLemma(), synonyms);
        }
      }
    }
    if (!antonyms.isEmpty()) {
      return antonyms.stream().sorted().toList();
    }
    Map<String, Integer> siblings = new LinkedHashMap<>();
    for (Pointer up : sense.getPointers(PointerType.HYPERNYM)) {
      for (Pointer down : up.getTargetSynset().getPointers(PointerType.HYPONYM)) {
        for (Word sibling : down.getTargetSynset().getWords()) {
          if (plain(sibling.getLemma()) && !synonyms.contains(sibling.getLemma())) {
            siblings.merge(sibling.getLemma(), sibling.getUseCount(), Math::max);
          }
        }
      }
    }
    // Most common first, then alphabetical, so the list (and a seeded pick from it) is stable.
    // Words never seen in WordNet's tagged corpus (use count 0) only fill a short list.
    long common = siblings.values().stream().filter(count -> count > 0).count();
    if (common >= FEW) {
      siblings.values().removeIf(count -> count == 0);
    }
    return siblings.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .filter(word -> !pluralOnly(sense.getPOS(), word))
        .limit(KEEP)
        .toList();
  }

  private static void addIfPlain(List<String> out, String word, Set<String> synonyms) {
    if (plain(word) && !synonyms.contains(word) && !out.contains(word)) {
      out.add(word);
    }
  }

  /** One lower-case word: no phrases ("wild dog"), names or hyphenations. */
  private static boolean plain(String word) {
    return word.matches("[a-z]+") && !ClosedCategories.isClosed(word);
  }

  /**
   * Nouns WordNet lists only in the plural ("jackstones", "trousers") would break agreement as a
   * replacement for a singular: WordNet's own morphology ("linemen" → "lineman") and spelling tell
   * them, as WordNet does not mark them otherwise. The few singular nouns in -s this also drops
   * (lens, gas) are not needed as replacements.
   */
  private static boolean pluralOnly(POS pos, String lemma) {
    if (pos != POS.NOUN) {
      return false;
    }
    if (lemma.endsWith("s") && !lemma.matches(".*(ss|us|is)")) {
      return true;
    }
    try {
      // A few milliseconds a call: run only on the short list, never on every sibling.
      return WordNet.DICTIONARY
          .getMorphologicalProcessor()
          .lookupAllBaseForms(POS.NOUN, lemma)
          .stream()
          .anyMatch(base -> !base.equals(lemma));
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet base-form lookup failed for '" + lemma + "'", e);
    }
  }

  private static Set<String> irregularBases(Dictionary dictionary) {
    synchronized (WordNet.LOCK) {
      return collectIrregularBases(dictionary);
    }
  }

  private static Set<String> collectIrregularBases(Dictionary dictionary) {
    Set<String> bases = new HashSet<>();
    try {
      Iterator<Exc> exceptions = dictionary.getExceptionIterator(POS.VERB);
      while (exceptions.hasNext()) {
        bases.addAll(exceptions.next().getExceptions());
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot read WordNet's verb exception list", e);
    }
    return Set.copyOf(bases);
  }
}
