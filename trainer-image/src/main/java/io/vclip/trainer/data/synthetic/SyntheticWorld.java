package io.vclip.trainer.data.synthetic;

import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.VideoSample;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The synthetic video world: sample {@code i} of a seed is always the same clip with the same
 * captions, whichever order or process asks for it, so ranks can generate disjoint index ranges in
 * parallel. The held-out split is the same world under a derived seed.
 */
public final class SyntheticWorld {

  /** Salt for the held-out seed; any fixed odd constant works, this one is from SplitMix64. */
  private static final long HELD_OUT_SALT = 0x9E3779B97F4A7C15L;

  private final WorldConfig config;
  private final String split;
  private final long seed;
  private final SceneSampler sampler;
  private final SceneRenderer renderer;
  private final SceneDescriber describer = new SceneDescriber();
  private final GroundTruthDdr ddr = new GroundTruthDdr();
  private final GroundTruthHdr hdr = new GroundTruthHdr();

  public SyntheticWorld(WorldConfig config) {
    this(config, "train", config.seed());
  }

  private SyntheticWorld(WorldConfig config, String split, long seed) {
    this.config = config;
    this.split = split;
    this.seed = seed;
    this.sampler = new SceneSampler(config.maxObjects());
    this.renderer = new SceneRenderer(config.frames(), config.frameSize());
  }

  /** The evaluation split: same grammar and rendering, clips drawn from a different seed. */
  public SyntheticWorld heldOut() {
    return new SyntheticWorld(config, "heldout", mix(config.seed() ^ HELD_OUT_SALT));
  }

  public WorldConfig config() {
    return config;
  }

  /** The ground truth of clip {@code index}, without rendering it. */
  public Scene scene(long index) {
    return sampler.sample(randomFor(index, 0));
  }

  public VideoSample sample(long index) {
    Scene scene = scene(index);
    String key = String.format("%s-%08d", split, index);
    SceneStatement full = SceneStatement.of(scene);
    List<String> ddrTexts =
        ddr.sequence(full, config.rankingLength(), randomFor(index, 1)).stream()
            .map(describer::longDescription)
            .toList();
    List<String> hdrTexts =
        hdr.sequence(scene, config.rankingLength(), randomFor(index, 2)).stream()
            .map(describer::longDescription)
            .toList();
    Captions captions =
        new Captions(
            key,
            List.of(describer.longDescription(full)),
            List.of(describer.shortDescription(full)),
            ddrTexts,
            hdrTexts);
    return new VideoSample(key, renderer.render(scene), captions);
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive), lazily. */
  public Stream<VideoSample> samples(long from, long to) {
    return LongStream.range(from, to).mapToObj(this::sample);
  }

  // Separate streams for scene, DDR and HDR, so changing one (say m) never changes the others.
  private SplittableRandom randomFor(long index, int stream) {
    return new SplittableRandom(mix(seed + mix(index * 3 + stream)));
  }

  /** SplitMix64's finaliser: spreads nearby seeds (0, 1, 2…) into unrelated streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
