package io.vclip.trainer.model.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vclip.trainer.VclipUserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {
  @TempDir Path dir;

  /** A WordLevel tokenizer.json: lower-casing, whitespace split, CLIP's two special tokens. */
  static Path writeWordLevel(Path dir, boolean withSpecials) throws Exception {
    String added =
        withSpecials
            ? """
              {"id": 1, "content": "<|startoftext|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
              {"id": 2, "content": "<|endoftext|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
              """
            : "";
    String json =
        """
        {
          "version": "1.0",
          "truncation": null,
          "padding": null,
          "added_tokens": [%s],
          "normalizer": {"type": "Lowercase"},
          "pre_tokenizer": {"type": "Whitespace"},
          "post_processor": null,
          "decoder": null,
          "model": {
            "type": "WordLevel",
            "vocab": {"<pad>": 0, "<|startoftext|>": 1, "<|endoftext|>": 2, "<unk>": 3,
                      "a": 4, "red": 5, "circle": 6, "moves": 7, "left": 8, "blue": 9, "square": 10},
            "unk_token": "<unk>"
          }
        }
        """
            .formatted(added);
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void idsArePaddedAndTheEndOfTextIndexPointsAtTheEndToken() throws Exception {
    try (ClipTokenizer tok = ClipTokenizer.load(writeWordLevel(dir, true), 8)) {
      TokenizedText t = tok.encode(List.of("A red circle moves left", "blue SQUARE", "a green circle"));
      assertThat(t.ids()[0]).containsExactly(1, 4, 5, 6, 7, 8, 2, 0);
      assertThat(t.ids()[1]).containsExactly(1, 9, 10, 2, 0, 0, 0, 0);
      assertThat(t.ids()[2]).containsExactly(1, 4, 3, 6, 2, 0, 0, 0); // "green" is unknown
      assertThat(t.eotIndex()).containsExactly(6, 3, 4);
    }
  }

  @Test
  void longTextIsTruncatedSoTheEndTokenStillFits() throws Exception {
    try (ClipTokenizer tok = ClipTokenizer.load(writeWordLevel(dir, true), 5)) {
      TokenizedText t = tok.encode(List.of("a red circle moves left"));
      assertThat(t.ids()[0]).containsExactly(1, 4, 5, 6, 2);
      assertThat(t.eotIndex()).containsExactly(4);
    }
  }

  @Test
  void badFilesAreNamed() throws Exception {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> ClipTokenizer.load(missing, 8))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining(missing.toString());
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
    assertThatThrownBy(() -> ClipTokenizer.load(garbage, 8))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining(garbage.toString());
    Path noSpecials = writeWordLevel(Files.createDirectories(dir.resolve("plain")), false);
    assertThatThrownBy(() -> ClipTokenizer.load(noSpecials, 8))
        .isInstanceOf(VclipUserException.class)
        .hasMessageContaining(noSpecials.toString())
        .hasMessageContaining("<|startoftext|>");
  }
}
