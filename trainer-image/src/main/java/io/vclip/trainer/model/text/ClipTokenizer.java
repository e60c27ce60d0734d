package io.vclip.trainer.model.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.vclip.trainer.VclipUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * CLIP-style tokenisation over a Hugging Face {@code tokenizer.json}: [start-of-text] + pieces +
 * [end-of-text], truncated so the end-of-text token always fits (as OpenAI's {@code
 * tokenize(truncate=True)}), padded with id 0 to the context length.
 *
 * <p>Special tokens are added here rather than by the file's post-processor, so any tokenizer.json
 * (CLIP's BPE, or a WordLevel one a test writes) behaves the same.
 */
public final class ClipTokenizer implements AutoCloseable {
  public static final String START_OF_TEXT = "<|startoftext|>";
  public static final String END_OF_TEXT = "<|endoftext|>";
  /** OpenAI CLIP pads with 0; the causal mask keeps padding from influencing the end-of-text output. */
  public static final long PAD_ID = 0;

  private final HuggingFaceTokenizer tokenizer;
  private final int contextLength;
  private final long startId;
  private final long endId;

  private ClipTokenizer(HuggingFaceTokenizer tokenizer, int contextLength, long startId, long endId) {
    this.tokenizer = tokenizer;
    this.contextLength = contextLength;
    this.startId = startId;
    this.endId = endId;
  }

  /** Loads {@code tokenizer.json}; nothing is downloaded. */
  public static ClipTokenizer load(Path tokenizerJson, int contextLength) {
    if (!Files.isRegularFile(tokenizerJson)) {
      throw new VclipUserException("tokenizer: file not found: " + tokenizerJson);
    }
    if (contextLength < 3) {
      throw new VclipUserException("tokenizer: context length must be >= 3, got " + contextLength);
    }
    HuggingFaceTokenizer hf;
    try {
      hf =
          HuggingFaceTokenizer.newInstance(
              tokenizerJson, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
    } catch (IOException | RuntimeException e) {
      throw new VclipUserException("tokenizer: cannot read " + tokenizerJson + ": " + e.getMessage(), e);
    }
    long start = singleId(hf, START_OF_TEXT, tokenizerJson);
    long end = singleId(hf, END_OF_TEXT, tokenizerJson);
    return new ClipTokenizer(hf, contextLength, start, end);
  }

  private static long singleId(HuggingFaceTokenizer hf, String token, Path file) {
    long[] ids = hf.encode(token, false, false).getIds();
    if (ids.length != 1) {
      hf.close();
      throw new VclipUserException(
          "tokenizer: " + file + " has no single token for " + token + " (got " + ids.length + " pieces)");
    }
    return ids[0];
  }

  public TokenizedText encode(List<String> texts) {
    long[][] ids = new long[texts.size()][];
    long[] eot = new long[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      Encoding e = tokenizer.encode(texts.get(i), false, false);
      long[] pieces = e.getIds();
      int kept = Math.min(pieces.length, contextLength - 2);
      long[] row = new long[contextLength];
      Arrays.fill(row, PAD_ID);
      row[0] = startId;
      System.arraycopy(pieces, 0, row, 1, kept);
      row[kept + 1] = endId;
      ids[i] = row;
      eot[i] = kept + 1L;
    }
    return new TokenizedText(ids, eot);
  }

  public long startOfTextId() {
    return startId;
  }

  public long endOfTextId() {
    return endId;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
