package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.Captions;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * One batch for a training step. {@code frames} is the loader's own direct buffer, laid out
 * (B, T, 3, H, W) and CLIP-normalised; it is refilled by the next call to
 * {@link VideoDataLoader#next()}, so wrap it (DJL {@code manager.create(buffer, shape)}) or copy it
 * before asking for another batch. Reusing one direct buffer avoids DJL's heap-to-native copies
 * that leak until a GC (STACK.md).
 *
 * @param position the loader's position after this batch (what a checkpoint taken now stores)
 */
public record Batch(
    FloatBuffer frames, long[] shape, List<String> keys, List<Captions> captions, LoaderPosition position) {
  public int size() {
    return keys.size();
  }
}
