package io.vclip.trainer.cli;

import io.vclip.trainer.model.ModelConfig;
import io.vclip.trainer.model.ModelPresets;
import io.vclip.trainer.model.XClipConfig;
import picocli.CommandLine.Option;

/** The architecture flags shared by the {@code vclip model} subcommands. */
final class ModelOptions {
  @Option(
      names = "--preset",
      required = true,
      description = "Architecture: tiny, ViT-B/32, ViT-B/16, ViT-L/14.")
  String preset;

  @Option(names = "--frames", defaultValue = "8", description = "Frames per clip, T (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--no-cross-frame", description = "Switch off X-CLIP's cross-frame attention.")
  boolean noCrossFrame;

  @Option(names = "--no-mit", description = "Switch off the multi-frame integration transformer (mean over frames).")
  boolean noMit;

  @Option(names = "--no-prompts", description = "Switch off video-specific prompts.")
  boolean noPrompts;

  ModelConfig config() {
    ModelConfig base = ModelPresets.get(preset, frames);
    XClipConfig x = base.xclip().withParts(!noCrossFrame, !noMit, !noPrompts);
    return base.withXClip(x);
  }
}
