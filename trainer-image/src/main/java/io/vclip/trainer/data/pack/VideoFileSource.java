package io.vclip.trainer.data.pack;

import io.vclip.trainer.data.frames.FrameResizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Videos given as files, decoded with FFmpeg (JavaCV). The video id is the file name without its
 * extension. Frames are chosen by {@link SegmentSampler} over the exact frame count: the stream's
 * frame count where the container records one (mp4, mov, avi), else a count of the video packets
 * (webm and mkv only know a duration, and duration × rate was seen to be off by one for AV1).
 */
public final class VideoFileSource {
  public static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "mov", "webm", "mkv", "avi");

  static {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
  }

  private VideoFileSource() {}

  public static List<PackInput> list(Path root, int frames, FrameResizer resizer) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("videos folder " + root + " does not exist or is not a folder");
    }
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(Files::isRegularFile).filter(p -> EXTENSIONS.contains(extension(p))).sorted()
          .map(p -> new PackInput(baseName(p), p.toString(), () -> sample(p, frames, resizer)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + root + " failed", e);
    }
  }

  /** T frames at the segment middles, resized. */
  public static List<BufferedImage> sample(Path video, int frames, FrameResizer resizer) throws IOException {
    int recorded = recordedFrameCount(video);
    int count = recorded > 0 ? recorded : countPackets(video);
    List<BufferedImage> out = new ArrayList<>(frames);
    int decoded = grab(video, SegmentSampler.indices(count, frames), resizer, out);
    if (out.size() < frames) {
      // Fewer frames decoded than the container claimed: sample again over those that exist.
      if (decoded == 0) throw new IOException(video + " has no decodable video frames");
      out.clear();
      grab(video, SegmentSampler.indices(decoded, frames), resizer, out);
    }
    return out;
  }

  /** The stream's recorded frame count (nb_frames), or 0 when the container has none. */
  private static int recordedFrameCount(Path video) throws IOException {
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
      g.start();
      if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
        throw new IOException(video + " has no video stream");
      }
      long n = g.getFormatContext().streams(g.getVideoStream()).nb_frames();
      return n > 0 && n < Integer.MAX_VALUE ? (int) n : 0;
    } catch (FFmpegFrameGrabber.Exception e) {
      throw new IOException(video + " cannot be opened by FFmpeg: " + e.getMessage(), e);
    }
  }

  /** Counts the video stream's packets (one per frame) without decoding them. */
  private static int countPackets(Path video) throws IOException {
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
      g.start();
      int stream = g.getVideoStream();
      int n = 0;
      AVPacket p;
      while ((p = g.grabPacket()) != null) {
        if (p.stream_index() == stream) n++;
      }
      if (n == 0) throw new IOException(video + " has no video frames");
      return n;
    } catch (FFmpegFrameGrabber.Exception e) {
      throw new IOException(video + " cannot be read by FFmpeg: " + e.getMessage(), e);
    }
  }

  /** Decodes up to the last wanted index; returns how many frames it decoded. */
  private static int grab(Path video, int[] wanted, FrameResizer resizer, List<BufferedImage> out) throws IOException {
    int last = wanted[wanted.length - 1];
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
         Java2DFrameConverter converter = new Java2DFrameConverter()) {
      g.start();
      int index = 0;
      int next = 0;
      Frame f;
      while (index <= last && (f = g.grabImage()) != null) {
        BufferedImage img = null;
        // Indices repeat when the video has fewer frames than T: reuse the resized frame.
        while (next < wanted.length && wanted[next] == index) {
          if (img == null) img = resizer.resize(converter.convert(f));
          out.add(img);
          next++;
        }
        index++;
      }
      return index;
    } catch (FFmpegFrameGrabber.Exception e) {
      throw new IOException(video + " cannot be decoded by FFmpeg: " + e.getMessage(), e);
    }
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String baseName(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
