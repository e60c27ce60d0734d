package io.vclip.trainer.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the written tokenizer.json with the real HF tokenizers library (through DJL). */
class SyntheticTokenizerFileTest {

  @TempDir Path dir;

  @Test
  void theWorldsTextsTokenizeWithoutUnknownsAndEndOnTheLargestId() throws Exception {
    Path file = dir.resolve("tok/tokenizer.json");
    SyntheticTokenizerFile.writeWorldTokenizer(file);
    int vocabularySize = WorldVocabulary.words().size() + 4;
    SyntheticWorld world = new SyntheticWorld(WorldConfig.defaults(9));
    try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file)) {
      for (int i = 0; i < 20; i++) {
        String text = world.sample(i).captions().longCaptions().get(0);
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        List<String> tokens = Arrays.asList(encoding.getTokens());
        assertThat(tokens.get(0)).isEqualTo(SyntheticTokenizerFile.START);
        assertThat(tokens.get(tokens.size() - 1)).isEqualTo(SyntheticTokenizerFile.END);
        assertThat(ids).doesNotContain(1L);
        // Lower-cased words and punctuation, one token each.
        assertThat(tokens.subList(1, tokens.size() - 1)).isEqualTo(WorldVocabulary.split(text));
        assertThat(Arrays.stream(ids).max().orElseThrow()).isEqualTo(ids[ids.length - 1]);
        assertThat(ids[ids.length - 1]).isEqualTo(vocabularySize - 1);
      }
      assertThat(tokenizer.encode("A purple zebra.").getIds()).contains(1L);
    }
  }
}
