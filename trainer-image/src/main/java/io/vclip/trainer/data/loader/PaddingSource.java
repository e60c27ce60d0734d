package io.vclip.trainer.data.loader;

/**
 * Fills the batches an epoch still owes once a rank's records ran dry (only possible when some of
 * them were bad): with the epoch's good records again, from its first emission on, cycling. The
 * choice depends only on how many padding slots were filled before, which the position stores, so
 * a resumed loader pads exactly as an uninterrupted one would.
 */
final class PaddingSource implements AutoCloseable {
  private final RankEpoch epoch;
  private final SampleDecoding decoding;
  private final String rankName;
  private InterleavedRecords records;
  private boolean sawGood;

  PaddingSource(RankEpoch epoch, SampleDecoding decoding, String rankName, long alreadyPadded) {
    this.epoch = epoch;
    this.decoding = decoding;
    this.rankName = rankName;
    for (long i = 0; i < alreadyPadded; i++) next();
  }

  DecodedSample next() {
    while (true) {
      if (records == null || !records.hasNext()) {
        if (records != null && !sawGood) {
          throw new IllegalStateException(rankName + " has no readable sample in this epoch (see the skip report)");
        }
        if (records != null) records.close();
        records = epoch.records(0);
        if (!records.hasNext()) {
          throw new IllegalStateException(rankName + " has no samples in this epoch");
        }
      }
      DecodedSample d = decoding.decode(records.next());
      if (d.isGood()) {
        sawGood = true;
        return d;
      }
    }
  }

  @Override
  public void close() {
    if (records != null) records.close();
  }
}
