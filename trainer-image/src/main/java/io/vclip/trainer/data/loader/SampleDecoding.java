package io.vclip.trainer.data.loader;

import io.vclip.trainer.data.shard.BadSampleException;
import io.vclip.trainer.data.shard.EncodedSample;
import io.vclip.trainer.data.shard.SampleDecoder;

/** Record bytes to model input: validate and decode ({@link SampleDecoder}), then tensorize. */
final class SampleDecoding {
  private final SampleDecoder decoder;
  private final FrameTensorizer tensorizer;

  SampleDecoding(LoaderConfig config) {
    this.decoder = new SampleDecoder(config.frames());
    this.tensorizer = new FrameTensorizer(config.frames(), config.height(), config.width());
  }

  int floatsPerSample() {
    return tensorizer.floatsPerSample();
  }

  DecodedSample decode(EncodedSample record) {
    try {
      var sample = decoder.decode(record);
      return new DecodedSample(record.shard(), record.key(), tensorizer.tensorize(sample), sample.captions(), null);
    } catch (BadSampleException e) {
      return new DecodedSample(record.shard(), e.key(), null, null, e.getMessage());
    } catch (RuntimeException e) {
      // A decoder bug or an image ImageIO chokes on must cost one sample, not the run.
      return new DecodedSample(record.shard(), record.key(), null, null, "decoding failed: " + e);
    }
  }
}
