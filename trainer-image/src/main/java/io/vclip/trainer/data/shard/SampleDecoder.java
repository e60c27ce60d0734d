package io.vclip.trainer.data.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.trainer.data.Captions;
import io.vclip.trainer.data.VideoSample;
import io.vclip.trainer.data.frames.FrameCodec;
import io.vclip.trainer.data.frames.FrameFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a shard's encoded sample into a {@link VideoSample}, checking everything a training step
 * relies on: a JSON with at least one long caption, exactly T frames numbered 0..T-1, every frame
 * a readable image. Stateless and thread-safe (decode workers share one).
 */
public final class SampleDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FRAME = Pattern.compile("f(\\d+)\\.([a-z]+)");

  private final int expectedFrames;

  /** @param expectedFrames T; 0 accepts any positive number of frames */
  public SampleDecoder(int expectedFrames) {
    this.expectedFrames = expectedFrames;
  }

  public VideoSample decode(EncodedSample s) throws BadSampleException {
    if (s.readError() != null) {
      throw new BadSampleException(s.key(), s.readError());
    }
    byte[] json = s.files().get("json");
    if (json == null) {
      throw new BadSampleException(s.key(), "missing " + s.key() + ".json");
    }
    Captions captions;
    try {
      captions = JSON.readValue(json, Captions.class);
    } catch (IOException e) {
      throw new BadSampleException(s.key(), s.key() + ".json is not valid captions JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    if (captions.longCaptions().isEmpty() || captions.longCaptions().get(0).isBlank()) {
      throw new BadSampleException(s.key(), s.key() + ".json has no long caption");
    }
    TreeMap<Integer, Map.Entry<String, byte[]>> frames = frameFiles(s);
    int count = frames.size();
    if (count == 0 || (expectedFrames > 0 && count != expectedFrames)) {
      throw new BadSampleException(s.key(), "has " + count + " frames, expected "
          + (expectedFrames > 0 ? expectedFrames : "at least 1"));
    }
    if (frames.lastKey() != count - 1) {
      throw new BadSampleException(s.key(), "frame numbers are not 0.." + (count - 1) + ": " + frames.keySet());
    }
    List<BufferedImage> images = new ArrayList<>(count);
    for (Map.Entry<String, byte[]> f : frames.values()) {
      try {
        images.add(FrameCodec.decode(f.getValue()));
      } catch (IOException | RuntimeException e) {
        throw new BadSampleException(s.key(), "frame " + s.key() + "." + f.getKey() + ": " + e.getMessage());
      }
    }
    return new VideoSample(s.key(), images, captions);
  }

  private static TreeMap<Integer, Map.Entry<String, byte[]>> frameFiles(EncodedSample s) {
    TreeMap<Integer, Map.Entry<String, byte[]>> frames = new TreeMap<>();
    for (Map.Entry<String, byte[]> f : s.files().entrySet()) {
      Matcher m = FRAME.matcher(f.getKey());
      if (m.matches() && FrameFormat.isFrameExtension(m.group(2))) {
        frames.put(Integer.parseInt(m.group(1)), f);
      }
    }
    return frames;
  }
}
