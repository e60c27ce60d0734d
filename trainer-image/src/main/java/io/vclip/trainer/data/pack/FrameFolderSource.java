package io.vclip.trainer.data.pack;

import io.vclip.trainer.data.frames.FrameCodec;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.frames.FrameResizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Videos given as extracted frames: one sub-folder per video (named by its id), frames sorted by file name. */
public final class FrameFolderSource {
  private FrameFolderSource() {}

  public static List<PackInput> list(Path root, int frames, FrameResizer resizer) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("frames folder " + root + " does not exist or is not a folder");
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted()
          .map(dir -> new PackInput(dir.getFileName().toString(), dir.toString(), () -> load(dir, frames, resizer)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + root + " failed", e);
    }
  }

  private static List<BufferedImage> load(Path dir, int frames, FrameResizer resizer) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> FrameFormat.isFrameExtension(extension(p))).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no .jpg/.jpeg/.png frames in " + dir);
    }
    List<BufferedImage> out = new ArrayList<>(frames);
    for (int i : SegmentSampler.indices(files.size(), frames)) {
      Path f = files.get(i);
      try {
        out.add(resizer.resize(FrameCodec.decode(Files.readAllBytes(f))));
      } catch (IOException e) {
        throw new IOException(f + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }
}
