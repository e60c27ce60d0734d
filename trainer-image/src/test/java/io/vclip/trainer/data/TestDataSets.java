package io.vclip.trainer.data;

import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.shard.ShardWriter;
import io.vclip.trainer.storage.ObjectStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Small real data sets for tests: solid-colour frames whose colour encodes (sample, frame). */
public final class TestDataSets {
  private TestDataSets() {}

  public static String key(int i) {
    return String.format("v%05d", i);
  }

  public static Color colour(int sample, int frame) {
    return new Color((sample * 37) % 256, (frame * 50) % 256, (sample * 11 + frame * 7) % 256);
  }

  public static BufferedImage solid(Color c, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(c);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return img;
  }

  public static Captions captions(int i) {
    return new Captions("video-" + i, List.of("a long description of clip " + i), List.of("clip " + i), null, null);
  }

  public static VideoSample sample(int i, int frames, int size) {
    List<BufferedImage> images = new ArrayList<>();
    for (int t = 0; t < frames; t++) images.add(solid(colour(i, t), size, size));
    return new VideoSample(key(i), images, captions(i));
  }

  /**
   * Writes shards holding exactly {@code sizes[s]} samples each (keys ascend across shards), by
   * closing one writer per shard on top of the previous index.
   */
  public static void writeShards(ObjectStore store, int frames, int size, int... sizes) {
    var options = new ShardWriter.Options(Long.MAX_VALUE, FrameFormat.png(), frames);
    var index = io.vclip.trainer.data.shard.ShardIndex.empty(frames, "png");
    int next = 0;
    for (int count : sizes) {
      ShardWriter w = new ShardWriter(store, options, index);
      for (int i = 0; i < count; i++) w.write(sample(next++, frames, size));
      w.close();
      index = w.index();
    }
  }
}
