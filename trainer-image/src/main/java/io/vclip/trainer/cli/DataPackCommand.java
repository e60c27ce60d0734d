package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.trainer.data.frames.FrameFormat;
import io.vclip.trainer.data.frames.FrameResizer;
import io.vclip.trainer.data.pack.CaptionsFile;
import io.vclip.trainer.data.pack.FrameFolderSource;
import io.vclip.trainer.data.pack.PackInput;
import io.vclip.trainer.data.pack.Packer;
import io.vclip.trainer.data.pack.VideoFileSource;
import io.vclip.trainer.data.shard.SkipReport;
import io.vclip.trainer.storage.ObjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vclip data pack}: frame folders or video files + a captions JSONL → WebDataset shards. */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = {
      "Pack videos and their captions into tar shards (WebDataset layout, see docs/data-format.md).",
      "Resumable: run it again with the same arguments and it continues after the last complete shard."
    })
final class DataPackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static final class Input {
    @Option(names = "--frames-dir", paramLabel = "DIR",
        description = "Folder with one sub-folder of frame images (.jpg/.png, sorted by name) per video.")
    Path framesDir;

    @Option(names = "--videos", paramLabel = "DIR", description = "Folder of video files (mp4, webm, mkv, avi, mov).")
    Path videosDir;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--captions", required = true, paramLabel = "FILE",
      description = "JSONL, one {\"video_id\", \"long_captions\", \"short_captions\"} per line.")
  Path captions;

  @Option(names = "--out", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX",
      description = "Where the shards and shards.json go (S3 endpoint and keys from VCLIP_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).")
  String out;

  @Option(names = "--frames", defaultValue = "8", paramLabel = "T", description = "Frames per sample T (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--size", defaultValue = "224", paramLabel = "PX", description = "Frame side in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--shard-size-mb", defaultValue = "256", paramLabel = "MB", description = "Target shard size in MB (default: ${DEFAULT-VALUE}).")
  double shardSizeMb;

  @Option(names = "--jpeg-quality", defaultValue = "90", paramLabel = "Q", description = "JPEG quality 1-100 (default: ${DEFAULT-VALUE}).")
  int jpegQuality;

  @Option(names = "--png", description = "Store frames as lossless PNG instead of JPEG.")
  boolean png;

  @Option(names = "--workers", defaultValue = "0", paramLabel = "N", description = "Decode threads (default: the number of cores).")
  int workers;

  @Override
  public Integer call() {
    validate();
    FrameResizer resizer = new FrameResizer(size, size);
    CaptionsFile captionsFile = userInput(() -> CaptionsFile.read(captions));
    List<PackInput> inputs = userInput(() -> input.framesDir != null
        ? FrameFolderSource.list(input.framesDir, frames, resizer)
        : VideoFileSource.list(input.videosDir, frames, resizer));
    if (inputs.isEmpty()) {
      throw new VclipUserException("no videos found in " + (input.framesDir != null
          ? "--frames-dir " + input.framesDir + " (expected one sub-folder per video)"
          : "--videos " + input.videosDir + " (expected " + VideoFileSource.EXTENSIONS + " files)"));
    }
    FrameFormat format = png ? FrameFormat.png() : FrameFormat.jpeg(jpegQuality / 100f);
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    SkipReport skips = new SkipReport();
    Packer packer = new Packer(new Packer.Options(frames, size, (long) (shardSizeMb * 1024 * 1024), format, threads), skips);
    try (ObjectStore store = userInput(() -> ObjectStore.open(out, System.getenv()))) {
      Packer.Result r = userInput(() -> packer.pack(inputs, captionsFile, store));
      var err = spec.commandLine().getErr();
      err.println("packed " + r.packed() + " videos into " + store.location() + " (" + r.shards() + " shards in all"
          + (r.alreadyPacked() > 0 ? ", " + r.alreadyPacked() + " already packed before" : "") + ")");
      err.println(skips.summary());
    }
    return 0;
  }

  private void validate() {
    if (frames <= 0) throw new VclipUserException("--frames must be positive, got " + frames);
    if (size <= 0) throw new VclipUserException("--size must be positive, got " + size);
    if (!(shardSizeMb > 0)) throw new VclipUserException("--shard-size-mb must be positive, got " + shardSizeMb);
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new VclipUserException("--jpeg-quality must be 1-100, got " + jpegQuality);
    }
    if (workers < 0) throw new VclipUserException("--workers must be >= 0, got " + workers);
  }

  // The data packages report bad input as IllegalArgumentException naming the file or field.
  private static <T> T userInput(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new VclipUserException(e.getMessage(), e);
    }
  }
}
