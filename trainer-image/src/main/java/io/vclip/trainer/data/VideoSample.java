package io.vclip.trainer.data;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One training sample as it is stored: T frame images and its captions. The shard key is the
 * WebDataset key that groups a sample's files in a tar shard.
 */
public record VideoSample(String key, List<BufferedImage> frames, Captions captions) {
  public VideoSample {
    frames = List.copyOf(frames);
  }
}
