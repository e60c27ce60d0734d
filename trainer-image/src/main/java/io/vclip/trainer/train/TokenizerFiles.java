package io.vclip.trainer.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.trainer.VclipUserException;
import java.io.IOException;
import java.nio.file.Path;

/** Facts read from a Hugging Face tokenizer.json without loading the native tokenizer. */
public final class TokenizerFiles {
  private TokenizerFiles() {}

  /** One more than the largest token id (model vocabulary and added tokens), i.e. the embedding rows needed. */
  public static int vocabularySize(Path tokenizerJson) {
    try {
      JsonNode root = new ObjectMapper().readTree(tokenizerJson.toFile());
      int max = -1;
      for (JsonNode id : root.path("model").path("vocab")) max = Math.max(max, id.asInt());
      for (JsonNode added : root.path("added_tokens")) max = Math.max(max, added.path("id").asInt());
      if (max < 0) throw new VclipUserException(tokenizerJson + " has no model.vocab: not a tokenizer.json");
      return max + 1;
    } catch (IOException e) {
      throw new VclipUserException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
  }
}
