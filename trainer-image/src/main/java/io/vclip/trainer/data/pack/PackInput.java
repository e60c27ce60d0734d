package io.vclip.trainer.data.pack;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * One video to pack: its id (as in the captions file), where it comes from (for messages), and how
 * to get its T sampled, resized frames (run on a worker thread).
 */
public record PackInput(String videoId, String origin, FrameLoader frames) {
  @FunctionalInterface
  public interface FrameLoader {
    List<BufferedImage> load() throws IOException;
  }
}
