package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.Captions;

/** A worker's result for one record: model-ready frames, or why the record is unusable. */
record DecodedSample(String shard, String key, float[] frames, Captions captions, String badReason) {
  boolean isGood() {
    return badReason == null;
  }
}
