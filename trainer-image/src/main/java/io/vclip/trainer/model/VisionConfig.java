package io.vclip.trainer.model;

/** The CLIP image ViT: square frames of {@code imageSize} px cut into {@code patchSize} patches. */
public record VisionConfig(int imageSize, int patchSize, int width, int layers, int heads) {
  public VisionConfig {
    ConfigCheck.positive("vision.image_size", imageSize);
    ConfigCheck.positive("vision.patch_size", patchSize);
    ConfigCheck.positive("vision.width", width);
    ConfigCheck.positive("vision.layers", layers);
    ConfigCheck.positive("vision.heads", heads);
    ConfigCheck.require(
        imageSize % patchSize == 0,
        "vision.patch_size",
        "(" + patchSize + ") must divide vision.image_size (" + imageSize + ")");
    ConfigCheck.require(
        width % heads == 0, "vision.heads", "(" + heads + ") must divide vision.width (" + width + ")");
  }

  /** Patches per frame (grid²). */
  public int patches() {
    int grid = imageSize / patchSize;
    return grid * grid;
  }
}
