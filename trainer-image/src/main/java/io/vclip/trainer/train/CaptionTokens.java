package io.vclip.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.ranking.RankingSynthesizer;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.model.text.TokenizedText;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of one batch, tokenised in one call and in a fixed order — B long descriptions, B short
 * ones, B×m DDR texts, B×m HDR texts — so the model encodes them in one pass.
 */
public record CaptionTokens(NDArray ids, NDArray eot, int batch, int ddrTexts, int hdrTexts) {

  /**
   * @param synthesizer makes DDR/HDR sequences on the fly for samples whose shard has none
   * @param seed with the video id, makes the on-the-fly sequences deterministic
   */
  public static CaptionTokens of(List<Captions> captions, int ddrTexts, int hdrTexts, ClipTokenizer tokenizer,
      RankingSynthesizer synthesizer, long seed, NDManager manager) {
    List<String> texts = new ArrayList<>();
    for (Captions c : captions) texts.add(longCaption(c));
    for (Captions c : captions) texts.add(c.shortCaptions().isEmpty() ? longCaption(c) : c.shortCaptions().get(0));
    for (Captions c : captions) texts.addAll(sequence(c.ddr(), ddrTexts, () -> synthesizer.ddr(longCaption(c), ddrTexts, seed ^ c.videoId().hashCode())));
    for (Captions c : captions) texts.addAll(sequence(c.hdr(), hdrTexts, () -> synthesizer.hdr(longCaption(c), hdrTexts, seed ^ c.videoId().hashCode())));
    TokenizedText t = tokenizer.encode(texts);
    return new CaptionTokens(t.idsArray(manager), t.eotArray(manager), captions.size(), ddrTexts, hdrTexts);
  }

  private static String longCaption(Captions c) {
    if (c.longCaptions().isEmpty()) {
      throw new IllegalArgumentException("sample " + c.videoId() + " has no long caption");
    }
    return c.longCaptions().get(0);
  }

  /**
   * The first m texts of a stored sequence, or a synthesised one. A sequence shorter than m (an
   * operator ran out of things to change) repeats its last text: equal texts add a constant to the
   * ranking loss and no gradient, so they cannot teach a wrong order.
   */
  private static List<String> sequence(List<String> stored, int m, java.util.function.Supplier<List<String>> synth) {
    if (m == 0) return List.of();
    List<String> seq = stored.size() >= 2 ? stored : synth.get();
    List<String> out = new ArrayList<>(seq.subList(0, Math.min(m, seq.size())));
    while (out.size() < m) out.add(out.get(out.size() - 1));
    return out;
  }
}
