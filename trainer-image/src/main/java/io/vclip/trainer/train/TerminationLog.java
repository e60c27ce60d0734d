package io.vclip.trainer.train;

import io.vclip.crds.contract.TerminationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the termination report where the kubelet (or {@code vclip run}) reads it; never fails the run. */
public final class TerminationLog {
  private static final Logger LOG = LoggerFactory.getLogger(TerminationLog.class);

  private TerminationLog() {}

  public static void write(Path file, TerminationReport report) {
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.writeString(file, report.toJson(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not write the termination report to {}: {}", file, e.toString());
    }
  }
}
