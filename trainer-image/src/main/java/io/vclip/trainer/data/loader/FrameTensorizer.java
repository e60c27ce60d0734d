package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameResizer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A decoded sample's frames as model input: resized (short side + centre crop), CLIP-normalised,
 * laid out (T, 3, H, W) channel-first as the vision transformer's patch embedding expects.
 */
final class FrameTensorizer {
  private final FrameResizer resizer;
  private final int frames;

  FrameTensorizer(int frames, int height, int width) {
    this.frames = frames;
    this.resizer = new FrameResizer(width, height);
  }

  int floatsPerSample() {
    return frames * 3 * resizer.height() * resizer.width();
  }

  float[] tensorize(VideoSample sample) {
    int hw = resizer.height() * resizer.width();
    float[] out = new float[floatsPerSample()];
    float[] scale = {ClipNormalization.scale(0), ClipNormalization.scale(1), ClipNormalization.scale(2)};
    float[] offset = {ClipNormalization.offset(0), ClipNormalization.offset(1), ClipNormalization.offset(2)};
    for (int t = 0; t < frames; t++) {
      BufferedImage img = resizer.resize(sample.frames().get(t));
      int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
      int r = t * 3 * hw;
      int g = r + hw;
      int b = g + hw;
      for (int p = 0; p < hw; p++) {
        int v = px[p];
        out[r + p] = ((v >>> 16) & 0xff) * scale[0] + offset[0];
        out[g + p] = ((v >>> 8) & 0xff) * scale[1] + offset[1];
        out[b + p] = (v & 0xff) * scale[2] + offset[2];
      }
    }
    return out;
  }
}
