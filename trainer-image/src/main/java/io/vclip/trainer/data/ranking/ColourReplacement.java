package io.vclip.trainer.data.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * HDR: replaces a colour word by another basic colour (white → blue). A colour used as a noun after
 * an article and before no noun ("an orange", the fruit) is left alone.
 */
final class ColourReplacement implements RankingOperator {

  @Override
  public String name() {
    return "colour";
  }

  @Override
  public List<Edit> candidates(List<Token> tokens) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.replaced() || !ClosedCategories.isColour(token.lower()) || isFruitLike(tokens, i)) {
        continue;
      }
      List<String> options = new ArrayList<>();
      for (String colour : ClosedCategories.COLOURS) {
        if (!sameColour(colour, token.lower())) {
          options.add(colour);
        }
      }
      edits.add(Edit.replacement(name(), i, options));
    }
    return edits;
  }

  private static boolean sameColour(String a, String b) {
    return a.equals(b) || (a.matches("gr[ae]y") && b.matches("gr[ae]y"));
  }

  private static boolean isFruitLike(List<Token> tokens, int i) {
    boolean afterArticle = i > 0 && tokens.get(i - 1).is("DET");
    boolean beforeNoun =
        i + 1 < tokens.size() && (tokens.get(i + 1).is("NOUN") || tokens.get(i + 1).is("ADJ"));
    return tokens.get(i).is("NOUN") && afterArticle && !beforeNoun;
  }
}
