package io.vclip.trainer.data.ranking;

import java.util.List;

/**
 * DDR and HDR sequences for any English long description (VideoCLIP-XL §3): t_1 is the text itself,
 * and each next text has one more detail deleted (DDR) or one more word replaced by a wrong one
 * (HDR). Deterministic for a seed. Holds OpenNLP taggers, which are not thread-safe: use one
 * instance per thread (the models and WordNet behind them are shared).
 */
public final class RankingSynthesizer {

  private static final WordNetAlternatives WORDNET = new WordNetAlternatives();

  private final EnglishTagger tagger = new EnglishTagger();
  private final EditEngine deletions =
      new EditEngine(
          List.of(
              new ClauseDeletion(),
              new SentenceDeletion(),
              new AdjectiveDeletion(),
              new NumberDeletion(),
              new PrepositionalPhraseDeletion()));
  private final EditEngine replacements =
      new EditEngine(
          List.of(
              new NounReplacement(WORDNET),
              new VerbReplacement(WORDNET),
              new ColourReplacement(),
              new NumberReplacement(),
              new DirectionReplacement()));

  /** t^D_1 … t^D_m; shorter than m when nothing more can be deleted. */
  public List<String> ddr(String longText, int m, long seed) {
    return ddrSequence(longText, m, seed).texts();
  }

  /** t^H_1 … t^H_m; shorter than m when nothing more can be replaced. */
  public List<String> hdr(String longText, int m, long seed) {
    return hdrSequence(longText, m, seed).texts();
  }

  public RankingSequence ddrSequence(String longText, int m, long seed) {
    return deletions.run(longText, tag(longText), m, 1, seed);
  }

  public RankingSequence hdrSequence(String longText, int m, long seed) {
    return hallucinations(longText, m, 1, seed);
  }

  /**
   * p descriptions of rising hallucination, q more words replaced at each step (the LVDR synthesis;
   * HDR is the case q = 1).
   */
  public RankingSequence hallucinations(String longText, int p, int q, long seed) {
    return replacements.run(longText, tag(longText), p, q, seed);
  }

  // DDR and HDR of one caption are asked for back to back; tagging dominates the cost, so the
  // last text's tokens (immutable) are kept.
  private String lastText;
  private List<Token> lastTokens;

  private List<Token> tag(String longText) {
    if (longText == null || longText.isBlank()) {
      throw new IllegalArgumentException("long description is empty");
    }
    if (!longText.equals(lastText)) {
      lastTokens = List.copyOf(tagger.tag(longText));
      lastText = longText;
    }
    return lastTokens;
  }
}
