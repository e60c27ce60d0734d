package io.vclip.trainer.cli;

import io.vclip.trainer.data.synthetic.SyntheticTokenizerFile;
import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.text.ClipTokenizer;
import io.vclip.trainer.train.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A preset and the synthetic world's tokenizer, as the benchmark commands measure them: the tiny
 * preset takes the world's vocabulary, the released sizes keep CLIP's. Deletes its temporary
 * tokenizer file on close.
 */
final class BenchModel implements AutoCloseable {
  private final Path tokenizerFile;
  private final ModelConfig config;
  private final ClipTokenizer tokenizer;

  private BenchModel(Path tokenizerFile, ModelConfig config, ClipTokenizer tokenizer) {
    this.tokenizerFile = tokenizerFile;
    this.config = config;
    this.tokenizer = tokenizer;
  }

  static BenchModel of(String preset, int frames) throws IOException {
    Path file = Files.createTempFile("vclip-bench-tokenizer", ".json");
    try {
      SyntheticTokenizerFile.writeWorldTokenizer(file);
      ModelConfig config = ModelPresets.TINY.equals(preset)
          ? ModelPresets.tiny(frames, TokenizerFiles.vocabularySize(file))
          : ModelPresets.get(preset, frames);
      return new BenchModel(file, config, ClipTokenizer.load(file, config.text().contextLength()));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  ModelConfig config() {
    return config;
  }

  ClipTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public void close() throws IOException {
    tokenizer.close();
    Files.deleteIfExists(tokenizerFile);
  }
}
