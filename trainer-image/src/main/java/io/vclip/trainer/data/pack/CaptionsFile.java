package io.vclip.trainer.data.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vclip.trainer.data.Captions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The captions of a data set to pack: a JSONL file, one {@code {"video_id", "long_captions",
 * "short_captions"}} object per line (optional {@code ddr}, {@code hdr}), as VILD distributes them.
 */
public final class CaptionsFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Captions> byVideo;

  private CaptionsFile(Map<String, Captions> byVideo) {
    this.byVideo = byVideo;
  }

  /** @throws IllegalArgumentException naming the file and line of the first bad record */
  public static CaptionsFile read(Path file) {
    Map<String, Captions> byVideo = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) continue;
        String where = file + " line " + number;
        Captions c;
        try {
          c = JSON.readValue(line, Captions.class);
        } catch (IOException e) {
          throw new IllegalArgumentException(where + " is not a JSON object: "
              + e.getMessage().lines().findFirst().orElse(""));
        }
        if (c.videoId() == null || c.videoId().isBlank()) {
          throw new IllegalArgumentException(where + ": \"video_id\" is missing");
        }
        if (c.longCaptions().isEmpty()) {
          throw new IllegalArgumentException(where + ": \"long_captions\" is missing or empty for '" + c.videoId() + "'");
        }
        if (byVideo.put(c.videoId(), c) != null) {
          throw new IllegalArgumentException(where + ": video_id '" + c.videoId() + "' appears twice");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read captions file " + file + ": " + e.getMessage(), e);
    }
    return new CaptionsFile(byVideo);
  }

  public Optional<Captions> forVideo(String videoId) {
    return Optional.ofNullable(byVideo.get(videoId));
  }

  public int size() {
    return byVideo.size();
  }
}
