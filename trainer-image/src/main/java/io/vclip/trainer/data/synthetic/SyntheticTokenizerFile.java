package io.vclip.trainer.data.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Hugging Face {@code tokenizer.json} with a WordLevel model over a closed vocabulary (the
 * synthetic world's), for runs that cannot download CLIP's BPE.
 *
 * <p>Ids: {@code <pad>} = 0 (CLIP pads with 0 too), {@code <unk>} = 1, the words, then {@code
 * <|startoftext|>}, and {@code <|endoftext|>} last. End-of-text has the largest id on purpose: CLIP
 * pools the text feature at {@code argmax(token ids)}, which is only the EOT position when EOT is
 * the largest id.
 */
public final class SyntheticTokenizerFile {

  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String START = "<|startoftext|>";
  public static final String END = "<|endoftext|>";

  private SyntheticTokenizerFile() {}

  /** The synthetic world's tokenizer, written to {@code file}. */
  public static void writeWorldTokenizer(Path file) throws IOException {
    write(WorldVocabulary.words(), file);
  }

  public static void write(List<String> words, Path file) throws IOException {
    Map<String, Integer> vocab = new LinkedHashMap<>();
    vocab.put(PAD, 0);
    vocab.put(UNK, 1);
    for (String word : words) {
      vocab.putIfAbsent(word, vocab.size());
    }
    vocab.put(START, vocab.size());
    vocab.put(END, vocab.size());

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", "1.0");
    json.put("truncation", null);
    json.put("padding", null);
    json.put(
        "added_tokens",
        List.of(
            special(0, PAD),
            special(1, UNK),
            special(vocab.get(START), START),
            special(vocab.get(END), END)));
    json.put("normalizer", Map.of("type", "Lowercase"));
    json.put("pre_tokenizer", Map.of("type", "Whitespace"));
    json.put("post_processor", template(vocab));
    json.put("decoder", null);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("type", "WordLevel");
    model.put("vocab", vocab);
    model.put("unk_token", UNK);
    json.put("model", model);

    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  private static Map<String, Object> special(int id, String content) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("id", id);
    token.put("content", content);
    token.put("single_word", false);
    token.put("lstrip", false);
    token.put("rstrip", false);
    token.put("normalized", false);
    token.put("special", true);
    return token;
  }

  /** {@code <|startoftext|> A <|endoftext|>}, like CLIP's post-processor. */
  private static Map<String, Object> template(Map<String, Integer> vocab) {
    List<Object> single = new ArrayList<>();
    single.add(Map.of("SpecialToken", Map.of("id", START, "type_id", 0)));
    single.add(Map.of("Sequence", Map.of("id", "A", "type_id", 0)));
    single.add(Map.of("SpecialToken", Map.of("id", END, "type_id", 0)));
    List<Object> pair = new ArrayList<>(single);
    pair.add(Map.of("Sequence", Map.of("id", "B", "type_id", 1)));
    pair.add(Map.of("SpecialToken", Map.of("id", END, "type_id", 1)));
    Map<String, Object> specials = new LinkedHashMap<>();
    for (String token : List.of(START, END)) {
      specials.put(
          token, Map.of("id", token, "ids", List.of(vocab.get(token)), "tokens", List.of(token)));
    }
    Map<String, Object> processor = new LinkedHashMap<>();
    processor.put("type", "TemplateProcessing");
    processor.put("single", single);
    processor.put("pair", pair);
    processor.put("special_tokens", specials);
    return processor;
  }
}
