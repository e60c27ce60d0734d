package io.vclip.trainer.data.loader;

/**
 * What a loader produces and how hard it works. Validated here, so the loader trusts it.
 *
 * @param shuffleBuffer records held for shuffling (WebDataset-style); 1 keeps stream order
 * @param workers decode threads
 * @param prefetchBatches batches decoded ahead of the consumer
 */
public record LoaderConfig(
    int batchSize, int frames, int height, int width, int shuffleBuffer, long seed, int workers,
    int prefetchBatches) {

  public LoaderConfig {
    positive("batch size", batchSize);
    positive("frames", frames);
    positive("height", height);
    positive("width", width);
    positive("shuffle buffer", shuffleBuffer);
    positive("workers", workers);
    positive("prefetch batches", prefetchBatches);
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("loader " + field + " must be positive, got " + value);
    }
  }

  public LoaderConfig withSize(int frames, int height, int width) {
    return new LoaderConfig(batchSize, frames, height, width, shuffleBuffer, seed, workers, prefetchBatches);
  }

  public LoaderConfig withShuffle(int buffer, long newSeed) {
    return new LoaderConfig(batchSize, frames, height, width, buffer, newSeed, workers, prefetchBatches);
  }
}
