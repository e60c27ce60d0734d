package io.vclip.trainer.telemetry;

import java.util.Locale;

/** The parts of the VideoCLIP-XL objective as metric attribute values (L = L_CL + α1·L_TPCM + α2·L_DDR + α3·L_HDR). */
public enum LossPart {
  CONTRASTIVE,
  TPCM,
  DDR,
  HDR,
  TOTAL;

  /** The attribute value: the lower-case name. */
  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The part named {@code name} (case-insensitive), for objectives that return named loss parts. */
  public static LossPart fromName(String name) {
    for (LossPart p : values()) {
      if (p.attributeValue().equalsIgnoreCase(name)) return p;
    }
    throw new IllegalArgumentException("unknown loss part '" + name + "'; known: contrastive, tpcm, ddr, hdr, total");
  }
}
