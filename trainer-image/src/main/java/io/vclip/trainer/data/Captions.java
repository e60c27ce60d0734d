package io.vclip.trainer.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The JSON half of a sample, in the VILD record shape ({@code video_id, long_captions[],
 * short_captions[]}) plus the optional precomputed ranking sequences.
 *
 * @param ddr t^D_1 … t^D_m for the first long caption: the original first, each next one with
 *     less detail (empty when not precomputed)
 * @param hdr t^H_1 … t^H_m: the original first, each next one more hallucinated (empty when not
 *     precomputed)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Captions(
    @JsonProperty("video_id") String videoId,
    @JsonProperty("long_captions") List<String> longCaptions,
    @JsonProperty("short_captions") List<String> shortCaptions,
    @JsonProperty("ddr") List<String> ddr,
    @JsonProperty("hdr") List<String> hdr) {

  public Captions {
    longCaptions = longCaptions == null ? List.of() : List.copyOf(longCaptions);
    shortCaptions = shortCaptions == null ? List.of() : List.copyOf(shortCaptions);
    ddr = ddr == null ? List.of() : List.copyOf(ddr);
    hdr = hdr == null ? List.of() : List.copyOf(hdr);
  }

  public Captions withRankings(List<String> ddr, List<String> hdr) {
    return new Captions(videoId, longCaptions, shortCaptions, ddr, hdr);
  }
}
