package io.vclip.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The VideoCLIP-XL objective: contrastive + TPCM + DDR + HDR, each weighted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectiveSpec {

  @JsonPropertyDescription("Video-text contrastive term.")
  private ContrastiveTerm contrastive = new ContrastiveTerm();

  @JsonPropertyDescription("Text-prototype principal-component matching.")
  private TpcmTerm tpcm = new TpcmTerm();

  @JsonPropertyDescription("Detail-aware description ranking.")
  private RankingTerm ddr = new RankingTerm();

  @JsonPropertyDescription("Hallucination-aware description ranking.")
  private RankingTerm hdr = new RankingTerm();

  public ContrastiveTerm getContrastive() {
    return contrastive;
  }

  public void setContrastive(ContrastiveTerm contrastive) {
    this.contrastive = contrastive;
  }

  public TpcmTerm getTpcm() {
    return tpcm;
  }

  public void setTpcm(TpcmTerm tpcm) {
    this.tpcm = tpcm;
  }

  public RankingTerm getDdr() {
    return ddr;
  }

  public void setDdr(RankingTerm ddr) {
    this.ddr = ddr;
  }

  public RankingTerm getHdr() {
    return hdr;
  }

  public void setHdr(RankingTerm hdr) {
    this.hdr = hdr;
  }
}
