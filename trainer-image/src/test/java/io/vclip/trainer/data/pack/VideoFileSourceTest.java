package io.vclip.trainer.data.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vclip.trainer.data.frames.FrameResizer;
import io.vclip.trainer.data.TestDataSets;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video files decode through FFmpeg and give the segment-middle frames, resized. */
class VideoFileSourceTest {
  @TempDir Path tmp;

  static final int FRAMES = 20;

  /** Frame i is a solid colour far from every other frame's, so the decoded frame tells its index. */
  static Color colourOf(int i) {
    return Color.getHSBColor(i / (float) FRAMES, 0.9f, 0.9f);
  }

  static Path record(Path file, String format, int codec, int pixelFormat) throws Exception {
    try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 64, 48);
         Java2DFrameConverter conv = new Java2DFrameConverter()) {
      rec.setFormat(format);
      rec.setVideoCodec(codec);
      rec.setPixelFormat(pixelFormat);
      rec.setFrameRate(10);
      rec.setVideoQuality(2);
      rec.start();
      for (int i = 0; i < FRAMES; i++) {
        BufferedImage img = TestDataSets.solid(colourOf(i), 64, 48);
        BufferedImage bgr = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(img, 0, 0, null);
        rec.record(conv.convert(bgr));
      }
      rec.stop();
    }
    return file;
  }

  static int nearestFrame(int rgb) {
    Color c = new Color(rgb);
    int best = -1;
    double bestDist = Double.MAX_VALUE;
    for (int i = 0; i < FRAMES; i++) {
      Color o = colourOf(i);
      double d = Math.pow(c.getRed() - o.getRed(), 2) + Math.pow(c.getGreen() - o.getGreen(), 2)
          + Math.pow(c.getBlue() - o.getBlue(), 2);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    return best;
  }

  @Test
  void mpeg4Mp4GivesSegmentMiddles() throws Exception {
    Path mp4 = record(tmp.resolve("clip.mp4"), "mp4", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P);
    List<BufferedImage> frames = VideoFileSource.sample(mp4, 4, new FrameResizer(32, 32));
    assertThat(frames).hasSize(4);
    assertThat(frames).allSatisfy(f -> assertThat(f.getWidth()).isEqualTo(32));
    assertThat(frames.stream().mapToInt(f -> nearestFrame(f.getRGB(16, 16))).toArray()).containsExactly(2, 7, 12, 17);
  }

  @Test
  void vp9WebmWithoutARecordedFrameCountIsCounted() throws Exception {
    Path webm = record(tmp.resolve("clip.webm"), "webm", avcodec.AV_CODEC_ID_VP9, avutil.AV_PIX_FMT_YUV420P);
    List<BufferedImage> frames = VideoFileSource.sample(webm, 4, new FrameResizer(32, 32));
    assertThat(frames.stream().mapToInt(f -> nearestFrame(f.getRGB(16, 16))).toArray()).containsExactly(2, 7, 12, 17);
  }

  @Test
  void mjpegAviAndListingByExtension() throws Exception {
    record(tmp.resolve("b.avi"), "avi", avcodec.AV_CODEC_ID_MJPEG, avutil.AV_PIX_FMT_YUVJ420P);
    java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "not a video");
    List<PackInput> inputs = VideoFileSource.list(tmp, 8, new FrameResizer(16, 16));
    assertThat(inputs).extracting(PackInput::videoId).containsExactly("b");
    List<BufferedImage> frames = inputs.get(0).frames().load();
    // Middles of 8 segments of 20 frames: floor((i + 0.5) * 2.5).
    assertThat(frames.stream().mapToInt(f -> nearestFrame(f.getRGB(8, 8))).toArray())
        .containsExactly(1, 3, 6, 8, 11, 13, 16, 18);
  }

  @Test
  void aFileThatIsNoVideoFailsNamingIt() throws Exception {
    Path fake = java.nio.file.Files.writeString(tmp.resolve("fake.mp4"), "this is text");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VideoFileSource.sample(fake, 4, new FrameResizer(8, 8)))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("fake.mp4");
  }
}
