package io.vclip.trainer.cli;

import io.vclip.trainer.VclipUserException;
import io.vclip.crds.v1alpha1.SyntheticData;
import io.vclip.trainer.progress.ProgressBar;
import io.vclip.trainer.storage.ObjectStore;
import io.vclip.trainer.train.SyntheticDataset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vclip data synthetic}: the synthetic video world as shards (OUT/train and OUT/eval). */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
    description = {"Generate the synthetic video world (shapes with colour, size, count, position and motion; "
        + "long and short descriptions; ground-truth DDR/HDR sequences) as shards in OUT/train and OUT/eval.",
        "Deterministic for a seed; an existing complete split is kept."})
final class DataSyntheticCommand implements Callable<Integer> {
  @Option(names = "--videos", required = true, description = "training clips") int videos;
  @Option(names = "--held-out", defaultValue = "200", description = "held-out clips (default: ${DEFAULT-VALUE})") int heldOut;
  @Option(names = "--out", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX") String out;
  @Option(names = "--seed", defaultValue = "7") long seed;
  @Option(names = "--frames", defaultValue = "8", description = "frames per clip T (default: ${DEFAULT-VALUE})") int frames;
  @Option(names = "--size", defaultValue = "32", description = "frame side in pixels, 32–64 (default: ${DEFAULT-VALUE})") int size;
  @Option(names = "--ranking-length", defaultValue = "5",
      description = "texts per DDR/HDR sequence, the original included (default: ${DEFAULT-VALUE})") int rankingLength;

  @Override
  public Integer call() throws Exception {
    if (videos < 1) throw new VclipUserException("--videos must be at least 1, got " + videos);
    SyntheticData spec = new SyntheticData();
    spec.setVideos(videos);
    spec.setHeldOutVideos(heldOut);
    spec.setSeed(seed);
    spec.setFrameSize(size);
    String base = out.endsWith("/") ? out : out + "/";
    try (ObjectStore train = ObjectStore.open(base + "train", System.getenv());
        ObjectStore eval = ObjectStore.open(base + "eval", System.getenv());
        ProgressBar bar = ProgressBar.onStderr("synthetic world", videos + heldOut, "clips")) {
      SyntheticDataset.ensure(spec, frames, rankingLength, train, eval, bar::advance);
    } catch (IllegalArgumentException e) {
      throw new VclipUserException(e.getMessage(), e);
    }
    System.err.println("wrote " + videos + " training and " + heldOut + " held-out clips under " + base);
    return 0;
  }
}
